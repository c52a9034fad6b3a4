// Plan text → Plan model. Pure: text in, model or problems out. The file I/O
// and decoding live in the callers (scripts/site/load.ts, scripts/cli/parse.ts).
//
// The stages: the frame (signature, notice, head: frame.ts) → the outline of
// the body, inferred from the markers present (outline.ts) → roles: a task is
// an item that carries a responsibility note (notes.ts), a measure the item
// that holds tasks, a section the top level (by its heading words: phases,
// requirements, guiding ideology) → the model.

import type {
  Deadline, IsoDate, Measure, Obligation, OtherSection, ParseResult, Phase, Plan, Problem, Requirement, Section, Task, UnitRef,
} from '../model.ts'
import { invisibleCharacterWarnings } from './characters.ts'
import { findObligations, normaliseDeadline } from './deadlines.ts'
import { readNumber, NUMBER } from './markers.ts'
import { readHead, readNotice, readSignature, splitNotice } from './frame.ts'
import { FIELD_LABELS, findNote, repeatedLabels, valuesOf, type FieldRole, type Note } from './notes.ts'
import { buildOutline, descendants, fullText, ownText, type OutlineItem } from './outline.ts'
import { toParagraphs, type Paragraph } from './paragraphs.ts'
import { readPhase } from './phases.ts'
import { flattenTables } from './tables.ts'
import { splitTitle, trimSpaceEnd, withoutFinalStop } from './text.ts'
import { planUnits, resolveUnit, splitUnits, type Registry } from './units.ts'

type SectionKind = Section['kind']

// Section headings of the plans of this family, by what the section holds.
const SECTION_WORDS: ReadonlyArray<{ kind: SectionKind; words: string[] }> = [
  { kind: 'guidance', words: ['指导思想', '总体要求'] },
  { kind: 'measures', words: ['细化措施', '主要任务', '重点任务', '工作任务', '具体措施', '工作措施', '任务分工', '重点工作', '工作重点', '主要工作', '主要措施'] },
  { kind: 'phases', words: ['阶段划分', '实施步骤', '工作步骤', '时间安排', '进度安排', '实施阶段'] },
  { kind: 'requirements', words: ['工作要求', '保障措施', '有关要求', '组织保障'] },
]

function sectionKind(title: string): SectionKind {
  return SECTION_WORDS.find(({ words }) => words.some((w) => title.includes(w)))?.kind ?? 'other'
}

const NUM = NUMBER

export interface ParseInput {
  /** The plan's id: the seed file name without extension. */
  id: string
  /** The seed file name. */
  source: string
  text: string
  registry: Registry
}

/** An item's note, when its text ends with one. */
function noteOf(item: OutlineItem): Note | null {
  return findNote(fullText(item))
}

/** Items under `item` (itself included) whose own text carries a note. */
function noteCount(item: OutlineItem): number {
  return [item, ...descendants(item)].filter((i) => findNote(ownText(i)) !== null || (i.children.length === 0 && findNote(fullText(i)) !== null)).length
}

interface Roles {
  /** Task items with the item that holds them (a measure, or a section acting as one). */
  tasks: Array<{ item: OutlineItem; holder: OutlineItem }>
  /** Items at a measure's level that hold no task. */
  empty: OutlineItem[]
  /** Tasks standing beside measures, outside any. */
  stray: OutlineItem[]
}

/**
 * Tasks are the items that carry a note. An item whose whole text holds one
 * note could be a task with sub-items or a measure with one task: it is a task
 * when tasks elsewhere are written with its marker (`taskKinds`: the kinds of
 * the items that carry a note and have no sub-items); one that holds more
 * notes is a heading over tasks, walked into.
 */
