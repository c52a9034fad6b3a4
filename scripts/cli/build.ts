// npm run build [-- --outDir DIR] [--timings FILE] [--no-pdf] [--no-cache] [--wait] [--strict]: generate docs/,
// build the site with VitePress into a fresh folder, print the PDFs with
// chromium, and only when everything succeeded put it in place of the previous
// site. A failed build leaves the previous site untouched. --timings writes how
// long each stage took, as JSON (npm run bench). --no-pdf: a site without
// PDFs, whose pages link none (for a machine without chromium). Pages whose
// Markdown and code are unchanged since an earlier build come from .cache/site
// (scripts/site/site-cache.ts), PDFs of unchanged pages from .cache/pdf
// (scripts/site/pdf.ts); --no-cache builds and prints everything (a clean
// build; what it builds is still kept). One build at a time in a project
// folder (scripts/site/lock.ts): a second one stops, saying which build holds
// the lock, or with --wait builds once that one has ended.

import { constants } from 'node:os'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { readSummary, recoverSwap, swap, type BuildTimings, type GenerateSummary } from '../site/generate.ts'
import { CHROMIUM, chromiumMissing, launch } from '../site/chromium.ts'
import { printPdfs } from '../site/pdf.ts'
import { buildParts, excludedFrom } from '../site/batches.ts'
import { assemble, checkEntry, groupKeys, harvest, prune, sharedFiles, siteKey } from '../site/site-cache.ts'
import { SHARED } from '../site/page-maps.ts'
import { describeHolder, lock, LOCK_HELD_ENV } from '../site/lock.ts'
import { failureCause, heapEnv, runNode, stopChildren, tsxArgs } from '../site/children.ts'
import { DISK_FULL, errorLine } from '../site/durable.ts'
import { duration, madeAndKept, progress } from '../site/progress.ts'
import { BUILD_LOCK, DOCS, PDF_CACHE, DIST, ROOT, SITE_CACHE } from '../paths.ts'

/** Plans a VitePress build holds at most (PLANS_PER_BUILD overrides): with DEFAULT_HEAP_MB, about 1.6 GB at 10. */
const DEFAULT_PLANS_PER_BUILD = 10

/**
 * The heap (MB) of the generate step and of each VitePress build
 * (GENERATE_HEAP_MB and BUILD_HEAP_MB override them), given to each child in
 * NODE_OPTIONS (scripts/site/children.ts). Node lets a heap grow far past
 * what it holds before collecting; a limit makes it collect instead, which
 * keeps the build's peak memory near what it holds (npm run bench: peak memory).
 */
const DEFAULT_GENERATE_HEAP_MB = 1536
const DEFAULT_HEAP_MB = 1024
/** The part that builds the shared pages: they list every plan (home, units, sectors), and up to LISTED_PLANS every plan's tasks. */
const SHARED_HEAP_MB = 4096

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] ? resolve(args[i + 1]!) : undefined
}

/** Whether chromium starts (within its launch timeout): null, or why not. */
async function chromiumProblem(): Promise<string | null> {
  const missing = chromiumMissing()
  if (missing) return missing
  try {
    await (await launch()).close()
    return null
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return `chromium at ${CHROMIUM} did not start: ${message.split('\n')[0]}`
  }
}

/** What the site's folder holds now, for the last words of a build that stopped. */
const leftWords = (target: string) => existsSync(target) ? `the site in ${target} was left as it was` : `no site was written to ${target}`

/** What a build that stops puts in place of a stack trace: the failure's words where known. */
const stopped = (what: unknown, target: string) => `build: stopped: ${errorLine(what)}; ${leftWords(target)}\n`

/** Removes what a killed build left beside the site: TARGET.next, TARGET.next.part-N (never published, never hashed). */
function removeLeftovers(target: string): void {
  const dir = dirname(target)
  if (!existsSync(dir)) return
  const name = basename(target)
  for (const entry of readdirSync(dir)) {
    if (entry === `${name}.next` || entry.startsWith(`${name}.next.part-`)) rmSync(join(dir, entry), { recursive: true, force: true })
  }
}

