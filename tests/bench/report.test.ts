// The benchmark's arithmetic and table: ratios, quantiles, the linear-growth
// limit and the targets of issue #9, on results made up for the purpose.
import { describe, expect, it } from 'vitest'
import { coldTable, linearLimit, markdown, ratio, table, targets, type BenchResult, type BuildResult, type CorpusResult } from '../../scripts/bench/report.ts'
import { quantile, type ColdSearch } from '../../scripts/bench/search.ts'

const cold = (query: string, firstResultMs: number, transferBytes: number, heapBytes = 5e6): ColdSearch =>
  ({ query, firstResultMs, transferBytes, requests: 20, heapBytes, results: 30 })

function build(wallMs: number, extra: Partial<BuildResult> = {}): BuildResult {
  return {
    wallMs,
    peakMemoryBytes: 500e6,
    size: { files: 100, bytes: 5e6, pdfBytes: 0 },
    index: { files: 1, rawBytes: 100e3, gzipBytes: 20e3 },
    indexFiles: ['assets/chunks/index.js'],
    firstLoad: { homeJs: 66e3, homeCss: 20e3, taskJs: 66e3, taskCss: 20e3 },
    engine: { loadMs: 40, medianMs: 0.5, p95Ms: 2, samples: 110, results: 200 },
    indexBeforeOpen: [],
    indexAfterOpen: ['assets/chunks/index.js'],
    firstSearchMs: 400,
    ...extra,
  }
}

function corpus(plans: number, siteMs: number, baselineMs: number, site: Partial<BuildResult> = {}): CorpusResult {
  return {
    plans,
    tasks: plans * 35,
    pages: plans * 65,
    site: build(siteMs, {
      stages: { parseMs: 20, generateMs: 900, vitepressMs: siteMs - 5000, groups: plans + 1, groupsBuilt: plans + 1, plansGenerated: plans, pdfMs: 4000, pdfs: 9, pdfsPrinted: 9 },
      rebuild: { wallMs: siteMs / 25, peakMemoryBytes: 400e6, stages: { parseMs: 20, generateMs: 90, vitepressMs: 500, groups: plans + 1, groupsBuilt: 1, plansGenerated: 1, pdfMs: 100, pdfs: 9, pdfsPrinted: 1 } },
      cold: [cold('消防', 200, 40e3), cold('安全生产', 230, 50e3)],
      ...site,
    }),
    baseline: build(baselineMs),
    pagefind: { wallMs: 3000, peakMemoryBytes: 200e6, index: { files: 900, rawBytes: 3e6, gzipBytes: 3e6 }, cold: [cold('消防', 480, 201e3, 6.6e6), cold('安全生产', 500, 230e3, 6.6e6)] },
  }
}

const machine = { cpus: 2, cpuModel: 'Test CPU', memoryBytes: 8 * 2 ** 30, os: 'Linux', node: 'v20', chromium: 'Chromium 1' }

describe('arithmetic', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9],
    [[7], 0.95, 7],
  ])('quantile of %j at %s is %s (nearest rank)', (values, q, expected) => {
    expect(quantile(values, q)).toBe(expected)
  })

  it('refuses the quantile of nothing', () => {
    expect(() => quantile([], 0.5)).toThrow()
  })

  it.each([
    [12, 10, '1.20×'],
    [5, 10, '0.50×'],
    [5, undefined, '—'],
    [undefined, 10, '—'],
    [5, 0, '—'],
  ])('ratio of %s to %s is %s', (value, baseline, expected) => {
    expect(ratio(value, baseline)).toBe(expected)
  })

  it.each([
    // start-up 10 s, 1 s a plan: 100 plans may take 110 s
    [11, 20, 110],
    // no start-up, 2 s a plan
    [2, 20, 200],
  ])('from %s s at 1 plan and %s s at 10, 100 plans may take %s s', (t1, t10, limit) => {
    expect(linearLimit(t1, t10)).toBeCloseTo(limit)
  })
})