function assignRoles(section: OutlineItem, taskKinds: ReadonlySet<string>, roles: Roles): void {
  const isTask = (c: OutlineItem, n: number) =>
    n === 1 && noteOf(c) !== null && (c.children.length === 0 || taskKinds.has(c.marker.kind) || taskKinds.size === 0)
  const walk = (holder: OutlineItem) => {
    const counted = holder.children.map((c) => ({ c, n: noteCount(c) }))
    const tasks = counted.filter(({ c, n }) => isTask(c, n)).map(({ c }) => c)
    const headings = counted.filter(({ c, n }) => n > 0 && !tasks.includes(c)).map(({ c }) => c)
    for (const { c, n } of counted) {
      if (tasks.includes(c)) {
        if (headings.length > 0) roles.stray.push(c)
        else roles.tasks.push({ item: c, holder })
      } else if (n > 0) {
        walk(c)
      } else if (headings.some((h) => h.marker.kind === c.marker.kind)) {
        roles.empty.push(c)
      } else if (taskKinds.has(c.marker.kind) || tasks.some((t) => t.marker.kind === c.marker.kind)) {
        // Written as a task, beside tasks, without a note: a task whose note is missing.
        roles.tasks.push({ item: c, holder })
      }
    }
  }
  walk(section)
}

/** The marker kinds of the items that carry a note of their own and have no sub-items: how this plan writes a task. */
function taskKindsOf(items: OutlineItem[]): Set<string> {
  const all = items.flatMap((i) => [i, ...descendants(i)])
  return new Set(all.filter((i) => i.children.length === 0 && findNote(ownText(i)) !== null).map((i) => i.marker.kind))
}

/** The deepest numbered items of a section: its tasks where no item carries a note (工作要点 without units). */
function deepestItems(section: OutlineItem): Array<{ item: OutlineItem; holder: OutlineItem }> {
  const out: Array<{ item: OutlineItem; holder: OutlineItem }> = []
  const walk = (holder: OutlineItem) => {
    for (const c of holder.children) {
      if (c.children.length === 0) out.push({ item: c, holder })
      else walk(c)
    }
  }
  walk(section)
  return out
}

/** Numbers must run 1, 2, 3 … without gaps or repeats (or on from `start`). */
function checkSequence(what: string, items: OutlineItem[], problems: Problem[], start = 1): void {
  const seen = new Map<number, number>()
  let previous = start - 1
  for (const item of items) {
    const number = item.marker.number
    const first = seen.get(number)
    if (first !== undefined) {
      problems.push({ line: item.line, message: `${what} ${number} appears twice (first at line ${first})` })
    } else if (number !== previous + 1) {
      const missing = number > previous + 1 ? `; ${what} ${previous + 1}${number - 1 > previous + 1 ? `–${number - 1}` : ''} missing` : ''
      const after = previous === start - 1 ? 'first' : `after ${what} ${previous}`
      problems.push({ line: item.line, message: `expected ${what} ${previous + 1} ${after}, found ${what} ${number}${missing}` })
    }
    if (first === undefined) seen.set(number, item.line)
    previous = number
  }
}

/**
 * Task numbers run on across measures (the seed: 1–35) or start again in each
 * (1., 2. under every heading): either is a plan's own numbering, checked as such.
 */
function checkTaskNumbers(tasks: Array<{ item: OutlineItem; holder: OutlineItem }>, problems: Problem[]): number {
  const holders = [...new Set(tasks.map((t) => t.holder))]
  const restarts = holders.length > 1 && tasks.find((t) => t.holder === holders[1])!.item.marker.number === 1
  if (!restarts) checkSequence('task', tasks.map((t) => t.item), problems)
  else for (const h of holders) checkSequence('task', tasks.filter((t) => t.holder === h).map((t) => t.item), problems)
  // How many tasks the plan numbers: a number written twice counts once.
  return new Set(tasks.map((t) => (restarts ? `${holders.indexOf(t.holder)}-${t.item.marker.number}` : String(t.item.marker.number)))).size
}

// A labelled note that does not end the task: text follows it.
const NOTE_INSIDE = new RegExp(`[（(【\\[〔][\\s\\u3000]*(?:${FIELD_LABELS.map((f) => f.label).join('|')})[\\s\\u3000]*[:：]`)

