// The 督办 workbook: a sheet for each unit with open dated tasks, its rows as
// on the 督办 page. The state is a formula on TODAY(): Excel, WPS and
// LibreOffice compute it on the day the file is opened (the build cannot know
// that day); a recurring duty's 截止日期 is a formula too (its next occurrence).

import ExcelJS from 'exceljs'
import type { Period } from '../model/plan.ts'
import { titleOf, type Site } from '../views/site.ts'
import { deadlineLabel, stampDate } from '../views/deadlines.ts'
import { normaliseZip, xmlSafe } from './xlsx.ts'
import { latestReport } from '../views/progress.ts'
import { openTasks } from '../render/supervision.ts'

const COLUMNS = ['状态', '截止日期', '文件', '序号', '任务', '完成时限', '最近报告状态', '报告日期', '报告单位', '进展情况', '来源'] as const
const WIDTHS = [12, 12, 24, 6, 24, 16, 10, 12, 12, 40, 24]

/** The end of the period holding TODAY(): as scripts/views/dates.ts nextOccurrence, in Excel's words. */
const NEXT: Record<Period, string> = {
  week: 'TODAY()+MOD(7-WEEKDAY(TODAY(),2),7)',
  month: 'EOMONTH(TODAY(),0)',
  quarter: 'EOMONTH(TODAY(),MOD(3-MONTH(TODAY()),3))',
  'half-year': 'DATE(YEAR(TODAY()),IF(MONTH(TODAY())<=6,7,13),0)',
  year: 'DATE(YEAR(TODAY()),12,31)',
}

/** The state of the row's date in column B, as dates.ts dueState (a row here is never reported done). */
const STATE = (r: number) =>
  `IF(B${r}<TODAY(),"已逾期",IF(AND(YEAR(B${r})=YEAR(TODAY()),MONTH(B${r})=MONTH(TODAY())),"本月到期",IF(B${r}-TODAY()<=30,"30天内到期","未到期")))`

/**
 * A sheet's name as Excel allows: at most 31 characters (UTF-16 units), none of []:*?/\ nor a control or format
 * character, not beginning or ending with an apostrophe, unique regardless of case.
 */
export function sheetName(name: string, used: Set<string>): string {
  const clean = xmlSafe(name).replace(/[[\]:*?/\\\p{Cc}\p{Cf}\ufffd]/gu, '_').replace(/^'+|'+$/g, '').trim()
  const cut = (text: string, room: number) => {
    let out = ''
    for (const c of text) if (out.length + c.length <= room) out += c; else break
    return out.replace(/'+$/, '')
  }
  let n = 1
  let candidate = cut(clean, 31) || '单位'
  while (used.has(candidate.toLowerCase())) candidate = `${cut(clean, 31 - String(++n).length - 1) || '单位'}-${n}`
  used.add(candidate.toLowerCase())
  return candidate
}

export async function supervisionXlsx(site: Site): Promise<Buffer> {
  const date = new Date(`${site.plans.map(stampDate).sort().at(-1) ?? '2000-01-01'}T00:00:00Z`)
  const book = new ExcelJS.Workbook()
  book.creator = '政策文件知识库'
  book.created = date
  book.modified = date
  // No cached values: the formulas are computed when the file is opened.
  book.calcProperties.fullCalcOnLoad = true
  const used = new Set<string>()
  for (const unit of site.units) {
    const open = openTasks(site, unit)
    if (open.length === 0) continue
    const sheet = book.addWorksheet(sheetName(unit.name, used), {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
      views: [{ state: 'frozen', ySplit: 2 }],
    })
    sheet.columns = COLUMNS.map((c, i) => ({ key: c, width: WIDTHS[i] }))
    sheet.mergeCells(1, 1, 1, COLUMNS.length)
    sheet.getCell(1, 1).value = xmlSafe(`${unit.name}督办单`)
    sheet.getCell(1, 1).font = { name: '宋体', bold: true, size: 16 }
    sheet.getCell(1, 1).alignment = { horizontal: 'center' }
    sheet.getRow(2).values = [...COLUMNS]
    sheet.getRow(2).font = { name: '黑体', bold: true }
    for (const { plan, task } of open) {
      const report = latestReport(site, plan, task)
      const added = sheet.addRow([
        '', '', xmlSafe(titleOf(plan)), task.number, xmlSafe(task.title), xmlSafe(deadlineLabel(task.deadline)),
        xmlSafe(report?.statusText ?? '未报告'), report?.date ? new Date(`${report.date}T00:00:00Z`) : '', xmlSafe(report?.unit ?? ''),
        xmlSafe(report?.progress ?? ''), report ? xmlSafe(`${report.file}，工作表“${report.sheet}”第${report.row}行`) : '',
      ])
      const r = added.number
      const d = task.deadline
      added.getCell(2).value = d.kind === 'due' ? new Date(`${d.date!.length === 7 ? `${d.date}-01` : d.date}T00:00:00Z`) : { formula: NEXT[d.period!] }
      if (d.kind === 'due' && d.date!.length === 7) added.getCell(2).value = { formula: `EOMONTH(DATE(${d.date!.slice(0, 4)},${Number(d.date!.slice(5, 7))},1),0)` }
      added.getCell(2).numFmt = 'yyyy-mm-dd'
      added.getCell(8).numFmt = 'yyyy-mm-dd'
      added.getCell(1).value = { formula: STATE(r) }
      added.alignment = { vertical: 'top', wrapText: true }
    }
  }
  if (used.size === 0) book.addWorksheet('督办').getCell(1, 1).value = '各单位没有尚未完成的限期任务或周期性任务。'
  // Byte-identical from build to build: every zip entry stamped with the same date.
  return normaliseZip(Buffer.from(await book.xlsx.writeBuffer({ zip: { compression: 'STORE' } })), date)
}
