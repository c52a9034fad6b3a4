// Each plan read and parsed within a budget of time and memory
// (scripts/site/plan-reader.ts): a file built to take longer than a small
// budget is stopped and refused with one located line naming the limit and how
// to raise it; the plans after it are read as usual.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { largePlan } from '../../scripts/bench/corpus.ts'
import { readPlan, loadSite } from '../../scripts/site/load.ts'
import { DEFAULT_READ_HEAP_MB, DEFAULT_READ_SECONDS, PlanReader, readBudget } from '../../scripts/site/plan-reader.ts'
import { reference, registry, ROOT, SEED } from '../helpers/plans.ts'

const OUT = join(ROOT, 'tests/output/plan-reader')
rmSync(OUT, { recursive: true, force: true })
mkdirSync(OUT, { recursive: true })
afterAll(() => rmSync(OUT, { recursive: true, force: true }))
// Within every limit of parse/limits.ts (1.9 MB, 14,000 tasks) and a plan, read in about 2 s on the machine of the
// tests: several times the budget given below.
const SLOW = join(OUT, 'large-14000.txt')
writeFileSync(SLOW, largePlan(14_000).text)
/** The budget of these tests: the seed is read in some tens of milliseconds. */
const SECONDS = 0.3

describe('the budget of one plan', () => {
  it('is read from PLAN_READ_SECONDS and PLAN_READ_HEAP_MB, each checked', () => {
    expect(readBudget({})).toEqual({ seconds: DEFAULT_READ_SECONDS, heapMb: DEFAULT_READ_HEAP_MB })
    expect(readBudget({ PLAN_READ_SECONDS: '0.5', PLAN_READ_HEAP_MB: '512' })).toEqual({ seconds: 0.5, heapMb: 512 })
    for (const bad of ['0', '-1', 'ten', 'Infinity']) expect(readBudget({ PLAN_READ_SECONDS: bad })).toMatch(new RegExp(`^PLAN_READ_SECONDS=${bad}: expected a number of seconds above 0`))
    for (const bad of ['32', '1.5', 'lots']) expect(readBudget({ PLAN_READ_HEAP_MB: bad })).toMatch(new RegExp(`^PLAN_READ_HEAP_MB=${bad}: expected a whole number of megabytes from 64`))
  })

  it('exceeded in time: the plan refused in one line naming the limit and how to raise it; the next plan read as it is in this thread', async () => {
    const reader = new PlanReader(registry, { seconds: SECONDS, heapMb: DEFAULT_READ_HEAP_MB })
    try {
      const started = performance.now()
      const slow = await reader.read(SLOW)
      expect(slow.result).toEqual({ ok: false, warnings: [], problems: [{ line: 1, message: expect.stringMatching(/^读取和解析这个文件超过了 0\.3 秒，这是一份方案允许的时间.*确需更多时间时：PLAN_READ_SECONDS=60 npm run build$/) }] })
      expect(slow.where(1)).toBe(':1')
      // Stopped at its budget (after the thread's start, which loads the readers), not when it would have finished.
      expect(performance.now() - started).toBeLessThan(15_000)
      const seed = await reader.read(SEED)
      const here = await readPlan(SEED, registry)
      expect(seed.result).toEqual(here.result)
      expect(seed.text).toBe(here.text)
      // Every line of the text placed as in this thread (and the one after its last, where a cut is reported).
      const lines = here.text!.split('\n').length
      expect(Array.from({ length: lines + 1 }, (_, i) => seed.where(i + 1))).toEqual(Array.from({ length: lines + 1 }, (_, i) => here.where(i + 1)))
    } finally {
      await reader.close()
    }
    // The same file with the default budget is a plan (what stopped it was the budget, not its content).
    const unbounded = await readPlan(SLOW, registry)
    expect(unbounded.result.ok && unbounded.result.plan.tasks.length).toBe(14_000)
  }, 60_000)

  it('exceeded in memory: the plan refused in one line naming PLAN_READ_HEAP_MB; the next plan read', async () => {
    // A heap far below what the file needs (the seed needs less), so that no machine reads it within.
    const reader = new PlanReader(registry, { seconds: 60, heapMb: 16 })
    try {
      const large = await reader.read(SLOW)
      expect(large.result).toEqual({ ok: false, warnings: [], problems: [{ line: 1, message: expect.stringMatching(/^读取和解析这个文件需要超过 16 MB 内存，.*确需更多内存时：PLAN_READ_HEAP_MB=32 npm run build$/) }] })
      expect((await reader.read(SEED)).result.ok).toBe(true)
    } finally {
      await reader.close()
    }
  }, 60_000)

  it('in a seeds folder: the slow plan is the one line of the report, the other plans read', async () => {
    const seeds = join(OUT, 'seeds')
    mkdirSync(seeds, { recursive: true })
    copyFileSync(SLOW, join(seeds, 'a-large.txt'))
    copyFileSync(SEED, join(seeds, 'b-seed.txt'))
    // Plain-text plans after it, read in tens of milliseconds: far within the small budget however busy the machine.
    copyFileSync(`${ROOT}tests/fixtures/plans/canonical/input.txt`, join(seeds, 'c-canonical.txt'))
    const before = process.env.PLAN_READ_SECONDS
    process.env.PLAN_READ_SECONDS = String(SECONDS)
    try {
      const loaded = await loadSite(seeds, reference)
      expect(loaded).toEqual({ ok: false, report: [expect.stringMatching(new RegExp(`^${join(seeds, 'a-large.txt')}:1: 读取和解析这个文件超过了 0\\.3 秒`))] })
      process.env.PLAN_READ_SECONDS = 'soon'
      expect(await loadSite(seeds, reference)).toEqual({ ok: false, report: [expect.stringMatching(/^PLAN_READ_SECONDS=soon: expected a number of seconds above 0/)] })
    } finally {
      if (before === undefined) delete process.env.PLAN_READ_SECONDS
      else process.env.PLAN_READ_SECONDS = before
    }
  }, 60_000)
})