async function main(args: string[]): Promise<number> {
  const target = option(args, '--outDir') ?? DIST
  const timingsFile = option(args, '--timings')
  const pdf = !args.includes('--no-pdf')
  const readCache = !args.includes('--no-cache')
  const wait = args.includes('--wait')
  const base = process.env.SITE_BASE || '/'
  const perBuild = Number(process.env.PLANS_PER_BUILD || DEFAULT_PLANS_PER_BUILD)
  if (!Number.isInteger(perBuild) || perBuild < 1) {
    process.stderr.write(`build: PLANS_PER_BUILD=${process.env.PLANS_PER_BUILD}: expected a whole number from 1 (plans a VitePress build holds)\n`)
    return 2
  }
  const heapMb = Number(process.env.BUILD_HEAP_MB || DEFAULT_HEAP_MB)
  const generateHeapMb = Number(process.env.GENERATE_HEAP_MB || DEFAULT_GENERATE_HEAP_MB)
  for (const [name, mb] of [['BUILD_HEAP_MB', heapMb], ['GENERATE_HEAP_MB', generateHeapMb]] as const) {
    if (!Number.isInteger(mb) || mb < 256) {
      process.stderr.write(`build: ${name}=${process.env[name]}: expected a whole number of megabytes from 256\n`)
      return 2
    }
  }
  // The lock before anything is written; released however the build ends (an exit, an error, a signal).
  const command = ['npm run build', ...(args.length ? ['--', ...args] : [])].join(' ')
  let release = () => {}
  process.on('exit', () => release())
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      stopChildren(signal)
      process.stderr.write(`build: stopped by ${signal}; ${leftWords(target)}\n`)
      process.exit(128 + constants.signals[signal])
    })
  }
  const taken = await lock(BUILD_LOCK, command, wait, (holder) => {
    process.stdout.write(`build: waiting for the build that holds ${BUILD_LOCK} (${describeHolder(holder)}) to end\n`)
  })
  if (!taken.taken) {
    process.stderr.write(`build: stopped: another build is running in ${ROOT} (${describeHolder(taken.holder)}; its lock: ${BUILD_LOCK}); ` +
      `let it end, or build after it with npm run build -- --wait; ${leftWords(target)}\n`)
    return 1
  }
  release = taken.release
  if (taken.tookOver) {
    process.stderr.write(`build: took over the lock of a build that is no longer running (${describeHolder(taken.tookOver)})\n`)
  }
  try {
    const recovered = recoverSwap(target)
    if (recovered) process.stderr.write(`build: ${recovered}\n`)
    removeLeftovers(target)
  } catch (error) {
    process.stderr.write(stopped(error, target))
    return 1
  }
  // Where the build stops, the site's folder is as it was before it: said in the last line.
  const left = leftWords(target)
  try {
    return await buildSite({ target, timingsFile, pdf, readCache, strict: args.includes('--strict'), base, perBuild, heapMb, generateHeapMb })
  } catch (error) {
    rmSync(`${target}.next`, { recursive: true, force: true })
    process.stderr.write(error instanceof Stop ? `build: ${error.message}; ${left}\n` : stopped(error, target))
    return 1
  }
}

/** A step's reason to stop the build, in the administrator's words (the line the build ends with, before "; the site … was left as it was"). */
class Stop extends Error {}

/** Why a child process failed, where its last lines say so: a full disk, or the heap it was given. */
function childFailure(stderrTail: string, memory: string): string | null {
  const cause = failureCause(stderrTail)
  return cause === 'disk' ? DISK_FULL : cause === 'memory' ? memory : null
}

interface BuildOptions {
  target: string
  timingsFile: string | undefined
  pdf: boolean
  readCache: boolean
  /** --strict: stop where any plan has a warning. */
  strict: boolean
  base: string
  perBuild: number
  heapMb: number
  generateHeapMb: number
}

