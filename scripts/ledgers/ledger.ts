// A ledger sent back (the 任务台账 the site offers, filled in Excel, WPS or
// LibreOffice) → the reports it holds, each row matched to its task by 序号
// (never by its place), and a located warning (file, sheet, row) for every
// row or cell that does not fit the plan. Nothing of a filled row is
// dropped: a row that reads as no task's is a warning holding its cells.

import type { IsoDate, Plan, Report, Review, Status, Unit } from '../model/plan.ts'
import { STATUSES } from '../model/plan.ts'
import { isoDate } from '../parse/deadlines.ts'
import { titleOf, type Site } from '../views/site.ts'
import { tasksOfBody } from '../views/units.ts'
import { serialDate, type Cell, type Sheet, type Workbook } from './workbook.ts'

export interface LedgerReading {
  reports: Report[]
  reviews: Review[]
}

/** "关于…的实施方案 任务台账（镇政府）" → the plan's title and the unit; null where it is not a ledger's title. */
export function ledgerTitle(text: string): { title: string; unit: string } | null {
  const match = /^(.*\S)\s*任务台账(?:[（(](.+)[）)])?\s*$/su.exec(text)
  return match ? { title: match[1]!, unit: match[2]?.trim() ?? '' } : null
}

/** A date as a unit writes it: 2022-06-30, 2022/6/30, 2022.6.30, 2022年6月30日; null where it is not a day. */
export function writtenDate(text: string): IsoDate | null {
  const m = /^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*$/u.exec(text)
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null
}

const cellText = (cell: Cell | undefined): string => (cell?.text ?? '').trim()

/** A row's cells as written, in column order: what a warning about the row shows. */
const rowText = (cells: Map<number, Cell>): string => [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c.text.trim()).filter((t) => t !== '').join(' | ')

/** The header row of a ledger: the first with 序号 and 状态 among its cells. */
function headerOf(sheet: Sheet): { row: number; columns: Map<string, number> } | null {
  for (const [row, cells] of [...sheet.rows.entries()].sort((a, b) => a[0] - b[0])) {
    const columns = new Map<string, number>()
    for (const [col, cell] of cells) if (!columns.has(cellText(cell))) columns.set(cellText(cell), col)
    if (columns.has('序号') && columns.has('状态')) return { row, columns }
  }
  return null
}

/**
 * Reads one ledger sent back for `plan`. `file`: its name as pages show it ("progress/镇政府.xlsx"). `wrongPlan`
 * is checked against the ledger's title row (the site writes "TITLE 任务台账（UNIT）").
 */