function readTask(
  item: OutlineItem, number: number, measure: number, year: number | null, registry: Registry, needsNote: boolean, problems: Problem[],
): Task | null {
  const written = item.marker.number
  const full = fullText(item)
  const note = findNote(full)
  if (!note && needsNote) {
    const inside = NOTE_INSIDE.exec(full)
    problems.push({
      line: item.line,
      message: inside
        ? `task ${written}: unexpected text after its unit/deadline note: "${full.slice(inside.index).replace(/^[^）)】\]〕]*[）)】\]〕]/, '').trim().slice(0, 30)}"`
        : `task ${written} has no responsible units: expected a note like "（责任单位：…。完成时限：…。）" at its end`,
    })
    return null
  }
  if (note && !note.closed) {
    problems.push({ line: item.line, message: `task ${written}: its note "${note.raw.slice(0, 40)}" is not closed with "）"; is the file cut short?` })
    return null
  }
  for (const label of note ? repeatedLabels(note) : []) {
    problems.push({ line: item.line, message: `task ${written}: its note names ${label} twice: "${note!.raw}"` })
  }
  const { title, rest } = splitTitle(trimSpaceEnd(note ? full.slice(0, note.at) : full))
  if (title.trim() === '') problems.push({ line: item.line, message: `task ${written} has no title: expected words after "${item.marker.text}"` })
  // Every unit the note names, in the order written, each resolved after the one before it, with its role.
  const named: Array<{ role: FieldRole; ref: UnitRef }> = []
  for (const field of note ? note.fields.filter((f) => f.role === 'responsible' || f.role === 'lead' || f.role === 'support') : []) {
    for (const text of splitUnits(field.value)) named.push({ role: field.role, ref: { text, unit: resolveUnit(registry, text, named.at(-1)?.ref.unit ?? null).unit } })
  }
  const unitRefs = named.map((n) => n.ref)
  const lead = named.filter((n) => n.role === 'lead').map((n) => n.ref)
  const support = named.filter((n) => n.role === 'support').map((n) => n.ref)
  if (note && unitRefs.length === 0) {
    problems.push({ line: item.line, message: `task ${written} names no responsible unit: its note "${note.raw}" has an empty 责任单位` })
  }
  const deadlineTexts = note ? valuesOf(note, 'deadline') : []
  let deadline: Deadline | null = null
  if (deadlineTexts.length === 0) {
    // Many plans give no deadline for some or all tasks: that is what they say, not a slip.
    deadline = { text: '', kind: 'unspecified' }
  } else if (deadlineTexts[0] === '') {
    problems.push({ line: item.line, message: `task ${written}: its note has an empty 完成时限: "${note!.raw}"` })
  } else {
    const normalised = normaliseDeadline(deadlineTexts[0]!, year)
    if ('error' in normalised) problems.push({ line: item.line, message: `task ${written}: ${normalised.error}` })
    else deadline = normalised
  }
  if (!deadline || (note && unitRefs.length === 0)) return null
  const unique = (list: UnitRef[]) => [...new Set(list.map((r) => r.unit))]
  const task: Task = { number, measure, title, text: rest, note: note?.raw ?? '', units: unique(unitRefs), unitRefs, deadline, line: item.line }
  if (written !== number || !/^\d+[.．、]$/.test(item.marker.text)) task.marker = item.marker.text
  if (item.heading) task.heading = item.heading.text
  if (lead.length > 0) task.lead = unique(lead)
  if (support.length > 0) task.support = unique(support)
  const leaders = note ? valuesOf(note, 'leader') : []
  const persons = note ? valuesOf(note, 'person') : []
  if (leaders.length > 0) task.leader = leaders.join('；')
  if (persons.length > 0) task.person = persons.join('；')
  return task
}

/** Recurring duties of a task: those in its text, and its deadline if that recurs and the text does not already say so. */
function taskObligations(task: Task): Obligation[] {
  const found = findObligations(task.number, `${task.title}。${task.text}`)
  const { deadline } = task
  if (deadline.kind === 'recurring' && deadline.period && !found.some((o) => o.period === deadline.period)) {
    const o: Obligation = { task: task.number, text: deadline.text, period: deadline.period, source: 'deadline' }
    if (deadline.times !== undefined) o.times = deadline.times
    found.push(o)
  }
  return found
}

