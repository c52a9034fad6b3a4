// Nothing lost, nothing invented: every non-blank character of a plan lands in
// exactly one element of its model. The model's verbatim parts (title, preamble,
// sections, measures, tasks with their notes, phases, requirements, the sections
// kept as text, the notice) hold the same characters as the source, counted
// with their repeats — up to white space, the markers that start lines, full
// stops and colons (the addressees' "：" is not kept), and the signature and
// date lines the model keeps as issuer and date.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../../scripts/model/plan.ts'
import { decode } from '../../scripts/parse/decode.ts'
import { readFullDate, readSignature } from '../../scripts/parse/frame.ts'
import { readMarker } from '../../scripts/parse/markers.ts'
import { FIXTURES, fixtureNames, planOf, registry, ROOT, SEED } from '../helpers/plans.ts'
import { readSource } from '../../scripts/parse/formats.ts'
import { parsePlan } from '../../scripts/parse/index.ts'
import { splitRunTogetherItems } from '../../scripts/parse/runs.ts'

/** The characters a reader reads in some lines, sorted: a multiset. */
function chars(lines: string[]): string {
  return lines
    .map((l) => l.trim())
    // A marker glued to its text's digits ("11.121人才…", read where it continues the numbering) is a marker too.
    .map((l) => (readMarker(l) ? readMarker(l)!.rest : l.replace(/^\d{1,3}\.(?=\d)/, '')))
    .join('')
    .replace(/[\s\u3000。．.：:]/g, '')
    .split('')
    .sort()
    .join('')
}

/** What the source has that the model lacks, and the reverse: two sorted strings, empty when they agree. */
function difference(model: string, source: string): { lost: string; invented: string } {
  const count = (s: string) => [...s].reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<string, number>())
  const a = count(model)
  const b = count(source)
  const over = (x: Map<string, number>, y: Map<string, number>) => [...x].flatMap(([c, n]) => (n > (y.get(c) ?? 0) ? [c.repeat(n - (y.get(c) ?? 0))] : [])).join('')
  return { lost: over(b, a), invented: over(a, b) }
}

function body(text: string): string {
  const lines = text.split('\n')
  return lines.slice(0, readSignature(lines).start).join('\n')
}

function sourceChars(text: string): string {
  const lines = text.split('\n')
  const body = lines.slice(0, readSignature(lines).start).filter((l) => readFullDate(l.trim()) === null)
  // Items run together in one line ("2.…（…）；3.…（…）") each start with their marker, as lines do.
  return chars(splitRunTogetherItems(body.map((text, i) => ({ text: text.trim(), line: i + 1 }))).map((p) => p.text))
}

/** `sourceBody`: the source's lines before its signature, where a notice's letterhead stands. */
function modelChars(plan: Plan, sourceBody: string): string {
  // An issuer taken from the notice's letterhead is the notice's characters, kept twice.
  const issuer = plan.notice && plan.notice.issuer === plan.issuer ? '' : plan.issuer
  // An issuer or 文号 taken from the portal's table is the table's characters, kept twice.
  const fromPortal = (value: string) => plan.portal?.fields.some((f) => f.value === value) ?? false
  const parts: string[] = [fromPortal(issuer) ? '' : issuer, plan.documentNumber && !fromPortal(plan.documentNumber) ? plan.documentNumber : '', plan.title, plan.addresseesText, plan.preamble, plan.guidingIdeology]
  if (plan.notice) {
    const { notice } = plan
    // A notice's issuer is a letterhead the text no longer holds, or (read from its signature or title) characters kept twice.
    const lines = (t: string) => t.split('\n').filter((l) => l.trim() === notice.issuer).length
    const letterheads = notice.issuer === undefined ? 0 : Math.max(0, lines(sourceBody) - lines(notice.text))
    parts.push(...Array<string>(letterheads).fill(notice.issuer ?? ''), notice.title, notice.documentNumber ?? '', notice.text)
  }
  // What the portal put around the plan: its table as written, the page's words.
  if (plan.portal) parts.push(...plan.portal.table, ...plan.portal.chrome)
  for (const s of plan.sections) parts.push(s.title, s.kind === 'guidance' || s.kind === 'other' ? '' : s.intro, s.unplaced ?? '')
  for (const m of plan.measures) {
    // A section that is its own measure: its title is the section's.
    if (!m.marker || !/、$/.test(m.marker)) parts.push(m.title)
    parts.push(m.intro ?? '', m.heading ?? '', m.note ?? '')
  }
  // A heading over several measures is kept with each: counted once.
  for (const group of new Set(plan.measures.map((m) => m.group ?? ''))) parts.push(group)
  for (const t of plan.tasks) parts.push(t.heading ?? '', t.title, t.text, t.note)
  for (const p of plan.phases) parts.push(p.title, p.timeText, p.text)
  for (const r of plan.requirements) parts.push(r.title, r.text)
  for (const o of plan.otherSections) parts.push(o.text)
  // Dates are in the model as dates; the lines that state them are left out on both sides.
  return chars(parts.flatMap((p) => p.split('\n')).filter((l) => readFullDate(l.trim()) === null))
}

