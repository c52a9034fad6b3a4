// npm run bench [-- --plans 1,10,100,1000] [--work DIR] [--performance]
// npm run bench -- --report DIR/result.json [--performance]: the table of an earlier run.
// npm run bench -- --tasks 1000,2000,10000 [--site] [--performance]: one plan of each many tasks
// (scripts/bench/tasks.ts): generate's output, time and memory per task, and their ratios across the sizes;
// --site also builds each site (npm run build -- --no-pdf --no-cache).
//
// For each corpus size: writes that many synthetic plans (scripts/bench/corpus.ts),
// builds the site from them as `npm run build` does, then builds the same
// generated pages with plain VitePress (scripts/bench/baseline: default theme,
// default local search), and measures both: times, peak memory, sizes, the
// search index, first-load JS and CSS, and search in chromium. Prints the
// table (Markdown), writes DIR/result.json, and with --performance puts the
// table (with its date, machine and command) in PERFORMANCE.md between
// <!-- bench:start --> and <!-- bench:end -->.
// Needs the whole machine: nothing else should run meanwhile.

import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, release, totalmem, type } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { loadSite, seedFiles } from '../site/load.ts'
import { loadReference } from '../data/load.ts'
import { readSummary, type BuildTimings } from '../site/generate.ts'
import { CHROMIUM, launch, chromiumMissing } from '../site/chromium.ts'
import { execFileSync } from 'node:child_process'
import { url } from '../render/common.ts'
import { SEARCH_DIR } from '../search/build-index.ts'
import { MAX_LARGE_TASKS, MAX_PLANS, changedPlan, largePlan, syntheticCorpus } from '../bench/corpus.ts'
import { tasksMarkdown, type TaskScaling, type TasksResult } from '../bench/tasks.ts'
import { measure, run } from '../bench/measure.ts'
import { folderSize, gzipSize, indexFiles, siteSize, walk } from '../bench/sizes.ts'
import { coldSearch, COLD_QUERIES, timeEngine, visitSite, type ColdSearch, type SiteSearch } from '../bench/search.ts'
import { buildsMarkdown, markdown, type BaselineFailure, type BenchResult, type BuildResult, type BuildScaling, type BuildsResult, type CorpusResult, type Rebuild } from '../bench/report.ts'
import type { Browser } from 'playwright-core'
import { DOCS, ROOT } from '../paths.ts'

const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs')
/** Above this many plans plain VitePress (the baseline) runs with BASELINE_HEAP_MB of heap, and may not finish. */
const BASELINE_LIMIT = 100
const BASELINE_HEAP_MB = 12_288
const PAGEFIND = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs')
/** Where Pagefind writes its bundle inside the built site (a name no plan id can take: ids do not begin with "_"). */
const PAGEFIND_BUNDLE = '_pagefind'
const VITEPRESS = join(ROOT, 'node_modules/vitepress/bin/vitepress.js')
const BASELINE_ROOT = join(ROOT, 'scripts/bench/baseline')
const PERFORMANCE = join(ROOT, 'PERFORMANCE.md')
const START = '<!-- bench:start -->'
const END = '<!-- bench:end -->'
const TASKS_START = '<!-- bench-tasks:start -->'
const TASKS_END = '<!-- bench-tasks:end -->'

interface Options {
  plans: number[]
  work: string
  /** Put the table in PERFORMANCE.md. */
  performance: boolean
  /** Only the site's clean build and one-plan rebuild (no baseline, no Pagefind, no browser). */
  buildOnly: boolean
  /** An earlier run's result.json to report instead of running. */
  report: string | undefined
  /** --tasks: the one-plan sizes to measure instead of the corpora. */
  tasks: number[] | undefined
  /** --site: with --tasks, also build each site. */
  site: boolean
}

