// The benchmark's results: their shape, the ratios to the baseline, the
// targets of issue #9, and the table (Markdown) printed and put in README.
// Pure: numbers in, text out.

import type { EngineTiming } from './search.ts'
import type { SiteSize } from './sizes.ts'
import type { BuildTimings } from '../site/generate.ts'

/** One build of one corpus: the site's pipeline, or plain VitePress (the baseline). */
export interface BuildResult {
  /** The whole command, as a person runs it: for the site `npm run build` (parse, generate, VitePress, PDFs). */
  wallMs: number
  peakMemoryBytes: number
  /** The site's stages (the baseline has only its VitePress build: wallMs). */
  stages?: BuildTimings
  size: SiteSize
  index: { files: string[]; rawBytes: number; gzipBytes: number }
  /** gzip bytes of the scripts and stylesheets a first visit loads. */
  firstLoad: { homeJs: number; homeCss: number; taskJs: number; taskCss: number }
  engine: EngineTiming
  /** Files holding an index fetched before the search box opened (none expected). */
  indexBeforeOpen: string[]
  indexAfterOpen: string[]
  firstSearchMs: number
}

export interface CorpusResult {
  plans: number
  tasks: number
  pages: number
  site: BuildResult
  baseline: BuildResult
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
  corpora: CorpusResult[]
}

interface Row {
  label: string
  site: (r: BuildResult) => number | string | undefined
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
  { label: 'site size', site: (r) => r.size.bytes, baseline: (r) => r.size.bytes, format: megabytes },
  { label: '  of which PDFs', site: (r) => r.size.pdfBytes, format: megabytes },
  { label: 'search index', site: (r) => r.index.rawBytes, baseline: (r) => r.index.rawBytes, format: size },
  { label: 'search index, gzip', site: (r) => r.index.gzipBytes, baseline: (r) => r.index.gzipBytes, format: size },
  { label: 'home: first-load JS, gzip', site: (r) => r.firstLoad.homeJs, baseline: (r) => r.firstLoad.homeJs, format: kilobytes },
  { label: 'home: first-load CSS, gzip', site: (r) => r.firstLoad.homeCss, baseline: (r) => r.firstLoad.homeCss, format: kilobytes },
  { label: 'task page: first-load JS, gzip', site: (r) => r.firstLoad.taskJs, baseline: (r) => r.firstLoad.taskJs, format: kilobytes },
  { label: 'task page: first-load CSS, gzip', site: (r) => r.firstLoad.taskCss, baseline: (r) => r.firstLoad.taskCss, format: kilobytes },
  { label: 'search: query, median', site: (r) => r.engine.medianMs, baseline: (r) => r.engine.medianMs, format: millis },
  { label: 'search: query, p95', site: (r) => r.engine.p95Ms, baseline: (r) => r.engine.p95Ms, format: millis },
  { label: 'search: loading the index', site: (r) => r.engine.loadMs, baseline: (r) => r.engine.loadMs, format: millis },
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
  for (const r of ROWS) {
    const cells = result.corpora.flatMap((c) => {
      const site = r.site(c.site)
      const base = r.baseline?.(c.baseline)
      return [cell(site, r.format), cell(base, r.format), typeof site === 'number' && typeof base === 'number' ? ratio(site, base) : '—']
    })
    lines.push(row([r.label, ...cells]))
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
  const largest = result.corpora.at(-1)!
  const [one, ten, hundred] = [at(1), at(10), at(100)]
  const list: Target[] = []
  for (const c of result.corpora) {
    const r = c.site.wallMs / c.baseline.wallMs
    // The PDFs are work the baseline does not do at all: shown apart, so a miss can be traced.
    const pdfMs = c.site.stages?.pdfMs ?? 0
    const withoutPdfs = pdfMs > 0 ? `; without the PDFs ${((c.site.wallMs - pdfMs) / c.baseline.wallMs).toFixed(2)}×` : ''
    list.push({ name: `whole pipeline ≤ 1.2× the baseline VitePress build (${c.plans} plans)`, met: r <= 1.2, figure: `${seconds(c.site.wallMs)} vs ${seconds(c.baseline.wallMs)}: ${r.toFixed(2)}×${withoutPdfs}` })
  }
  if (one && ten && hundred) {
    for (const [name, get] of [['site', (c: CorpusResult) => c.site.wallMs], ['baseline', (c: CorpusResult) => c.baseline.wallMs]] as const) {
      const limit = linearLimit(get(one), get(ten))
      list.push({ name: `linear growth, ${name} (100 plans ≤ start-up + 100 × per-plan cost at 10 plans)`, met: get(hundred) <= limit, figure: `${seconds(get(hundred))} vs limit ${seconds(limit)}` })
    }
  } else {
    list.push({ name: 'linear growth (needs 1, 10 and 100 plans)', met: undefined, figure: 'not measured' })
  }
  const search = hundred ?? largest
  list.push({ name: `search p95 < 50 ms per query (${search.plans} plans)`, met: search.site.engine.p95Ms < 50, figure: millis(search.site.engine.p95Ms) })
  list.push({
    name: 'the index is loaded only when search opens',
    met: result.corpora.every((c) => c.site.indexBeforeOpen.length === 0 && c.site.indexAfterOpen.length > 0),
    figure: result.corpora.map((c) => `${c.plans}: before ${c.site.indexBeforeOpen.length}, after ${c.site.indexAfterOpen.length} file(s)`).join('; '),
  })
  for (const c of result.corpora) {
    const extra = c.site.firstLoad.taskJs - c.baseline.firstLoad.taskJs
    list.push({ name: `task page first-load JS within 15 KB gzip of the baseline (${c.plans} plans)`, met: extra <= 15_000, figure: `${kilobytes(c.site.firstLoad.taskJs)} vs ${kilobytes(c.baseline.firstLoad.taskJs)}: ${extra >= 0 ? '+' : ''}${kilobytes(extra)}` })
  }
  return list
}

export function targetLines(result: BenchResult): string[] {
  return targets(result).map((t) => `- ${t.met === undefined ? '·' : t.met ? 'met' : '**missed**'}: ${t.name}: ${t.figure}`)
}

export function machineLine(m: Machine): string {
  return `${m.cpus} × ${m.cpuModel}, ${(m.memoryBytes / 2 ** 30).toFixed(0)} GiB, ${m.os}, Node ${m.node}, ${m.chromium}`
}

/** What README shows: the machine, the table, the targets. */
export function markdown(result: BenchResult): string[] {
  return [
    `Run ${result.date} on ${machineLine(result.machine)}.`,
    '',
    ...table(result),
    '',
    ...targetLines(result),
  ]
}
