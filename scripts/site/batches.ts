// The VitePress builds a site needs. A library too large for one VitePress
// build (one process holds every page: 6.7 GB at 100 plans) is built in parts
// of at most PLANS_PER_BUILD plans, one VitePress build each; only the groups
// of pages (a plan's, or the shared pages) missing from the cache are built
// (scripts/site/site-cache.ts). Builds of the same theme and config give the
// same assets and page chunks whatever pages they hold. Pure.

/** One VitePress build: these plans' pages, and the shared pages (home, units, sectors) or not. */
export interface BuildPart {
  plans: string[]
  shared: boolean
}

/**
 * The groups to build: the plans in parts of at most `size`, the shared pages
 * with the first (a VitePress build less; that part gets a larger heap, since
 * the shared pages list every plan: scripts/cli/build.ts); none when
 * nothing is to be built.
 */
export function buildParts(plans: readonly string[], shared: boolean, size: number): BuildPart[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`plans per build: expected a whole number from 1, got ${size}`)
  const parts: BuildPart[] = []
  for (let i = 0; i < plans.length; i += size) parts.push({ plans: plans.slice(i, i + size), shared: false })
  if (shared) {
    if (parts.length === 0) parts.push({ plans: [], shared: true })
    else parts[0]!.shared = true
  }
  return parts
}

/**
 * What a part leaves out (VitePress's srcExclude, relative to docs/): every
 * other plan, and the shared pages (`sharedFiles`, as found in docs/) unless
 * it builds them.
 */
export function excludedFrom(part: BuildPart, allPlans: readonly string[], sharedFiles: readonly string[]): string[] {
  const built = new Set(part.plans)
  return [...allPlans.filter((id) => !built.has(id)).map((id) => `${id}/**`), ...(part.shared ? [] : sharedFiles)]
}
