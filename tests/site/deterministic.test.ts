// The same seeds give a byte-identical site: tests/global-setup.ts builds the
// seeds twice, first clean (--no-cache: every PDF printed) in batches of one plan
// (PLANS_PER_BUILD=1: a VitePress build a plan, merged), then again in one
// VitePress build, when the PDFs of unchanged pages come from .cache/pdf.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { filesBelow } from '../helpers/html.ts'
import { SITE_AGAIN_DIR, SITE_DIR, SITE_TIMINGS } from '../helpers/site.ts'
import type { BuildTimings } from '../../scripts/site/generate.ts'
import { excludedFrom, planBatches, SHARED_PAGES } from '../../scripts/site/batches.ts'

it('builds byte-identical output from the same seeds, in batches or whole, PDFs from the cache included', () => {
  const first = filesBelow(SITE_DIR)
  expect(filesBelow(SITE_AGAIN_DIR)).toEqual(first)
  expect(first.filter((f) => f.endsWith('.pdf')).length).toBeGreaterThan(5)
  const differing = first.filter((f) => !readFileSync(join(SITE_DIR, f)).equals(readFileSync(join(SITE_AGAIN_DIR, f))))
  expect(differing).toEqual([])
})

it('prints no PDF again when no page changed', () => {
  const timings: BuildTimings = JSON.parse(readFileSync(SITE_TIMINGS, 'utf8'))
  expect(timings.pdfs).toBeGreaterThan(5)
  expect(timings.pdfsPrinted).toBe(0)
})

it('builds in batches of plans, the shared pages with the first', () => {
  expect(planBatches(['a', 'b', 'c'], 2)).toEqual([['a', 'b'], ['c']])
  expect(excludedFrom([['a', 'b'], ['c']], 0)).toEqual(['c/**'])
  expect(excludedFrom([['a', 'b'], ['c']], 1)).toEqual(['a/**', 'b/**', ...SHARED_PAGES])
  expect(() => planBatches(['a'], 0)).toThrow(/whole number/)
})