// Tables are read into notes written from their cells: their characters are the cells', not the row's.
const REAL = join(ROOT, '../shared/plans/real')
const plans = [
  ['seed', SEED],
  // Task tables (table-…) are checked cell by cell below.
  ...fixtureNames('plans').filter((name) => !name.startsWith('table-')).map((name) => [name, `${FIXTURES}plans/${name}/input.txt`]),
  // Plans published with warnings: what could not be placed is in the model too.
  ...['no-units', 'stray-item', 'task-outside-measure', 'measure-without-tasks', 'pasted-twice', 'truncated'].map((name) => [`bad/${name}`, `${FIXTURES}bad/${name}.txt`]),
  // 01 and 02 hold task tables: their header words become the notes' labels (see above).
  ...(existsSync(REAL) ? readdirSync(REAL).filter((f) => f.endsWith('.txt') && !/^0[12]-/.test(f)).sort().map((f) => [`real/${f}`, join(REAL, f)]) : []),
]

// A task table's rows are written as notes from their cells, its header words as the notes' labels: what must
// be in the model is each cell's text — its words between spaces, 、, stops and the numbers of its tasks —, in a
// measure's title or a task's title, text or note (序号 cells and the header row aside).
describe('every cell of a task table is in its model', () => {
  const tables = fixtureNames('plans').filter((name) => name.startsWith('table-'))
  it.each(tables)('%s', async (name) => {
    const file = `${FIXTURES}plans/${name}/input.txt`
    const plan = await planOf(file)
    const model = [...plan.measures.map((m) => m.title), ...plan.tasks.flatMap((t) => [t.title, t.text, t.note])].join('\n')
    const lines = body(readFileSync(file, 'utf8')).split('\n')
    const isRow = (l: string) => /[|\t]|\S(?: {2,}|\u3000)\S/.test(l)
    const header = lines.findIndex((l) => isRow(l) && l.includes('责任单位'))
    const rows = lines.slice(header + 1).filter(isRow)
    expect(rows.length).toBeGreaterThan(0)
    const words = rows.flatMap((l) => l.split(/[|\t\u3000]| {2,}/)).flatMap((cell) => cell.split(/[\s、；;。]+|(?<![\d])\d{1,3}\.(?!\d)/)).map((w) => w.trim())
    // A measure's number as the cell writes it ("（一）危化品安全") is its marker, not its title.
    const lost = words.map((w) => w.replace(/^（[一二三四五六七八九十]+）/, '')).filter((w) => w !== '' && !/^\d{1,3}$/.test(w) && !model.includes(w))
    expect(lost).toEqual([])
  })
})

describe('every character of the plan is in its model, once', () => {
  it.each(plans)('%s', async (_name, file) => {
    const decoded = decode(readFileSync(file!))
    if (!decoded.ok) throw new Error(decoded.message)
    expect(difference(modelChars(await planOf(file!), body(decoded.text)), sourceChars(decoded.text))).toEqual({ lost: '', invented: '' })
  })

  it('the Word plan in seeds/', async () => {
    const file = join(ROOT, 'seeds/yincheng-2023-fire-safety.docx')
    const source = await readSource(file, readFileSync(file))
    if (!source.ok) throw new Error(source.message)
    const result = parsePlan({ id: 'fire', source: 'fire.docx', text: source.text, registry })
    if (!result.ok) throw new Error(result.problems[0]!.message)
    expect(difference(modelChars(result.plan, body(source.text)), sourceChars(source.text))).toEqual({ lost: '', invented: '' })
  })

  it('would notice a character lost', async () => {
    const plan = await planOf(SEED)
    const text = readFileSync(SEED, 'utf8')
    const lost = { ...plan, tasks: plan.tasks.map((t) => (t.number === 7 ? { ...t, text: t.text.slice(1) } : t)) }
    expect(modelChars(lost, body(text))).not.toBe(sourceChars(text))
  })
})
