// The search box's engine, loaded when the box first opens (a chunk of its
// own). The index is many small data files (scripts/search/format.ts): this
// reads the manifest, then for each query only the shards of its terms, the
// further blocks a ranking still needs and the display data of the results
// shown (scripts/search/query.ts). Results carry what the box shows, as text.
import { withBase } from 'vitepress'
import { FIRST, SHOWN, openIndex } from '../../scripts/search/query.ts'
import { marked, markedWords, passage, suggestions, type Segment } from '../../scripts/search/results.ts'
import type { StoredDocument } from '../../scripts/search/format.ts'

export interface Hit {
  id: string
  kind: string
  title: Segment[]
  meta: string
  passage: Segment[]
}

export interface Engine {
  /** The results of a query: the first screenful as soon as it can be shown, then all. */
  search: (query: string) => AsyncGenerator<Hit[]>
  /** Nearest terms that do find something, for a query that finds nothing. */
  suggest: (query: string) => Promise<string[]>
}

/** Where the index is: search/ beside the site's pages. */
const folder = () => withBase('/search/')

async function json(path: string): Promise<unknown> {
  const response = await fetch(folder() + path)
  if (!response.ok) throw new Error(`search index: ${path}: HTTP ${response.status}`)
  return response.json()
}

/**
 * The engine over the index whose manifest (search/manifest.json) is given:
 * the box fetches it beside this script, so the two round trips overlap, and
 * anew each time (a rebuilt site names another folder; a folder's files never change).
 */
export async function loadEngine(manifest: Promise<unknown>): Promise<Engine> {
  const searcher = await openIndex((path) => (path === 'manifest.json' ? manifest : json(path)))
  const { synonyms } = searcher.manifest
  const hit = (words: string[]) => ([id, kind, title, meta, text]: StoredDocument): Hit => ({
    id,
    kind,
    title: marked(title, words),
    meta,
    passage: passage(text, words),
  })
  return {
    async *search(query) {
      const q = query.trim()
      if (q === '') { yield []; return }
      const words = markedWords(q, synonyms)
      const docs = await searcher.rank(q, SHOWN)
      const first = (await searcher.documents(docs.slice(0, FIRST))).map(hit(words))
      yield first
      if (docs.length > FIRST) yield [...first, ...(await searcher.documents(docs.slice(FIRST))).map(hit(words))]
    },
    async suggest(query) {
      return suggestions(query.trim(), await searcher.vocabulary(), async (q) => (await searcher.rank(q, 1)).length > 0)
    },
  }
}
