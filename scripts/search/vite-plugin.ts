// The Vite side of search: the site's search box (.vitepress/theme/SearchBox.vue)
// imports .vitepress/theme/search-engine.ts when first opened, which loads the
// index built here from the model with the shared engine settings. No function
// travels as source text, so nothing needs eval (and a strict
// Content-Security-Policy holds).

import type { Plugin } from 'vite'
import type { Site } from '../views.ts'
import { buildSearchIndex, searchExtras } from './build-index.ts'

export const INDEX_MODULE = 'virtual:policy-search-index'
const RESOLVED = '\0' + INDEX_MODULE


export function searchPlugin(site: Site, base: string): Plugin {
  let json: string | null = null
  return {
    name: 'policy-search',
    enforce: 'pre',
    resolveId(id) {
      return id === INDEX_MODULE ? RESOLVED : null
    },
    load(id) {
      if (id !== RESOLVED) return null
      json ??= buildSearchIndex(site, base)
      return `export default ${JSON.stringify(json)}\nexport const extras = ${JSON.stringify(searchExtras(site))}`
    },
  }
}