export function readLedger(site: Site, plan: Plan, file: string, book: Workbook): LedgerReading {
  const reports: Report[] = []
  const reviews: Review[] = []
  const warn = (sheet: string | null, row: number, message: string, text: string) =>
    reviews.push({ file, where: sheet === null ? '' : row > 0 ? `: 工作表“${sheet}”第${row}行` : `: 工作表“${sheet}”`, line: row, message, kind: 'progress', text })
  const modified = book.modified
  const date = modified !== null && /^\d{4}-\d{2}-\d{2}/.test(modified) && isoDate(Number(modified.slice(0, 4)), Number(modified.slice(5, 7)), Number(modified.slice(8, 10))) ? modified.slice(0, 10) : null
  if (date === null) warn(null, 0, `文件属性中没有保存日期（${modified ?? '无'}），无法确定报告日期：本文件的报告按日期不明处理，排在有日期的报告之后`, '')
  let ledgers = 0
  for (const sheet of book.sheets) {
    const header = headerOf(sheet)
    if (header === null) {
      if (sheet.rows.size > 0) {
        const first = [...sheet.rows.entries()].sort((a, b) => a[0] - b[0])[0]!
        warn(sheet.name, first[0], '此工作表没有台账的表头（序号……状态），未读取；内容照录于右', [...sheet.rows.values()].map(rowText).join(' / '))
      }
      continue
    }
    ledgers++
    const col = (name: string) => header.columns.get(name)
    for (const name of ['进展情况', '任务']) if (col(name) === undefined) warn(sheet.name, header.row, `表头缺少“${name}”列`, rowText(sheet.rows.get(header.row)!))
    // The title: the first text above the header.
    const above = [...sheet.rows.entries()].filter(([r]) => r < header.row).sort((a, b) => a[0] - b[0])
    const titleText = above.length > 0 ? rowText(above[0]![1]) : ''
    const title = ledgerTitle(titleText)
    const body = [...sheet.rows.entries()].filter(([r]) => r > header.row).sort((a, b) => a[0] - b[0])
    if (title === null || title.title !== titleOf(plan)) {
      warn(sheet.name, above[0]?.[0] ?? 1, title === null
        ? `标题行不是本站台账的标题（应为“${titleOf(plan)} 任务台账（单位）”），无法确认是本方案的台账：各行未读入进展，照录如下`
        : `这是另一份文件的台账（《${title.title}》），不是本方案《${titleOf(plan)}》的：各行未读入进展，照录如下`, titleText)
      for (const [row, cells] of body) warn(sheet.name, row, '未读入：台账不属于本方案', rowText(cells))
      continue
    }
    // The unit as the site titles its ledger ("荫城镇 · 各村"), or as the plan names it ("各村").
    const unit = title.unit
    const owner = unit === '' ? undefined : site.units.find((b) => b.title === unit) ?? site.bodies.get(plan.id)?.get(unit)
    if (unit !== '' && owner === undefined) warn(sheet.name, above[0]![0], `标题中的单位“${unit}”不是本方案的责任单位：按全部任务核对各行`, titleText)
    const owed = owner === undefined ? [] : tasksOfBody(site, plan, owner)
    const expected = owed.length > 0 ? owed.map((o) => o.task.number) : plan.tasks.map((t) => t.number)
    const seen = new Map<number, number>()
    let previous = -1
    let reorderedSaid = false
    for (const [row, cells] of body) {
      const get = (name: string) => { const c = col(name); return c === undefined ? '' : cellText(cells.get(c)) }
      const numberText = get('序号')
      const n = /^\d+$/.test(numberText) ? Number(numberText) : NaN
      const task = plan.tasks.find((t) => t.number === n)
      if (!task) {
        warn(sheet.name, row, numberText === '' ? '这一行没有序号，对不上任务：未读入进展，照录于右' : `序号“${numberText}”不是本方案的任务：多出的一行，未读入进展，照录于右`, rowText(cells))
        continue
      }
      if (seen.has(n)) warn(sheet.name, row, `任务${n}在本工作表第${seen.get(n)}行已有一行：两行都作为报告保留`, rowText(cells))
      else seen.set(n, row)
      const index = expected.indexOf(n)
      if (index === -1) warn(sheet.name, row, `任务${n}不是“${unit || '本方案'}”的任务，台账中原本没有这一行：仍按序号读入`, rowText(cells))
      else if (index < previous && !reorderedSaid) {
        warn(sheet.name, row, '各行的顺序与下发的台账不同（行被移动或排序过）：按序号对应任务，不按行的位置', rowText(cells))
        reorderedSaid = true
      }
      if (index !== -1) previous = Math.max(previous, index)
      const written = get('任务')
      if (col('任务') !== undefined && written.replace(/\s+/gu, '') !== task.title.replace(/\s+/gu, '')) {
        warn(sheet.name, row, `“任务”一栏与任务${n}的标题“${task.title}”不同（任务被改名或序号被改动）：按序号读作任务${n}，请核对`, written)
      }
      const progress = get('进展情况')
      const statusText = get('状态')
      const doneCell = col('完成日期') === undefined ? undefined : cells.get(col('完成日期')!)
      const doneText = doneCell ? (doneCell.number ? (serialDate(Number(doneCell.text), book.date1904) ?? doneCell.text) : doneCell.text.trim()) : ''
      const note = get('备注')
      if (progress === '' && statusText === '' && doneText === '' && note === '') continue
      const status = (STATUSES as readonly string[]).includes(statusText) ? (statusText as Status) : undefined
      if (statusText !== '' && status === undefined) warn(sheet.name, row, `状态“${statusText}”不是${STATUSES.join('、')}之一：照录，不计入进度`, statusText)
      const done = doneText === '' ? undefined : (doneCell?.number ? serialDate(Number(doneCell.text), book.date1904) : writtenDate(doneText)) ?? undefined
      if (doneText !== '' && done === undefined) warn(sheet.name, row, `完成日期“${doneText}”不是日期（应如 2022-06-30 或 2022年6月30日）：照录`, doneText)
      reports.push({
        task: n, file, sheet: sheet.name, row, unit, statusText, ...(status ? { status } : {}), progress, doneText, ...(done ? { done } : {}), note, date,
      })
    }
    const last = body.length > 0 ? body[body.length - 1]![0] : header.row
    for (const n of expected) {
      if (!seen.has(n)) {
        const task = plan.tasks.find((t) => t.number === n)!
        warn(sheet.name, last, `台账中没有任务${n}“${task.title}”的一行（行被删除？）：该任务没有收到本台账的报告`, '')
      }
    }
  }
  if (ledgers === 0 && book.sheets.every((s) => s.rows.size === 0)) warn(null, 0, '工作簿是空的：没有读到台账', '')
  return { reports, reviews }
}
