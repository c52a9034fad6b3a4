// VitePress config: thin. Sidebar and nav come from the model (scripts/site/nav.ts).
import { readFileSync } from 'node:fs'
import { defineConfig, type DefaultTheme } from 'vitepress'
import { loadSite } from '../scripts/site/load.ts'
import { SEEDS_DIR } from '../scripts/paths.ts'
import { siteTheme, type SiteTheme } from '../scripts/site/nav.ts'
import { loadReference } from '../scripts/data/load.ts'
import { headingPermalink, themeLabels } from '../scripts/site/theme-labels.ts'
import { lateHydration } from '../scripts/site/late-hydration.ts'
import { bootScript, startAfterPaint } from '../scripts/site/start-after-paint.ts'
import { withPageTitle } from '../scripts/site/page-title.ts'
import { progress } from '../scripts/site/progress.ts'

// Ledgers (.xlsx) and plans as received (.docx, .doc): files to download, not pages
// (VitePress checks and routes links by extension, in Node and in the browser).
process.env.VITE_EXTRA_EXTENSIONS = 'xlsx,docx,doc'

/** markdown-it rules VitePress adds that the site's pages do not use. */
const UNUSED_SYNTAX = ['emoji', 'snippet', ...['tip', 'info', 'warning', 'danger', 'details', 'code-group', 'raw', 'v-pre'].map((c) => `container_${c}`)]

const base = process.env.SITE_BASE || '/'
// One part of `npm run build` (scripts/cli/build.ts, scripts/site/batches.ts): the pages of the other parts are
// left out and links to them are checked on the assembled site instead (tests/built/site.test.ts); the files
// offered for download (docs/public) are put in the site once by the build, not copied by every part; the nav
// and sidebar come made from the plans (scripts/cli/generate.ts --summary), not read again from every plan.
const partFile = process.env.SITE_BUILD_PART
const part: unknown = partFile ? JSON.parse(readFileSync(partFile, 'utf8')) : null
const exclude = typeof part === 'object' && part !== null && 'exclude' in part ? part.exclude : []
if (!Array.isArray(exclude) || !exclude.every((g) => typeof g === 'string')) throw new Error(`${partFile}: expected {"exclude": [glob, …], "theme": {nav, sidebar}}`)
const given = typeof part === 'object' && part !== null && 'theme' in part ? part.theme : undefined
if (given !== undefined && !(typeof given === 'object' && given !== null && 'nav' in given && Array.isArray(given.nav) && 'sidebar' in given && typeof given.sidebar === 'object')) {
  throw new Error(`${partFile}: theme: expected {nav: [...], sidebar: {...}}`)
}
// Made by scripts/site/nav.ts in the build's generate step and checked for its shape above.
const theme = given !== undefined ? (given as SiteTheme) : await themeFromPlans()

/** npm run dev: the nav and sidebar from the plans in seeds/. */
async function themeFromPlans(): Promise<SiteTheme> {
  const reference = loadReference()
  const loaded = await loadSite(SEEDS_DIR, reference)
  if (!loaded.ok) throw new Error(`the plans in seeds/ cannot be read:\n${loaded.report.join('\n')}`)
  return siteTheme(loaded.site, reference.knowledge.sectors)
}

/** Counts the pages VitePress renders (made at the first: the count of pages is known then). */
let pageRendered: (() => void) | null = null

export default defineConfig({
  srcDir: 'docs',
  srcExclude: exclude,
  ignoreDeadLinks: part !== null,
  base,
  vite: { plugins: [themeLabels(), lateHydration(), bootScript()], ...(part !== null ? { publicDir: false as const } : {}) },
  lang: 'zh-CN',
  title: '政策文件知识库',
  description: '实施方案的任务、责任单位和完成时限：可检索、可打印、可离线使用',
  cleanUrls: false,
  // Pages are indexed for search in the order they finish rendering: one at a
  // time keeps the search index, and so every hashed asset, byte-identical.
  buildConcurrency: 1,
  // Site data in a file of its own, not an inline script: the pages then carry
  // only VitePress's two fixed inline scripts, which a Content-Security-Policy
  // allows by hash (README, 部署).
  metaChunk: true,
  // No prefetching of every linked page's chunk on idle (a task page links
  // dozens in its sidebar): a page loads what it shows (issue: 30 requests).
  router: { prefetchLinks: false },
  // The scripts start after the first paint, one module a task (scripts/site/start-after-paint.ts);
  // the title is the page's text, escaped whole (scripts/site/page-title.ts).
  // Each page rendered counts towards the build's progress line (404.md is rendered too).
  transformHtml: (html, file, { title, siteConfig }) => {
    pageRendered ??= progress('pages rendered', siteConfig.pages.length + 1, { redraw: false })
    pageRendered()
    return startAfterPaint(withPageTitle(html, title, file), file)
  },
  // Dark mode without VueUse's default of forcing a restyle of the whole page
  // when the theme starts (a style that stops transitions, read back, removed):
  // 220 ms of a phone's main thread at load.
  appearance: { disableTransition: false },
  lastUpdated: false,
  // No favicon request: nothing to fetch, no 404 in the console.
  head: [['link', { rel: 'icon', href: 'data:,' }]],
  // Pages are written by scripts/render: plain Markdown whose text is inert
  // (scripts/render/markdown.ts). The syntaxes VitePress adds to Markdown are not used,
  // and are switched off so that nothing can act on a plan's text.
  markdown: {
    attrs: { disable: true },
    anchor: { permalink: headingPermalink as never },
    linkify: false,
    gfmAlerts: false,
    config(md) {
      md.disable([...UNUSED_SYNTAX])
    },
  },
  themeConfig: {
    nav: theme.nav,
    sidebar: theme.sidebar,
    outline: { level: [2, 3], label: '本页目录' },
    docFooter: { prev: '上一篇', next: '下一篇' },
    lastUpdated: { text: '最后更新' },
    darkModeSwitchLabel: '外观',
    lightModeSwitchTitle: '切换到浅色模式',
    darkModeSwitchTitle: '切换到深色模式',
    sidebarMenuLabel: '目录',
    returnToTopLabel: '返回顶部',
    langMenuLabel: '语言',
    skipToContentLabel: '跳到正文',
    externalLinkIcon: false,
    notFound: {
      title: '页面未找到',
      quote: '您访问的页面不存在或已移动。',
      linkLabel: '返回首页',
      linkText: '返回首页',
      code: '404',
    },
  },
})
