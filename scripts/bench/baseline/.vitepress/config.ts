// The benchmark's baseline (npm run bench): plain VitePress on the same pages.
// This folder is a VitePress root of its own, without a theme folder, so the
// build uses VitePress's default theme; its config is the site's, with the
// default local search in place of the site's own, and every plan's sidebar in
// the site data, as plain VitePress has it (the site's theme puts each plan's
// sidebar in place from that plan's pages: scripts/site/nav.ts). Nor does it
// take the site's changes to how pages load: the app starts with the page
// (no boot script) and the dark mode is VitePress's default.
import { fileURLToPath } from 'node:url'
import { defineConfig, type DefaultTheme } from 'vitepress'
import site from '../../../../.vitepress/config.ts'
import { loadSite } from '../../../site/load.ts'
import { loadReference } from '../../../data/load.ts'
import { SEEDS_DIR } from '../../../paths.ts'
import { planSidebar } from '../../../site/nav.ts'

const loaded = await loadSite(SEEDS_DIR, loadReference())
if (!loaded.ok) throw new Error(loaded.report.join('\n'))
const sidebar: DefaultTheme.SidebarMulti = {
  ...(site.themeConfig?.sidebar as DefaultTheme.SidebarMulti),
  ...Object.fromEntries(loaded.site.plans.map((plan) => [`/${plan.id}/`, planSidebar(plan)])),
}

export default defineConfig({
  ...site,
  srcDir: fileURLToPath(new URL('../../../../docs', import.meta.url)),
  vite: {},
  transformHtml: undefined,
  appearance: true,
  themeConfig: { ...site.themeConfig, sidebar, search: { provider: 'local' } },
})
