// PDFs printed by chromium from the built site: the whole plan (全文打印) and
// each unit's 职责清单, with the print stylesheet (A4, GB/T 9704 margins).
// A printed PDF is kept in a cache keyed by what determines it (the page's
// HTML, which names every script and stylesheet by content hash, the site
// data; the date stamped; the chromium printing it), so a rebuild prints only
// pages that changed. Each cached PDF is kept with its digest and checked
// against it before use: a damaged one is printed again, never published.

import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { copyOwn, digest, writeWhole } from './durable.ts'
import type { Browser } from 'playwright-core'
import { appRunning, CHROMIUM, launch } from './chromium.ts'
import { serve } from './serve.ts'
import { isLibrary, type Site } from '../views/site.ts'
import { stampDate } from '../views/deadlines.ts'
import { tasksOfBody } from '../views/units.ts'
import { url } from '../render/common.ts'
import { readMetadata } from './metadata.ts'
import { PDF_CACHE, ROOT } from '../paths.ts'

export interface PdfJob {
  /** The page to print, below the site's base: "plan/print.html". */
  page: string
  /** Where the PDF goes, below the site's root: "plan/downloads/plan.pdf". */
  file: string
  /** The document date, written into the PDF instead of the time of printing. */
  date: string
}

export function pdfJobs(site: Site): PdfJob[] {
  const jobs: PdfJob[] = []
  for (const plan of site.plans) jobs.push({ page: `${url.print(plan).slice(1)}.html`, file: url.printPdf(plan).slice(1), date: stampDate(plan) })
  // A library prints no unit's 职责清单 across plans: its page lists plans; each plan's page for the unit prints as one.
  for (const unit of isLibrary(site) ? [] : site.units) {
    const plans = site.plans.filter((p) => tasksOfBody(site, p, unit).length > 0)
    const latest = plans.map(stampDate).sort().at(-1)
    if (latest) jobs.push({ page: `${url.unit(unit).slice(1)}.html`, file: url.unitPdf(unit).slice(1), date: latest })
  }
  return jobs
}

/**
 * Chromium stamps each PDF with the time it was printed; the same site must
 * give the same bytes, so the stamps become the document's date (same length).
 */
export function stampPdf(pdf: Buffer, date: string): Buffer {
  const stamp = date.replace(/-/g, '') + '000000'
  return Buffer.from(pdf.toString('latin1').replace(/\/(CreationDate|ModDate) \(D:(\d{14})/g, (_, key: string) => `/${key} (D:${stamp}`), 'latin1')
}

/** Where printed PDFs are kept between builds (ignored by git). */

/** Raise when the way pages are printed changes (options, stamping): every cached PDF is then printed again. */
const PRINT_VERSION = 3

/** The cache key of a job: the page's HTML as built, the date stamped, the printer. */
export function pdfKey(html: Buffer, date: string, printer: string): string {
  return createHash('sha256').update(`${PRINT_VERSION}\0${printer}\0${date}\0`).update(html).digest('hex')
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex')

/**
 * What printing a page reads, as text to hash: its HTML, with VitePress's
 * metadata script named by the site data it holds rather than by its file
 * hash. That file also maps every page to its chunk's hash, so its name
 * changes whenever any page changes; printing one page never reads another's
 * chunk. With it set aside, a change to one plan reprints that plan's PDFs and
 * those of the units it names, not every PDF.
 */
export function printedInputs(siteDir: string, html: string, siteDataHashes = new Map<string, string>()): string {
  return html.replace(/(src="[^"]*\/assets\/chunks\/)(metadata\.[\w-]+\.js)"/g, (_, dir: string, file: string) => {
    // The pages of a plan name the same metadata file: each is read and hashed once (the map is the caller's, for one site).
    let hash = siteDataHashes.get(file)
    if (hash === undefined) {
      const content = readFileSync(join(siteDir, 'assets/chunks', file), 'utf8')
      hash = sha256(readMetadata(content, file).siteData)
      siteDataHashes.set(file, hash)
    }
    return `${dir}metadata:${hash}"`
  })
}

export interface PdfCache {
  dir: string
  /** False for a clean build: print everything (and keep what was printed). */
  read: boolean
}

export interface Printed {
  printed: number
  cached: number
  /** One line for each cached PDF found damaged (and printed again). */
  damaged: string[]
}

