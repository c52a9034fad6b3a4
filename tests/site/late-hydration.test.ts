// The theme's parts hydrated when needed: each named file is a component of
// VitePress's default theme that the theme imports by a relative path (else
// the plugin would silently do nothing after an upgrade), and its wrapper is
// Vue's lazy hydration of that very component.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { LATE, wrapper } from '../../scripts/site/late-hydration.ts'
import { ROOT } from '../helpers/plans.ts'

const THEME = join(ROOT, 'node_modules/vitepress/dist/client/theme-default')
const sources = [join(THEME, 'Layout.vue'), ...readdirSync(join(THEME, 'components')).filter((f) => f.endsWith('.vue')).map((f) => join(THEME, 'components', f))].map((f) => readFileSync(f, 'utf8'))

it.each(Object.keys(LATE))('%s is imported by the default theme by a relative path', (file) => {
  expect(sources.some((s) => new RegExp(`import \\w+ from '\\./(components/)?${file.replace('.', '\\.')}'`).test(s))).toBe(true)
})

it('wraps the component itself with a hydration strategy', () => {
  const code = wrapper('/x/VPSidebar.vue', { query: '(min-width: 960px)', idle: false })
  expect(code).toContain(`import Component from "/x/VPSidebar.vue"`)
  expect(code).toContain('defineAsyncComponent({ loader: () => Promise.resolve(Component), hydrate: hydrateOnNeed("(min-width: 960px)", false) })')
})
