// VitePress gives every page one metadata script holding the map of every
// page to its chunk's hash: at a thousand plans that map is most of what a
// page loads. Here it is split: each plan's pages get a map of that plan's
// pages only, the shared pages (home, units, sectors) a map of the shared
// pages. A link to a page outside the current map is followed by a full page
// load (.vitepress/theme/page-map.ts), which brings that page's own map. A
// plan's map leaves the shared pages out so that its pages change only when
// the plan does (the shared pages change with every plan): a rebuild after one
// plan changed redoes that plan's pages and the shared ones, no other
// (scripts/site/site-cache.ts). Pure, no imports: the theme's bundle gets
// pageKey from here.

/** The group of the shared pages (not of any plan). */
export const SHARED = ''

/**
 * The key of a page in VitePress's map, as its router computes it (pathToFile
 * in vitepress/dist/client/app/utils.js): the path below the site's base,
 * without ".html", "/" for "/index", slashes as underscores, ".md", lower case.
 * Paths here are ASCII slugs, so VitePress's sanitising changes nothing.
 */
export function pageKey(pathname: string, base: string): string {
  let path = decodeURIComponent(pathname.replace(/\.html$/, '')).replace(/\/$/, '/index')
  path = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '')
  return `${path.replace(/\//g, '_') || 'index'}.md`.toLowerCase()
}

/** Whether a map holds the page, as VitePress looks it up (it also tries "x_index.md" for "x.md" and back). */
export function hasPage(map: Record<string, string>, key: string): boolean {
  const other = key.endsWith('_index.md') ? `${key.slice(0, -'_index.md'.length)}.md` : `${key.slice(0, -'.md'.length)}_index.md`
  return Object.hasOwn(map, key) || Object.hasOwn(map, other)
}

/** The plan a page belongs to, by the first segment of its key or path (plan ids hold no "_" or "/"); SHARED for the others. */
export function groupOf(keyOrPath: string, planIds: ReadonlySet<string> | readonly string[]): string {
  const first = keyOrPath.split(/[_/]/)[0]!
  const known = 'has' in planIds ? planIds.has(first) : planIds.includes(first)
  return known ? first : SHARED
}

/**
 * The whole map split into one map a group: each plan's pages, and the shared
 * ones. Each key is placed once (a thousand plans have some 67,000 pages).
 */
export function splitPageMap(map: Record<string, string>, planIds: readonly string[]): Map<string, Record<string, string>> {
  const ids = new Set(planIds)
  const own = new Map<string, string[]>([...ids].sort().map((id) => [id, []]))
  const shared: string[] = []
  for (const key of Object.keys(map).sort()) {
    const group = groupOf(key, ids)
    if (group === SHARED) shared.push(key)
    else own.get(group)!.push(key)
  }
  const pick = (keys: string[]) => Object.fromEntries([...keys].sort().map((k) => [k, map[k]!]))
  return new Map([[SHARED, pick(shared)], ...[...own].map(([id, keys]) => [id, pick(keys)] as [string, Record<string, string>])])
}
