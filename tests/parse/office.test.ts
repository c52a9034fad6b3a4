// The first plan as a clerk's office suite saves it (tests/fixtures/office,
// made by LibreOffice from tests/helpers/office.ts): each file reads to exactly
// the model its .txt gives.
import { readFileSync } from 'node:fs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { readSource, type Source } from '../../scripts/parse/formats.ts'
import { parsePlan } from '../../scripts/parse/index.ts'
import { withoutLayoutSpaces } from '../../scripts/parse/pdf.ts'
import { reportLines } from '../../scripts/views/report.ts'
import { content, FIXTURES, planOf, registry, SEED } from '../helpers/plans.ts'

const file = (name: string) => `${FIXTURES}office/${name}`

async function read(name: string): Promise<Extract<Source, { ok: true }>> {
  const source = await readSource(name, readFileSync(file(name)))
  if (!source.ok) throw new Error(`${source.where} ${source.message}`)
  return source
}

async function modelOf(name: string) {
  const source = await read(name)
  const result = parsePlan({ id: 'plan', source: name, text: source.text, registry })
  if (!result.ok) throw new Error(reportLines(name, result, source.where).join('\n'))
  return { plan: result.plan, warnings: result.warnings, source }
}

describe('a justified A4 PDF of the first plan', () => {
  it('is a fixture whose text layer pdf.js reads with spaces between spread-out characters', async () => {
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(file('seed-justified.pdf'))), verbosity: 0 }).promise
    const strings: string[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      for (const item of (await (await pdf.getPage(n)).getTextContent()).items) if ('str' in item) strings.push(item.str)
    }
    await pdf.destroy()
    expect(strings.filter((s) => /\p{Script=Han} \p{Script=Han} \p{Script=Han}/u.test(s)).length).toBeGreaterThan(0)
  })

  it.each(['seed-justified.pdf', 'seed-justified-dash.pdf'])('%s reads to the model of the .txt, without a warning', async (name) => {
    const { plan, warnings } = await modelOf(name)
    expect(content(plan)).toEqual(content(await planOf(SEED)))
    expect(warnings).toEqual([])
    // The task pdf.js read as "镇 负 有 安 全监管 职 责 的 站 所 。 完 成 时 限 ：8月 底 前完成".
    expect(plan.tasks[11]!.note).toBe('（责任单位：镇负有安全监管职责的站所。完成时限：8月底前完成。）')
  })

  it.each([['seed-justified.pdf', '—#—'], ['seed-justified-dash.pdf', '-#-']])('%s: the page footers are left out, and listed with their page', async (name, shape) => {
    const { dropped, text } = await read(name)
    expect(dropped).toEqual(Array.from({ length: 19 }, (_, i) => ({ where: `: 第${i + 1}页`, text: shape.replace('#', String(i + 1)) })))
    expect(text).not.toMatch(/^[-—]\s*\d+\s*[-—]$/m)
  })

  it('says on which page a line stands', async () => {
    const { source } = await modelOf('seed-justified.pdf')
    const line = source.text.split('\n').findIndex((l) => l.startsWith('四、工作要求')) + 1
    expect(source.where(line)).toBe(': 第17页') // as pdftotext -f 17 -l 17 shows it
  })
})

describe('layout spaces in a PDF text layer', () => {
  it.each([
    ['位 ： 镇 负 有 安 全 监 管', '位：镇负有安全监管'],
    ['时 限 ： 8 月 底', '时限：8月底'],
    ['按照 “谁 主管', '按照“谁主管'],
    ['Word 2022 PDF', 'Word 2022 PDF'],
    ['对 15 条举措', '对15条举措'],
    ['GB/T 9704', 'GB/T 9704'],
  ])('%s → %s', (text, read) => expect(withoutLayoutSpaces(text)).toBe(read))
})

describe('the first plan as LibreOffice saves it in Word', () => {
  it.each(['seed-note-tables.docx', 'seed-task-table.docx', 'seed-numbered.docx'])('%s reads to the model of the .txt, without a warning', async (name) => {
    const { plan, warnings } = await modelOf(name)
    expect(content(plan)).toEqual(content(await planOf(SEED)))
    expect(warnings).toEqual([])
  })

  it('a note table under a task is the task\'s note, and says on which paragraph it stands', async () => {
    const { plan, source } = await modelOf('seed-note-tables.docx')
    expect(plan.tasks[0]!.note).toBe('责任单位：各村\n完成时限：长期坚持')
    expect(source.text.split('\n').slice(9, 12)).toEqual([expect.stringMatching(/^1\.树牢安全发展理念。/), '责任单位：各村', '完成时限：长期坚持'])
    // Issuer, title, addressees, preamble, 一、, its text, 二、, its text, （一）, task 1: the table's first cell is paragraph 11.
    expect(source.where(11)).toBe(': 第11段')
  })
})

