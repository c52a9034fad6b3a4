// The default theme's few fixed English labels (screen readers speak them:
// "Main Navigation", "Pager", …), in Chinese. VitePress 1.6 offers no setting
// for these; a Vite transform replaces each exact string in its component's
// source, and stops the build if one is missing (a VitePress upgrade that moved
// it must be looked at, not silently spoken in English again).

import { basename } from 'node:path'
import type { Plugin } from 'vite'

/** Component file → [English as written in the component, Chinese]. */
export const THEME_LABELS: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  'VPNavBarMenu.vue': [['Main Navigation', '主导航']],
  'VPNavBarHamburger.vue': [['aria-label="mobile navigation"', 'aria-label="菜单"']],
  'VPNavBarExtra.vue': [['label="extra navigation"', 'label="更多设置"']],
  'VPSidebar.vue': [['Sidebar Navigation', '侧边栏目录']],
  'VPSidebarItem.vue': [['aria-label="toggle section"', 'aria-label="展开或收起本组"']],
  'VPDocFooter.vue': [['>Pager<', '>上一篇和下一篇<']],
  // The switch is named only by a title the app sets once it runs: a name in the page itself (a switch's
  // name says what it turns on; aria-checked says whether it is on).
  'VPSwitchAppearance.vue': [[':title="switchTitle"', ':title="switchTitle" aria-label="深色模式"']],
}

/** Replaces each label in a component's source; throws when one is not there. */
export function translateLabels(file: string, code: string): string {
  let out = code
  for (const [english, chinese] of THEME_LABELS[file] ?? []) {
    if (!out.includes(english)) throw new Error(`theme label "${english}" is no longer in VitePress's ${file}: see scripts/site/theme-labels.ts`)
    out = out.split(english).join(chinese)
  }
  return out
}

export function themeLabels(): Plugin {
  return {
    name: 'policy-theme-labels',
    enforce: 'pre',
    transform(code, id) {
      if (id.startsWith('\0') || id.includes('?') || !id.includes('/vitepress/dist/client/theme-default/components/')) return null
      const file = basename(id)
      return file in THEME_LABELS ? { code: translateLabels(file, code), map: null } : null
    },
  }
}

interface AnchorToken { type: string; content: string; attrs: Array<[string, string]> | null; children: AnchorToken[] | null }
interface AnchorState { tokens: AnchorToken[]; Token: new (type: string, tag: string, nesting: number) => AnchorToken }

/**
 * The link markdown-it-anchor puts in each Markdown heading, as VitePress
 * writes it ("​" after the text), but with a Chinese label read from the
 * heading's text, not its source ("Permalink to "[每月](/…)（1 项）"").
 */
export function headingPermalink(slug: string, _options: unknown, state: AnchorState, index: number): void {
  const inline = state.tokens[index + 1]
  if (!inline?.children) return
  const title = inline.children.filter((t) => t.type === 'text' || t.type === 'code_inline').map((t) => t.content).join('')
  const space = new state.Token('text', '', 0)
  space.content = ' '
  const open = new state.Token('link_open', 'a', 1)
  open.attrs = [['class', 'header-anchor'], ['href', `#${slug}`], ['aria-label', `链接到“${title}”`]]
  const symbol = new state.Token('html_inline', '', 0)
  symbol.content = '&ZeroWidthSpace;'
  inline.children.push(space, open, symbol, new state.Token('link_close', 'a', -1))
}
