// The ledger sent back: read by its own small reader (jszip + xmldom), rows matched by 序号, every mismatch a
// located warning (file, sheet, row), nothing of a filled row lost. Ledgers filled by a script through exceljs;
// one saved again by LibreOffice (tests/fixtures/progress, made by tests/fixtures/progress/make.ts).
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type ExcelJS from 'exceljs'
import { planOf, SEED, FIXTURES } from '../helpers/plans.ts'
import { filledLedger, rowOfTask } from '../helpers/ledgers.ts'
import { readWorkbook, serialDate } from '../../scripts/ledgers/workbook.ts'
import { readLedger, ledgerTitle, writtenDate } from '../../scripts/ledgers/ledger.ts'
import { loadProgress } from '../../scripts/site/ledgers.ts'
import { makeSite } from '../../scripts/views/site.ts'
import type { Review } from '../../scripts/model/plan.ts'

const plan = await planOf(SEED)
const site = makeSite([plan])
const saved = new Date('2022-06-15T10:00:00Z')

async function read(data: Buffer, file = 'progress/test.xlsx') {
  const result = await readWorkbook(data)
  if (!result.ok) throw new Error(result.message)
  return readLedger(site, plan, file, result.workbook)
}

const about = (reviews: Review[], pattern: RegExp) => reviews.filter((r) => pattern.test(r.message))

describe('a ledger filled as asked', () => {
  it('reads status, progress, 完成日期 and 备注 of each filled row, by task, with the saved date as the report date', async () => {
    const data = await filledLedger(plan, {
      unit: '各村',
      saved,
      rows: {
        1: { 进展情况: '已召开村两委会议部署', 状态: '推进中' },
        3: { 进展情况: '已完成排查', 状态: '已完成', 完成日期: new Date('2022-06-10T00:00:00Z'), 备注: '见附件' },
      },
    })
    const { reports, reviews } = await read(data)
    expect(reviews).toEqual([])
    expect(reports).toHaveLength(2)
    expect(reports[0]).toMatchObject({ task: 1, unit: '荫城镇 · 各村', status: '推进中', progress: '已召开村两委会议部署', date: '2022-06-15', sheet: '任务台账', row: 4 })
    expect(reports[1]).toMatchObject({ task: 3, status: '已完成', done: '2022-06-10', doneText: '2022-06-10', note: '见附件' })
  })
  it('a row left blank is no report; a ledger of nothing filled gives no warning', async () => {
    const { reports, reviews } = await read(await filledLedger(plan, { saved }))
    expect(reports).toEqual([])
    expect(reviews).toEqual([])
  })
  it('a date written as text is read: 2022年6月30日, 2022/6/30, 2022.6.30', async () => {
    expect(writtenDate('2022年6月30日')).toBe('2022-06-30')
    expect(writtenDate('2022/6/30')).toBe('2022-06-30')
    expect(writtenDate('2022.6.30')).toBe('2022-06-30')
    expect(writtenDate('2022-02-30')).toBeNull()
    expect(writtenDate('六月底')).toBeNull()
    expect(serialDate(44742, false)).toBe('2022-06-30')
  })
  it('the title row names the plan and the unit', async () => {
    expect(ledgerTitle('关于X的实施方案 任务台账（各村）')).toEqual({ title: '关于X的实施方案', unit: '各村' })
    expect(ledgerTitle('关于X的实施方案 任务台账')).toEqual({ title: '关于X的实施方案', unit: '' })
    expect(ledgerTitle('工作进展表')).toBeNull()
  })
})