/**
 * The build's steps, each a function: chromium checked, docs/ generated, the pages built (or taken from the cache)
 * and assembled into TARGET.next, the PDFs printed into it, and TARGET.next put in place of the site. A step that
 * cannot go on throws (a Stop with its reason); the caller removes TARGET.next and says the site was left as it was.
 */
async function buildSite(options: BuildOptions): Promise<number> {
  const { target, timingsFile, pdf, base } = options
  const started = performance.now()
  say(`the site for the base ${base}, into ${target}${pdf ? '' : ', without PDFs (--no-pdf)'}`)
  if (pdf) await checkChromium()
  const generated = await generateDocs(options)
  const next = `${target}.next`
  rmSync(next, { recursive: true, force: true })
  const vitepressStart = performance.now()
  const pages = await buildPages(options, generated, next)
  const vitepressMs = performance.now() - vitepressStart
  const pdfStart = performance.now()
  const printed = pdf ? await printSitePdfs(options, generated.pdfJobs, next) : { printed: 0, cached: 0, damaged: [] }
  const jobs = generated.pdfJobs
  const timings: BuildTimings = { ...generated.timings, vitepressMs, groups: pages.groups, groupsBuilt: pages.built, pdfMs: pdf ? performance.now() - pdfStart : 0, pdfs: jobs.length, pdfsPrinted: printed.printed }
  swap(next, target)
  if (timingsFile) writeFileSync(timingsFile, JSON.stringify(timings, null, 2) + '\n')
  say(`${generated.pages} pages for ${generated.plans.length} plan(s) (groups of pages: ${madeAndKept(pages.built, pages.groups, 'built', '.cache/site')})${pdf ? `, ${jobs.length} PDFs (${madeAndKept(printed.printed, jobs.length, 'printed', '.cache/pdf')})` : ', no PDFs (--no-pdf)'}`)
  say(`done in ${duration(performance.now() - started)}: the site is in ${target}, for the base ${base} (npm run preview serves it; or copy the folder to the web server's folder for ${base})`)
  return 0
}

const say = (line: string) => process.stdout.write(`build: ${line}\n`)

/** Before anything is built: a site whose pages link PDFs that were never printed is no site to publish. */
async function checkChromium(): Promise<void> {
  say('checking that chromium starts (it prints the PDFs)')
  const problem = await chromiumProblem()
  if (problem) throw new Stop(`stopped: ${problem}; the PDFs (全文打印, 职责清单) cannot be printed (a site without them: npm run build -- --no-pdf)`)
}

/** docs/ from the plans, in a process of its own (what it held is given back before VitePress starts); its summary. */
async function generateDocs({ pdf, readCache, strict, generateHeapMb }: BuildOptions): Promise<GenerateSummary> {
  mkdirSync(SITE_CACHE, { recursive: true })
  const summaryFile = join(SITE_CACHE, 'summary.json')
  rmSync(summaryFile, { force: true })
  say('reading the plans in seeds/ and writing their pages to docs/')
  const generating = await runNode(tsxArgs('scripts/cli/generate.ts', [...(pdf ? ['--pdf'] : []), ...(readCache ? [] : ['--no-cache']), ...(strict ? ['--strict'] : []), '--summary', summaryFile]), {
    env: { ...heapEnv(generateHeapMb), [LOCK_HELD_ENV]: '1' },
    stdout: true,
  })
  if (generating.status !== 0) {
    const why = childFailure(generating.stderrTail, `reading the plans ran out of memory (its heap: GENERATE_HEAP_MB, now ${generateHeapMb} MB)`)
    throw new Stop(`stopped${why ? `: ${why}` : ''}`)
  }
  return readSummary(JSON.parse(readFileSync(summaryFile, 'utf8')), summaryFile)
}

/**
 * The pages, into `next`: from the cache where their Markdown, the code and the menus are unchanged
 * (scripts/site/site-cache.ts) and the entry is whole; the groups that are not are built with VitePress, in parts of
 * PLANS_PER_BUILD plans (memory bounded by the part), then the site assembled. Returns the groups and those built.
 */
