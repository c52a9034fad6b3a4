// The downloads of the built site (tests/output/site), read back with real parsers:
// exceljs for the ledger, csv-parse for the CSV, ical.js for the calendar, ajv for the JSON.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { parse as parseCsv } from 'csv-parse/sync'
import ICAL from 'ical.js'
import Ajv2020 from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { FIXTURES, fixtureNames, planOf, ROOT, SEED } from '../helpers/plans.ts'
import { PLAN_ID, SITE_DIR, UNIT_TASKS } from '../helpers/site.ts'
import { LEDGER_COLUMNS } from '../../scripts/exports/ledger.ts'

const plan = await planOf(SEED)
const file = (path: string) => join(SITE_DIR, PLAN_ID, 'downloads', path)

async function readLedger(path: string) {
  const workbook = new ExcelJS.Workbook()
  const bytes = readFileSync(path)
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
  return workbook.getWorksheet('任务台账')!
}

describe('ledger (xlsx)', () => {
  it('has the title row, the header frozen and repeated on printed pages, A4 landscape, one row per task', async () => {
    const sheet = await readLedger(file('ledger.xlsx'))
    expect(String(sheet.getCell(1, 1).value)).toBe(`${plan.title} 任务台账`)
    expect(String(sheet.getCell(2, 1).value)).toContain('2022-05-10')
    expect(sheet.getRow(3).values).toEqual([undefined, ...LEDGER_COLUMNS])
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '3:3' })
    expect(sheet.getColumn(4).width).toBeGreaterThan(sheet.getColumn(1).width!)
    expect(sheet.rowCount).toBe(3 + 35)
    const rows = Array.from({ length: 35 }, (_, i) => sheet.getRow(4 + i))
    rows.forEach((row, i) => {
      const task = plan.tasks[i]!
      expect(row.getCell(1).value).toBe(task.number)
      expect(row.getCell(3).value).toBe(task.title)
      expect(row.getCell(4).value).toBe(task.text)
      expect(row.getCell(5).value).toBe(task.units.join('、'))
      expect(row.getCell(7).value).toBe(task.deadline.text)
      expect(row.getCell(4).alignment).toMatchObject({ wrapText: true })
      for (let c = 9; c <= 13; c++) expect(row.getCell(c).value ?? '').toBe('')
    })
    // A dated deadline is an Excel date (sortable, filterable); others stay words.
    expect(rows[4]!.getCell(8).value).toEqual(new Date('2022-05-31T00:00:00Z'))
    expect(rows[4]!.getCell(8).numFmt).toBe('yyyy-mm-dd')
    expect(rows[5]!.getCell(8).value).toBe('每月')
    // The plan names no lead: every unit of a task is its 责任单位.
    for (const row of rows) expect(row.getCell(6).value).toBe('责任单位')
    // The fonts of official documents.
    expect(rows[0]!.getCell(4).font).toMatchObject({ name: '仿宋' })
    expect(sheet.getCell(3, 1).font).toMatchObject({ name: '黑体', bold: true })
    expect(sheet.getCell(1, 1).font).toMatchObject({ name: '宋体', bold: true })
  })

  it.each(UNIT_TASKS)('the ledger of %s (%s) holds exactly its direct and inherited tasks', async (slug, _name, direct, inherited) => {
    const sheet = await readLedger(file(`units/${slug}.ledger.xlsx`))
    const numbers: number[] = []
    sheet.eachRow((row, r) => { if (r > 3) numbers.push(Number(row.getCell(1).value)) })
    expect(numbers).toEqual([...direct, ...inherited].sort((a, b) => a - b))
    if (inherited.length > 0) {
      const viaRow = 4 + numbers.indexOf(inherited[0]!)
      expect(String(sheet.getRow(viaRow).getCell(6).value)).toMatch(/^经由“/)
    }
  })
})

