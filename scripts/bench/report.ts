// The benchmark's results: their shape, the ratios to the baseline, the
// targets of issue #9, and the table (Markdown) printed and put in PERFORMANCE.md.
// Pure: numbers in, text out.

import type { ColdSearch, EngineTiming } from './search.ts'
import { LINK } from './search.ts'
import type { FolderSize, SiteSize } from './sizes.ts'
export type { FolderSize } from './sizes.ts'
import type { BuildTimings } from '../site/generate.ts'

/** One build of one corpus: the site's pipeline, or plain VitePress (the baseline). */
export interface BuildResult {
  /** The whole command, as a person runs it: for the site `npm run build` (parse, generate, VitePress, PDFs). */
  wallMs: number
  peakMemoryBytes: number
  /** The site's stages (the baseline has only its VitePress build: wallMs). */
  stages?: BuildTimings
  size: SiteSize
  /** The search index: the site's folder of files, or the baseline's one script. */
  index: FolderSize
  /** Where the index is: the site's search/ folder, the baseline's script. */
  indexFiles: string[]
  /** gzip bytes of the scripts and stylesheets a first visit loads. */
  firstLoad: { homeJs: number; homeCss: number; taskJs: number; taskCss: number }
  engine: EngineTiming
  /** Files holding an index fetched before the search box opened (none expected). */
  indexBeforeOpen: string[]
  indexAfterOpen: string[]
  firstSearchMs: number
  /** The site's box, cold over the throttled link, one per query of COLD_QUERIES (the baseline: not measured). */
  cold?: ColdSearch[]
  /** The site: rebuilt after one plan changed (npm run build, caches kept). */
  rebuild?: Rebuild
}

/** `npm run build` again after one sentence of one plan changed. */
export interface Rebuild {
  wallMs: number
  peakMemoryBytes: number
  stages: BuildTimings
}

/** Plain VitePress that did not finish (above BASELINE_LIMIT plans it runs with a heap limit). */
export interface BaselineFailure {
  wallMs: number
  peakMemoryBytes: number
  /** Its last error line. */
  reason: string
}

export function failed(baseline: BuildResult | BaselineFailure): baseline is BaselineFailure {
  return 'reason' in baseline
}

/** Pagefind run on the site's build: its indexing, its bundle, and its search cold. */
export interface PagefindResult {
  wallMs: number
  peakMemoryBytes: number
  index: FolderSize
  cold: ColdSearch[]
}

export interface CorpusResult {
  plans: number
  tasks: number
  pages: number
  site: BuildResult
  baseline: BuildResult | BaselineFailure
  pagefind: PagefindResult
}

/** One corpus built clean, then rebuilt after one plan changed (npm run bench -- --build-only). */
export interface BuildScaling {
  plans: number
  tasks: number
  pages: number
  clean: Rebuild
  rebuild: Rebuild
}

export interface BuildsResult {
  date: string
  machine: Machine
  builds: BuildScaling[]
}

/** The build-only table: clean build, per plan, peak memory; the rebuild and what it redid. */
export function buildsMarkdown(result: BuildsResult): string[] {
  const head = ['figure', ...result.builds.map((b) => `${b.plans} plan${b.plans > 1 ? 's' : ''}`)]
  const lines = [`Run ${result.date} on ${machineLine(result.machine)}.`, '', row(head), row(head.map(() => '---'))]
  const add = (label: string, get: (b: BuildScaling) => string) => lines.push(row([label, ...result.builds.map(get)]))
  add('plans · tasks · pages', (b) => `${b.plans} · ${b.tasks} · ${b.pages}`)
  add('clean build (npm run build -- --no-cache)', (b) => seconds(b.clean.wallMs))
  add('  generate · VitePress · PDFs', (b) => `${seconds(b.clean.stages.generateMs)} · ${seconds(b.clean.stages.vitepressMs)} · ${seconds(b.clean.stages.pdfMs)}`)
  add('  per plan', (b) => seconds(b.clean.wallMs / b.plans))
  add('  peak memory (process tree, RssAnon)', (b) => megabytes(b.clean.peakMemoryBytes))
  add('rebuild, one plan changed (npm run build)', (b) => seconds(b.rebuild.wallMs))
  add('  generate · VitePress · PDFs', (b) => `${seconds(b.rebuild.stages.generateMs)} · ${seconds(b.rebuild.stages.vitepressMs)} · ${seconds(b.rebuild.stages.pdfMs)}`)
  add('  of the clean build', (b) => `${((100 * b.rebuild.wallMs) / b.clean.wallMs).toFixed(1)} %`)
  add('  peak memory', (b) => megabytes(b.rebuild.peakMemoryBytes))
  add('  redone: plans generated · page groups built · PDFs printed', (b) => `${b.rebuild.stages.plansGenerated} · ${b.rebuild.stages.groupsBuilt} of ${b.rebuild.stages.groups} · ${b.rebuild.stages.pdfsPrinted} of ${b.rebuild.stages.pdfs}`)
  return lines
}