function options(args: string[]): Options | string {
  const value = (name: string) => {
    const i = args.indexOf(name)
    return i >= 0 ? args[i + 1] : undefined
  }
  const plans = (value('--plans') ?? '1,10,100').split(',').map(Number)
  if (plans.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_PLANS)) return `--plans: expected numbers from 1 to ${MAX_PLANS}, separated by commas`
  const report = value('--report')
  const tasksArg = value('--tasks')
  const tasks = tasksArg === undefined ? undefined : tasksArg.split(',').map(Number)
  if (tasks && tasks.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_LARGE_TASKS)) return `--tasks: expected numbers from 1 to ${MAX_LARGE_TASKS.toLocaleString('en-US')} (tasks in one plan), separated by commas`
  return {
    plans: [...new Set(plans)].sort((a, b) => a - b), work: resolve(value('--work') ?? join(ROOT, '.bench')), performance: args.includes('--performance'), buildOnly: args.includes('--build-only'), report: report && resolve(report),
    tasks: tasks && [...new Set(tasks)].sort((a, b) => a - b), site: args.includes('--site'),
  }
}

const started = performance.now()
const log = (line: string) => {
  const s = Math.round((performance.now() - started) / 1000)
  process.stderr.write(`bench: [${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}] ${line}\n`)
}

/** A built index script (export default '<json>') as its JSON text. */
async function indexJsonOf(file: string): Promise<string> {
  const module: unknown = await import(`data:text/javascript;base64,${readFileSync(file).toString('base64')}`)
  const json = typeof module === 'object' && module !== null && 'default' in module ? module.default : undefined
  if (typeof json !== 'string') throw new Error(`${file}: expected a module whose default export is the index as JSON`)
  return json
}

function firstLoad(visit: SiteSearch): BuildResult['firstLoad'] {
  const sum = (assets: { gzipBytes: number }[]) => assets.reduce((total, a) => total + a.gzipBytes, 0)
  return { homeJs: sum(visit.home.js), homeCss: sum(visit.home.css), taskJs: sum(visit.task.js), taskCss: sum(visit.task.css) }
}

/**
 * The site built clean from `plans` synthetic plans, then rebuilt after one
 * sentence of the middle plan changed, as a person would (npm run build, the
 * caches kept). The site is left in `siteDir`.
 */
async function buildAndRebuild(seed: string, plans: number, work: string, siteDir: string): Promise<BuildScaling & { loaded: Extract<Awaited<ReturnType<typeof loadSite>>, { ok: true }>; env: NodeJS.ProcessEnv }> {
  const corpus = join(work, `plans-${plans}`)
  const timingsFile = join(work, `timings-${plans}.json`)
  for (const dir of [corpus, siteDir]) rmSync(dir, { recursive: true, force: true })
  mkdirSync(corpus, { recursive: true })
  const synthetic = syntheticCorpus(seed, plans)
  for (const plan of synthetic) writeFileSync(join(corpus, plan.file), plan.text)
  const loaded = await loadSite(corpus, loadReference())
  if (!loaded.ok) throw new Error(`the synthetic plans cannot be read:\n${loaded.report.join('\n')}`)
  const env = { ...process.env, PLAN_SEEDS: corpus, SITE_BASE: '/', SITE_URL: '' }

  log(`${plans} plan(s): building the site clean (npm run build -- --no-cache)`)
  const siteRun = await measure(process.execPath, [TSX, 'scripts/cli/build.ts', '--outDir', siteDir, '--timings', timingsFile, '--no-cache'], { cwd: ROOT, env })
  const stages: BuildTimings = JSON.parse(readFileSync(timingsFile, 'utf8'))
  log(`${plans} plan(s): built in ${seconds(siteRun.wallMs)}, peak ${megabytes(siteRun.peakMemoryBytes)}`)
  // A plan revised: one sentence of the middle plan changed, rebuilt as a person would (npm run build, the caches kept).
  const revised = changedPlan(synthetic[Math.floor(synthetic.length / 2)]!)
  writeFileSync(join(corpus, revised.file), revised.text)
  log(`${plans} plan(s): rebuilding after ${revised.file} changed (npm run build)`)
  const rebuildRun = await measure(process.execPath, [TSX, 'scripts/cli/build.ts', '--outDir', siteDir, '--timings', timingsFile], { cwd: ROOT, env })
  const rebuild: Rebuild = { ...rebuildRun, stages: JSON.parse(readFileSync(timingsFile, 'utf8')) }
  log(`${plans} plan(s): rebuilt in ${seconds(rebuild.wallMs)}, peak ${megabytes(rebuild.peakMemoryBytes)}`)
  const pages = walk(DOCS).filter((file) => file.endsWith('.md')).length
  const tasks = loaded.site.plans.reduce((n, p) => n + p.tasks.length, 0)
  return { plans, tasks, pages, clean: { ...siteRun, stages }, rebuild, loaded, env }
}