describe('targets', () => {
  it('judges each target on the figures of the run', () => {
    const result: BenchResult = {
      date: '2026-11-28',
      machine,
      corpora: [
        corpus(1, 11_000, 10_000),
        corpus(10, 30_000, 28_000),
        corpus(100, 260_000, 200_000, { engine: { loadMs: 900, medianMs: 3, p95Ms: 60, samples: 110, results: 352 } }),
      ],
    }
    const judged = Object.fromEntries(targets(result).map((t) => [t.name, t.met]))
    expect(judged).toEqual({
      'whole pipeline ≤ 1.2× the baseline VitePress build (1 plans)': true,
      'whole pipeline ≤ 1.2× the baseline VitePress build (10 plans)': true,
      'whole pipeline ≤ 1.2× the baseline VitePress build (100 plans)': false,
      // site: limit 11 s + 99 × (30 − 11) / 9 s ≈ 220 s, measured 260 s.
      'linear growth, site (100 plans ≤ start-up + 100 × per-plan cost at 10 plans)': false,
      'linear growth, baseline (100 plans ≤ start-up + 100 × per-plan cost at 10 plans)': true,
      'search p95 < 50 ms per query (100 plans)': false,
      'the index is loaded only when search opens': true,
      'task page first-load JS within 15 KB gzip of the baseline (1 plans)': true,
      'task page first-load JS within 15 KB gzip of the baseline (10 plans)': true,
      'task page first-load JS within 15 KB gzip of the baseline (100 plans)': true,
      // 230 / 500 ms, 50 / 230 kB, 5 MB: met; 1,000 plans 900 ms and 300 kB: met.
      "cold first result ≤ 0.5× Pagefind's time, each query (100 plans)": true,
      "cold bytes ≤ Pagefind's, each query (100 plans)": true,
      'tab heap ≤ 10 MB after a cold search (100 plans)': true,
      'peak memory ≤ 2 GB, clean build and rebuild (1 plans)': true,
      'peak memory ≤ 2 GB, clean build and rebuild (10 plans)': true,
      'peak memory ≤ 2 GB, clean build and rebuild (100 plans)': true,
      // Each rebuild takes 1/25 of its clean build: 4 %.
      'one-plan rebuild ≤ 5 % of a clean build (1 plans)': true,
      'one-plan rebuild ≤ 5 % of a clean build (10 plans)': true,
      'one-plan rebuild ≤ 5 % of a clean build (100 plans)': true,
    })
  })

  it('does not judge linear growth without 1, 10 and 100 plans, and misses an index fetched before search opens', () => {
    const result: BenchResult = { date: '2026-11-28', machine, corpora: [corpus(1, 11_000, 10_000, { indexBeforeOpen: ['assets/chunks/index.js'] })] }
    const judged = Object.fromEntries(targets(result).map((t) => [t.name, t.met]))
    expect(judged['linear growth (needs 1, 10 and 100 plans)']).toBeUndefined()
    expect(judged['the index is loaded only when search opens']).toBe(false)
  })

  it('misses first-load JS more than 15 KB over the baseline', () => {
    const result: BenchResult = { date: '2026-11-28', machine, corpora: [corpus(1, 11_000, 10_000, { firstLoad: { homeJs: 66e3, homeCss: 20e3, taskJs: 82e3, taskCss: 20e3 } })] }
    expect(targets(result).find((t) => t.name.startsWith('task page'))).toMatchObject({ met: false, figure: '82.0 kB vs 66.0 kB: +16.0 kB' })
  })
})

describe('search targets against Pagefind', () => {
  it('misses when the site is not twice as fast as Pagefind, fetches more or holds more heap', () => {
    const slow = corpus(100, 1, 1, { cold: [cold('消防', 300, 40e3), cold('安全生产', 230, 300e3, 12e6)] })
    const result: BenchResult = { date: '2026-11-28', machine, corpora: [slow] }
    const judged = Object.fromEntries(targets(result).map((t) => [t.name, t.met]))
    expect(judged["cold first result ≤ 0.5× Pagefind's time, each query (100 plans)"]).toBe(false)
    expect(judged["cold bytes ≤ Pagefind's, each query (100 plans)"]).toBe(false)
    expect(judged['tab heap ≤ 10 MB after a cold search (100 plans)']).toBe(false)
  })

  it('prints each query\'s time, bytes, requests and heap beside Pagefind\'s with the ratio', () => {
    const lines = coldTable({ date: '2026-11-28', machine, corpora: [corpus(100, 1, 1)] })
    expect(lines).toContain('| 消防: first result | 200 ms | 480 ms | 0.42× |')
    expect(lines).toContain('| 消防: bytes fetched | 40.0 kB | 201.0 kB | 0.20× |')
  })
})