export interface Machine {
  cpus: number
  cpuModel: string
  memoryBytes: number
  os: string
  node: string
  chromium: string
}

export interface BenchResult {
  date: string
  machine: Machine
  /** The command that measured it (absent in a result.json of an older bench). */
  command?: string
  corpora: CorpusResult[]
}

interface Row {
  label: string
  site: (r: BuildResult, c: CorpusResult) => number | string | undefined
  baseline?: (r: BuildResult) => number | string | undefined
  format: (value: number) => string
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const millis = (ms: number) => (ms < 10 ? `${ms.toFixed(2)} ms` : `${Math.round(ms)} ms`)
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`
const kilobytes = (bytes: number) => `${(bytes / 1e3).toFixed(1)} kB`
const size = (bytes: number) => (bytes >= 1e6 ? megabytes(bytes) : kilobytes(bytes))

const ROWS: Row[] = [
  { label: 'parse (seeds → model)', site: (r) => r.stages?.parseMs, format: millis },
  { label: 'generate (model → pages, downloads)', site: (r) => r.stages?.generateMs, format: millis },
  { label: 'VitePress build', site: (r) => r.stages?.vitepressMs, baseline: (r) => r.wallMs, format: seconds },
  { label: 'PDFs (全文打印, 职责清单)', site: (r) => r.stages?.pdfMs, format: seconds },
  { label: '**total wall time**', site: (r) => r.wallMs, baseline: (r) => r.wallMs, format: seconds },
  { label: 'peak memory (process tree, RssAnon)', site: (r) => r.peakMemoryBytes, baseline: (r) => r.peakMemoryBytes, format: megabytes },
  { label: 'clean build per plan', site: (r, c) => r.wallMs / c.plans, baseline: (r) => undefined, format: seconds },
  { label: '**rebuild, one plan changed**', site: (r) => r.rebuild?.wallMs, format: seconds },
  { label: '  of the clean build', site: (r) => (r.rebuild ? `${((100 * r.rebuild.wallMs) / r.wallMs).toFixed(1)} %` : undefined), format: String },
  { label: '  peak memory', site: (r) => r.rebuild?.peakMemoryBytes, format: megabytes },
  {
    label: '  redone: plans generated · page groups built · PDFs printed',
    site: (r) => (r.rebuild ? `${r.rebuild.stages.plansGenerated} · ${r.rebuild.stages.groupsBuilt} of ${r.rebuild.stages.groups} · ${r.rebuild.stages.pdfsPrinted} of ${r.rebuild.stages.pdfs}` : undefined),
    format: String,
  },
  { label: 'site size', site: (r) => r.size.bytes, baseline: (r) => r.size.bytes, format: megabytes },
  { label: '  of which PDFs', site: (r) => r.size.pdfBytes, format: megabytes },
  { label: 'search index: files', site: (r) => r.index.files, baseline: (r) => r.index.files, format: String },
  { label: 'search index', site: (r) => r.index.rawBytes, baseline: (r) => r.index.rawBytes, format: size },
  { label: 'search index, gzip', site: (r) => r.index.gzipBytes, baseline: (r) => r.index.gzipBytes, format: size },
  { label: 'home: first-load JS, gzip', site: (r) => r.firstLoad.homeJs, baseline: (r) => r.firstLoad.homeJs, format: kilobytes },
  { label: 'home: first-load CSS, gzip', site: (r) => r.firstLoad.homeCss, baseline: (r) => r.firstLoad.homeCss, format: kilobytes },
  { label: 'task page: first-load JS, gzip', site: (r) => r.firstLoad.taskJs, baseline: (r) => r.firstLoad.taskJs, format: kilobytes },
  { label: 'task page: first-load CSS, gzip', site: (r) => r.firstLoad.taskCss, baseline: (r) => r.firstLoad.taskCss, format: kilobytes },
  { label: 'search: query, median', site: (r) => r.engine.medianMs, baseline: (r) => r.engine.medianMs, format: millis },
  { label: 'search: query, p95', site: (r) => r.engine.p95Ms, baseline: (r) => r.engine.p95Ms, format: millis },
  { label: 'search: opening the index', site: (r) => r.engine.loadMs, baseline: (r) => r.engine.loadMs, format: millis },
  { label: 'search: Ctrl+K to first result', site: (r) => r.firstSearchMs, baseline: (r) => r.firstSearchMs, format: millis },
]

const cell = (value: number | string | undefined, format: (n: number) => string) =>
  value === undefined ? '—' : typeof value === 'number' ? format(value) : value

/** value / baseline, or — where the baseline has no such stage. */
export function ratio(value: number | undefined, baseline: number | undefined): string {
  if (value === undefined || baseline === undefined || baseline === 0) return '—'
  return `${(value / baseline).toFixed(2)}×`
}

/** The table: one row a figure, for each corpus the site, the baseline and their ratio. */
export function table(result: BenchResult): string[] {
  const head = ['figure', ...result.corpora.flatMap((c) => [`${c.plans} plan${c.plans > 1 ? 's' : ''}: site`, 'baseline', '×'])]
  const lines = [row(head), row(head.map(() => '---'))]
  lines.push(row(['plans · tasks · pages', ...result.corpora.flatMap((c) => [`${c.plans} · ${c.tasks} · ${c.pages}`, '', ''])]))
  lines.push(row(['plain VitePress (baseline)', ...result.corpora.flatMap((c) => ['', failed(c.baseline) ? `stopped after ${seconds(c.baseline.wallMs)}, peak ${megabytes(c.baseline.peakMemoryBytes)}` : 'built', ''])]))
  for (const r of ROWS) {
    const cells = result.corpora.flatMap((c) => {
      const site = r.site(c.site, c)
      const base = failed(c.baseline) ? undefined : r.baseline?.(c.baseline)
      return [cell(site, r.format), cell(base, r.format), typeof site === 'number' && typeof base === 'number' ? ratio(site, base) : '—']
    })
    lines.push(row([r.label, ...cells]))
  }
  return lines
}

/**
 * Search from a cold cache over the throttled link: the site's box against
 * Pagefind on the same built site, each query; then the corpora of which only
 * the index was built, searched by the engine alone.
 */
export function coldTable(result: BenchResult): string[] {
  const link = `${LINK.bitsPerSecond / 1e6} Mbit/s, ${LINK.latencyMs} ms`
  const lines: string[] = []
  if (result.corpora.length > 0) {
    const head = ['cold search, ' + link, ...result.corpora.flatMap((c) => [`${c.plans} plan${c.plans > 1 ? 's' : ''}: site`, 'Pagefind', '×'])]
    lines.push(row(head), row(head.map(() => '---')))
    lines.push(row(['Pagefind: indexing the built site', ...result.corpora.flatMap((c) => ['', seconds(c.pagefind.wallMs), ''])]))
    lines.push(row(['index: files · gzip', ...result.corpora.flatMap((c) => [`${c.site.index.files} · ${size(c.site.index.gzipBytes)}`, `${c.pagefind.index.files} · ${size(c.pagefind.index.gzipBytes)}`, ratio(c.site.index.gzipBytes, c.pagefind.index.gzipBytes)])]))
    const queries = result.corpora[0]!.pagefind.cold.map((c) => c.query)
    queries.forEach((query, i) => {
      const pick = (c: CorpusResult) => [c.site.cold?.[i], c.pagefind.cold[i]] as const
      const rowOf = (label: string, get: (c: ColdSearch) => number, format: (n: number) => string) =>
        lines.push(row([`${query}: ${label}`, ...result.corpora.flatMap((c) => {
          const [site, pagefind] = pick(c)
          return [site ? format(get(site)) : '—', pagefind ? format(get(pagefind)) : '—', site && pagefind ? ratio(get(site), get(pagefind)) : '—']
        })]))
      rowOf('first result', (c) => c.firstResultMs, millis)
      rowOf('bytes fetched', (c) => c.transferBytes, size)
      rowOf('requests', (c) => c.requests, String)
      rowOf('tab heap after', (c) => c.heapBytes, megabytes)
      rowOf('results', (c) => c.results, String)
    })
  }
  return lines
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`
}

