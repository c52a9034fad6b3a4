// What pages and the 督办 workbook make of the follow-up, without a browser: the dated facts in markup (our own
// values only), reports through the one text rule, the 督办 page's rows, the workbook's formulas and sheet names.
import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { planOf, SEED } from '../helpers/plans.ts'
import { makeSite } from '../../scripts/views/site.ts'
import { toMarkdown, type Page } from '../../scripts/render/markdown.ts'
import { duePanel, factMarker, taskProgress } from '../../scripts/render/progress.ts'
import { openTasks, supervisionPage } from '../../scripts/render/supervision.ts'
import { sheetName, supervisionXlsx } from '../../scripts/exports/supervision-xlsx.ts'
import { mergeReports } from '../../scripts/site/ledgers.ts'
import type { Plan, PlanProgress, Report } from '../../scripts/model/plan.ts'

const plan = await planOf(SEED)
const report = (task: number, fields: Partial<Report>): Report => ({
  task, file: 'progress/x.xlsx', sheet: '任务台账', row: 4, unit: '各村', statusText: '', progress: '', doneText: '', note: '', date: '2022-06-15', ...fields,
})
const siteWith = (reports: Report[]) => makeSite([plan], undefined, new Map<string, PlanProgress>([[plan.id, { reports: mergeReports(reports), files: ['progress/x.xlsx'] }]]))
const markdown = (body: Page['body']) => toMarkdown({ path: 'x/index.md', frontmatter: { title: 't' }, body })

describe('dated facts in markup', () => {
  it('carry only ISO dates and periods', async () => {
    expect(() => factMarker({ kind: 'due', date: '2022-06-30"><script>' })).toThrow()
    expect(() => factMarker({ kind: 'recurring', period: 'month" onload="x' as never })).toThrow()
    expect(factMarker({ kind: 'due', date: '2022-06-30', done: true }).value).toBe('<span class="due-fact" data-due-kind="due" data-due-date="2022-06-30" data-due-done="1"></span>')
  })
  it('到期提醒 lists every dated task in each list but 已逾期, which holds only tasks with a date', async () => {
    const site = makeSite([plan])
    const md = markdown(duePanel(site, plan.tasks.map((task) => ({ plan, task })), false))
    const dated = plan.tasks.filter((t) => t.deadline.kind === 'due').length
    const recurring = plan.tasks.filter((t) => t.deadline.kind === 'recurring').length
    expect(md.match(/data-due-kind="due"/g)).toHaveLength(dated * 3)
    expect(md.match(/data-due-kind="recurring"/g)).toHaveLength(recurring * 2)
    expect(md).not.toMatch(/data-due-kind="ongoing"/)
  })
  it('a plan with no dated task has no panel', async () => {
    const ongoing: Plan = { ...plan, tasks: plan.tasks.filter((t) => t.deadline.kind === 'ongoing') }
    expect(duePanel(makeSite([ongoing]), ongoing.tasks.map((task) => ({ plan: ongoing, task })), false)).toEqual([])
  })
})

describe('reports on pages', () => {
  it('go through the one text rule: markup, template and container syntax are characters', async () => {
    const site = siteWith([report(1, { statusText: '<b>完成</b>', progress: '<script>alert(1)</script>{{ 7*7 }}\n::: danger' })])
    const md = markdown(taskProgress(site, plan, plan.tasks[0]!))
    expect(md).not.toMatch(/<script|<b>|\{\{|:::/)
    expect(md).toContain('&#60;script&#62;')
  })
  it('the later report first, the earlier kept', async () => {
    const site = siteWith([report(1, { progress: '早', date: '2022-06-01' }), report(1, { progress: '晚', date: '2022-07-01', row: 9 }), report(1, { progress: '无日期', date: null })])
    expect(site.progress!.get(plan.id)!.reports[1]!.map((r) => r.progress)).toEqual(['晚', '早', '无日期'])
    const md = markdown(taskProgress(site, plan, plan.tasks[0]!))
    expect(md.indexOf('晚')).toBeLessThan(md.indexOf('早'))
    expect(md).toContain('此前报告（2 份）')
  })
})

describe('督办', () => {
  it('a unit\'s open tasks: dated and not reported done, nearest first, recurring after', async () => {
    const site = siteWith([report(5, { statusText: '已完成', status: '已完成' })])
    const town = site.units.find((u) => u.name === '镇政府')!
    const open = openTasks(site, town).map((o) => o.task.number)
    expect(open).not.toContain(5)
    const before = openTasks(makeSite([plan]), town).map((o) => o.task.number)
    expect(before[0]).toBe(5) // due 2022-05-31: the nearest
    expect(before).toEqual([5, ...open])
  })
  it('the page has a 督办单 for each unit with open tasks', async () => {
    const site = makeSite([plan])
    const md = markdown(supervisionPage(site).body)
    for (const unit of site.units) expect(md.includes(`${unit.name}督办单`)).toBe(openTasks(site, unit).length > 0)
  })
  it('the workbook: a sheet a unit, states as formulas on TODAY(), computed on opening; the same bytes twice', async () => {
    const site = makeSite([plan])
    const data = await supervisionXlsx(site)
    expect((await supervisionXlsx(site)).equals(data)).toBe(true)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(data as unknown as ExcelJS.Buffer)
    const names = book.worksheets.map((s) => s.name)
    expect(names).toEqual(site.units.filter((u) => openTasks(site, u).length > 0).map((u) => u.name))
    const sheet = book.getWorksheet('镇政府')!
    const state = sheet.getCell('A3').value as { formula: string }
    expect(state.formula).toMatch(/TODAY\(\)/)
    expect(sheet.getCell('D3').value).toBe(5)
    const monthly = plan.tasks.find((t) => t.deadline.kind === 'recurring')!
    const villages = book.getWorksheet('各村')!
    const row = villages.getRows(3, villages.rowCount - 2)!.find((r) => r.getCell(4).value === monthly.number)!
    expect((row.getCell(2).value as { formula: string }).formula).toBe('EOMONTH(TODAY(),0)')
    // No cached values: Excel, WPS and LibreOffice compute the formulas when the file is opened.
    const workbookXml = await (await JSZip.loadAsync(data)).file('xl/workbook.xml')!.async('string')
    expect(workbookXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/)
  })
  it('sheet names as Excel allows them', async () => {
    const used = new Set<string>()
    expect(sheetName("单位{{x}}'", used)).toBe('单位{{x}}')
    expect(sheetName("'[a]:*?/\\'", used)).toBe('_a______')
    expect(sheetName('A', used)).toBe('A')
    expect(sheetName('a', used)).toBe('a-2')
    expect(sheetName('x'.repeat(40), used)).toHaveLength(31)
    expect(sheetName('x'.repeat(40), used)).toBe(`${'x'.repeat(29)}-2`)
  })
})
