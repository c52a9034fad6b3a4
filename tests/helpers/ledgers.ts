// Ledgers sent back, filled by a script as a unit would in Excel: the site's
// own ledger (scripts/exports/xlsx.ts) opened with exceljs, cells written, saved
// with a date of its own (the report's date).
import ExcelJS from 'exceljs'
import { LEDGER_COLUMNS } from '../../scripts/exports/ledger.ts'
import { ledger } from '../../scripts/exports/ledger.ts'
import { ledgerXlsx } from '../../scripts/exports/xlsx.ts'
import type { Plan } from '../../scripts/model/plan.ts'
import { bodyOf, makeSite } from '../../scripts/views/site.ts'
import { tasksOfBody } from '../../scripts/views/units.ts'

export type Fill = Partial<Record<(typeof LEDGER_COLUMNS)[number], string | number | Date>>

/** How to change the ledger before saving it: rows by task number, and whole-sheet edits. */
export interface Filling {
  /** The unit whose ledger it is; none: the plan's whole ledger. */
  unit?: string
  /** Cells to write in the row of task N. */
  rows?: Record<number, Fill>
  /** The day the file is saved (its properties' modified date). */
  saved: Date
  /** Edits of the sheet after the rows are written (reorder, delete, add, retitle). */
  edit?: (sheet: ExcelJS.Worksheet) => void
}

const column = (name: (typeof LEDGER_COLUMNS)[number]) => LEDGER_COLUMNS.indexOf(name) + 1

/** The row of task N in a ledger sheet (the header is row 3). */
export function rowOfTask(sheet: ExcelJS.Worksheet, task: number): ExcelJS.Row {
  for (let r = 4; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === task) return sheet.getRow(r)
  throw new Error(`no row for task ${task}`)
}

export async function filledLedger(plan: Plan, filling: Filling): Promise<Buffer> {
  const site = makeSite([plan])
  const body = filling.unit === undefined ? undefined : bodyOf(site, plan, filling.unit)
  const blank = await ledgerXlsx(ledger(plan, body && { title: body.title, owed: tasksOfBody(site, plan, body) }), new Date(`${plan.date ?? '2000-01-01'}T00:00:00Z`))
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(blank as unknown as ExcelJS.Buffer)
  const sheet = book.getWorksheet('任务台账')!
  for (const [task, cells] of Object.entries(filling.rows ?? {})) {
    const row = rowOfTask(sheet, Number(task))
    for (const [name, value] of Object.entries(cells)) row.getCell(column(name as (typeof LEDGER_COLUMNS)[number])).value = value
  }
  filling.edit?.(sheet)
  book.modified = filling.saved
  book.lastModifiedBy = '填报人'
  return Buffer.from(await book.xlsx.writeBuffer())
}