async function buildPages({ base, readCache, perBuild, heapMb }: BuildOptions, generated: GenerateSummary, next: string): Promise<{ groups: number; built: number }> {
  const planIds = generated.plans
  const keys = groupKeys(DOCS, planIds, siteKey([JSON.stringify(generated.theme), base]))
  const usable = new Set<string>()
  if (readCache) {
    for (const [group, key] of keys) {
      const entry = checkEntry(SITE_CACHE, key)
      if (entry.state === 'ok') usable.add(group)
      if (entry.state === 'damaged') process.stderr.write(`build: .cache/site/${key} (${group === SHARED ? 'the shared pages' : `the pages of plan ${group}`}) was damaged (${entry.why}): built again\n`)
    }
  }
  const missing = (group: string) => !usable.has(group)
  const parts = buildParts(planIds.filter(missing), missing(SHARED), perBuild)
  const shared = sharedFiles(DOCS, planIds)
  const partFile = join(SITE_CACHE, 'part.json')
  if (parts.length === 0) say('every page is unchanged since the last build (.cache/site)')
  for (const [k, part] of parts.entries()) {
    const out = `${next}.part-${k}`
    say(`VitePress, part ${k + 1} of ${parts.length}: ${part.plans.length} plan(s)${part.shared ? ' and the shared pages' : ''}`)
    writeFileSync(partFile, JSON.stringify({ exclude: excludedFrom(part, planIds, shared), theme: generated.theme }))
    const partHeap = part.shared ? Math.max(SHARED_HEAP_MB, heapMb) : heapMb
    const vitepress = await runNode([join(ROOT, 'node_modules/vitepress/bin/vitepress.js'), 'build', '--outDir', out], {
      stdout: true,
      env: { ...heapEnv(partHeap), SITE_BUILD_PART: partFile },
    })
    try {
      if (vitepress.status !== 0) {
        // V8 printed "heap out of memory" above: a part's heap.
        const why = childFailure(vitepress.stderrTail, `out of memory (fewer plans a part: PLANS_PER_BUILD, now ${perBuild}; more heap: BUILD_HEAP_MB, now ${heapMb})`)
        throw new Stop(`VitePress failed on part ${k + 1} of ${parts.length} (${why ?? 'its messages are above'})`)
      }
      harvest(out, part, planIds, keys, SITE_CACHE)
    } catch (error) {
      rmSync(out, { recursive: true, force: true })
      throw error
    }
  }
  rmSync(partFile, { force: true })
  say('putting the site together')
  assemble(next, join(DOCS, 'public'), [SHARED, ...planIds], keys, SITE_CACHE)
  prune(SITE_CACHE, new Set(keys.values()))
  return { groups: keys.size, built: parts.reduce((n, p) => n + p.plans.length + (p.shared ? 1 : 0), 0) }
}

/** The PDFs printed into `next` by chromium, those unchanged taken from .cache/pdf; a damaged cache entry is said. */
async function printSitePdfs({ base, readCache }: BuildOptions, jobs: GenerateSummary['pdfJobs'], next: string): Promise<{ printed: number; cached: number; damaged: string[] }> {
  let printedOne: (() => void) | null = null
  const onPrinted = (done: number, toPrint: number) => {
    if (done === 0) {
      say(`printing ${toPrint} of ${jobs.length} PDFs with chromium${toPrint < jobs.length ? ` (${jobs.length - toPrint} unchanged, from .cache/pdf)` : ''}`)
      printedOne = progress('PDFs printed', toPrint)
    } else printedOne?.()
  }
  let printed
  try {
    printed = await printPdfs(next, base, jobs, { dir: PDF_CACHE, read: readCache }, onPrinted)
  } catch (error) {
    throw new Stop(`stopped: printing the PDFs failed (${errorLine(error)})`)
  }
  for (const line of printed.damaged) process.stderr.write(`build: ${line}\n`)
  return printed
}

// Exit at once with the answer: a chromium that timed out at launch is reaped by
// playwright only 30 s later, and playwright's exit hook kills it now.
process.exit(await main(process.argv.slice(2)))