export interface Target {
  name: string
  /** undefined: not measured in this run (it needs the corpora of 1, 10 and 100 plans). */
  met: boolean | undefined
  figure: string
}

/**
 * Linear growth: from 1 and 10 plans, the per-plan cost c = (T10 − T1) / 9
 * and the fixed start-up s = T1 − c; 100 plans should cost at most s + 100·c.
 */
export function linearLimit(t1: number, t10: number, plans = 100): number {
  const perPlan = (t10 - t1) / 9
  return t1 - perPlan + plans * perPlan
}

/** Issue #9's targets, judged on this run. */
export function targets(result: BenchResult): Target[] {
  const at = (plans: number) => result.corpora.find((c) => c.plans === plans)
  const largest = result.corpora.at(-1)
  const [one, ten, hundred] = [at(1), at(10), at(100)]
  const list: Target[] = []
  for (const c of result.corpora) {
    if (failed(c.baseline)) {
      list.push({ name: `whole pipeline ≤ 1.2× the baseline VitePress build (${c.plans} plans)`, met: undefined, figure: `plain VitePress did not finish: ${c.baseline.reason}` })
      continue
    }
    const r = c.site.wallMs / c.baseline.wallMs
    // The PDFs are work the baseline does not do at all: shown apart, so a miss can be traced.
    const pdfMs = c.site.stages?.pdfMs ?? 0
    const withoutPdfs = pdfMs > 0 ? `; without the PDFs ${((c.site.wallMs - pdfMs) / c.baseline.wallMs).toFixed(2)}×` : ''
    list.push({ name: `whole pipeline ≤ 1.2× the baseline VitePress build (${c.plans} plans)`, met: r <= 1.2, figure: `${seconds(c.site.wallMs)} vs ${seconds(c.baseline.wallMs)}: ${r.toFixed(2)}×${withoutPdfs}` })
  }
  if (one && ten && hundred && !failed(one.baseline) && !failed(ten.baseline) && !failed(hundred.baseline)) {
    const base = (c: CorpusResult) => (failed(c.baseline) ? NaN : c.baseline.wallMs)
    for (const [name, get] of [['site', (c: CorpusResult) => c.site.wallMs], ['baseline', base]] as const) {
      const limit = linearLimit(get(one), get(ten))
      list.push({ name: `linear growth, ${name} (100 plans ≤ start-up + 100 × per-plan cost at 10 plans)`, met: get(hundred) <= limit, figure: `${seconds(get(hundred))} vs limit ${seconds(limit)}` })
    }
  } else {
    list.push({ name: 'linear growth (needs 1, 10 and 100 plans)', met: undefined, figure: 'not measured' })
  }
  if (largest) {
    const search = hundred ?? largest
    list.push({ name: `search p95 < 50 ms per query (${search.plans} plans)`, met: search.site.engine.p95Ms < 50, figure: millis(search.site.engine.p95Ms) })
    // Issue 16: against Pagefind on the same site, cold, throttled (stated for 100 plans; judged on the largest built).
    const worst = (list: ColdSearch[] | undefined, get: (c: ColdSearch) => number) => Math.max(...(list ?? []).map(get))
    const site = search.site.cold
    const pf = search.pagefind.cold
    const pairs = site?.map((c, i) => ({ site: c, pagefind: pf[i]! })) ?? []
    const timeRatio = Math.max(...pairs.map((p) => p.site.firstResultMs / p.pagefind.firstResultMs))
    list.push({ name: `cold first result ≤ 0.5× Pagefind's time, each query (${search.plans} plans)`, met: pairs.length > 0 && timeRatio <= 0.5, figure: pairs.map((p) => `${p.site.query} ${millis(p.site.firstResultMs)} vs ${millis(p.pagefind.firstResultMs)}`).join('; ') })
    list.push({ name: `cold bytes ≤ Pagefind's, each query (${search.plans} plans)`, met: pairs.length > 0 && pairs.every((p) => p.site.transferBytes <= p.pagefind.transferBytes), figure: pairs.map((p) => `${p.site.query} ${size(p.site.transferBytes)} vs ${size(p.pagefind.transferBytes)}`).join('; ') })
    list.push({ name: `tab heap ≤ 10 MB after a cold search (${search.plans} plans)`, met: site !== undefined && worst(site, (c) => c.heapBytes) <= 10e6, figure: `${megabytes(worst(site, (c) => c.heapBytes))} (Pagefind ${megabytes(worst(pf, (c) => c.heapBytes))})` })
  }
  // Issue 16: the build's memory, its growth with plans, and what one plan's change costs.
  for (const c of result.corpora) {
    const peak = Math.max(c.site.peakMemoryBytes, c.site.rebuild?.peakMemoryBytes ?? 0)
    list.push({ name: `peak memory ≤ 2 GB, clean build and rebuild (${c.plans} plans)`, met: peak <= 2e9, figure: `${megabytes(c.site.peakMemoryBytes)} and ${c.site.rebuild ? megabytes(c.site.rebuild.peakMemoryBytes) : '—'}` })
    if (c.site.rebuild) {
      const share = c.site.rebuild.wallMs / c.site.wallMs
      list.push({ name: `one-plan rebuild ≤ 5 % of a clean build (${c.plans} plans)`, met: share <= 0.05, figure: `${seconds(c.site.rebuild.wallMs)} of ${seconds(c.site.wallMs)}: ${(100 * share).toFixed(1)} %` })
    }
  }
  if (hundred && largest && largest.plans > hundred.plans) {
    const per = (c: CorpusResult) => c.site.wallMs / c.plans
    list.push({
      name: `clean build linear in plans (s/plan at ${largest.plans} ≤ 1.2× s/plan at 100)`,
      met: per(largest) <= 1.2 * per(hundred),
      figure: result.corpora.map((c) => `${c.plans}: ${seconds(per(c))}`).join(', '),
    })
  }
  list.push({
    name: 'the index is loaded only when search opens',
    met: result.corpora.every((c) => c.site.indexBeforeOpen.length === 0 && c.site.indexAfterOpen.length > 0),
    figure: result.corpora.map((c) => `${c.plans}: before ${c.site.indexBeforeOpen.length}, after ${c.site.indexAfterOpen.length} file(s)`).join('; '),
  })
  for (const c of result.corpora) {
    if (failed(c.baseline)) continue
    const extra = c.site.firstLoad.taskJs - c.baseline.firstLoad.taskJs
    list.push({ name: `task page first-load JS within 15 KB gzip of the baseline (${c.plans} plans)`, met: extra <= 15_000, figure: `${kilobytes(c.site.firstLoad.taskJs)} vs ${kilobytes(c.baseline.firstLoad.taskJs)}: ${extra >= 0 ? '+' : ''}${kilobytes(extra)}` })
  }
  for (const c of result.corpora) {
    if (failed(c.baseline)) list.push({ name: `plain VitePress builds ${c.plans} plans (heap limited)`, met: false, figure: `stopped after ${seconds(c.baseline.wallMs)}, peak ${megabytes(c.baseline.peakMemoryBytes)}: ${c.baseline.reason}` })
  }
  return list
}

export function targetLines(result: BenchResult): string[] {
  return targets(result).map((t) => `- ${t.met === undefined ? '·' : t.met ? 'met' : '**missed**'}: ${t.name}: ${t.figure}`)
}

export function machineLine(m: Machine): string {
  return `${m.cpus} × ${m.cpuModel}, ${(m.memoryBytes / 2 ** 30).toFixed(0)} GiB, ${m.os}, Node ${m.node}, ${m.chromium}`
}

/** What PERFORMANCE.md shows: the date, the machine, the command, the table, the targets. */
export function markdown(result: BenchResult): string[] {
  return [
    `Run ${result.date} on ${machineLine(result.machine)}${result.command ? `, by \`${result.command}\`` : ''}.`,
    '',
    ...(result.corpora.length > 0 ? [...table(result), ''] : []),
    ...coldTable(result),
    '',
    ...targetLines(result),
  ]
}
