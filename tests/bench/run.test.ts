// `npm run bench` at 1 plan, run by tests/global-setup.ts as a person runs
// it: it builds the site and the baseline, measures both, prints the table
// and writes result.json. What it measured must be plausible, not fixed.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BENCH_DIR } from '../helpers/site.ts'
import { failed, type BenchResult, type BuildResult } from '../../scripts/bench/report.ts'

const result = JSON.parse(readFileSync(join(BENCH_DIR, 'result.json'), 'utf8')) as BenchResult
const printed = readFileSync(join(BENCH_DIR, 'table.md'), 'utf8')

describe('npm run bench -- --plans 1', () => {
  const [corpus] = result.corpora
  const baseline: BuildResult = (() => {
    const b = corpus!.baseline
    if (failed(b)) throw new Error(`plain VitePress failed at 1 plan: ${b.reason}`)
    return b
  })()

  it('built one synthetic plan of 35 tasks, as the site and as plain VitePress', () => {
    expect(result.corpora).toHaveLength(1)
    expect(corpus).toMatchObject({ plans: 1, tasks: 35 })
    expect(corpus!.pages).toBeGreaterThan(60)
    // Every page becomes a file in both builds; the site also has PDFs and downloads.
    expect(corpus!.site.size.files).toBeGreaterThan(corpus!.pages)
    expect(baseline.size.files).toBeGreaterThan(corpus!.pages)
    expect(corpus!.site.size.pdfBytes).toBeGreaterThan(0)
    expect(baseline.size.pdfBytes).toBe(0)
  })

  it('rebuilt after one plan changed: that plan generated, its pages built, at most its PDF printed, the rest from the caches', () => {
    const { rebuild } = corpus!.site
    expect(rebuild!.stages).toMatchObject({ plansGenerated: 1, groupsBuilt: 1 })
    // Its 全文打印 at most: .cache/pdf keeps every PDF printed, an earlier run may have printed this very page.
    expect(rebuild!.stages.pdfsPrinted).toBeLessThanOrEqual(1)
    expect(rebuild!.stages.groups).toBe(2)
    // Its time is the bench's to print, not a test's to judge (a shared machine's load varies 2–5× within one run).
    expect(rebuild!.wallMs).toBeGreaterThan(0)
    expect(printed).toMatch(/\| \*\*rebuild, one plan changed\*\* \| \d+\.\d s \|/)
  })

  it('timed every stage of the site and the baseline build', () => {
    const { site } = corpus!
    expect(site.stages!.parseMs).toBeGreaterThan(0)
    expect(site.stages!.generateMs).toBeGreaterThan(0)
    expect(site.stages!.pdfs).toBeGreaterThan(1)
    // The stages happen inside the whole command.
    expect(site.stages!.parseMs + site.stages!.generateMs + site.stages!.vitepressMs + site.stages!.pdfMs).toBeLessThan(site.wallMs)
    expect(baseline.wallMs).toBeGreaterThan(1000)
    expect(baseline.stages).toBeUndefined()
    expect(site.peakMemoryBytes).toBeGreaterThan(100e6)
    expect(baseline.peakMemoryBytes).toBeGreaterThan(100e6)
  })

  it('found each build\'s search index, fetched only once the search box opened', () => {
    const { site } = corpus!
    expect(baseline.indexFiles).toEqual([expect.stringMatching(/^assets\/chunks\/@localSearchIndexroot\.[\w-]+\.js$/)])
    expect(site.indexFiles).toEqual(['search/'])
    expect(site.index.files).toBeGreaterThan(10)
    for (const build of [site, baseline]) {
      expect(build.index.gzipBytes).toBeGreaterThan(1000)
      expect(build.index.gzipBytes).toBeLessThan(build.index.rawBytes)
      expect(build.indexBeforeOpen).toEqual([])
      expect(build.indexAfterOpen.length).toBeGreaterThan(0)
      expect(build.firstSearchMs).toBeGreaterThan(0)
      expect(build.firstLoad.taskJs).toBeGreaterThan(10e3)
      expect(build.firstLoad.taskCss).toBeGreaterThan(1e3)
    }
  })

  it('searched with both engines in chromium and found results', () => {
    for (const { engine } of [corpus!.site, baseline]) {
      expect(engine.samples).toBeGreaterThan(50)
      expect(engine.results).toBeGreaterThan(20)
      expect(engine.medianMs).toBeLessThanOrEqual(engine.p95Ms)
      expect(engine.loadMs).toBeGreaterThan(0)
    }
  })

  it('searched cold over the throttled link with the site\'s box and with Pagefind on the same site', () => {
    const { site, pagefind } = corpus!
    expect(pagefind.index.files).toBeGreaterThan(3)
    for (const list of [site.cold!, pagefind.cold]) {
      expect(list.map((c) => c.query)).toEqual(['消防', '安全生产'])
      for (const c of list) {
        expect(c.results).toBeGreaterThan(0)
        // At least one round trip of the 20 ms link, and something fetched.
        expect(c.firstResultMs).toBeGreaterThan(20)
        expect(c.requests).toBeGreaterThan(0)
        expect(c.transferBytes).toBeGreaterThan(1000)
        expect(c.heapBytes).toBeGreaterThan(1e6)
      }
    }
  })

  it('printed the table with ratios and the targets', () => {
    expect(printed).toContain('| figure | 1 plan: site | baseline | × |')
    expect(printed).toContain('| cold search, 20 Mbit/s, 20 ms | 1 plan: site | Pagefind | × |')
    expect(printed).toMatch(/\| \*\*total wall time\*\* \| [\d.]+ s \| [\d.]+ s \| [\d.]+× \|/)
    expect(printed).toContain('the index is loaded only when search opens')
    expect(printed).toContain(result.machine.cpuModel)
  })
})
