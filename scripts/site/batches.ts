// A library too large for one VitePress build (one process holds every page:
// 6.7 GB at 100 plans) is built in batches of plans, one VitePress build each,
// the first also building the shared pages. Builds of the same theme and config
// give the same assets and page chunks whatever pages they hold; only the page
// map differs, which split-metadata.ts merges and splits per plan. Pure.

/** Pages that belong to no plan (home, units, sectors): built with the first batch. */
export const SHARED_PAGES = ['index.md', 'units/**', 'sectors/**']

/** The plans in batches of at most `size`, in order. */
export function planBatches(planIds: readonly string[], size: number): string[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`plans per build: expected a whole number from 1, got ${size}`)
  const out: string[][] = []
  for (let i = 0; i < planIds.length; i += size) out.push(planIds.slice(i, i + size))
  return out
}

/** What batch k leaves out (VitePress's srcExclude): every other batch's plans, and the shared pages after the first. */
export function excludedFrom(batches: readonly string[][], k: number): string[] {
  const others = batches.flatMap((batch, i) => (i === k ? [] : batch.map((id) => `${id}/**`)))
  return [...others, ...(k > 0 ? SHARED_PAGES : [])]
}