async function benchCorpus(browser: Browser, seed: string, plans: number, work: string): Promise<CorpusResult> {
  const siteDir = join(work, `site-${plans}`)
  const baselineDir = join(work, `baseline-${plans}`)
  rmSync(baselineDir, { recursive: true, force: true })
  const { clean, rebuild, pages, loaded, env } = await buildAndRebuild(seed, plans, work, siteDir)
  const { stages, ...siteRun } = clean
  log(`${plans} plan(s): building the baseline (plain VitePress on the same ${pages} pages${plans > BASELINE_LIMIT ? `, heap limited to ${BASELINE_HEAP_MB} MB` : ''})`)
  const baselineEnv = plans > BASELINE_LIMIT ? { ...env, NODE_OPTIONS: `--max-old-space-size=${BASELINE_HEAP_MB}` } : env
  const baselineRun = await run(process.execPath, [VITEPRESS, 'build', BASELINE_ROOT, '--outDir', baselineDir], { cwd: ROOT, env: baselineEnv })
  if (baselineRun.code !== 0 && plans <= BASELINE_LIMIT) throw new Error(`plain VitePress failed at ${plans} plans:\n${baselineRun.output}`)
  const baselineFailed: BaselineFailure | undefined = baselineRun.code === 0 ? undefined : {
    wallMs: baselineRun.wallMs,
    peakMemoryBytes: baselineRun.peakMemoryBytes,
    reason: lastError(baselineRun.output),
  }
  if (baselineFailed) log(`${plans} plan(s): plain VitePress stopped after ${seconds(baselineFailed.wallMs)}: ${baselineFailed.reason}`)

  log(`${plans} plan(s): measuring sizes and search in chromium`)
  const firstPlan = loaded.site.plans[0]!
  const taskPage = `${url.task(firstPlan, firstPlan.tasks[0]!.number).slice(1)}.html`

  // Pagefind indexes the same built site (its bundle is left out of the site's size below).
  log(`${plans} plan(s): indexing the built site with Pagefind`)
  const pagefindRun = await measure(process.execPath, [PAGEFIND, '--site', siteDir, '--output-subdir', PAGEFIND_BUNDLE], { cwd: ROOT, env })
  const pagefindDir = join(siteDir, PAGEFIND_BUNDLE)
  const cold = await coldSearches(plans, {
    box: (query) => coldSearch(browser, query, { how: 'box', siteDir }),
    pagefind: (query) => coldSearch(browser, query, { how: 'pagefind', siteDir, bundle: PAGEFIND_BUNDLE }),
  })
  const pagefind = { ...pagefindRun, index: folderSize(pagefindDir), cold: cold.pagefind! }
  rmSync(pagefindDir, { recursive: true, force: true })

  const result = async (dir: string, run: { wallMs: number; peakMemoryBytes: number }, engine: 'site' | 'baseline', index: string): Promise<BuildResult> => {
    // The site's index is its search folder (and no script should hold one); the baseline's, a script.
    const files = engine === 'site' ? [`${SEARCH_DIR}/`, ...indexFiles(dir)] : indexFiles(dir)
    const visit = await visitSite(browser, dir, taskPage, files)
    return {
      ...run,
      size: siteSize(dir),
      index: engine === 'site' ? folderSize(join(dir, SEARCH_DIR)) : { files: 1, rawBytes: Buffer.byteLength(index), gzipBytes: gzipSize(index) },
      indexFiles: files,
      firstLoad: firstLoad(visit),
      engine: await timeEngine(browser, engine === 'site' ? { engine, searchDir: join(dir, SEARCH_DIR) } : { engine, indexJson: index }),
      indexBeforeOpen: visit.indexBeforeOpen,
      indexAfterOpen: visit.indexAfterOpen,
      firstSearchMs: visit.firstSearchMs,
    }
  }
  const site = { ...(await result(siteDir, siteRun, 'site', '')), stages, rebuild, cold: cold.box }
  let baseline: BuildResult | BaselineFailure
  if (baselineFailed) baseline = baselineFailed
  else {
    const baselineIndexFiles = indexFiles(baselineDir)
    if (baselineIndexFiles.length !== 1) throw new Error(`${baselineDir}: expected one search index script, found ${baselineIndexFiles.length}`)
    baseline = await result(baselineDir, baselineRun, 'baseline', await indexJsonOf(join(baselineDir, baselineIndexFiles[0]!)))
  }
  // Keep the corpus and the JSON; the built sites are large (hundreds of MB at 100 plans).
  for (const dir of [siteDir, baselineDir]) rmSync(dir, { recursive: true, force: true })
  return { plans, tasks: loaded.site.plans.reduce((n, p) => n + p.tasks.length, 0), pages, site, baseline, pagefind }
}

