// The Vite side of search: VitePress's search box imports "minisearch"; in the
// browser bundle that name resolves to .vitepress/theme/search-engine.ts, which
// loads the index built here from the model with the shared engine settings.
// No function travels as source text, so nothing needs eval (and a strict
// Content-Security-Policy holds).

import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import type { Site } from '../views.ts'
import { buildSearchIndex } from './build-index.ts'

export const INDEX_MODULE = 'virtual:policy-search-index'
const RESOLVED = '\0' + INDEX_MODULE

const ENGINE = fileURLToPath(new URL('../../.vitepress/theme/search-engine.ts', import.meta.url))
const MINISEARCH = fileURLToPath(new URL('../../node_modules/minisearch/dist/es/index.js', import.meta.url))

export function searchPlugin(site: Site, base: string): Plugin {
  let json: string | null = null
  return {
    name: 'policy-search',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === INDEX_MODULE) return RESOLVED
      // The engine module itself imports the real MiniSearch.
      if (id === 'minisearch') return importer === ENGINE ? MINISEARCH : ENGINE
      return null
    },
    load(id) {
      if (id !== RESOLVED) return null
      json ??= buildSearchIndex(site, base)
      return `export default ${JSON.stringify(json)}`
    },
  }
}
