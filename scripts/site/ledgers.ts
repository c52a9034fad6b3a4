// The ledgers sent back, read at the edge: every .xlsx in the seeds folder's
// progress/ (the plan each is for named by its title row, as the site writes
// it), or in progress/PLAN-ID/ (that plan's, its title checked). Several
// ledgers merge: each task's reports, the latest first.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join } from 'node:path'
import type { Plan, PlanProgress, Report, Review, Unit } from '../model/plan.ts'
import { titleOf, type Site } from '../views/site.ts'
import { readLedger, ledgerTitle } from '../ledgers/ledger.ts'
import { readWorkbook, type Workbook } from '../ledgers/workbook.ts'

export const PROGRESS_DIR = 'progress'

export interface LoadedProgress {
  progress: Map<string, PlanProgress>
  /** Warnings for each plan's review page (数据核对), by plan id. */
  reviews: Map<string, Review[]>
  /** Lines for the build's output: a ledger no plan can be found for, a file that is not a workbook. */
  warnings: string[]
}

/** Whether a file in progress/ is for the reader: not a lock file Excel or WPS leaves beside an open file (~$…), not hidden. */
const listed = (name: string) => !name.startsWith('.') && !name.startsWith('~$')

/** The title of a workbook's first ledger sheet: row 1's text. */
function firstTitle(book: Workbook): string | null {
  for (const sheet of book.sheets) {
    const first = [...sheet.rows.entries()].sort((a, b) => a[0] - b[0])[0]
    if (first) return [...first[1].values()].map((c) => c.text.trim()).find((t) => t !== '') ?? null
  }
  return null
}

/** A task's reports in the order they count: the latest date first (undated last), then by file and row. */
export function byLatest(a: Report, b: Report): number {
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.row - b.row
}

export function mergeReports(reports: Report[]): Record<number, Report[]> {
  const byTask: Record<number, Report[]> = {}
  for (const r of reports) (byTask[r.task] ??= []).push(r)
  for (const list of Object.values(byTask)) list.sort(byLatest)
  return byTask
}

export async function loadProgress(seedsDir: string, site: Site): Promise<LoadedProgress> {
  const { plans } = site
  const root = join(seedsDir, PROGRESS_DIR)
  const reviews = new Map<string, Review[]>()
  const reports = new Map<string, Report[]>()
  const files = new Map<string, string[]>()
  const warnings: string[] = []
  const found: Array<{ path: string; name: string; plan: Plan | null }> = []
  if (!existsSync(root)) return { progress: new Map(), reviews, warnings }
  for (const name of readdirSync(root).filter(listed).sort()) {
    const path = join(root, name)
    if (statSync(path).isDirectory()) {
      const plan = plans.find((p) => p.id === name)
      const inside = readdirSync(path).filter(listed).sort()
      if (!plan) {
        warnings.push(`${path}: no plan has the id "${name}" (a seed file ${name}.*): its ${inside.length} file(s) were not read`)
        continue
      }
      for (const file of inside) found.push({ path: join(path, file), name: `${PROGRESS_DIR}/${name}/${file}`, plan })
    } else {
      found.push({ path, name: `${PROGRESS_DIR}/${name}`, plan: null })
    }
  }
  for (const { path, name, plan: folderPlan } of found) {
    if (extname(name).toLowerCase() !== '.xlsx') {
      const message = `不是 .xlsx 工作簿，未读取：请在 Excel、WPS 或 LibreOffice 中“另存为” .xlsx 格式`
      if (folderPlan) (reviews.get(folderPlan.id) ?? reviews.set(folderPlan.id, []).get(folderPlan.id)!).push({ file: name, where: '', line: 0, message, kind: 'progress', text: '' })
      else warnings.push(`${path}: warning: not an .xlsx workbook, not read (save it as .xlsx)`)
      continue
    }
    const result = await readWorkbook(readFileSync(path))
    let plan = folderPlan
    if (plan === null && result.ok) {
      const title = ledgerTitle(firstTitle(result.workbook) ?? '')
      plan = title === null ? null : plans.find((p) => titleOf(p) === title.title) ?? null
    }
    if (plan === null) {
      warnings.push(`${path}: warning: ${result.ok ? 'its title row names no plan of the site (the site writes "TITLE 任务台账（UNIT）"); put it in progress/PLAN-ID/ to check it against that plan' : result.message}`)
      continue
    }
    const planReviews = reviews.get(plan.id) ?? reviews.set(plan.id, []).get(plan.id)!
    if (!result.ok) {
      planReviews.push({ file: name, where: '', line: 0, message: `无法读取：${result.message}`, kind: 'progress', text: '' })
      continue
    }
    const reading = readLedger(site, plan, name, result.workbook)
    planReviews.push(...reading.reviews)
    reports.set(plan.id, [...(reports.get(plan.id) ?? []), ...reading.reports])
    files.set(plan.id, [...(files.get(plan.id) ?? []), name])
  }
  const progress = new Map<string, PlanProgress>()
  for (const [id, list] of files) progress.set(id, { reports: mergeReports(reports.get(id) ?? []), files: [...list].sort() })
  return { progress, reviews, warnings }
}
