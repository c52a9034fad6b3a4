// Stands in for "minisearch" in the browser bundle (see scripts/search/vite-plugin.ts):
// VitePress's search box calls MiniSearch.loadJSON; this loads the index built
// from the model, with the tokenizer and options it was built with.
import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch'
import indexJson from 'virtual:policy-search-index'
import { INDEX_OPTIONS } from '../../scripts/search/engine.ts'

export default class PolicyMiniSearch<T = unknown> extends MiniSearch<T> {
  static override loadJSON<T = unknown>(): MiniSearch<T> {
    return Object.setPrototypeOf(MiniSearch.loadJSON<T>(indexJson, INDEX_OPTIONS), PolicyMiniSearch.prototype)
  }

  // The search box highlights the terms each result matched. Index terms are
  // character pairs; the words typed, longest first, highlight as whole words.
  override search(query: Query, options?: SearchOptions): SearchResult[] {
    const results = super.search(query, options)
    if (typeof query !== 'string') return results
    const words = Object.fromEntries(query.split(/\s+/).filter((w) => w !== '').map((w) => [w, []]))
    return results.map((r) => ({ ...r, match: { ...words, ...r.match } }))
  }
}
export * from 'minisearch'
