// The same seeds give a byte-identical site, however it was built: global setup
// (tests/global-setup.ts) builds the seeds clean (--no-cache), then with one sentence of one plan changed
// from the cache that build left, and clean; then the seeds again from the
// cache, and once more with nothing changed. Each rebuild must equal its clean
// build byte for byte and redo only what changed.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { filesBelow } from '../helpers/html.ts'
import { CHANGED_CLEAN_DIR, CHANGED_DIR, CHANGED_TIMINGS, PLAN_ID, SITE_AGAIN_DIR, SITE_DIR, SITE_TIMINGS } from '../helpers/site.ts'
import type { BuildTimings } from '../../scripts/site/generate.ts'
import { buildParts, excludedFrom } from '../../scripts/site/batches.ts'

function differing(a: string, b: string): string[] {
  const files = filesBelow(a)
  expect(filesBelow(b)).toEqual(files)
  return files.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))))
}

const timings = (file: string): BuildTimings => JSON.parse(readFileSync(file, 'utf8'))

describe('a rebuild', () => {
  it('with one plan changed equals a clean build of the changed seeds, PDFs included', () => {
    expect(differing(CHANGED_DIR, CHANGED_CLEAN_DIR)).toEqual([])
    expect(filesBelow(CHANGED_DIR).filter((f) => f.endsWith('.pdf')).length).toBeGreaterThan(5)
  })

  it('with one plan changed redoes that plan\'s pages, at most its PDF, and the search index only', () => {
    const redone = timings(CHANGED_TIMINGS)
    expect(redone).toMatchObject({ plansGenerated: 1, groups: 3, groupsBuilt: 1 })
    // Its 全文打印 at most (.cache/pdf keeps every PDF printed: an earlier run may have printed this very page).
    expect(redone.pdfsPrinted).toBeLessThanOrEqual(1)
    expect(readFileSync(join(CHANGED_DIR, PLAN_ID, 'tasks/7.html'), 'utf8')).toContain('定期召开专题会议')
    expect(readFileSync(join(SITE_AGAIN_DIR, PLAN_ID, 'tasks/7.html')).equals(readFileSync(join(CHANGED_DIR, PLAN_ID, 'tasks/7.html')))).toBe(false)
    // The other plan and the shared pages (home, units, sectors, their PDFs) are the files the clean build of the
    // seeds wrote; what changes besides the plan's own files: the search index, the page map (hashmap.json) and
    // the plan's metadata script.
    const mine = (f: string) => f.startsWith(`${PLAN_ID}/`) || f.startsWith(`assets/${PLAN_ID}_`) || f.startsWith('search/') || /^assets\/chunks\/metadata\.|^hashmap\.json$/.test(f)
    const outside = (dir: string) => filesBelow(dir).filter((f) => !mine(f))
    expect(outside(CHANGED_DIR)).toEqual(outside(SITE_AGAIN_DIR))
    expect(outside(CHANGED_DIR).filter((f) => !readFileSync(join(CHANGED_DIR, f)).equals(readFileSync(join(SITE_AGAIN_DIR, f))))).toEqual([])
    expect(outside(CHANGED_DIR).length).toBeGreaterThan(100)
  })

  it('back to the seeds equals the clean build of the seeds', () => {
    expect(differing(SITE_DIR, SITE_AGAIN_DIR)).toEqual([])
  })

  it('with nothing changed generates, builds and prints nothing', () => {
    expect(timings(SITE_TIMINGS)).toMatchObject({ plansGenerated: 0, groups: 3, groupsBuilt: 0, pdfsPrinted: 0 })
    expect(timings(SITE_TIMINGS).pdfs).toBeGreaterThan(5)
  })
})

it('builds the plans in parts, the shared pages with the first, each leaving out what the others build', () => {
  expect(buildParts(['a', 'b', 'c'], true, 2)).toEqual([{ plans: ['a', 'b'], shared: true }, { plans: ['c'], shared: false }])
  expect(buildParts(['c'], false, 2)).toEqual([{ plans: ['c'], shared: false }])
  expect(buildParts([], true, 2)).toEqual([{ plans: [], shared: true }])
  expect(buildParts([], false, 2)).toEqual([])
  expect(excludedFrom({ plans: ['a', 'b'], shared: true }, ['a', 'b', 'c'], ['index.md', 'units/x.md'])).toEqual(['c/**'])
  expect(excludedFrom({ plans: ['c'], shared: false }, ['a', 'b', 'c'], ['index.md', 'units/x.md'])).toEqual(['a/**', 'b/**', 'index.md', 'units/x.md'])
  expect(() => buildParts(['a'], false, 0)).toThrow(/whole number/)
})