/** --build-only: the clean build and the one-plan rebuild of each corpus; the built site removed after. */
async function benchBuilds(seed: string, plans: number[], work: string): Promise<BuildScaling[]> {
  const out: BuildScaling[] = []
  for (const n of plans) {
    const siteDir = join(work, `site-${n}`)
    const { loaded: _loaded, env: _env, ...scaling } = await buildAndRebuild(seed, n, work, siteDir)
    rmSync(siteDir, { recursive: true, force: true })
    out.push(scaling)
  }
  return out
}

/** What a failed run said last: the error line (V8's "heap out of memory", VitePress's error), or its last line. */
function lastError(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean)
  return lines.findLast((l) => /out of memory|error/i.test(l))?.slice(0, 200) ?? lines.at(-1)?.slice(0, 200) ?? 'no output'
}

const CHROMIUM_VERSION = () => execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`

/** Cold searches a query and way: one sample is at the mercy of a shared machine, so the median of three. */
const COLD_ROUNDS = 3

/**
 * Each cold query with each way of searching given, COLD_ROUNDS times (the
 * ways taking turns, so a slow spell of the machine falls on all of them),
 * logged as it goes; for each query and way the run of median time.
 */
async function coldSearches<K extends string>(plans: number, ways: Record<K, (query: string) => Promise<ColdSearch>>): Promise<Partial<Record<K, ColdSearch[]>>> {
  const entries = Object.entries(ways) as [K, (query: string) => Promise<ColdSearch>][]
  const runs = new Map<string, ColdSearch[]>()
  for (let round = 0; round < COLD_ROUNDS; round++) {
    for (const query of COLD_QUERIES) {
      for (const [way, search] of entries) {
        const c = await search(query)
        log(`${plans} plan(s): cold ${query} by ${way}: ${Math.round(c.firstResultMs)} ms, ${(c.transferBytes / 1e3).toFixed(1)} kB in ${c.requests} requests, heap ${(c.heapBytes / 1e6).toFixed(1)} MB`)
        const key = `${way}\0${query}`
        runs.set(key, [...(runs.get(key) ?? []), c])
      }
    }
  }
  const out: Partial<Record<K, ColdSearch[]>> = {}
  for (const [way] of entries) {
    out[way] = COLD_QUERIES.map((query) => {
      const sorted = [...runs.get(`${way}\0${query}`)!].sort((a, b) => a.firstResultMs - b.firstResultMs)
      return sorted[Math.floor(sorted.length / 2)]!
    })
  }
  return out
}

/** An earlier run's result.json: written by this command, checked for its shape before use. */
function readResult(file: string): BenchResult {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'))
  const ok = typeof json === 'object' && json !== null && 'date' in json && 'machine' in json && 'corpora' in json &&
    Array.isArray(json.corpora) && json.corpora.length > 0
  if (!ok) throw new Error(`${file}: expected the result.json of npm run bench ({date, machine, corpora: [...]})`)
  // The shape of each corpus is the one this command writes (BenchResult).
  return json as BenchResult
}

function show(result: BenchResult, performance: boolean): void {
  const lines = markdown(result)
  process.stdout.write(lines.join('\n') + '\n')
  if (performance) {
    putInPerformance(lines)
    log(`put the table in ${PERFORMANCE}`)
  }
}

function putInPerformance(lines: string[], start_ = START, end_ = END): void {
  const text = readFileSync(PERFORMANCE, 'utf8')
  const start = text.indexOf(start_)
  const end = text.indexOf(end_)
  if (start < 0 || end < start) throw new Error(`${PERFORMANCE}: expected ${start_} … ${end_} around the benchmark's table`)
  writeFileSync(PERFORMANCE, `${text.slice(0, start + start_.length)}\n${lines.join('\n')}\n${text.slice(end)}`)
}

