// The hostile corpus through every download format of its built site
// (tests/output/site-hostile), read back with real parsers: the text comes back
// as written, and nothing in a ledger is a formula for Excel or WPS.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { parse as parseCsv } from 'csv-parse/sync'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { planOf } from '../helpers/plans.ts'
import { HOSTILE_DIR, HOSTILE_SEEDS } from '../helpers/site.ts'
import { CORPUS_PLAN_ID } from '../helpers/hostile.ts'
import { neutraliseFormula } from '../../scripts/exports/csv.ts'

const plan = await planOf(join(HOSTILE_SEEDS, `${CORPUS_PLAN_ID}.txt`))
const file = (path: string) => join(HOSTILE_DIR, CORPUS_PLAN_ID, 'downloads', path)
const FORMULA = /^[=+\-@\t\r]/

describe('neutraliseFormula', () => {
  it.each([
    ['=2+5', "'=2+5"], ['+3+4', "'+3+4"], ['-2+3', "'-2+3"], ['@SUM(1,2)', "'@SUM(1,2)"], ['\t=1', "'\t=1"], ['\r=1', "'\r=1"],
    ['长期坚持', '长期坚持'], ['a=1', 'a=1'], ['', ''],
  ])('%j → %j', (cell, written) => expect(neutraliseFormula(cell)).toBe(written))
})

describe('the corpus in the ledger (csv)', () => {
  const rows: Record<string, string>[] = parseCsv(readFileSync(file('ledger.csv')), { bom: true, columns: true })

  it('has one row a task, its text as written, formula cells behind a quote', () => {
    expect(rows.map((r) => r['任务'])).toEqual(plan.tasks.map((t) => t.title))
    expect(rows.map((r) => r['具体内容'])).toEqual(plan.tasks.map((t) => neutraliseFormula(t.text)))
    expect(rows.map((r) => r['完成时限'])).toEqual(plan.tasks.map((t) => t.deadline.text))
    expect(rows.filter((r) => /^'[=+\-@]/.test(r['具体内容']!)).length).toBeGreaterThanOrEqual(2)
  })

  it('holds no cell a spreadsheet would compute, in the plan\'s ledger or any unit\'s', () => {
    // The corpus's issuer is a payload, no division: its 各村 are its own (区划未定).
    for (const path of ['ledger.csv', 'units/x-hostile-corpus-villages.ledger.csv']) {
      const cells = (parseCsv(readFileSync(file(path)), { bom: true }) as string[][]).flat()
      expect(cells.filter((c) => FORMULA.test(c)), path).toEqual([])
    }
  })
})

describe('the corpus in the ledger (xlsx)', () => {
  it('writes every cell as a string, never a formula', async () => {
    const workbook = new ExcelJS.Workbook()
    const bytes = readFileSync(file('ledger.xlsx'))
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
    const sheet = workbook.getWorksheet('任务台账')!
    const texts: string[] = []
    sheet.eachRow((row) => row.eachCell((cell) => {
      expect(cell.type, `${cell.address}: ${String(cell.value)}`).not.toBe(ExcelJS.ValueType.Formula)
      if (cell.type === ExcelJS.ValueType.String) texts.push(cell.value as string)
    }))
    for (const task of plan.tasks) expect(texts).toContain(task.text)
  })
})

describe('the corpus in the calendar (ics) and the open data (json)', () => {
  it('gives back each task title (a dated deadline) or its duty (a recurring one) in the events', () => {
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file('calendar.ics'), 'utf8')))
    const summaries = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary)
    const due = plan.tasks.filter((t) => t.deadline.kind === 'due')
    const recurring = plan.tasks.filter((t) => t.deadline.kind === 'recurring')
    expect(due.length + recurring.length).toBeGreaterThan(8)
    for (const task of due) expect(summaries.some((s) => s.includes(task.title)), `task ${task.number}`).toBe(true)
    for (const task of recurring) expect(summaries.some((s) => s.includes(task.deadline.text)), `task ${task.number}`).toBe(true)
  })

  it('publishes the model as it is', () => {
    expect(JSON.parse(readFileSync(join(HOSTILE_DIR, CORPUS_PLAN_ID, 'plan.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(plan)))
  })
})
