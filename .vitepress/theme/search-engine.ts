// The search box's engine, loaded when the box first opens (a chunk of its
// own): it fetches the index built from the model (docs/public/search/index.json,
// scripts/search) and searches it with the settings it was built with; results
// carry what the box shows, as text. The index is a data file, not part of this
// script, so a change to a plan changes that file only.
import MiniSearch, { type SearchResult } from 'minisearch'
import { withBase } from 'vitepress'
import { INDEX_OPTIONS } from '../../scripts/search/engine.ts'
import { marked, markedWords, passage, suggestions, type Segment } from '../../scripts/search/results.ts'
import type { SearchExtras } from '../../scripts/search/build-index.ts'

export interface Hit {
  id: string
  kind: string
  title: Segment[]
  meta: string
  passage: Segment[]
}

export interface Engine {
  search: (query: string) => Hit[]
  /** Nearest terms that do find something, for a query that finds nothing. */
  suggest: (query: string) => string[]
}

/** Results shown for one query: more are never read. */
const SHOWN = 30

const text = (value: unknown) => (typeof value === 'string' ? value : '')

function isSearchFile(value: unknown): value is { index: object; extras: SearchExtras } {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  const extras = v.extras as Record<string, unknown> | undefined
  return typeof v.index === 'object' && v.index !== null && Array.isArray(extras?.synonyms) && Array.isArray(extras?.vocabulary)
}

export async function loadEngine(): Promise<Engine> {
  const response = await fetch(withBase('/search/index.json'))
  if (!response.ok) throw new Error(`search index: HTTP ${response.status}`)
  const data: unknown = await response.json()
  if (!isSearchFile(data)) throw new Error('search index: not the file the site writes')
  const index = MiniSearch.loadJS(data.index as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS)
  const { synonyms, vocabulary } = data.extras
  return {
    search(query) {
      const q = query.trim()
      if (q === '') return []
      const words = markedWords(q, synonyms)
      const results: SearchResult[] = index.search(q)
      // A page named exactly as typed (a sector, a unit) comes first.
      const named = (r: SearchResult) => text(r['title']) === q
      return [...results.filter(named), ...results.filter((r) => !named(r))].slice(0, SHOWN).map((r) => ({
        id: r.id as string,
        kind: text(r['kind']),
        title: marked(text(r['title']), words),
        meta: text(r['meta']),
        passage: passage(text(r['text']), words),
      }))
    },
    suggest(query) {
      return suggestions(query.trim(), vocabulary, (q) => index.search(q).length > 0)
    },
  }
}
