// The search box's engine, loaded when the box first opens (its own chunk): the
// index built from the model (scripts/search), searched with the settings it
// was built with; results carry what the box shows, as text.
import MiniSearch, { type SearchResult } from 'minisearch'
import indexJson, { extras } from 'virtual:policy-search-index'
import { INDEX_OPTIONS } from '../../scripts/search/engine.ts'
import { marked, markedWords, passage, suggestions, type Segment } from '../../scripts/search/results.ts'

export interface Hit {
  id: string
  kind: string
  title: Segment[]
  meta: string
  passage: Segment[]
}

/** Results shown for one query: more are never read. */
const SHOWN = 30

const index = MiniSearch.loadJSON(indexJson, INDEX_OPTIONS)

const text = (value: unknown) => (typeof value === 'string' ? value : '')

export function search(query: string): Hit[] {
  const q = query.trim()
  if (q === '') return []
  const words = markedWords(q, extras.synonyms)
  const results = index.search(q)
  // A page named exactly as typed (a sector, a unit) comes first.
  const named = (r: SearchResult) => text(r['title']) === q
  return [...results.filter(named), ...results.filter((r) => !named(r))].slice(0, SHOWN).map((r) => ({
    id: r.id as string,
    kind: text(r.kind),
    title: marked(text(r.title), words),
    meta: text(r.meta),
    passage: passage(text(r.text), words),
  }))
}

/** Nearest terms that do find something, for a query that finds nothing. */
export function suggest(query: string): string[] {
  return suggestions(query.trim(), extras.vocabulary, (q) => index.search(q).length > 0)
}
