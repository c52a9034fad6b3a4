// VitePress config: thin. Sidebar and nav come from the model (scripts/site/nav.ts).
import { defineConfig } from 'vitepress'
import { loadSite } from '../scripts/site/load.ts'
import { nav, sidebar } from '../scripts/site/nav.ts'
import { loadKnowledge } from '../scripts/knowledge-data.ts'
import { headingPermalink, themeLabels } from '../scripts/site/theme-labels.ts'

// Ledgers (.xlsx) and plans as received (.docx, .doc): files to download, not pages
// (VitePress checks and routes links by extension, in Node and in the browser).
process.env.VITE_EXTRA_EXTENSIONS = 'xlsx,docx,doc'

/** markdown-it rules VitePress adds that the site's pages do not use. */
const UNUSED_SYNTAX = ['emoji', 'snippet', ...['tip', 'info', 'warning', 'danger', 'details', 'code-group', 'raw', 'v-pre'].map((c) => `container_${c}`)]

const loaded = await loadSite()
if (!loaded.ok) throw new Error(`the plans in seeds/ cannot be read:\n${loaded.report.join('\n')}`)
const { site } = loaded
const base = process.env.SITE_BASE || '/'
// One batch of a batched build (scripts/site/batches.ts): the pages of the other batches are left out, and links
// to them are checked on the merged site instead (tests/site/built.test.ts).
const batchExclude: unknown = JSON.parse(process.env.SITE_BATCH_EXCLUDE || '[]')
if (!Array.isArray(batchExclude) || !batchExclude.every((g) => typeof g === 'string')) throw new Error('SITE_BATCH_EXCLUDE: expected a JSON list of globs')

export default defineConfig({
  srcDir: 'docs',
  srcExclude: batchExclude,
  ignoreDeadLinks: batchExclude.length > 0,
  base,
  vite: { plugins: [themeLabels()] },
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
  lastUpdated: false,
  // No favicon request: nothing to fetch, no 404 in the console.
  head: [['link', { rel: 'icon', href: 'data:,' }]],
  // Pages are written by scripts/render: plain Markdown whose text is inert
  // (scripts/markdown.ts). The syntaxes VitePress adds to Markdown are not used,
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
    nav: nav(site),
    sidebar: sidebar(site, loadKnowledge().sectors),
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
