// Each page carries the page map of its own plan only (scripts/site/page-maps.ts):
// a link to a page outside it is followed by a full page load, which brings
// that page's map, instead of VitePress's fallback of fetching the map of the
// whole site (hashmap.json, which grows with every plan).
import { inBrowser, type Router } from 'vitepress'
import { hasPage, pageKey } from '../../scripts/site/page-maps.ts'

declare global {
  interface Window { __VP_HASH_MAP__?: Record<string, string> }
}

/** `base`: the site's base path ("/anquan/"). In dev there is no map (every page is compiled on demand): nothing changes. */
export function wholePageLoadsOutsideMap(router: Router, base: () => string): void {
  if (!inBrowser) return
  const before = router.onBeforeRouteChange
  router.onBeforeRouteChange = async (href) => {
    if ((await before?.(href)) === false) return false
    const map = window.__VP_HASH_MAP__
    const target = new URL(href, location.href)
    // The first route of a page load is the page itself (a 404 among them): VitePress shows it as it is.
    if (target.pathname === location.pathname) return
    if (map && target.origin === location.origin && !hasPage(map, pageKey(target.pathname, base()))) {
      location.assign(target.href)
      return false
    }
  }
}