/**
 * --tasks: for each size, one plan of that many tasks (largePlan) generated as npm run generate does (every page
 * generated: --no-cache), measured from outside; docs/ measured after it; with --site, the site built from it.
 */
async function benchTasks(sizes: number[], work: string, site: boolean): Promise<TaskScaling[]> {
  const out: TaskScaling[] = []
  for (const tasks of sizes) {
    const seeds = join(work, `tasks-${tasks}`)
    rmSync(seeds, { recursive: true, force: true })
    mkdirSync(seeds, { recursive: true })
    const plan = largePlan(tasks)
    writeFileSync(join(seeds, plan.file), plan.text)
    const env = { ...process.env, PLAN_SEEDS: seeds, SITE_BASE: '/', SITE_URL: '' }
    const summaryFile = join(work, `tasks-${tasks}-summary.json`)
    log(`one plan of ${tasks} tasks: generating docs/ (npm run generate -- --no-cache)`)
    const run = await measure(process.execPath, [TSX, 'scripts/cli/generate.ts', '--no-cache', '--summary', summaryFile], { cwd: ROOT, env })
    const summary = readSummary(JSON.parse(readFileSync(summaryFile, 'utf8')), summaryFile)
    const files = walk(DOCS)
    const markdownBytes = files.filter((f) => f.endsWith('.md')).reduce((n, f) => n + statSync(f).size, 0)
    const scaling: TaskScaling = {
      tasks, pages: summary.pages, outputBytes: siteSize(DOCS).bytes, markdownBytes,
      generate: { ...run, parseMs: summary.timings.parseMs, generateMs: summary.timings.generateMs },
    }
    log(`one plan of ${tasks} tasks: ${summary.pages} pages, ${(scaling.outputBytes / 1e6).toFixed(1)} MB in ${seconds(run.wallMs)}, peak ${megabytes(run.peakMemoryBytes)}`)
    if (site) {
      const siteDir = join(work, `tasks-${tasks}-site`)
      const timingsFile = join(work, `tasks-${tasks}-timings.json`)
      log(`one plan of ${tasks} tasks: building the site (npm run build -- --no-pdf --no-cache)`)
      const built = await measure(process.execPath, [TSX, 'scripts/cli/build.ts', '--outDir', siteDir, '--timings', timingsFile, '--no-pdf', '--no-cache'], { cwd: ROOT, env })
      const stages: BuildTimings = JSON.parse(readFileSync(timingsFile, 'utf8'))
      scaling.site = { ...built, bytes: siteSize(siteDir).bytes, vitepressMs: stages.vitepressMs }
      rmSync(siteDir, { recursive: true, force: true })
      log(`one plan of ${tasks} tasks: site built in ${seconds(built.wallMs)}, peak ${megabytes(built.peakMemoryBytes)}`)
    }
    out.push(scaling)
  }
  return out
}

