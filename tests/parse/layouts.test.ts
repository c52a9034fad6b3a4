// Any plan, written in any layout plans come in (tests/helpers/layouts.ts:
// notes inline, labelled or not, or on lines of their own, tasks unnumbered in one paragraph each closed by its note, a task table with bars, tabs, runs of
// spaces or a cell a line (its 重点任务 merged over its rows: left empty or left out below), a Word file with automatic numbering, with its notes as small tables
// or with a task table; a justified PDF, a PDF with a task table and an .odt as LibreOffice saves them),
// reads back to the plan it was written from.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { parsePlan } from '../../scripts/parse/index.ts'
import { readSource } from '../../scripts/parse/formats.ts'
import { reportLines } from '../../scripts/views/report.ts'
import type { Plan } from '../../scripts/model/plan.ts'
import { noteTableDocx, planDocx, planText, tableDocx, type TextLayout } from '../helpers/layouts.ts'
import { convert, planFodt, type TableOptions } from '../helpers/office.ts'
import { content, FIXTURES, planOf, registry, SEED } from '../helpers/plans.ts'

const TEXT_LAYOUTS: TextLayout[] = [
  'inline', 'unlabelled', 'own-line', 'table-pipes', 'table-tabs', 'table-spaces', 'table-cells',
  'table-pipes-merged', 'table-tabs-merged', 'table-spaces-merged', 'table-pipes-omitted', 'table-tabs-omitted',
]

