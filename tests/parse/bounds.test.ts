// Parse time grows linearly with the text, whatever its shape: each hostile
// shape (tests/helpers/shapes.ts) doubled from 1 k to 1 M characters, the time
// of each size the best of a few runs (the machine is shared), and each
// doubling may at most take about 2.5 times as long. A pattern that
// backtracks on a run of spaces takes four times as long per doubling.
import { describe, expect, it } from 'vitest'
import { parsePlan } from '../../scripts/parse/index.ts'
import { registry } from '../helpers/plans.ts'
import { SHAPES } from '../helpers/shapes.ts'

const SIZES = Array.from({ length: 11 }, (_, i) => 1000 * 2 ** i) // 1 k … 1 M
/** Most a doubling may cost. */
const MAX_RATIO = 2.5
/** A quadratic doubling: no single doubling may come near it. */
const MAX_QUADRATIC = 3.6
/** A single doubling is read only from this time on, where one collection does not double it. */
const MIN_SINGLE_MS = 50
/** Below this a time is mostly the plan around the shape and the timer's noise: no ratio is read from it. */
const MIN_MEASURED_MS = 10
/** A first run at most this many times the size before's is taken as it is (linear with a margin, under MAX_RATIO). */
const LINEAR_RUN = 2.2
/** One parse taking this long has lost already (quadratic at 1 M characters takes hours). */
const GIVE_UP_MS = 20_000

/**
 * The parse time of `text`: one run where it is what linear growth from the size before (`previous`) gives, else
 * the best of three. A run that looks slower than linear is always run again, so the verdict on a doubling that could
 * fail is always the best of three; the runs a linear shape needs are a third (this test took 41 s).
 */
function bestOf(text: string, previous: number | undefined): number {
  let best = Infinity
  for (let run = 0; run < 3; run++) {
    if (run === 1 && (best < MIN_MEASURED_MS || (previous !== undefined && best <= previous * LINEAR_RUN))) break
    // CPU time, not wall time: the machine is shared, and waiting for a core is not the parser's time.
    const start = process.cpuUsage()
    parsePlan({ id: 'shape', source: 'shape.txt', text, registry })
    const used = process.cpuUsage(start)
    best = Math.min(best, (used.user + used.system) / 1000)
    if (best > GIVE_UP_MS) break
  }
  return best
}

describe('parse time by shape, 1 k to 1 M characters', () => {
  it.each(SHAPES.map((s) => [s.name, s] as const))('%s', (_, shape) => {
    const times: Array<{ size: number; ms: number }> = []
    for (const size of SIZES) {
      const ms = bestOf(shape.plan(size), times.at(-1)?.ms)
      times.push({ size, ms })
      expect(ms, `${size} characters: ${ms.toFixed(0)} ms`).toBeLessThan(GIVE_UP_MS)
    }
    // The growth per doubling over the sizes that take measurable time: a least-squares slope of
    // log time on log size, so one noisy size (a collection, a neighbour's build) does not decide.
    const measured = times.filter((t) => t.ms >= MIN_MEASURED_MS)
    const table = times.map((t) => `${t.size / 1000} k ${t.ms.toFixed(0)} ms`).join(', ')
    if (measured.length >= 3) {
      const xs = measured.map((t) => Math.log2(t.size))
      const ys = measured.map((t) => Math.log2(t.ms))
      const mx = xs.reduce((a, b) => a + b) / xs.length
      const my = ys.reduce((a, b) => a + b) / ys.length
      const slope = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0)
      expect(2 ** slope, `time per doubling; ${table}`).toBeLessThan(MAX_RATIO)
    }
    // No single doubling as steep as a quadratic one (×4), which a late-starting backtrack would show.
    const steep = times.slice(1)
      .map((t, i) => ({ size: t.size, ratio: t.ms / times[i]!.ms, from: times[i]!.ms }))
      .filter((r) => r.from >= MIN_SINGLE_MS && r.ratio >= MAX_QUADRATIC)
      .map((r) => `${r.size / 1000} k: ×${r.ratio.toFixed(2)}`)
    expect(steep, table).toEqual([])
  }, 300_000)
})
