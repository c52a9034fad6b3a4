// A task, read from its item: title, text, the note's units (each resolved
// to the registry) and deadline (normalised, or kept as written with a
// warning), or what the measure states for its tasks; the recurring duties its
// text and deadline name. A file that ends inside the task is marked so.

import type { Deadline, Obligation, Task, UnitRef } from '../model/plan.ts'
import { findObligations, normaliseDeadline } from './deadlines.ts'
import { FIELD_LABELS, finalBracketText, findNote, LEAD_CONVENTION, repeatedLabels, valuesOf, type FieldRole, type Note, type NoteContext } from './notes.ts'
import { descendants, fullText, ownText, type OutlineItem } from './outline.ts'
import { isSpace, splitTitle, trimBy, trimSpaceEnd } from '../text/prose.ts'
import { resolveUnit, splitUnits, type Registry } from './units.ts'
import type { Warn } from './warnings.ts'

/**
 * A task's note written ahead of its sub-items ("1.开展隐患排查。（责任单位：…）" over "（1）排查河道；"
 * "（2）排查山塘。"): the item's own text ends with the note and none of the items under it has one. Whether
 * such an item is a task, or a measure stating a note for the tasks under it, the roles decide (roles.ts).
 */
export function leadingNote(item: OutlineItem, context: NoteContext): Note | null {
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
export function noteUnits(note: Note | null, registry: Registry, cut: boolean): { named: Array<{ role: FieldRole; ref: UnitRef }>; cutUnit: string | null } {
  const named: Array<{ role: FieldRole; ref: UnitRef }> = []
  let cutUnit: string | null = null
  const fields = note ? note.fields.filter((f) => f.role === 'responsible' || f.role === 'lead' || f.role === 'support') : []
  fields.forEach((field) => {
    // A convention written among the units ("A、B，列第一位者为牵头单位，下同") names none of them.
    const texts = splitUnits(field.value.replace(LEAD_CONVENTION, ''))
    // The last name of a note the file cuts may be a name cut short ("责任单位：区"): not read as a unit.
    // A name a separator closes ("区水利局、供水公司、") is whole.
    if (cut && field === note!.fields.at(-1) && texts.length > 0 && !/[、，,；;]\s*$/.test(note!.raw)) cutUnit = texts.pop()!
    for (const text of texts) named.push({ role: field.role, ref: { text, unit: resolveUnit(registry, text, named.at(-1)?.ref.unit ?? null).unit } })
  })
  return { named, cutUnit }
}

/** What a task takes from the note its measure states for its tasks (measureNote). */
export interface Inherited {
  note: Note
  named: Array<{ role: FieldRole; ref: UnitRef }>
}

/** What reading a task depends on beside its item. */
export interface TaskContext {
  /** The task's number in the model: its place among the plan's tasks. */
  number: number
  /** The number of its measure in the model. */
  measure: number
  /** The plan's year, for deadlines such as "6月底前". */
  year: number | null
  registry: Registry
  /** Whether tasks carry notes in this plan (a task without one is then warned about). */
  needsNote: boolean
  /** The item the file may end inside (the last, where no signature follows it). */
  last: OutlineItem | undefined
  /** The note the measure states for its tasks, where it states one. */
  inherited: Inherited | null
  /** How the plan writes its notes (notes.ts NoteContext). */
  notes: NoteContext
  /** Whether the plan's lead-unit convention applies to this task (stated above it). */
  leadConvention: boolean
}

export function readTask(item: OutlineItem, context: TaskContext, warn: Warn): Task {
  const { number, measure, year, registry, needsNote, last, inherited, leadConvention } = context
  const written = item.marker.number
  const full = fullText(item)
  const ending = findNote(full, context.notes)
  const note = ending ?? leadingNote(item, context.notes)
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
export function taskObligations(task: Task): Obligation[] {
  const found = findObligations(task.number, `${task.title}。${task.text}`)
  const { deadline } = task
  if (deadline.kind === 'recurring' && deadline.period && !found.some((o) => o.period === deadline.period)) {
    const o: Obligation = { task: task.number, text: deadline.text, period: deadline.period, source: 'deadline' }
    if (deadline.times !== undefined) o.times = deadline.times
    found.push(o)
  }
  return found
}
