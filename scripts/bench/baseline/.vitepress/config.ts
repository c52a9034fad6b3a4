// The benchmark's baseline (npm run bench): plain VitePress on the same pages.
// This folder is a VitePress root of its own, without a theme folder, so the
// build uses VitePress's default theme; its config is the site's, with the
// default local search in place of the one built from the model.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitepress'
import site from '../../../../.vitepress/config.ts'

export default defineConfig({
  ...site,
  srcDir: fileURLToPath(new URL('../../../../docs', import.meta.url)),
  vite: {},
  themeConfig: { ...site.themeConfig, search: { provider: 'local' } },
})
