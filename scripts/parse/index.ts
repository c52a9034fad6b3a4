// Plan text → Plan model. Pure: text in, model or problems out. The file I/O
// and decoding live in the callers (scripts/site/load.ts, scripts/cli/parse.ts).
//
// The stages: the frame (signature, notice, head: frame.ts) → the outline of
// the body, inferred from the markers present (outline.ts) → roles: a task is
// an item that carries a responsibility note (notes.ts), a measure the item
// that holds tasks, a section the top level (by its heading words: phases,
// requirements, guiding ideology) → the model.

import type {
  Deadline, IsoDate, Measure, Obligation, OtherSection, ParseResult, Phase, Plan, Problem, Requirement, Section, Task, UnitRef, WarningKind,
} from '../model/plan.ts'
import { invisibleCharacterWarnings } from './characters.ts'
import { findObligations, normaliseDeadline } from './deadlines.ts'
import { chineseCounting, readNumber, NUMBER } from '../text/numerals.ts'
import { readFullDate, readHead, readNotice, readSignature, splitNotice } from './frame.ts'
import { readPortal } from './portal.ts'
import { FIELD_LABELS, finalBracketText, findNote, LEAD_CONVENTION, leadConventionIn, repeatedLabels, valuesOf, type FieldRole, type Note, type NoteContext } from './notes.ts'
import { buildOutline, descendants, fullText, ownText, type OutlineItem } from './outline.ts'
import { toParagraphs, type Paragraph } from './paragraphs.ts'
import { readPhase } from './phases.ts'
import { splitNotedRuns } from './runs.ts'
import { flattenTables } from './tables.ts'
import { isSpace, splitTitle, trimBy, trimSpaceEnd, withoutFinalStop } from '../text/prose.ts'
import { lookupUnit, planUnits, resolveUnit, splitUnits, type Registry } from './units.ts'

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

/**
 * A task's note written ahead of its sub-items ("1.开展隐患排查。（责任单位：…）" over "（1）排查河道；"
 * "（2）排查山塘。"): the item's own text ends with the note and none of the items under it has one. Whether
 * such an item is a task, or a measure stating a note for the tasks under it, the roles decide (assignRoles,
 * measureNote).
 */
function leadingNote(item: OutlineItem, context: NoteContext): Note | null {
  if (item.children.length === 0 || descendants(item).some((d) => findNote(ownText(d), context) !== null)) return null
  const note = findNote(ownText(item), context)
  return note && note.closed ? note : null
}

/**
 * The task's title and text without its note: split from the text before a note that ends it, or, for a note
 * ahead of its sub-items, from the item's own text around the note, the sub-items after it as written.
 */
function titleAndText(item: OutlineItem, note: Note | null, leading: boolean): { title: string; rest: string } {
  if (note === null) return splitTitle(trimSpaceEnd(fullText(item)))
  if (!leading) return splitTitle(trimSpaceEnd(fullText(item).slice(0, note.at)))
  const own = ownText(item)
  const { title, rest } = splitTitle(trimSpaceEnd(own.slice(0, note.at) + own.slice(note.at + note.raw.length)))
  return { title, rest: [...(rest === '' ? [] : [rest]), ...item.children.map((c) => c.marker.text + fullText(c))].join('\n') }
}