/** What is wrong with a cached PDF (beside it, FILE.sha256 holds its digest), or null when it is as it was printed. */
export function cachedPdfProblem(file: string): string | null {
  const sum = `${file}.sha256`
  if (!existsSync(sum)) return 'its digest is missing'
  const recorded = readFileSync(sum, 'utf8').trim()
  if (!/^[0-9a-f]{64}$/.test(recorded)) return 'its digest is not whole'
  if (digest(readFileSync(file)) !== recorded) return 'it is not as it was printed'
  return null
}

/** Keeps a printed PDF in the cache: the PDF, then its digest, each written whole (the digest last: an entry without one is not used). */
export function keepPdf(file: string, pdf: Buffer): void {
  mkdirSync(dirname(file), { recursive: true })
  writeWhole(file, pdf)
  writeWhole(`${file}.sha256`, digest(pdf) + '\n')
}

/** Pages printed at once: chromium renders each in a process of its own, so two keep two cores busy. */
const AT_ONCE = 2

export async function printPdfs(siteDir: string, base: string, jobs: PdfJob[], cache: PdfCache = { dir: PDF_CACHE, read: true },
  /** Told (0, n) before the first of n PDFs to print, then (k, n) after each. */
  onPrinted: (done: number, toPrint: number) => void = () => {}): Promise<Printed> {
  // Debian's launcher script may complain on stderr; the version is on stdout.
  const printer = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  // Each job's key, computed once: its page read and hashed a single time.
  const siteDataHashes = new Map<string, string>()
  const keys = new Map(jobs.map((job) => [job, pdfKey(Buffer.from(printedInputs(siteDir, readFileSync(join(siteDir, job.page), 'utf8'), siteDataHashes)), job.date, printer)]))
  const cachedFile = (job: PdfJob) => join(cache.dir, `${keys.get(job)!}.pdf`)
  const place = (job: PdfJob, from: string) => {
    mkdirSync(dirname(join(siteDir, job.file)), { recursive: true })
    copyOwn(from, join(siteDir, job.file))
  }
  const damaged: string[] = []
  const usable = (job: PdfJob) => {
    const file = cachedFile(job)
    if (!existsSync(file)) return false
    const problem = cachedPdfProblem(file)
    if (problem === null) return true
    damaged.push(`${relative(ROOT, file)} (${job.file}): ${problem}; printed again`)
    rmSync(file, { force: true })
    rmSync(`${file}.sha256`, { force: true })
    return false
  }
  const hits = cache.read ? jobs.filter(usable) : []
  for (const job of hits) place(job, cachedFile(job))
  const queue = jobs.filter((job) => !hits.includes(job))
  if (queue.length === 0) return { printed: 0, cached: hits.length, damaged }
  const toPrint = queue.length
  let done = 0
  onPrinted(0, toPrint)
  const server = await serve(siteDir, base)
  let browser: Browser | null = null
  try {
    browser = await launch()
    const worker = async () => {
      const page = await browser!.newPage()
      // A PDF printed by the build is read on other days: nothing of the day it was printed (.vitepress/theme/due.ts).
      await page.addInitScript(() => { (window as { __POLICY_PDF_BUILD__?: boolean }).__POLICY_PDF_BUILD__ = true })
      await page.emulateMedia({ media: 'print' })
      for (let job = queue.shift(); job; job = queue.shift()) {
        await page.goto(server.url(job.page), { waitUntil: 'load' })
        // Printed once the page is what a reader gets: hydrated by Vue (the parts that hydrate when the browser
        // is idle included: scripts/site/late-hydration.ts), fonts loaded.
        await appRunning(page)
        await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve())))
        await page.evaluate(() => document.fonts.ready.then(() => undefined))
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false, outline: false,
          // Untagged: a tagged PDF carries the DOM's node ids, which differ from build to build.
          tagged: false })
        const target = join(siteDir, job.file)
        mkdirSync(dirname(target), { recursive: true })
        const stamped = stampPdf(pdf, job.date)
        writeFileSync(target, stamped)
        // Kept for the next build: written whole, so a reader never sees half a file.
        keepPdf(cachedFile(job), stamped)
        onPrinted(++done, toPrint)
      }
      await page.close()
    }
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, queue.length) }, worker))
  } finally {
    await browser?.close()
    await server.close()
  }
  return { printed: jobs.length - hits.length, cached: hits.length, damaged }
}
