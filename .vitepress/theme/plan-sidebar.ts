// A plan's sidebar travels in the front matter of its own pages (`planSidebar`,
// scripts/site/nav.ts), not in the site data every page loads (which would grow
// with the number of plans). This puts the current page's plan sidebar into the
// theme's sidebar settings under "/<plan>/" before the theme reads them: once
// when the layout is set up (on the server, and on the first page in the
// browser), and synchronously whenever the page changes. VitePress copies the
// theme settings per route shallowly, so the sidebar object written to is the
// one every copy shares; toRaw reaches it where VitePress makes it read-only (dev).
import { useData } from 'vitepress'
import { toRaw, watch } from 'vue'

export function usePlanSidebar(): void {
  const { theme, frontmatter } = useData()
  const put = () => {
    const plan: unknown = frontmatter.value.plan
    const items: unknown = frontmatter.value.planSidebar
    const sidebar: unknown = toRaw(theme.value.sidebar)
    if (typeof plan !== 'string' || !Array.isArray(items)) return
    if (typeof sidebar !== 'object' || sidebar === null || Array.isArray(sidebar)) return
    ;(sidebar as Record<string, unknown>)[`/${plan}/`] = items
  }
  put()
  watch(frontmatter, put, { flush: 'sync' })
}
