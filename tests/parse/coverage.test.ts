// Nothing lost, nothing invented: every non-blank character of a plan lands in
// exactly one element of its model. The model's verbatim parts (title, preamble,
// sections, measures, tasks with their notes, phases, requirements, the sections
// kept as text, the notice) hold the same characters as the source, counted
// with their repeats — up to white space, the markers that start lines, full
// stops and colons (the addressees' "：" is not kept), and the signature and
// date lines the model keeps as issuer and date.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../../scripts/model.ts'
import { decode } from '../../scripts/parse/decode.ts'
import { readFullDate, readSignature } from '../../scripts/parse/frame.ts'
import { readMarker } from '../../scripts/parse/markers.ts'
import { FIXTURES, fixtureNames, planOf, registry, ROOT, SEED } from '../helpers/plans.ts'
import { readSource } from '../../scripts/parse/formats.ts'
import { parsePlan } from '../../scripts/parse/index.ts'

/** The characters a reader reads in some lines, sorted: a multiset. */
function chars(lines: string[]): string {
  return lines
    .map((l) => l.trim())
    .map((l) => (readMarker(l) ? readMarker(l)!.rest : l))
    .join('')
    .replace(/[\s\u3000。．.：:]/g, '')
    .split('')
    .sort()
    .join('')
}

function sourceChars(text: string): string {
  const lines = text.split('\n')
  const body = lines.slice(0, readSignature(lines).start).filter((l) => readFullDate(l.trim()) === null)
  return chars(body)
}

function modelChars(plan: Plan): string {
  // An issuer taken from the notice's letterhead is the notice's characters, kept twice.
  const issuer = plan.notice && plan.notice.issuer === plan.issuer ? '' : plan.issuer
  const parts: string[] = [issuer, plan.documentNumber ?? '', plan.title, plan.addresseesText, plan.preamble, plan.guidingIdeology]
  if (plan.notice) parts.push(plan.notice.issuer ?? '', plan.notice.title, plan.notice.documentNumber ?? '', plan.notice.text)
  for (const s of plan.sections) parts.push(s.title, s.kind === 'guidance' || s.kind === 'other' ? '' : s.intro)
  for (const m of plan.measures) {
    // A section that is its own measure: its title is the section's.
    if (!m.marker || !/、$/.test(m.marker)) parts.push(m.title)
    parts.push(m.intro ?? '', m.heading ?? '')
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
const plans = [
  ['seed', SEED],
  ...fixtureNames('plans').map((name) => [name, `${FIXTURES}plans/${name}/input.txt`]),
]

describe('every character of the plan is in its model, once', () => {
  it.each(plans)('%s', (_name, file) => {
    const decoded = decode(readFileSync(file!))
    if (!decoded.ok) throw new Error(decoded.message)
    expect(modelChars(planOf(file!))).toBe(sourceChars(decoded.text))
  })

  it('the Word plan in seeds/', async () => {
    const file = join(ROOT, 'seeds/yincheng-2023-fire-safety.docx')
    const source = await readSource(file, readFileSync(file))
    if (!source.ok) throw new Error(source.message)
    const result = parsePlan({ id: 'fire', source: 'fire.docx', text: source.text, registry })
    if (!result.ok) throw new Error(result.problems[0]!.message)
    expect(modelChars(result.plan)).toBe(sourceChars(source.text))
  })

  it('would notice a character lost', () => {
    const plan = planOf(SEED)
    const text = readFileSync(SEED, 'utf8')
    const lost = { ...plan, tasks: plan.tasks.map((t) => (t.number === 7 ? { ...t, text: t.text.slice(1) } : t)) }
    expect(modelChars(lost)).not.toBe(sourceChars(text))
  })
})
