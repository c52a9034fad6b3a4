// Any plan, written in any layout plans come in (tests/helpers/layouts.ts:
// notes inline or on lines of their own, a task table with bars, tabs or a cell
// a line, a Word file with automatic numbering, with its notes as small tables
// or with a task table; a justified PDF and an .odt as LibreOffice saves them),
// reads back to the plan it was written from.
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { parsePlan } from '../../scripts/parse/index.ts'
import { readSource } from '../../scripts/parse/formats.ts'
import { reportLines } from '../../scripts/report.ts'
import type { Plan } from '../../scripts/model.ts'
import { noteTableDocx, planDocx, planText, tableDocx, type TextLayout } from '../helpers/layouts.ts'
import { convert, planFodt } from '../helpers/office.ts'
import { content, FIXTURES, planOf, registry, SEED } from '../helpers/plans.ts'

const TEXT_LAYOUTS: TextLayout[] = ['inline', 'own-line', 'table-pipes', 'table-tabs', 'table-cells']

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

const models = ['canonical', 'lead-support', 'note-forms', 'no-deadline', 'unknown-unit'].map((name) => [name, planOf(`${FIXTURES}plans/${name}/input.txt`)] as const)
models.push(['seed', planOf(SEED)])

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
// reads spaces between the characters) and an .odt with automatic numbering of each plan, in one run per format
// (some 10 s; tests/helpers/office.ts).
describe('any plan, as LibreOffice saves it', () => {
  const sampled = fc.sample(made, { numRuns: 6, seed: 20231208 }).map((parts) => read(madeText(parts)))
  const plans: Array<readonly [string, Plan]> = [...models, ...sampled.map((plan, i) => [`made-${i + 1}`, plan] as const)]
  let pdf: Record<string, Uint8Array> = {}
  let odt: Record<string, Uint8Array> = {}
  beforeAll(() => {
    const text = Object.fromEntries(plans.map(([name, plan]) => [name, planText(plan, 'inline')]))
    pdf = convert(Object.fromEntries(Object.entries(text).map(([name, t]) => [name, planFodt(t, 'justified')])), 'pdf')
    odt = convert(Object.fromEntries(Object.entries(text).map(([name, t]) => [name, planFodt(t, 'numbered')])), 'odt')
  }, 120_000)

  it.each(plans)('%s, as a justified PDF, reads back to itself', async (name, plan) => {
    expect(content(await readFile('plan.pdf', pdf[name]!))).toEqual(content(plan))
  })

  it.each(plans)('%s, as an .odt with automatic numbering, reads back to itself', async (name, plan) => {
    expect(content(await readFile('plan.odt', odt[name]!))).toEqual(content(plan))
  })
})

describe('a Word file', () => {
  it('says in which paragraph a problem is', async () => {
    const plan = planOf(SEED)
    const broken = { ...plan, tasks: plan.tasks.map((t) => (t.number === 20 ? { ...t, deadline: { text: '尽快', kind: 'ongoing' as const } } : t)) }
    const source = await readSource('plan.docx', await planDocx(broken))
    if (!source.ok) throw new Error(source.message)
    const result = parsePlan({ id: 'plan', source: 'plan.docx', text: source.text, registry })
    // Head 4 paragraphs, 一、 and its text 2, 二、 and its intro 2, measures （一）–（六） 6 and tasks 1–19 19: task 20 is paragraph 34.
    expect(reportLines('plan.docx', result, source.where)).toEqual(['plan.docx: 第34段: warning: task 20: cannot read the deadline "尽快": expected 长期坚持, N月底前, N月N日前, 年底前, 明年N月, or 每月/每季度/每半年/每年; shown as written, 未明确'])
  })

  it.each([
    ['plan.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), /^cannot read it as a Word 97–2003 file \(\.doc\): the file is damaged; open it in Word, WPS or LibreOffice and save it again \(as \.docx\)\. The reader says: .+/],
    ['plan.doc', new TextEncoder().encode('一、总体要求\n'), /^this is not a Word 97–2003 file \(\.doc\) \(it holds plain text\): rename it \.txt$/],
    ['plan.doc', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /^this is not a Word 97–2003 file \(\.doc\) but a zip archive, as a Word file \(\.docx\) .*: rename it \.docx/],
    ['plan.pdf', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), /^this is not a PDF but a Word 97–2003 file: rename it \.doc$/],
    ['plan.pdf', new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<'), /^cannot read it as a PDF: the file is damaged; ask for the file again, or for the Word file it was saved from\. The reader says: .+/],
    ['plan.docx', new TextEncoder().encode('not a zip\n'), /^this is not a Word file \(\.docx\) \(it holds plain text\): rename it \.txt$/],
    ['plan.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), /^this is not a Word file \(\.docx\) but a Word 97–2003 file: rename it \.doc$/],
    // A zip cut short: its first bytes only.
    ['plan.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]), /^cannot read it as a Word file \(\.docx\): the file is damaged \(its archive cannot be unpacked\); open it in Word, WPS or LibreOffice and save it again\. The archive says: .+/],
    ['plan.pdf', new TextEncoder().encode('not a pdf\n'), /^this is not a PDF \(it holds plain text\): rename it \.txt$/],
  ])('%s that is not one is refused with a reason', async (name, bytes, message) => {
    expect(await readSource(name, bytes)).toMatchObject({ ok: false, message: expect.stringMatching(message) })
  })
})