describe('a task table set in a PDF, as LibreOffice saves it', () => {
  const tasks = (plan: Awaited<ReturnType<typeof modelOf>>['plan']) => plan.tasks.map((t) => ({ title: t.title, units: t.units, deadline: t.deadline, measure: t.measure }))

  it.each(['seed-task-table.pdf', 'seed-task-table-repeated.pdf', 'seed-task-table-unruled.pdf', 'seed-task-table-word.pdf', 'seed-task-table-wrapped-header.pdf'])('%s reads to the tasks of the same table in Word, and to the model of the .txt, without a warning', async (name) => {
    const { plan, warnings } = await modelOf(name)
    const word = await modelOf('seed-task-table.docx')
    expect(tasks(plan)).toEqual(tasks(word.plan))
    expect(content(plan)).toEqual(content(word.plan))
    expect(content(plan)).toEqual(content(await planOf(SEED)))
    expect(warnings).toEqual([])
  })

  it('reads each row as a line of cells set apart by tabs, a cell\'s wrapped lines joined, on the page its row starts', async () => {
    const { text, where } = await read('seed-task-table.pdf')
    const lines = text.split('\n')
    const header = lines.indexOf('序号\t重点任务\t具体措施\t责任单位\t完成时限')
    expect(header).toBeGreaterThan(0)
    // Row 1 runs over 8 lines of its 具体措施 cell; row 2 starts on page 2 and goes on to page 3; the 重点任务
    // cell, merged over tasks 1 to 4, stands once.
    expect(lines[header + 1]).toBe('1\t严格落实党组织安全生产责任\t树牢安全发展理念。将习近平总书记关于安全生产重要论述纳入党组织理论学习重要议题，党组织理论学习中心组每季度至少组织一次集体学习，跟进学习贯彻习近平总书记关于安全生产重要论述，牢牢树立发展不能以牺牲人的生命为代价的红线意识。\t各村\t长期坚持')
    expect(lines[header + 2]).toMatch(/^2\t\t强化履职考评措施。.*有关人选考察的重要内容。\t各村、各站所\t长期坚持$/)
    expect(where(header + 3)).toBe(': 第2页')
    expect(lines.filter((l) => l.includes('\t'))).toHaveLength(36)
    // The table ends where the text goes on.
    expect(lines[header + 36]).toBe('三、阶段划分')
  })

  it('reads a header whose one wrapped cell stands above and below the others\' line (cells centred from top to bottom)', async () => {
    const { text } = await read('seed-task-table-wrapped-header.pdf')
    const lines = text.split('\n')
    expect(lines).toContain('序号\t重点任务\t具体措施\t责任单位\t完成时限')
    expect(lines).not.toContain('责任单')
    // Row 14 starts at the top of page 6, its number centred below its first lines.
    expect(lines).toContainEqual(expect.stringMatching(/^14\t严肃追究领导责任和监管责任\t落实通报约谈制度。/))
  })

  it('skips the header row repeated on each page', async () => {
    const { text } = await read('seed-task-table-repeated.pdf')
    expect(text.split('\n').filter((l) => l.startsWith('序号\t'))).toHaveLength(1)
  })

  it('a note set as a small table under its task reads as its fields, a line each', async () => {
    const { plan, warnings, source } = await modelOf('seed-note-tables.pdf')
    expect(content(plan)).toEqual(content(await planOf(SEED)))
    expect(warnings).toEqual([])
    expect(source.text.split('\n')).toContain('责任单位：镇党委、镇政府，各村')
  })

  it('so does a note table whose label column is only as wide as its words (its value a cell\'s padding away)', async () => {
    const { plan, warnings, source } = await modelOf('seed-note-tables-fitted.pdf')
    expect(content(plan)).toEqual(content(await planOf(SEED)))
    expect(warnings).toEqual([])
    // Read as "责任单位各村", the cells glued, before: every task without units.
    expect(source.text.split('\n').slice(10, 13)).toEqual([expect.stringMatching(/^1\.树牢安全发展理念。.*红线意识。$/), '责任单位：各村', '完成时限：长期坚持'])
    expect(plan.tasks.every((t) => t.units.length > 0)).toBe(true)
  })
})

describe('a PDF whose 1. 2. are an automatic list with a hanging indent', () => {
  it('reads to the model of the .txt, without a warning: an item\'s wrapped lines, set under its text, are re-joined', async () => {
    const { plan, warnings, source } = await modelOf('seed-numbered-hanging.pdf')
    expect(content(plan)).toEqual(content(await planOf(SEED)))
    expect(warnings).toEqual([])
    const lines = source.text.split('\n')
    // Item 17's number is wider than the indent: its first line's text starts at the next tab stop, its wrapped lines at the indent.
    expect(lines).toContainEqual(expect.stringMatching(/^17\.强化企业实际控制人追责。严格落实重大危险源.*依法追究企业实际控制人的责任。/))
    expect(lines.filter((l) => /^\d+\./.test(l))).toHaveLength(35)
  })
})