function read(text: string, source = 'plan.txt'): Plan {
  const result = parsePlan({ id: 'plan', source, text, registry })
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}: ${p.message}`).join('\n'))
  return result.plan
}

async function readFile(name: string, bytes: Uint8Array): Promise<Plan> {
  const source = await readSource(name, bytes)
  if (!source.ok) throw new Error(source.message)
  return read(source.text, name)
}

/** A table has no place for a measure's intro, nor for a task's paragraphs: they are joined in its cell. */
const tableContent = (plan: Plan) => ({ ...content(plan), tasks: content(plan).tasks.map((t) => ({ ...t, marker: undefined })) })

const models = await Promise.all(['canonical', 'lead-support', 'note-forms', 'no-deadline', 'unknown-unit'].map(async (name) => [name, await planOf(`${FIXTURES}plans/${name}/input.txt`)] as const))
models.push(['seed', await planOf(SEED)])

describe.each(models)('%s', (_name, plan) => {
  it.each(TEXT_LAYOUTS)('written %s, reads back to itself', (layout) => {
    const back = read(planText(plan, layout))
    if (layout.startsWith('table')) expect(tableContent(back)).toEqual(tableContent(plan))
    else expect(content(back)).toEqual(content(plan))
  })

  it('as a Word file with automatic numbering, reads back to itself', async () => {
    expect(content(await readFile('plan.docx', await planDocx(plan)))).toEqual(content(plan))
  })

  it('as a Word file whose notes are small tables under their tasks, reads back to itself', async () => {
    expect(content(await readFile('plan.docx', await noteTableDocx(plan)))).toEqual(content(plan))
  })

  it('as a Word file whose tasks are a table, reads back to itself', async () => {
    expect(tableContent(await readFile('plan.docx', await tableDocx(plan)))).toEqual(tableContent(plan))
  })

  it('as a Word file whose tasks are a table with its 重点任务 merged over their rows, reads back to itself', async () => {
    expect(tableContent(await readFile('plan.docx', await tableDocx(plan, 'table-tabs-merged')))).toEqual(tableContent(plan))
  })
})

// Plans made up from parts: titles and texts of plain words, units known and
// unknown, every kind of deadline, one to four measures of one to four tasks.
const word = fc.string({ unit: fc.constantFrom(...'安全生产隐患排查整治责任落实监管执法应急救援宣传培训检查考核'), minLength: 2, maxLength: 12 })
const unit = fc.constantFrom('镇政府', '各村', '各站所', '镇党委', '各生产经营单位', '镇应急办', '县交通运输局', '市发改委')
const deadline = fc.constantFrom('长期坚持', '6月底前完成', '每月至少一次', '年底前', '2023年3月15日前', '每季度', '持续推进', null)
const task = fc.record({ title: word, text: word, units: fc.uniqueArray(unit, { minLength: 1, maxLength: 3 }), lead: fc.boolean(), deadline })
const measure = fc.record({ title: word, tasks: fc.array(task, { minLength: 1, maxLength: 4 }) })
// Measure titles differ: a table cannot tell two measures of one title apart (a merged cell repeats its text).
const made = fc.record({ measures: fc.uniqueArray(measure, { minLength: 1, maxLength: 4, selector: (m) => m.title }), requirements: fc.array(word, { maxLength: 3 }) })

type Made = typeof made extends fc.Arbitrary<infer T> ? T : never

function madeText(plan: Made): string {
  const cn = '一二三四五六七八九十'
  let n = 0
  const lines = ['某某镇人民政府', '关于做好安全生产工作的实施方案', '各村，各站所：', '为做好安全生产工作，制定本方案：', '一、主要任务']
  plan.measures.forEach((m, i) => {
    lines.push(`（${cn[i]}）${m.title}`)
    for (const t of m.tasks) {
      const [first, ...rest] = t.units
      const who = t.lead && rest.length > 0 ? `牵头单位：${first}；配合单位：${rest.join('、')}` : `责任单位：${t.units.join('、')}`
      lines.push(`${++n}.${t.title}。${t.text}。（${who}${t.deadline ? `；完成时限：${t.deadline}` : ''}）`)
    }
  })
  if (plan.requirements.length > 0) lines.push('二、工作要求', ...plan.requirements.map((r, i) => `（${cn[i]}）${r}。${r}。`))
  lines.push('', '某某镇人民政府', '2023年5月8日')
  return lines.join('\n')
}

describe('any plan', () => {
  it('reads back to itself from every text layout', () => {
    fc.assert(fc.property(made, (parts) => {
      const plan = read(madeText(parts))
      for (const layout of TEXT_LAYOUTS) {
        const back = read(planText(plan, layout))
        if (layout.startsWith('table')) expect(tableContent(back), layout).toEqual(tableContent(plan))
        else expect(content(back), layout).toEqual(content(plan))
      }
    }), { numRuns: 60, seed: 20231008 })
  })

  it('reads back to itself with its tasks unnumbered, several in one paragraph, each closed by its note', () => {
    // Where a measure has two tasks or more: a paragraph with one note is one task with its measure's heading.
    const severalEach = made.filter((m) => m.measures.every((x) => x.tasks.length >= 2))
    fc.assert(fc.property(severalEach, (parts) => {
      const plan = read(madeText(parts))
      expect(tableContent(read(planText(plan, 'runs')))).toEqual(tableContent(plan))
    }), { numRuns: 40, seed: 20231008 })
  })

  it('reads back to itself from Word', async () => {
    await fc.assert(fc.asyncProperty(made, async (parts) => {
      const plan = read(madeText(parts))
      expect(content(await readFile('plan.docx', await planDocx(plan)))).toEqual(content(plan))
    }), { numRuns: 15, seed: 20231008 })
  })

  it('reads back to itself from Word with its notes as small tables', async () => {
    await fc.assert(fc.asyncProperty(made, async (parts) => {
      const plan = read(madeText(parts))
      expect(content(await readFile('plan.docx', await noteTableDocx(plan)))).toEqual(content(plan))
    }), { numRuns: 15, seed: 20231008 })
  })
})

// As an office suite saves it: LibreOffice makes a justified A4 PDF (a GB/T 9704-like character grid, so pdf.js
// reads spaces between the characters), a PDF whose tasks are a 任务分工 table (ruled or not, its header row
// repeated on each page or not, its cells justified or not, its cells' text at the top or in the middle, in turn), an .odt with automatic numbering,
// a PDF whose 1. list has a hanging indent and a .doc whose notes are small tables under their tasks of each plan, in one run per format (some 10 s each; tests/helpers/office.ts).
describe('any plan, as LibreOffice saves it', () => {
  const sampled = fc.sample(made, { numRuns: 6, seed: 20231208 }).map((parts) => read(madeText(parts)))
  const plans: Array<readonly [string, Plan]> = [...models, ...sampled.map((plan, i) => [`made-${i + 1}`, plan] as const)]
  let pdf: Record<string, Uint8Array> = {}
  let odt: Record<string, Uint8Array> = {}
  let tablePdf: Record<string, Uint8Array> = {}
  let hangingPdf: Record<string, Uint8Array> = {}
  let noteTableDoc: Record<string, Uint8Array> = {}
  const tableOptions: TableOptions[] = [{}, { repeatHeader: true, justify: true }, { unruled: true }, { repeatHeader: true, middle: true }, { justify: true, unruled: true }, { middle: true }]
  beforeAll(() => {
    const text = Object.fromEntries(plans.map(([name, plan]) => [name, planText(plan, 'inline')]))
    pdf = convert(Object.fromEntries(Object.entries(text).map(([name, t]) => [name, planFodt(t, 'justified')])), 'pdf')
    tablePdf = convert(Object.fromEntries(plans.map(([name, plan], i) => [name, planFodt(planText(plan, 'table-tabs'), 'task-table', undefined, tableOptions[i % tableOptions.length])])), 'pdf')
    odt = convert(Object.fromEntries(Object.entries(text).map(([name, t]) => [name, planFodt(t, 'numbered')])), 'odt')
    hangingPdf = convert(Object.fromEntries(Object.entries(text).map(([name, t]) => [name, planFodt(t, 'numbered', undefined, { hanging: true })])), 'pdf')
    noteTableDoc = convert(Object.fromEntries(Object.entries(text).map(([name, t]) => [name, planFodt(t, 'note-tables')])), 'doc')
  }, 180_000)

  it.each(plans)('%s, as a justified PDF, reads back to itself', async (name, plan) => {
    expect(content(await readFile('plan.pdf', pdf[name]!))).toEqual(content(plan))
  })

  it.each(plans)('%s, as a PDF whose tasks are a table, reads back to itself', async (name, plan) => {
    expect(tableContent(await readFile('plan.pdf', tablePdf[name]!))).toEqual(tableContent(plan))
  })

  it.each(plans)('%s, as an .odt with automatic numbering, reads back to itself', async (name, plan) => {
    expect(content(await readFile('plan.odt', odt[name]!))).toEqual(content(plan))
  })

  it.each(plans)('%s, as a PDF whose 1. 2. are an automatic list with a hanging indent, reads back to itself', async (name, plan) => {
    expect(content(await readFile('plan.pdf', hangingPdf[name]!))).toEqual(content(plan))
  })

  it.each(plans)('%s, as a .doc whose notes are small tables under their tasks, reads back to itself', async (name, plan) => {
    expect(content(await readFile('plan.doc', noteTableDoc[name]!))).toEqual(content(plan))
  })
})

describe('a Word file', () => {
  it('says in which paragraph a problem is', async () => {
    const plan = await planOf(SEED)
    const broken = { ...plan, tasks: plan.tasks.map((t) => (t.number === 20 ? { ...t, deadline: { text: '尽快', kind: 'ongoing' as const } } : t)) }
    const source = await readSource('plan.docx', await planDocx(broken))
    if (!source.ok) throw new Error(source.message)
    const result = parsePlan({ id: 'plan', source: 'plan.docx', text: source.text, registry })
    // Head 4 paragraphs, 一、 and its text 2, 二、 and its intro 2, measures （一）–（六） 6 and tasks 1–19 19: task 20 is paragraph 34.
    expect(reportLines('plan.docx', result, source.where)).toEqual(['plan.docx: 第34段: warning: 任务20：无法读取完成时限“尽快”：应为“长期坚持”“N月底前”“N月N日前”“年底前”“明年N月”或“每月/每季度/每半年/每年”；按原文显示，标为“未明确”'])
  })

  const text = (s: string) => new TextEncoder().encode(s)
  it.each([
    // Damaged: the library's own words ("End of central directory not found", "Invalid PDF structure") are not shown.
    ['plan.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), '无法作为 Word 97–2003 文件（.doc）读取：文件已损坏或格式不符；请用 Word、WPS 或 LibreOffice 打开后重新保存'],
    ['plan.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), '无法作为 Word 文件（.docx）读取：文件已损坏或格式不符；请用 Word、WPS 或 LibreOffice 打开后重新保存'],
    ['plan.pdf', text('%PDF-1.7\n1 0 obj <<'), '无法作为 PDF 读取：文件已损坏或格式不符；请重新导出 PDF，或索要该方案的 Word 文件'],
    // Named wrongly: what the file is, and the ending to give it.
    ['plan.docx', text('not a zip'), '此文件扩展名为 .docx，但内容是纯文本：请改名为 .txt'],
    ['plan.pdf', text('not a pdf'), '此文件扩展名为 .pdf，但内容是纯文本：请改名为 .txt'],
    ['plan.doc', text('{\\rtf1\\ansi 方案}'), '此文件扩展名为 .doc，但内容是 RTF 富文本：请用 WPS、Word 或 LibreOffice 打开，另存为 .docx（Word 文档），再用 .docx 文件替换它'],
    ['plan.doc', text('<html><body>方案</body></html>'), '此文件扩展名为 .doc，但内容是网页：请把网页上的方案文字复制到一个 .txt 文件中'],
    ['plan.pdf', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), '此文件扩展名为 .pdf，但内容是 Word 97–2003 文件：请改名为 .doc'],
    ['plan.doc', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), '此文件扩展名为 .doc，但内容是压缩包格式的 Office 文件（.docx 或 .odt）：请按其格式改名为 .docx 或 .odt'],
    ['plan.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), '此文件扩展名为 .txt，但内容是压缩包格式的 Office 文件（.docx 或 .odt）：请按其格式改名为 .docx 或 .odt'],
    ['plan.docx', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), '此文件扩展名为 .docx，但内容不是 Word 文件，也不是其他可读的格式：请用 Word、WPS 或 LibreOffice 打开后重新保存'],
  ])('%s that is not one is refused with a reason, in Chinese (%#)', async (name, bytes, message) => {
    expect(await readSource(name, bytes)).toEqual({ ok: false, where: ':1', message })
  })

  it('a plain-text plan that mentions %PDF- is still read as text', async () => {
    expect(await readSource('plan.txt', text(readFileSync(SEED, 'utf8').replace('一、', '%PDF- 一、')))).toMatchObject({ ok: true })
  })
})