/** Items under `item` (itself included) whose own text carries a note. */
function noteCount(item: OutlineItem, context: NoteContext): number {
  return [item, ...descendants(item)].filter((i) => findNote(ownText(i), context) !== null || (i.children.length === 0 && findNote(fullText(i), context) !== null)).length
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
function assignRoles(section: OutlineItem, taskKinds: ReadonlySet<string>, roles: Roles, context: NoteContext): void {
  const isTask = (c: OutlineItem, n: number) =>
    n === 1 && (findNote(fullText(c), context) !== null ? c.children.length === 0 || taskKinds.has(c.marker.kind) || taskKinds.size === 0 : leadingNote(c, context) !== null && taskKinds.has(c.marker.kind))
  const walk = (holder: OutlineItem) => {
    // A measure whose own text carries the note: the items under it are its tasks, noted or not.
    const noted = holder !== section && measureNote(holder, taskKinds, context) !== null
    const counted = holder.children.map((c) => ({ c, n: noteCount(c, context) }))
    const tasks = counted.filter(({ c, n }) => isTask(c, n)).map(({ c }) => c)
    const headings = counted.filter(({ c, n }) => n > 0 && !tasks.includes(c)).map(({ c }) => c)
    for (const { c, n } of counted) {
      if (tasks.includes(c)) {
        if (headings.length > 0) roles.stray.push(c)
        else roles.tasks.push({ item: c, holder })
      } else if (n > 0) {
        walk(c)
      } else if (headings.some((h) => h.marker.kind === c.marker.kind)) {
        // A heading beside headings over tasks: a measure, with tasks whose notes are missing (or cut) if it holds items written as tasks.
        if (c.children.some((g) => taskKinds.has(g.marker.kind))) walk(c)
        else roles.empty.push(c)
      } else if (noted || taskKinds.has(c.marker.kind) || tasks.some((t) => t.marker.kind === c.marker.kind)) {
        // Written as a task, beside tasks, without a note: a task whose note is missing.
        roles.tasks.push({ item: c, holder })
      }
    }
  }
  walk(section)
}

/**
 * A note on a line of its own after the last sub-item ("（1）…（2）…" then
 * "（责任单位：…）") closes the item above the sub-items, not the last of them:
 * none of the sub-items before it carries a note.
 */
function closesParent(item: OutlineItem, context: NoteContext): boolean {
  const siblings = item.parent?.children ?? []
  // The note ends the item's whole text: not one under a heading, before the items under it (a measure's note).
  if (siblings.length < 2 || siblings.at(-1) !== item || item.paragraphs.length < 2 || item.children.length > 0) return false
  const own = findNote(item.paragraphs.at(-1)!, context)
  return own !== null && own.at === 0 && siblings.slice(0, -1).every((s) => findNote(fullText(s), context) === null)
}

/**
 * The note a measure states for its tasks ("（一）强化火源管控（牵头单位：镇林业站）"
 * then "1.…" "2.…", or the note on its own line under the heading): an item
 * with items under it whose own text ends with a note, written with a marker
 * the plan does not use for tasks (a task's note ahead of its sub-items is the
 * task's, not this). The tasks under it without a note of their own have the
 * measure's units and deadline: the text states them once for all of them.
 */
function measureNote(item: OutlineItem, taskKinds: ReadonlySet<string>, context: NoteContext): Note | null {
  if (item.children.length === 0 || taskKinds.has(item.marker.kind) || closesParent(item, context)) return null
  if (taskKinds.size > 0 && !item.children.some((c) => taskKinds.has(c.marker.kind))) return null
  const note = findNote(ownText(item), context)
  // A heading before the note, no sentence of its own: "1.开展检查。对…检查。（责任单位：…）" over （1）（2） is a task.
  return note && note.closed && isHeading(ownText(item).slice(0, note.at)) ? note : null
}

/** A measure's heading: words without a sentence in them (a final stop aside). */
function isHeading(text: string): boolean {
  const words = withoutFinalStop(trimBy(text, isSpace, isSpace))
  return words !== '' && !/[。；;：:！？\n]/.test(words)
}

/** The marker kinds of the items that carry a note of their own and have no sub-items: how this plan writes a task. */
function taskKindsOf(items: OutlineItem[], context: NoteContext): Set<string> {
  const all = items.flatMap((i) => [i, ...descendants(i)])
  return new Set(all.filter((i) => i.children.length === 0 && findNote(ownText(i), context) !== null && !closesParent(i, context)).map((i) => i.marker.kind))
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

/** Adds a warning of one kind. */
type Warn = (line: number, message: string, kind: WarningKind) => void

/** An item of a kind, by its number, in the administrator's words: 任务3, 措施2, 第三部分. */
type Named = (number: number) => string
const TASK: Named = (n) => `任务${n}`
const MEASURE: Named = (n) => `措施${n}`
const PHASE: Named = (n) => `阶段${n}`
const REQUIREMENT: Named = (n) => `工作要求${n}`
const SECTION: Named = (n) => `第${chineseCounting(n)}部分`

/** Numbers must run 1, 2, 3 … without gaps or repeats (or on from `start`). */
function checkSequence(name: Named, items: OutlineItem[], warn: Warn, start = 1): void {
  const seen = new Map<number, number>()
  let previous = start - 1
  for (const item of items) {
    const number = item.marker.number
    const first = seen.get(number)
    if (first !== undefined) {
      warn(item.line, `${name(number)}重复出现（首次在第${first}行）`, 'numbering')
    } else if (number !== previous + 1) {
      const missing = number > previous + 1 ? `；缺${name(previous + 1)}${number - 1 > previous + 1 ? `至${name(number - 1)}` : ''}` : ''
      const after = previous === start - 1 ? '第一项' : `接在${name(previous)}之后`
      warn(item.line, `编号不连续：此处应为${name(previous + 1)}（${after}），实为${name(number)}${missing}`, 'numbering')
    }
    if (first === undefined) seen.set(number, item.line)
    previous = number
  }
}

/** Task numbers, run on across measures (the seed: 1–35) or started again in each. */
function checkTaskNumbers(all: Array<{ item: OutlineItem; holder: OutlineItem }>, warn: Warn): number {
  // Tasks the plan writes without numbers (runs.ts) have no numbering to check: each counts once.
  const tasks = all.filter((t) => t.item.marker.kind !== 'unnumbered')
  const unnumbered = all.length - tasks.length
  if (tasks.length === 0) return unnumbered
  return unnumbered + checkNumbering(TASK, tasks, warn)
}

/**
 * Items numbered on across their holders (1–35 across measures) or again in
 * each (1., 2. under every heading): either is a plan's own numbering, checked
 * as such. Returns how many the plan numbers: a number written twice counts once.
 */
function checkNumbering(name: Named, items: Array<{ item: OutlineItem; holder: unknown }>, warn: Warn): number {
  const holders = [...new Set(items.map((t) => t.holder))]
  const restarts = holders.length > 1 && items.find((t) => t.holder === holders[1])!.item.marker.number === 1
  if (!restarts) checkSequence(name, items.map((t) => t.item), warn)
  else for (const h of holders) checkSequence(name, items.filter((t) => t.holder === h).map((t) => t.item), warn)
  return new Set(items.map((t) => (restarts ? `${holders.indexOf(t.holder)}-${t.item.marker.number}` : String(t.item.marker.number)))).size
}

// A labelled note that does not end the task: text follows it.
const NOTE_INSIDE = new RegExp(`[（(【\\[〔][\\s\\u3000]*(?:${FIELD_LABELS.map((f) => f.label).join('|')})[\\s\\u3000]*[:：]`)

/** How a complete sentence, item or note ends; a last item that ends otherwise was cut by the end of the file. */
const COMPLETE_END = /[。！？!?；;）)】\]〕」”"』]$/

/** The text without white space and table bars at its end (a loop: linear). */
const trimSpaceOrBarEnd = (text: string) => trimBy(text, () => false, (c) => isSpace(c) || c === '|')

/** Whether the file ends inside this item: it is the last item and its text stops mid-sentence. */
function cutByEnd(item: OutlineItem, last: OutlineItem | undefined): boolean {
  return item === last && !COMPLETE_END.test(trimSpaceOrBarEnd(fullText(item)))
}

/** The note's units, each resolved after the one before it, with its role; a unit cut by the end of the file left out. */
function noteUnits(note: Note | null, registry: Registry, cut: boolean): { named: Array<{ role: FieldRole; ref: UnitRef }>; cutUnit: string | null } {
  const named: Array<{ role: FieldRole; ref: UnitRef }> = []
  let cutUnit: string | null = null
  const fields = note ? note.fields.filter((f) => f.role === 'responsible' || f.role === 'lead' || f.role === 'support') : []
  fields.forEach((field) => {
    // A convention written among the units ("A、B，列第一位者为牵头单位，下同") names none of them.
    const texts = splitUnits(field.value.replace(LEAD_CONVENTION, ''))
    // The last name of a note the file cuts may be a name cut short ("责任单位：区"): not read as a unit.
    if (cut && field === note!.fields.at(-1) && texts.length > 0) cutUnit = texts.pop()!
    for (const text of texts) named.push({ role: field.role, ref: { text, unit: resolveUnit(registry, text, named.at(-1)?.ref.unit ?? null).unit } })
  })
  return { named, cutUnit }
}

/** What a task takes from the note its measure states for its tasks (measureNote). */
interface Inherited {
  note: Note
  named: Array<{ role: FieldRole; ref: UnitRef }>
}

function readTask(
  item: OutlineItem, number: number, measure: number, year: number | null, registry: Registry, needsNote: boolean, last: OutlineItem | undefined, warn: Warn,
  inherited: Inherited | null, leadConvention: boolean, context: NoteContext,
): Task {
  const written = item.marker.number
  const full = fullText(item)
  const ending = findNote(full, context)
  const note = ending ?? leadingNote(item, context)
  // The file ends where the task's note would stand (its text complete, no signature after it): cut there too.
  const noteCut = item === last && note === null && needsNote && inherited === null
  const cut = cutByEnd(item, last) || (note !== null && !note.closed) || noteCut
  if (cut) {
    const end = trimSpaceOrBarEnd(full).split('\n').at(-1)!.slice(-12)
    const where = noteCut && !cutByEnd(item, last) ? '本任务正文之后、应写责任单位之处' : '本任务中间'
    warn(item.line, `任务${written}：文件在${where}结束（“…${end}”）；已按原文发布至此，标注“原文在此处中断”`, 'cut')
  }
  if (!note && needsNote && !cut && inherited === null) {
    const inside = NOTE_INSIDE.exec(full)
    // A bracket ends the task but was not read as a note: say so, quoting it, rather than that there is none.
    const bracket = finalBracketText(full)
    warn(
      item.line,
      inside
        ? `任务${written}：责任单位、完成时限的说明之后还有文字（“${full.slice(inside.index).replace(/^[^）)】\]〕]*[）)】\]〕]/, '').trim().slice(0, 30)}”），该说明未读取；显示为“责任单位：未注明”`
        : bracket
          ? `任务${written}末尾的括号“${bracket.length > 60 ? `${bracket.slice(0, 60)}…` : bracket}”未能读作责任单位说明：说明应写成“（责任单位：…；完成时限：…）”或“（A牵头，B配合）”这样；显示为“责任单位：未注明”`
          : `任务${written}未写明责任单位：末尾应有“（责任单位：…。完成时限：…。）”这样的说明；显示为“责任单位：未注明”`,
      'note',
    )
  }
  for (const label of note ? repeatedLabels(note) : []) warn(item.line, `任务${written}：说明中“${label}”写了两次：“${note!.raw}”；两处的单位都已读取`, 'note')
  const { title, rest } = titleAndText(item, note, ending === null)
  if (title.trim() === '') warn(item.line, `任务${written}没有标题：“${item.marker.text}”之后应有文字`, 'outline')
  const own = noteUnits(note, registry, cut)
  const { cutUnit } = own
  // Units and deadline the task's own note does not name are those its measure states for its tasks.
  const unitsFromMeasure = inherited !== null && own.named.length === 0 && cutUnit === null
  const named = unitsFromMeasure ? inherited.named : own.named
  const deadlineNote = inherited !== null && (note === null || valuesOf(note, 'deadline').length === 0) ? inherited.note : note
  if (cutUnit !== null) warn(item.line, `任务${written}：文件在其说明中间结束，最后一个单位“${cutUnit}”可能不完整，未作为单位读取`, 'cut')
  const unitRefs = named.map((n) => n.ref)
  const lead = named.filter((n) => n.role === 'lead').map((n) => n.ref)
  const support = named.filter((n) => n.role === 'support').map((n) => n.ref)
  if (note && unitRefs.length === 0 && cutUnit === null && !cut && !unitsFromMeasure) {
    warn(item.line, `任务${written}未写明责任单位：说明“${note.raw}”中的责任单位为空；显示为“责任单位：未注明”`, 'note')
  }
  const deadline = readDeadline(deadlineNote, written, year, cut && deadlineNote === note, item.line, warn)
  const unique = (list: UnitRef[]) => [...new Set(list.map((r) => r.unit))]
  const task: Task = { number, measure, title, text: rest, note: note?.raw ?? '', units: unique(unitRefs), unitRefs, deadline, line: item.line }
  if (written !== number || !/^\d+[.．、]$/.test(item.marker.text)) task.marker = item.marker.text
  if (item.heading) task.heading = item.heading.text
  if (lead.length > 0) task.lead = unique(lead)
  else if (leadConvention && support.length === 0 && unitRefs.length > 0) {
    // The plan's convention says which unit leads: the first written, not a guess.
    task.lead = [unitRefs[0]!.unit]
    task.leadByConvention = true
  }
  if (support.length > 0) task.support = unique(support)
  const roleNote = unitsFromMeasure ? inherited.note : note
  const leaders = roleNote ? valuesOf(roleNote, 'leader') : []
  const persons = roleNote ? valuesOf(roleNote, 'person') : []
  const fromMeasure: Array<'units' | 'deadline'> = []
  if (unitsFromMeasure) fromMeasure.push('units')
  if (inherited !== null && deadlineNote === inherited.note && valuesOf(inherited.note, 'deadline').length > 0) fromMeasure.push('deadline')
  if (fromMeasure.length > 0) task.fromMeasure = fromMeasure
  if (leaders.length > 0) task.leader = leaders.join('；')
  if (persons.length > 0) task.person = persons.join('；')
  if (cut) task.truncated = true
  return task
}

/** The task's deadline from its note; unspecified (the text kept) where it cannot be read, with a warning. */
function readDeadline(note: Note | null, written: number, year: number | null, cut: boolean, line: number, warn: Warn): Deadline {
  const texts = note ? valuesOf(note, 'deadline') : []
  // Many plans give no deadline for some or all tasks: that is what they say, not a slip.
  if (texts.length === 0) return { text: '', kind: 'unspecified' }
  const text = texts[0]!
  if (text === '') {
    warn(line, `任务${written}：说明中的完成时限为空：“${note!.raw}”`, 'deadline')
    return { text: '', kind: 'unspecified' }
  }
  // A deadline the file cuts short is not read: "6月" may have been "6月15日".
  if (cut && note!.fields.at(-1)?.role === 'deadline') return { text, kind: 'unspecified' }
  const normalised = normaliseDeadline(text, year)
  if (!('error' in normalised)) return normalised
  warn(line, `任务${written}：${normalised.error}；按原文显示，标为“未明确”`, 'deadline')
  return { text, kind: 'unspecified' }
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

/** Why a file is no plan: nothing in it reads as a task. */
const NO_TASKS = '此文件中没有能读作方案任务的内容：应有带编号的条目（“一、”“（一）”“1.”）并写明责任单位（“（责任单位：…）”），或有含“责任单位”列的任务表；这个文件是实施方案吗？'

export function parsePlan({ id, source, text, registry }: ParseInput): ParseResult {
  const warnings: Problem[] = []
  const warn: Warn = (line, message, kind) => warnings.push({ line, message, kind })
  const portal = readPortal(text.split('\n'))
  const lines = portal.lines
  warnings.push(...invisibleCharacterWarnings(lines))
  for (const c of portal.chrome) warn(c.line, `“${c.text}”是网页上的字样，不是方案内容：已从正文中去掉（原文保留在数据中）`, 'frame')
  const field = (...labels: string[]) => portal.fields.find((f) => labels.includes(f.label) && f.value !== '')?.value ?? null

  // The frame: signature at the end, a notice around the plan, the head.
  const signature = readSignature(lines)
  const all = toParagraphs(lines.slice(0, signature.start))
  const split = splitNotice(all)
  const notice = split ? readNotice(split.notice) : null
  const tableProblems: Problem[] = []
  const outline = buildOutline(flattenTables(split ? split.plan : all, tableProblems))
  for (const p of tableProblems) warn(p.line, p.message, 'table')
  const headProblems: Problem[] = []
  const head = readHead(outline.head, signature.issuer ?? notice?.issuer ?? null, headProblems)
  for (const p of headProblems) warn(p.line, p.message, 'frame')
  // The portal's 信息公开 table says what the copied page may have lost: its 成文日期, 发布机构, 发文字号.
  const portalDate = field('成文日期')
  const date: IsoDate | null = signature.date ?? head.date ?? notice?.date ?? (portalDate === null ? null : readFullDate(portalDate) ?? readIsoDate(portalDate))
  if (date === null) {
    warn(Math.max(signature.start, 1), '方案未写明成文日期：末行和标题下都没有日期；日期记为未知', 'frame')
  }
  const issuer = head.issuer ?? signature.issuer ?? notice?.issuer ?? field('发文机关', '发布机构') ?? ''
  if (issuer === '') warn(outline.head[0]?.line ?? 1, '方案未写明发文机关：标题上方和日期上方都没有', 'frame')
  // Deadlines such as "6月底前" are of the plan's year: its date's, else the first year it names.
  const year = date ? Number(date.slice(0, 4)) : Number(/(20\d\d)年/.exec(text)?.[1] ?? NaN)
  const planYear = Number.isFinite(year) ? year : null

  if (outline.items.length === 0) return { ok: false, problems: [{ line: lines.length, message: NO_TASKS }], warnings: sortProblems(warnings) }
  const sections = outline.items.map((item) => {
    const title = withoutFinalStop(item.paragraphs[0]!)
    return { item, title, kind: sectionKind(title) }
  })

  // Roles: tasks wherever notes are; else the deepest items of the measures section.
  const roles: Roles = { tasks: [], empty: [], stray: [] }
  // A plan that states a lead-unit convention writes its notes as lists of units: read them so (NoteContext).
  const convention = leadConventionOf(lines)
  const context: NoteContext = { unitLists: convention !== null, known: (name) => lookupUnit(registry, name) !== undefined }
  for (const s of sections) if (s.kind !== 'guidance' && s.kind !== 'phases' && s.kind !== 'requirements') splitNotedRuns([s.item], context)
  const taskKinds = taskKindsOf(outline.items, context)
  for (const s of sections) if (s.kind !== 'guidance' && s.kind !== 'phases' && s.kind !== 'requirements') assignRoles(s.item, taskKinds, roles, context)
  const needsNote = roles.tasks.length + roles.stray.length > 0
  if (!needsNote) {
    const umbrella = sections.find((s) => s.kind === 'measures')
    if (umbrella) roles.tasks.push(...deepestItems(umbrella.item).filter((t) => t.holder !== umbrella.item || umbrella.item.children.every((c) => c.children.length === 0)))
  }
  if (roles.tasks.length + roles.stray.length === 0) return { ok: false, problems: [{ line: outline.items[0]!.line, message: NO_TASKS }], warnings: sortProblems(warnings) }
  // Tasks beside measures, outside any: the section holds them, as a measure of its own.
  for (const stray of roles.stray) {
    warn(stray.line, `任务${stray.marker.number}不在任何措施之下：其前应有“（一）…”这样的措施标题；显示在所属部分之下`, 'outline')
    roles.tasks.push({ item: stray, holder: stray.parent! })
  }
  roles.tasks.sort((a, b) => a.item.line - b.item.line)
  // A section holding tasks, which no heading word names, holds measures: it is no "other" section.
  for (const s of sections) {
    if (s.kind === 'other' && roles.tasks.some((t) => t.holder === s.item || ancestors(t.holder).includes(s.item))) s.kind = 'measures'
  }
  const measuresSection = sections.find((s) => s.kind === 'measures')

  // Measures: the items that hold tasks, and those at a measure's level that hold none, in document order.
  const holders = [...new Set(roles.tasks.map((t) => t.holder))]
  const measureItems = [...holders, ...roles.empty].sort((a, b) => a.line - b.line)
  const measureKinds = new Set(measureItems.filter((m) => !outline.items.includes(m)).map((m) => m.marker.kind))
  checkNumbering(MEASURE, measureItems.filter((m) => measureKinds.has(m.marker.kind) && !outline.items.includes(m)).map((m) => ({ item: m, holder: holderKey(m) })), warn)
  for (const empty of roles.empty) warn(empty.line, `措施${empty.marker.number}下没有任务：其下应有编号为“1.”…的任务`, 'outline')
  const taskCount = checkTaskNumbers(roles.tasks, warn)
  const sectionAt = new Map(sections.map((s) => [s.item, s]))
  // The item the file may end inside: the last, where no signature (issuer and date) follows it.
  const lastItem = signature.date === null ? outline.items.flatMap((i) => [i, ...descendants(i)]).at(-1) : undefined
  const measures: Measure[] = []
  const tasks: Task[] = []
  const usedUnits: string[] = []
  const obligations: Obligation[] = []
  measureItems.forEach((holder, i) => {
    const number = i + 1
    const asSection = sectionAt.get(holder)
    const stated = asSection ? null : measureNote(holder, taskKinds, context)
    // A note the measure states for its tasks is the measure's, out of its title and intro.
    const paragraphs = stated ? trimSpaceEnd(ownText(holder).slice(0, stated.at)).split('\n') : holder.paragraphs
    const { title, rest } = asSection ? { title: asSection.title, rest: '' } : splitTitle(paragraphs[0]!)
    const intro = [rest, ...paragraphs.slice(1)].filter((t) => t !== '').join('\n')
    const measure: Measure = { number, title: withoutFinalStop(trimSpaceEnd(title)), tasks: [], line: holder.line }
    const inherited = stated ? { note: stated, named: noteUnits(stated, registry, false).named } : null
    if (inherited) {
      measure.note = stated!.raw
      measure.units = [...new Set(inherited.named.map((n) => n.ref.unit))]
      for (const label of repeatedLabels(stated!)) warn(holder.line, `措施${holder.marker.number}：说明中“${label}”写了两次：“${stated!.raw}”；两处的单位都已读取`, 'note')
    }
    if (asSection || holder.marker.number !== number || holder.marker.kind !== 'cn-paren') measure.marker = holder.marker.text
    if (intro && !asSection) measure.intro = intro
    if (holder.heading) measure.heading = holder.heading.text
    // Four levels (一、 → （一） → 1. → （1）): the heading between the section and the measure groups measures.
    const group = groupOf(holder)
    if (group) measure.group = [group.marker.text + group.paragraphs[0], ...group.paragraphs.slice(1)].join('\n')
    if (measure.title.trim() === '') warn(holder.line, `措施${holder.marker.number}没有标题：“${holder.marker.text}”之后应有文字`, 'outline')
    measures.push(measure)
    for (const t of roles.tasks.filter((x) => x.holder === holder)) {
      const reached = convention !== null && (convention.wholePlan || t.item.line >= convention.line)
      const task = readTask(t.item, tasks.length + 1, number, planYear, registry, needsNote, lastItem, warn, inherited, reached, context)
      measure.tasks.push(task.number)
      tasks.push(task)
      usedUnits.push(...task.units)
      obligations.push(...taskObligations(task))
    }
  })
  tasks.sort((a, b) => a.number - b.number)

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
  if (statedTaskCount !== null && taskCount !== statedTaskCount) {
    warn(
      selfParagraphs.find((p) => p.text.includes(statedTasks![0]))?.line ?? measuresSection?.item.line ?? 1,
      `方案写明有${statedTaskCount}项任务（“${statedTasks![0]}”），实际读出${taskCount}项`,
      'count',
    )
  }

  // Phases, work requirements, guiding ideology, the rest verbatim.
  const ofKind = (kind: SectionKind) => sections.filter((s) => s.kind === kind)
  const phaseProblems: Problem[] = []
  const phases: Phase[] = ofKind('phases').flatMap((s) => {
    checkSequence(PHASE, s.item.children, warn)
    return s.item.children.map((c, i) => readPhase(i + 1, [c.paragraphs[0]!, ...c.paragraphs.slice(1), ...c.children.map((g) => g.marker.text + fullText(g))], c.line, date, planYear, phaseProblems))
  })
  for (const p of phaseProblems) warn(p.line, p.message, 'phase')
  const requirements: Requirement[] = ofKind('requirements').flatMap((s) => {
    checkSequence(REQUIREMENT, s.item.children, warn)
    return s.item.children.map((c, i) => {
      const { title: t, rest } = splitTitle(c.paragraphs[0]!)
      const body = [rest, ...c.paragraphs.slice(1), ...c.children.map((g) => g.marker.text + fullText(g))].filter((x) => x !== '').join('\n')
      if (t.trim() === '') warn(c.line, `工作要求${c.marker.number}没有标题：“${c.marker.text}”之后应有文字`, 'outline')
      return { number: i + 1, title: t, text: body, line: c.line }
    })
  })
  const guidingIdeology = ofKind('guidance').map((s) => sectionText(s.item)).join('\n')

  // Nothing lost: every item of the outline is in the model — a section (title
  // and intro), a measure, a task (its sub-items with it), a phase or a
  // requirement (theirs with them), or the text of a section kept verbatim.
  // An item that is none of these stays in its section's text as written.
  const consumed = new Set<OutlineItem>()
  const take = (item: OutlineItem) => [item, ...descendants(item)].forEach((i) => consumed.add(i))
  for (const s of sections) {
    consumed.add(s.item)
    if (s.kind === 'guidance' || s.kind === 'other' || s.kind === 'phases' || s.kind === 'requirements') take(s.item)
  }
  for (const h of measureItems) {
    consumed.add(h)
    const group = groupOf(h)
    if (group) consumed.add(group)
  }
  for (const t of roles.tasks) take(t.item)
  const unplaced = new Map<OutlineItem, string[]>()
  for (const s of sections) {
    for (const item of descendants(s.item)) {
      if (consumed.has(item)) continue
      // Its own text: its sub-items are placed (or not) on their own.
      const written = item.marker.text + ownText(item)
      warn(item.line, `“${written.slice(0, 30)}”既不是措施、任务，也不属于某项任务：作为所属部分的文字按原文保留`, 'outline')
      unplaced.set(s.item, [...(unplaced.get(s.item) ?? []), written])
    }
  }
  const otherSections: OtherSection[] = ofKind('other').map((s) => ({ number: s.item.marker.number, title: s.title, text: sectionText(s.item), line: s.item.line }))
  const sectionWarnings: Problem[] = []
  checkSequence(SECTION, outline.items, (line, message, kind) => sectionWarnings.push({ line, message, kind }))
  if (sectionWarnings.length > 0 && !outline.items.some((i) => i.marker.kind === 'cn')) {
    warn(outline.items[0]!.line, `各部分应以“一、”“二、”…编号，但没有找到（最上层的条目“${outline.items[0]!.marker.text}”…一再重新编号）`, 'numbering')
  } else {
    warnings.push(...sectionWarnings)
  }
  if (head.title.trim() === '' && headProblems.length === 0) warn(outline.head[0]?.line ?? 1, '方案没有标题', 'frame')

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
    sections: sections.map((s) => {
      const section: Section = { number: s.item.marker.number, title: s.title, kind: s.kind, intro: s.item.paragraphs.slice(1).join('\n'), line: s.item.line }
      const extra = unplaced.get(s.item)
      if (extra) section.unplaced = extra.join('\n')
      return section
    }),
    measures,
    tasks,
    units: planUnits(registry, usedUnits),
    phases,
    requirements,
    obligations,
    otherSections,
  }
  const documentNumber = head.documentNumber ?? field('发文字号', '文号')
  if (documentNumber) plan.documentNumber = documentNumber
  if (portal.fields.length > 0 || portal.chrome.length > 0) plan.portal = { fields: portal.fields.map(({ label, value }) => ({ label, value })), table: portal.table, chrome: portal.chrome.map((c) => c.text) }
  if (convention) plan.leadConvention = convention.text
  if (notice) plan.notice = notice
  return { ok: true, plan, warnings: sortProblems(warnings) }
}

/**
 * What a measure's numbering runs under: its parent, by marker and number, so
 * that measures numbered again under each section are a numbering, while a
 * section pasted twice (二、 again) repeats its measures' numbers.
 */
function holderKey(measure: OutlineItem): string {
  const parent = measure.parent
  return parent ? `${parent.marker.kind}-${parent.marker.number}-${holderKey(parent)}` : ''
}

/** "2023-06-30" or "2023/6/30", as portals write their dates; or null. */
function readIsoDate(text: string): IsoDate | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const probe = new Date(Date.UTC(y, mo - 1, d))
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d ? `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null
}

/** Where the plan states its lead-unit convention (leadConventionIn), as written, on which line and whether it reaches the whole plan; or null. */
function leadConventionOf(lines: readonly string[]): { text: string; line: number; wholePlan: boolean } | null {
  for (let i = 0; i < lines.length; i++) {
    const found = leadConventionIn(lines[i]!)
    if (found) return { ...found, line: i + 1 }
  }
  return null
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