async function main(args: string[]): Promise<number> {
  const opts = options(args)
  if (typeof opts === 'string') {
    process.stderr.write(`bench: ${opts}\n`)
    return 2
  }
  if (opts.report) {
    show(readResult(opts.report), opts.performance)
    return 0
  }
  if (opts.tasks) {
    mkdirSync(opts.work, { recursive: true })
    const cpu = cpus()
    const sizes = await benchTasks(opts.tasks, opts.work, opts.site)
    const result: TasksResult = {
      date: new Date().toISOString().slice(0, 10),
      machine: { cpus: cpu.length, cpuModel: cpu[0]?.model.trim() ?? 'unknown', memoryBytes: totalmem(), os: `${type()} ${release()}`, node: process.version, chromium: 'not used' },
      command: ['npm run bench', '--', ...args].join(' '),
      sizes,
    }
    writeFileSync(join(opts.work, 'tasks.json'), JSON.stringify(result, null, 2) + '\n')
    const lines = tasksMarkdown(result)
    process.stdout.write(lines.join('\n') + '\n')
    if (opts.performance) {
      putInPerformance(lines, TASKS_START, TASKS_END)
      log(`put the table in ${PERFORMANCE}`)
    }
    log(`wrote ${join(opts.work, 'tasks.json')}; docs/ now holds the pages of the last plan (npm run build makes them from seeds/ again)`)
    return 0
  }
  const missing = chromiumMissing()
  if (missing) {
    process.stderr.write(`bench: ${missing}\n`)
    return 1
  }
  // The corpora vary the text plan (the Word plan is not text to rename in).
  const seedFile = seedFiles(join(ROOT, 'seeds')).find((f) => f.endsWith('.txt'))
  if (!seedFile) throw new Error(`${join(ROOT, 'seeds')}: no text seed plan to vary`)
  const seed = readFileSync(seedFile, 'utf8')
  mkdirSync(opts.work, { recursive: true })
  if (opts.buildOnly) {
    const builds = await benchBuilds(seed, opts.plans, opts.work)
    const cpu = cpus()
    const result: BuildsResult = { date: new Date().toISOString().slice(0, 10), machine: { cpus: cpu.length, cpuModel: cpu[0]?.model.trim() ?? 'unknown', memoryBytes: totalmem(), os: `${type()} ${release()}`, node: process.version, chromium: CHROMIUM_VERSION() }, builds }
    writeFileSync(join(opts.work, 'builds.json'), JSON.stringify(result, null, 2) + '\n')
    process.stdout.write(buildsMarkdown(result).join('\n') + '\n')
    log(`wrote ${join(opts.work, 'builds.json')}`)
    return 0
  }
  const browser = await launch()
  try {
    const corpora: CorpusResult[] = []
    for (const plans of opts.plans) corpora.push(await benchCorpus(browser, seed, plans, opts.work))
    const cpu = cpus()
    const result: BenchResult = {
      date: new Date().toISOString().slice(0, 10),
      machine: { cpus: cpu.length, cpuModel: cpu[0]?.model.trim() ?? 'unknown', memoryBytes: totalmem(), os: `${type()} ${release()}`, node: process.version, chromium: `Chromium ${browser.version()}` },
      command: ['npm run bench', ...(args.length > 0 ? ['--', ...args] : [])].join(' '),
      corpora,
    }
    writeFileSync(join(opts.work, 'result.json'), JSON.stringify(result, null, 2) + '\n')
    show(result, opts.performance)
    log(`wrote ${join(opts.work, 'result.json')}`)
    log(`docs/ now holds the pages of the last corpus; npm run build or npm run dev makes them from seeds/ again`)
    return 0
  } finally {
    await browser.close()
  }
}

// A build that fails, a chromium that will not start, a bad --report file: one
// message (with the end of the failing command's output), no stack trace.
process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench: stopped: ${error instanceof Error ? error.message : String(error)}\n`)
  return 1
})