describe('build targets at a thousand plans', () => {
  const large = (siteMs: number, rebuildMs: number, peak: number): CorpusResult => {
    const c = corpus(1000, siteMs, 1)
    return { ...c, site: { ...c.site, peakMemoryBytes: peak, rebuild: { ...c.site.rebuild!, wallMs: rebuildMs } }, baseline: { wallMs: 900_000, peakMemoryBytes: 12.5e9, reason: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory' } }
  }

  it('judges memory, the one-plan rebuild and linear growth, and says plain VitePress did not finish', () => {
    const result: BenchResult = { date: '2026-11-29', machine, corpora: [corpus(100, 300_000, 400_000), large(3_400_000, 200_000, 2.5e9)] }
    const judged = Object.fromEntries(targets(result).map((t) => [t.name, t]))
    expect(judged['peak memory ≤ 2 GB, clean build and rebuild (1000 plans)']!.met).toBe(false)
    // 200 s of 3,400 s: 5.9 %.
    expect(judged['one-plan rebuild ≤ 5 % of a clean build (1000 plans)']).toMatchObject({ met: false, figure: '200.0 s of 3400.0 s: 5.9 %' })
    // 3.4 s a plan against 3.0 s at 100 plans: within 1.2×.
    expect(judged['clean build linear in plans (s/plan at 1000 ≤ 1.2× s/plan at 100)']).toMatchObject({ met: true, figure: '100: 3.0 s, 1000: 3.4 s' })
    expect(judged['whole pipeline ≤ 1.2× the baseline VitePress build (1000 plans)']!.met).toBeUndefined()
    expect(judged['plain VitePress builds 1000 plans (heap limited)']).toMatchObject({ met: false })
    expect(judged['plain VitePress builds 1000 plans (heap limited)']!.figure).toContain('heap out of memory')
    const lines = table(result)
    expect(lines).toContain('| plain VitePress (baseline) |  | built |  |  | stopped after 900.0 s, peak 12500.0 MB |  |')
    expect(lines.find((l) => l.startsWith('| **total wall time**'))).toBe('| **total wall time** | 300.0 s | 400.0 s | 0.75× | 3400.0 s | — | — |')
    expect(lines).toContain('|   of the clean build | 4.0 % | — | — | 5.9 % | — | — |')
  })
})

describe('table', () => {
  const result: BenchResult = { date: '2026-11-28', machine, corpora: [corpus(1, 11_000, 10_000), corpus(10, 30_000, 28_000)] }

  it('has for each corpus the site, the baseline and their ratio in every row', () => {
    const lines = table(result)
    expect(lines[0]).toBe('| figure | 1 plan: site | baseline | × | 10 plans: site | baseline | × |')
    for (const line of lines) expect(line.split(' | ')).toHaveLength(7)
    expect(lines).toContain('| **total wall time** | 11.0 s | 10.0 s | 1.10× | 30.0 s | 28.0 s | 1.07× |')
    // Stages the baseline does not have.
    expect(lines).toContain('| PDFs (全文打印, 职责清单) | 4.0 s | — | — | 4.0 s | — | — |')
  })

  it('names the machine and lists the targets', () => {
    const text = markdown(result).join('\n')
    expect(text).toContain('Run 2026-11-28 on 2 × Test CPU, 8 GiB, Linux, Node v20, Chromium 1.')
    // 30 s with 4 s of PDFs against 28 s.
    expect(text).toContain('- met: whole pipeline ≤ 1.2× the baseline VitePress build (10 plans): 30.0 s vs 28.0 s: 1.07×; without the PDFs 0.93×')
  })
})
