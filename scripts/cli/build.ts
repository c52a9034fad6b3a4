// npm run build [-- --outDir DIR] [--timings FILE] [--no-pdf] [--no-cache]: generate docs/,
// build the site with VitePress into a fresh folder, print the PDFs with
// chromium, and only when everything succeeded put it in place of the previous
// site. A failed build leaves the previous site untouched. --timings writes how
// long each stage took, as JSON (npm run bench). --no-pdf: a site without
// PDFs, whose pages link none (for a machine without chromium). PDFs of pages
// unchanged since an earlier build come from .cache/pdf (scripts/site/pdf.ts);
// --no-cache prints every one (a clean build; what it prints is still kept).

import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { generate, swap, type BuildTimings } from '../site/generate.ts'
import { ROOT } from '../site/load.ts'
import { CHROMIUM, chromiumMissing, launch } from '../site/chromium.ts'
import { PDF_CACHE, pdfJobs, printPdfs } from '../site/pdf.ts'
import { splitMetadata } from '../site/split-metadata.ts'
import { excludedFrom, planBatches } from '../site/batches.ts'

/** Plans a VitePress build holds at most (PLANS_PER_BUILD overrides): about 4 GB of memory at 50. */
const DEFAULT_PLANS_PER_BUILD = 50

/**
 * Moves a batch's built files into the merged tree. Files both have (the
 * hashed assets, 404.html, hashmap.json) are the same in every batch but for
 * the page map, which splitMetadata joins from each batch's metadata script.
 */
function mergeTree(from: string, into: string): void {
  mkdirSync(into, { recursive: true })
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name)
    const target = join(into, entry.name)
    if (entry.isDirectory()) mergeTree(source, target)
    else if (!existsSync(target)) renameSync(source, target)
  }
  rmSync(from, { recursive: true, force: true })
}

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

async function main(args: string[]): Promise<number> {
  const target = option(args, '--outDir') ?? join(ROOT, '.vitepress/dist')
  const timingsFile = option(args, '--timings')
  const pdf = !args.includes('--no-pdf')
  const readCache = !args.includes('--no-cache')
  const base = process.env.SITE_BASE || '/'
  const perBuild = Number(process.env.PLANS_PER_BUILD || DEFAULT_PLANS_PER_BUILD)
  if (!Number.isInteger(perBuild) || perBuild < 1) {
    process.stderr.write(`build: PLANS_PER_BUILD=${process.env.PLANS_PER_BUILD}: expected a whole number from 1 (plans a VitePress build holds)\n`)
    return 2
  }
  const left = `the site in ${target} was left as it was`
  // Before anything is built: a site whose pages link PDFs that were never printed is no site to publish.
  const noChromium = pdf ? await chromiumProblem() : null
  if (noChromium) {
    process.stderr.write(`build: stopped: ${noChromium}; the PDFs (全文打印, 职责清单) cannot be printed (a site without them: npm run build -- --no-pdf); ${left}\n`)
    return 1
  }
  const generated = await generate({ base, siteUrl: process.env.SITE_URL ?? '', pdf })
  if (!generated.ok) {
    for (const line of generated.report) process.stderr.write(line + '\n')
    process.stderr.write(`build: stopped; ${left}\n`)
    return 1
  }
  for (const line of generated.warnings) process.stderr.write(line + '\n')
  const next = `${target}.next`
  rmSync(next, { recursive: true, force: true })
  const vitepressStart = performance.now()
  // One VitePress build, or one a batch of plans (PLANS_PER_BUILD) merged into one tree: memory bounded by the batch.
  const planIds = generated.site.plans.map((p) => p.id)
  const batches = planBatches(planIds, perBuild)
  if (batches.length === 0) batches.push([])
  for (const [k, batch] of batches.entries()) {
    const out = batches.length === 1 ? next : `${next}.batch-${k}`
    if (batches.length > 1) process.stdout.write(`build: VitePress, batch ${k + 1} of ${batches.length} (${batch.length} plan(s)${k === 0 ? ' and the shared pages' : ''})\n`)
    const vitepress = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitepress/bin/vitepress.js'), 'build', '--outDir', out], {
      cwd: ROOT,
      stdio: 'inherit',
      env: batches.length === 1 ? process.env : { ...process.env, SITE_BATCH_EXCLUDE: JSON.stringify(excludedFrom(batches, k)) },
    })
    if (vitepress.status !== 0) {
      rmSync(next, { recursive: true, force: true })
      rmSync(out, { recursive: true, force: true })
      process.stderr.write(`build: VitePress failed; ${left}\n`)
      return 1
    }
    if (out !== next) mergeTree(out, next)
  }
  // Each page loads the page map of its own plan, not of the whole library.
  splitMetadata(next, planIds)
  const vitepressMs = performance.now() - vitepressStart
  const pdfStart = performance.now()
  const jobs = pdf ? pdfJobs(generated.site) : []
  let printed = { printed: 0, cached: 0 }
  try {
    if (pdf) printed = await printPdfs(next, base, jobs, { dir: PDF_CACHE, read: readCache })
  } catch (error) {
    rmSync(next, { recursive: true, force: true })
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    process.stderr.write(`build: stopped: printing the PDFs failed (${message}); ${left}\n`)
    return 1
  }
  const timings: BuildTimings = { ...generated.timings, vitepressMs, pdfMs: pdf ? performance.now() - pdfStart : 0, pdfs: jobs.length, pdfsPrinted: printed.printed }
  swap(next, target)
  if (timingsFile) writeFileSync(timingsFile, JSON.stringify(timings, null, 2) + '\n')
  process.stdout.write(`build: ${generated.pages} pages for ${generated.site.plans.length} plan(s)${pdf ? `, ${jobs.length} PDFs (${printed.printed} printed, ${printed.cached} unchanged from .cache/pdf)` : ', no PDFs (--no-pdf)'}, site in ${target}\n`)
  return 0
}

// Exit at once with the answer: a chromium that timed out at launch is reaped by
// playwright only 30 s later, and playwright's exit hook kills it now.
process.exit(await main(process.argv.slice(2)))