/** A section's text under its heading: its paragraphs and items, markers included, verbatim. */
function sectionText(section: OutlineItem): string {
  return [...section.paragraphs.slice(1), ...section.children.map((c) => c.marker.text + fullText(c))].join('\n')
}

function sortProblems(list: Problem[]): Problem[] {
  return [...list].sort((a, b) => a.line - b.line)
}

export function parsePlan({ id, source, text, registry }: ParseInput): ParseResult {
  const problems: Problem[] = []
  const warnings: Problem[] = []
  const lines = text.split('\n')
  warnings.push(...invisibleCharacterWarnings(lines))

  // The frame: signature at the end, a notice around the plan, the head.
  const signature = readSignature(lines)
  const all = toParagraphs(lines.slice(0, signature.start))
  const split = splitNotice(all)
  const notice = split ? readNotice(split.notice) : null
  const outline = buildOutline(flattenTables(split ? split.plan : all, problems))
  const head = readHead(outline.head, signature.issuer, problems)
  const date: IsoDate | null = signature.date ?? head.date ?? notice?.date ?? null
  if (date === null) {
    warnings.push({ line: Math.max(signature.start, 1), message: 'the plan states no date (成文日期), neither on its last line nor under its title; its date is unknown' })
  }
  const issuer = head.issuer ?? signature.issuer ?? notice?.issuer ?? ''
  if (issuer === '') warnings.push({ line: outline.head[0]?.line ?? 1, message: 'the plan names no issuer (发文机关), neither above its title nor above its date' })
  // Deadlines such as "6月底前" are of the plan's year: its date's, else the first year it names.
  const year = date ? Number(date.slice(0, 4)) : Number(/(20\d\d)年/.exec(text)?.[1] ?? NaN)
  const planYear = Number.isFinite(year) ? year : null

  if (outline.items.length === 0) problems.push({ line: lines.length, message: 'expected sections numbered "一、", "二、" …; found none' })
  const sections = outline.items.map((item) => {
    const title = withoutFinalStop(item.paragraphs[0]!)
    return { item, title, kind: sectionKind(title) }
  })

  // Roles: tasks wherever notes are; else the deepest items of the measures section.
  const roles: Roles = { tasks: [], empty: [], stray: [] }
  const taskKinds = taskKindsOf(outline.items)
  for (const s of sections) if (s.kind !== 'guidance' && s.kind !== 'phases' && s.kind !== 'requirements') assignRoles(s.item, taskKinds, roles)
  const needsNote = roles.tasks.length + roles.stray.length > 0
  if (!needsNote) {
    const umbrella = sections.find((s) => s.kind === 'measures')
    if (umbrella) roles.tasks.push(...deepestItems(umbrella.item).filter((t) => t.holder !== umbrella.item || umbrella.item.children.every((c) => c.children.length === 0)))
  }
  // A section holding tasks, which no heading word names, holds measures: it is no "other" section.
  for (const s of sections) {
    if (s.kind === 'other' && roles.tasks.some((t) => t.holder === s.item || ancestors(t.holder).includes(s.item))) s.kind = 'measures'
  }
  const measuresSection = sections.find((s) => s.kind === 'measures')
  if (outline.items.length > 0 && !measuresSection) {
    problems.push({
      line: outline.items[0]!.line,
      message: `expected a section of measures and tasks (a heading such as "二、细化措施"); found ${sections.map((s) => `"${s.item.marker.text}${s.title}"`).join(', ')}`,
    })
  } else if (measuresSection && roles.tasks.length === 0 && roles.stray.length === 0) {
    problems.push({ line: measuresSection.item.line, message: 'the plan has no measures: expected headings such as "（一）…" in this section' })
  }
  for (const stray of roles.stray) {
    problems.push({ line: stray.line, message: `task ${stray.marker.number} is outside any measure: expected a measure heading such as "（一）…" before it` })
  }

  // Measures: the items that hold tasks, in document order.
  const holders = [...new Set(roles.tasks.map((t) => t.holder))]
  const measureItems = [...holders, ...roles.empty].sort((a, b) => a.line - b.line)
  const measureKinds = new Set(measureItems.filter((m) => !outline.items.includes(m)).map((m) => m.marker.kind))
  checkSequence('measure', measureItems.filter((m) => measureKinds.has(m.marker.kind) && !outline.items.includes(m)), problems)
  for (const empty of roles.empty) {
    problems.push({ line: empty.line, message: `measure ${empty.marker.number} has no tasks: expected tasks numbered "1." … under it` })
  }
  const numbered = [...roles.tasks, ...roles.stray.map((item) => ({ item, holder: item.parent! }))].sort((a, b) => a.item.line - b.item.line)
  const taskCount = checkTaskNumbers(numbered, problems)
  const sectionAt = new Map(sections.map((s) => [s.item, s]))
  const measures: Measure[] = []
  const tasks: Task[] = []
  const usedUnits: string[] = []
  const obligations: Obligation[] = []
  holders.forEach((holder, i) => {
    const number = i + 1
    const asSection = sectionAt.get(holder)
    const { title, rest } = asSection ? { title: asSection.title, rest: '' } : splitTitle(holder.paragraphs[0]!)
    const intro = [rest, ...holder.paragraphs.slice(1)].filter((t) => t !== '').join('\n')
    const measure: Measure = { number, title: withoutFinalStop(title), tasks: [], line: holder.line }
    if (asSection || holder.marker.number !== number || holder.marker.kind !== 'cn-paren') measure.marker = holder.marker.text
    if (intro && !asSection) measure.intro = intro
    if (holder.heading) measure.heading = holder.heading.text
    // Four levels (一、 → （一） → 1. → （1）): the heading between the section and the measure groups measures.
    const group = groupOf(holder)
    if (group) measure.group = [group.marker.text + group.paragraphs[0], ...group.paragraphs.slice(1)].join('\n')
    if (measure.title.trim() === '') problems.push({ line: holder.line, message: `measure ${holder.marker.number} has no title: expected words after "${holder.marker.text}"` })
    measures.push(measure)
    for (const t of roles.tasks.filter((x) => x.holder === holder)) {
      const task = readTask(t.item, tasks.length + 1, number, planYear, registry, needsNote, problems)
      if (!task) continue
      measure.tasks.push(task.number)
      tasks.push(task)
      usedUnits.push(...task.units)
      obligations.push(...taskObligations(task))
    }
  })

  // Statements the plan makes about itself.
  // Where the plan says what it holds: its title, preamble and the intro of its task section.
  const selfParagraphs: Paragraph[] = [
    ...outline.head,
    ...(measuresSection?.item.paragraphs.map((text, i) => ({ text, line: measuresSection.item.lines[i]! })).slice(1) ?? []),
  ]
  const selfText = [head.title, ...selfParagraphs.map((p) => p.text)].join('\n')
  const statedTasks = new RegExp(`(?:细化|分解|明确)为?\\s*${NUM}\\s*项`).exec(selfText)
  const statedTaskCount = statedTasks ? readNumber(statedTasks[1]!) : null
  const nationalMeasures = new RegExp(`${NUM}\\s*条(?:硬)?措施`).exec(selfText)
  const nationalMeasureCount = nationalMeasures ? readNumber(nationalMeasures[1]!) : null
  if (statedTaskCount !== null && numbered.length > 0 && taskCount !== statedTaskCount) {
    problems.push({
      line: selfParagraphs.find((p) => p.text.includes(statedTasks![0]))?.line ?? measuresSection?.item.line ?? 1,
      message: `the plan says it has ${statedTaskCount} tasks ("${statedTasks![0]}") but ${taskCount} were found`,
    })
  }

  // Phases, work requirements, guiding ideology, the rest verbatim.
  const ofKind = (kind: SectionKind) => sections.filter((s) => s.kind === kind)
  const phases: Phase[] = ofKind('phases').flatMap((s) => {
    checkSequence('phase', s.item.children, problems)
    return s.item.children.map((c, i) => readPhase(i + 1, [c.paragraphs[0]!, ...c.paragraphs.slice(1), ...c.children.map((g) => g.marker.text + fullText(g))], c.line, date, planYear, problems))
  })
  const requirements: Requirement[] = ofKind('requirements').flatMap((s) => {
    checkSequence('requirement', s.item.children, problems)
    return s.item.children.map((c, i) => {
      const { title: t, rest } = splitTitle(c.paragraphs[0]!)
      const body = [rest, ...c.paragraphs.slice(1), ...c.children.map((g) => g.marker.text + fullText(g))].filter((x) => x !== '').join('\n')
      if (t.trim() === '') problems.push({ line: c.line, message: `requirement ${c.marker.number} has no title: expected words after "${c.marker.text}"` })
      return { number: i + 1, title: t, text: body, line: c.line }
    })
  })
  const guidingIdeology = ofKind('guidance').map((s) => sectionText(s.item)).join('\n')

  // Nothing lost: every item of the outline is in the model — a section (title
  // and intro), a measure, a task (its sub-items with it), a phase or a
  // requirement (theirs with them), or the text of a section kept verbatim.
  const consumed = new Set<OutlineItem>()
  const take = (item: OutlineItem) => [item, ...descendants(item)].forEach((i) => consumed.add(i))
  for (const s of sections) {
    consumed.add(s.item)
    if (s.kind === 'guidance' || s.kind === 'other' || s.kind === 'phases' || s.kind === 'requirements') take(s.item)
  }
  for (const h of holders) {
    consumed.add(h)
    const group = groupOf(h)
    if (group) consumed.add(group)
  }
  for (const t of [...roles.tasks.map((x) => x.item), ...roles.empty, ...roles.stray]) take(t)
  for (const item of outline.items.flatMap((i) => [i, ...descendants(i)])) {
    if (consumed.has(item)) continue
    problems.push({
      line: item.line,
      message: `"${(item.marker.text + item.paragraphs.join('')).slice(0, 30)}" is neither a measure, a task nor a part of one: expected each item of this section to be a task (with its note) or a heading over tasks`,
    })
  }
  const otherSections: OtherSection[] = ofKind('other').map((s) => ({ number: s.item.marker.number, title: s.title, text: sectionText(s.item), line: s.item.line }))
  const sectionProblems: Problem[] = []
  checkSequence('section', outline.items, sectionProblems)
  if (sectionProblems.length > 0 && !outline.items.some((i) => i.marker.kind === 'cn')) {
    problems.push({ line: outline.items[0]!.line, message: `expected sections numbered "一、", "二、" …; found none (the top-level items "${outline.items[0]!.marker.text}" … number again and again)` })
  } else {
    problems.push(...sectionProblems)
  }
  if (head.title.trim() === '' && !problems.some((p) => p.message.startsWith('expected the title'))) {
    problems.push({ line: outline.head[0]?.line ?? 1, message: 'the plan has no title' })
  }

  if (problems.length > 0) return { ok: false, problems: sortProblems(problems), warnings: sortProblems(warnings) }
  const plan: Plan = {
    id,
    source,
    issuer,
    title: head.title,
    addresseesText: head.addresseesText,
    addressees: splitUnits(head.addresseesText),
    date,
    preamble: head.preamble.map((p) => p.text).join('\n'),
    statedTaskCount,
    nationalMeasureCount,
    guidingIdeology,
    sections: sections.map((s) => ({ number: s.item.marker.number, title: s.title, kind: s.kind, intro: s.item.paragraphs.slice(1).join('\n'), line: s.item.line })),
    measures,
    tasks,
    units: planUnits(registry, usedUnits),
    phases,
    requirements,
    obligations,
    otherSections,
  }
  if (head.documentNumber) plan.documentNumber = head.documentNumber
  if (notice) plan.notice = notice
  return { ok: true, plan, warnings: sortProblems(warnings) }
}

/** The item between a measure and its section, where there is one: a heading over several measures. */
function groupOf(holder: OutlineItem): OutlineItem | null {
  const above = ancestors(holder)
  return above.length >= 2 ? above[0]! : null
}

function ancestors(item: OutlineItem): OutlineItem[] {
  const out: OutlineItem[] = []
  for (let p = item.parent; p; p = p.parent) out.push(p)
  return out
}