describe('ledger (csv)', () => {
  it('is UTF-8 with a BOM and parses to the same rows as the model', async () => {
    const bytes = readFileSync(file('ledger.csv'))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows: Record<string, string>[] = parseCsv(bytes, { bom: true, columns: true })
    expect(Object.keys(rows[0]!)).toEqual([...LEDGER_COLUMNS])
    expect(rows.map((r) => [Number(r['序号']), r['任务'], r['具体内容'], r['完成时限']])).toEqual(
      plan.tasks.map((t) => [t.number, t.title, t.text, t.deadline.text]),
    )
  })

  it.each(UNIT_TASKS)('the CSV of %s lists its tasks', async (slug, _name, direct, inherited) => {
    const rows: Record<string, string>[] = parseCsv(readFileSync(file(`units/${slug}.ledger.csv`)), { bom: true, columns: true })
    expect(rows.map((r) => Number(r['序号']))).toEqual([...direct, ...inherited].sort((a, b) => a - b))
  })
})

function events(path: string) {
  const component = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')))
  return component.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v)
    return { uid: e.uid, summary: e.summary, start: e.startDate.toString(), allDay: e.startDate.isDate, rrule: v.getFirstPropertyValue('rrule')?.toString() ?? null, description: e.description }
  })
}

describe('calendar (ics)', () => {
  it('has an all-day event on each dated deadline and a recurring event for each duty', async () => {
    const all = events(file('calendar.ics'))
    const due = all.filter((e) => e.rrule === null)
    expect(due.map((e) => [e.summary.match(/任务(\d+)/)![1], e.start])).toEqual(
      plan.tasks.filter((t) => t.deadline.kind === 'due').map((t) => [String(t.number), t.deadline.date]),
    )
    for (const e of all) expect(e.allDay).toBe(true)
    const recurring = Object.fromEntries(all.filter((e) => e.rrule).map((e) => [e.summary.match(/任务(\d+)/)![1], e.rrule]))
    expect(recurring).toEqual({ '1': 'FREQ=MONTHLY;INTERVAL=3', '6': 'FREQ=MONTHLY', '16': 'FREQ=YEARLY', '31': 'FREQ=MONTHLY;INTERVAL=6' })
    for (const e of all.filter((e) => e.rrule)) expect(e.start).toBe('2022-05-10')
    const task5 = all.find((e) => e.summary.includes('任务5 '))!
    expect(task5.description).toContain('责任单位：镇党委、镇政府')
    expect(task5.description).toContain(`${PLAN_ID}/tasks/5.html`)
    expect(new Set(all.map((e) => e.uid)).size).toBe(all.length)
    expect(readFileSync(file('calendar.ics'), 'utf8')).toContain('X-WR-TIMEZONE:Asia/Shanghai')
  })

  it('gives each unit only its own events', async () => {
    const villages = events(file('units/140404102-villages.calendar.ics'))
    // 各村 owes task 21 (6月底) and task 6 (每月), and task 1 (每季度学习).
    expect(villages.map((e) => e.summary.match(/任务(\d+)/)![1]).sort()).toEqual(['1', '21', '6'])
    const party = events(file('units/140404102-town-party-committee.calendar.ics'))
    expect(party.map((e) => e.summary.match(/任务(\d+)/)![1])).toEqual(['5'])
  })

  it('folds long lines at 75 octets', async () => {
    for (const line of readFileSync(file('calendar.ics'), 'utf8').split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
  })
})

describe('open data (json)', () => {
  const ajv = new Ajv2020({ allErrors: true })
  const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'scripts/data/plan.schema.json'), 'utf8')))

  it('plan.json is the model and satisfies the published schema', async () => {
    const published = JSON.parse(readFileSync(join(SITE_DIR, PLAN_ID, 'plan.json'), 'utf8'))
    expect(published).toEqual(JSON.parse(JSON.stringify(plan)))
    expect(validate(published), JSON.stringify(validate.errors)).toBe(true)
    expect(JSON.parse(readFileSync(join(SITE_DIR, 'plan.schema.json'), 'utf8')).$id).toBe('plan.schema.json')
  })

  it.each(fixtureNames('plans'))('the model of fixture %s satisfies the schema', async (name) => {
    const model = JSON.parse(JSON.stringify(await planOf(`${FIXTURES}plans/${name}/input.txt`)))
    expect(validate(model), JSON.stringify(validate.errors)).toBe(true)
  })

  it('the schema rejects a model with a broken deadline', async () => {
    const broken = JSON.parse(JSON.stringify(plan))
    broken.tasks[4].deadline = { text: '5月底前完成', kind: 'due' }
    expect(validate(broken)).toBe(false)
  })
})