describe('mismatches: each a located warning, nothing lost', () => {
  it('rows re-ordered: matched by 序号, not by place, and said once', async () => {
    const data = await filledLedger(plan, {
      unit: '各村', saved,
      rows: { 1: { 状态: '推进中', 进展情况: '一' }, 2: { 状态: '已完成', 进展情况: '二' } },
      edit: (sheet) => {
        // Swap the rows of tasks 1 and 2 (sorted by a clerk).
        const a = rowOfTask(sheet, 1).values as ExcelJS.CellValue[]
        const b = rowOfTask(sheet, 2).values as ExcelJS.CellValue[]
        sheet.getRow(4).values = b
        sheet.getRow(5).values = a
      },
    })
    const { reports, reviews } = await read(data)
    expect(reports.find((r) => r.task === 1)).toMatchObject({ progress: '一', row: 5 })
    expect(reports.find((r) => r.task === 2)).toMatchObject({ progress: '二', row: 4 })
    const moved = about(reviews, /顺序/)
    expect(moved).toHaveLength(1)
    expect(moved[0]).toMatchObject({ file: 'progress/test.xlsx', where: ': 工作表“任务台账”第5行', kind: 'progress' })
  })
  it('a row deleted: the task missing from it is named', async () => {
    const data = await filledLedger(plan, { unit: '各村', saved, rows: { 1: { 状态: '推进中' } }, edit: (sheet) => sheet.spliceRows(rowOfTask(sheet, 3).number, 1) })
    const { reviews } = await read(data)
    const missing = about(reviews, /没有任务3/)
    expect(missing).toHaveLength(1)
    expect(missing[0]!.where).toMatch(/^: 工作表“任务台账”第\d+行$/)
  })
  it('an extra row: kept verbatim in its warning, not read as a task', async () => {
    const data = await filledLedger(plan, {
      unit: '各村', saved,
      edit: (sheet) => { sheet.addRow([99, '', '自行增加的工作', '', '', '', '', '', '', '', '已经开展', '推进中']) },
    })
    const { reports, reviews } = await read(data)
    expect(reports).toEqual([])
    const extra = about(reviews, /序号“99”/)
    expect(extra).toHaveLength(1)
    expect(extra[0]!.text).toBe('99 | 自行增加的工作 | 已经开展 | 推进中')
    const lastRow = 3 + 10 + 1 // title, subtitle, header; 各村 owes 10 tasks; the added row
    expect(extra[0]!.where).toBe(`: 工作表“任务台账”第${lastRow}行`)
  })
  it('a task renamed: read by 序号, with a warning holding the name as written', async () => {
    const data = await filledLedger(plan, { unit: '各村', saved, rows: { 4: { 任务: '另一个任务名', 状态: '推进中' } } })
    const { reports, reviews } = await read(data)
    expect(reports).toHaveLength(1)
    expect(reports[0]!.task).toBe(4)
    expect(about(reviews, /标题/)[0]).toMatchObject({ text: '另一个任务名' })
  })
  it('the wrong plan: nothing read into this plan, every row kept in a warning', async () => {
    const data = await filledLedger(plan, {
      unit: '各村', saved, rows: { 1: { 状态: '推进中', 进展情况: '进展一' } },
      edit: (sheet) => { sheet.getCell(1, 1).value = '关于另一件事的工作方案 任务台账（各村）' },
    })
    const { reports, reviews } = await read(data)
    expect(reports).toEqual([])
    expect(about(reviews, /另一份文件的台账/)).toHaveLength(1)
    expect(reviews.some((r) => r.text.includes('进展一'))).toBe(true)
  })
  it('a date that is not a date: kept as written, warned', async () => {
    const { reports, reviews } = await read(await filledLedger(plan, { unit: '各村', saved, rows: { 1: { 状态: '已完成', 完成日期: '六月底' } } }))
    expect(reports[0]).toMatchObject({ doneText: '六月底' })
    expect(reports[0]!.done).toBeUndefined()
    expect(about(reviews, /不是日期/)[0]).toMatchObject({ where: ': 工作表“任务台账”第4行', text: '六月底' })
  })
  it('a status that is not one of the four: kept as written, not counted, warned', async () => {
    const { reports, reviews } = await read(await filledLedger(plan, { unit: '各村', saved, rows: { 1: { 状态: '基本完成', 进展情况: '大部分完成' } } }))
    expect(reports[0]).toMatchObject({ statusText: '基本完成', progress: '大部分完成' })
    expect(reports[0]!.status).toBeUndefined()
    expect(about(reviews, /状态“基本完成”/)).toHaveLength(1)
  })
  it('a file that is not a workbook is said, not thrown', async () => {
    const result = await readWorkbook(Buffer.from('not a zip'))
    expect(result.ok).toBe(false)
  })
})

describe('several ledgers merge; the later report wins, both kept', () => {
  it('by the saved date, across files, with files in progress/ matched by their title and in progress/ID/ by folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'progress-'))
    mkdirSync(join(dir, 'progress', plan.id), { recursive: true })
    writeFileSync(join(dir, 'progress', '各村-6月.xlsx'), await filledLedger(plan, { unit: '各村', saved: new Date('2022-06-15T00:00:00Z'), rows: { 1: { 状态: '推进中', 进展情况: '六月' } } }))
    writeFileSync(join(dir, 'progress', plan.id, '各村-7月.xlsx'), await filledLedger(plan, { unit: '各村', saved: new Date('2022-07-15T00:00:00Z'), rows: { 1: { 状态: '已完成', 进展情况: '七月' } } }))
    writeFileSync(join(dir, 'progress', '~$各村-7月.xlsx'), 'lock file')
    writeFileSync(join(dir, 'progress', '说明.docx'), 'x')
    const loaded = await loadProgress(dir, makeSite([plan]))
    const reports = loaded.progress.get(plan.id)!.reports[1]!
    expect(reports.map((r) => r.progress)).toEqual(['七月', '六月'])
    expect(loaded.progress.get(plan.id)!.files).toEqual([`progress/${plan.id}/各村-7月.xlsx`, 'progress/各村-6月.xlsx'])
    expect(loaded.warnings).toHaveLength(1)
    expect(loaded.warnings[0]).toMatch(/说明\.docx: warning: not an \.xlsx workbook/)
  })
})

describe('a ledger saved again by LibreOffice', () => {
  it('reads the same reports as the file exceljs wrote', async () => {
    const original = await read(readFileSync(join(FIXTURES, 'progress/filled-by-script.xlsx')))
    const again = await read(readFileSync(join(FIXTURES, 'progress/saved-by-libreoffice.xlsx')))
    expect(original.reports.length).toBeGreaterThan(0)
    const strip = (r: (typeof original.reports)[number]) => ({ ...r, date: null, file: '' })
    expect(again.reports.map(strip)).toEqual(original.reports.map(strip))
    expect(again.reviews.filter((r) => !/保存日期/.test(r.message))).toEqual(original.reviews)
  })
})
