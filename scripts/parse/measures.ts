// Measures: the items that hold tasks, and those at a measure's level that
// hold none, in document order; their numbering and the tasks' checked; each
// measure read (title, intro, the note it states for its tasks, the heading
// that groups it) with its tasks (tasks.ts).

import type { Measure, Obligation, Task } from '../model/plan.ts'
import { checkNumbering, checkTaskNumbers, MEASURE } from './numbering.ts'
import { repeatedLabels, type NoteContext } from './notes.ts'
import { ancestors, descendants, ownText, type OutlineItem } from './outline.ts'
import { measureNote, type FoundRoles } from './roles.ts'
import type { PlanSection } from './sections.ts'
import { noteUnits, readTask, taskObligations } from './tasks.ts'
import { splitTitle, trimSpaceEnd, withoutFinalStop } from '../text/prose.ts'
import type { Registry } from './units.ts'
import type { Warn } from './warnings.ts'

/** What reading the measures depends on beside the roles. */
export interface MeasureContext {
  registry: Registry
  /** The plan's year, for deadlines such as "6月底前". */
  planYear: number | null
  /** Whether no signature (issuer and date) follows the plan: the file may then end inside its last item. */
  unsigned: boolean
  /** The line where the plan states its lead-unit convention, or null: it applies to the tasks below it (0: to every task). */
  conventionLine: number | null
  /** How the plan writes its notes (notes.ts NoteContext). */
  notes: NoteContext
}

export interface ReadMeasures {
  measures: Measure[]
  /** By number. */
  tasks: Task[]
  /** The items read as measures, in document order (sections acting as measures among them). */
  measureItems: OutlineItem[]
  /** The units the tasks name, as written, in the order read. */
  usedUnits: string[]
  obligations: Obligation[]
  /** How many tasks the plan numbers (a number written twice counts once). */
  taskCount: number
}

export function readMeasures(sections: readonly PlanSection[], roles: FoundRoles, context: MeasureContext, warn: Warn): ReadMeasures {
  const top = sections.map((s) => s.item)
  const holders = [...new Set(roles.tasks.map((t) => t.holder))]
  const measureItems = [...holders, ...roles.empty].sort((a, b) => a.line - b.line)
  const measureKinds = new Set(measureItems.filter((m) => !top.includes(m)).map((m) => m.marker.kind))
  checkNumbering(MEASURE, measureItems.filter((m) => measureKinds.has(m.marker.kind) && !top.includes(m)).map((m) => ({ item: m, holder: holderKey(m) })), warn)
  for (const empty of roles.empty) warn(empty.line, `措施${empty.marker.number}下没有任务：其下应有编号为“1.”…的任务`, 'outline')
  const taskCount = checkTaskNumbers(roles.tasks, warn)
  const sectionAt = new Map(sections.map((s) => [s.item, s]))
  // The item the file may end inside: the last, where no signature (issuer and date) follows it.
  const last = context.unsigned ? top.flatMap((i) => [i, ...descendants(i)]).at(-1) : undefined
  const measures: Measure[] = []
  const tasks: Task[] = []
  const usedUnits: string[] = []
  const obligations: Obligation[] = []
  measureItems.forEach((holder, i) => {
    const number = i + 1
    const asSection = sectionAt.get(holder)
    const stated = asSection ? null : measureNote(holder, roles.taskKinds, context.notes)
    // A note the measure states for its tasks is the measure's, out of its title and intro.
    const paragraphs = stated ? trimSpaceEnd(ownText(holder).slice(0, stated.at)).split('\n') : holder.paragraphs
    const { title, rest } = asSection ? { title: asSection.title, rest: '' } : splitTitle(paragraphs[0]!)
    const intro = [rest, ...paragraphs.slice(1)].filter((t) => t !== '').join('\n')
    const measure: Measure = { number, title: withoutFinalStop(trimSpaceEnd(title)), tasks: [], line: holder.line }
    const inherited = stated ? { note: stated, named: noteUnits(stated, context.registry, false).named } : null
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
      const leadConvention = context.conventionLine !== null && t.item.line >= context.conventionLine
      const task = readTask(t.item, { number: tasks.length + 1, measure: number, year: context.planYear, registry: context.registry, needsNote: roles.needsNote, last, inherited, leadConvention, notes: context.notes }, warn)
      measure.tasks.push(task.number)
      tasks.push(task)
      usedUnits.push(...task.units)
      obligations.push(...taskObligations(task))
    }
  })
  tasks.sort((a, b) => a.number - b.number)
  return { measures, tasks, measureItems, usedUnits, obligations, taskCount }
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

/** The item between a measure and its section, where there is one: a heading over several measures. */
export function groupOf(holder: OutlineItem): OutlineItem | null {
  const above = ancestors(holder)
  return above.length >= 2 ? above[0]! : null
}
