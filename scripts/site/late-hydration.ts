// The default theme hydrated in parts, when needed
// (.vitepress/theme/hydrate-on-need.ts): where the theme imports one of the
// components below, it gets the same component wrapped by Vue's lazy
// hydration (defineAsyncComponent with a hydration strategy). The server
// renders them as before. Lighthouse's phone profile on task 7: total
// blocking time about 370 ms → under 60 ms with the app started after the
// first paint (scripts/site/start-after-paint.ts) and VueUse's restyle gone
// (appearance in .vitepress/config.ts).

import { basename, dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

/**
 * Component file of the default theme → where a screen shows it (a media
 * query; null: none, on interaction) and whether to hydrate it when the
 * browser is idle (parts on a phone's screen, each then in a task of its own).
 * Not the outline beside the text (VPDocAside): it reads the page's headings
 * only when the content mounts or changes, so hydrated after the content it
 * would stay empty; it hydrates with the content.
 */
export const LATE: Readonly<Record<string, { query: string | null; idle: boolean }>> = {
  'VPSidebar.vue': { query: '(min-width: 960px)', idle: false },
  'VPNavBarMenu.vue': { query: '(min-width: 768px)', idle: false },
  'VPNavBarExtra.vue': { query: '(min-width: 768px) and (max-width: 1279px)', idle: false },
  'VPDocFooter.vue': { query: null, idle: false },
  'VPNav.vue': { query: null, idle: true },
  'VPContent.vue': { query: null, idle: true },
}

const THEME = '/vitepress/dist/client/theme-default/'
const PREFIX = '\0late-hydration:'
const STRATEGY = fileURLToPath(new URL('../../.vitepress/theme/hydrate-on-need.ts', import.meta.url))

/** The wrapper module of a component of the theme (its absolute path). */
export function wrapper(component: string, when: { query: string | null; idle: boolean }): string {
  return [
    `import { defineAsyncComponent } from 'vue'`,
    `import Component from ${JSON.stringify(component)}`,
    `import { hydrateOnNeed } from ${JSON.stringify(STRATEGY)}`,
    `export default defineAsyncComponent({ loader: () => Promise.resolve(Component), hydrate: hydrateOnNeed(${JSON.stringify(when.query)}, ${when.idle}) })`,
  ].join('\n')
}

export function lateHydration(): Plugin {
  return {
    name: 'policy-late-hydration',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !importer.includes(THEME) || !source.startsWith('.') || importer.startsWith(PREFIX)) return null
      const file = basename(source)
      if (!(file in LATE)) return null
      return PREFIX + resolve(dirname(importer.split('?')[0]!), source)
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null
      const component = id.slice(PREFIX.length)
      return wrapper(component, LATE[basename(component)]!)
    },
  }
}
