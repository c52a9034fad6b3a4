// PDFs printed by chromium from the built site: the whole plan (全文打印) and
// each unit's 职责清单, with the print stylesheet (A4, GB/T 9704 margins).

import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Browser } from 'playwright-core'
import { launch } from './chromium.ts'
import { serve } from './serve.ts'
import { stampDate, tasksOfUnit, type Site } from '../views.ts'
import { url } from '../render/common.ts'

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
  for (const unit of site.units) {
    const plans = site.plans.filter((p) => tasksOfUnit(p, site.units, unit.name).length > 0)
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

/** Pages printed at once: chromium renders each in a process of its own, so two keep two cores busy. */
const AT_ONCE = 2

export async function printPdfs(siteDir: string, base: string, jobs: PdfJob[]): Promise<void> {
  const server = await serve(siteDir, base)
  let browser: Browser | null = null
  try {
    browser = await launch()
    const queue = [...jobs]
    const worker = async () => {
      const page = await browser!.newPage()
      await page.emulateMedia({ media: 'print' })
      for (let job = queue.shift(); job; job = queue.shift()) {
        await page.goto(server.url(job.page), { waitUntil: 'load' })
        // Printed once the page is what a reader gets: hydrated by Vue, fonts loaded.
        await page.waitForFunction(() => document.querySelector('#app') !== null && '__vue_app__' in document.querySelector('#app')!)
        await page.evaluate(() => document.fonts.ready.then(() => undefined))
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false, outline: false,
          // Untagged: a tagged PDF carries the DOM's node ids, which differ from build to build.
          tagged: false })
        const target = join(siteDir, job.file)
        mkdirSync(dirname(target), { recursive: true })
        writeFileSync(target, stampPdf(pdf, job.date))
      }
      await page.close()
    }
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, jobs.length) }, worker))
  } finally {
    await browser?.close()
    await server.close()
  }
}
