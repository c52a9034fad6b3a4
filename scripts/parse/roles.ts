// Roles: which items of the outline are tasks, and which hold them (the
// measures). A task is an item that carries a responsibility note (notes.ts),
// a measure the item that holds tasks; where no item carries a note, the
// deepest items of the measures section are the tasks (工作要点 without units).

import { findNote, type Note, type NoteContext } from './notes.ts'
import { ancestors, descendants, fullText, ownText, type OutlineItem } from './outline.ts'
import { splitNotedRuns } from './runs.ts'
import { leadingNote } from './tasks.ts'
import { mayHoldTasks, type PlanSection } from './sections.ts'
import { isSpace, trimBy, withoutFinalStop } from '../text/prose.ts'
import type { Warn } from './warnings.ts'

/** A task item with the item that holds it (a measure, or a section acting as one). */
export interface TaskItem {
  item: OutlineItem
  holder: OutlineItem
}

interface Roles {
  /** Task items with the item that holds them (a measure, or a section acting as one). */
  tasks: TaskItem[]
  /** Items at a measure's level that hold no task. */
  empty: OutlineItem[]
  /** Tasks standing beside measures, outside any. */
  stray: OutlineItem[]
}


/** Items under `item` (itself included) whose own text carries a note. */
function noteCount(item: OutlineItem, context: NoteContext): number {
  return [item, ...descendants(item)].filter((i) => findNote(ownText(i), context) !== null || (i.children.length === 0 && findNote(fullText(i), context) !== null)).length
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
export function measureNote(item: OutlineItem, taskKinds: ReadonlySet<string>, context: NoteContext): Note | null {
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
function deepestItems(section: OutlineItem): TaskItem[] {
  const out: TaskItem[] = []
  const walk = (holder: OutlineItem) => {
    for (const c of holder.children) {
      if (c.children.length === 0) out.push({ item: c, holder })
      else walk(c)
    }
  }
  walk(section)
  return out
}

/** The roles found: tasks, the measures without tasks, and what the reading of tasks depends on. */
export interface FoundRoles {
  /** The sections, a section holding tasks that no heading word names now of kind 'measures'. */
  sections: PlanSection[]
  /** Every task item with its holder, in document order (strays under their section). */
  tasks: TaskItem[]
  /** Items at a measure's level that hold no task. */
  empty: OutlineItem[]
  /** How this plan writes a task (taskKindsOf). */
  taskKinds: ReadonlySet<string>
  /** Whether tasks are expected to carry a note: some do. */
  needsNote: boolean
}

/**
 * Tasks wherever notes are; else the deepest items of the measures section.
 * Null when nothing reads as a task. Splits runs of noted paragraphs into
 * items first (runs.ts: the outline's task sections are changed in place).
 */
export function findRoles(sections: readonly PlanSection[], context: NoteContext, warn: Warn): FoundRoles | null {
  const roles: Roles = { tasks: [], empty: [], stray: [] }
  for (const s of sections) if (mayHoldTasks(s.kind)) splitNotedRuns([s.item], context)
  const taskKinds = taskKindsOf(sections.map((s) => s.item), context)
  for (const s of sections) if (mayHoldTasks(s.kind)) assignRoles(s.item, taskKinds, roles, context)
  const needsNote = roles.tasks.length + roles.stray.length > 0
  if (!needsNote) {
    const umbrella = sections.find((s) => s.kind === 'measures')
    if (umbrella) roles.tasks.push(...deepestItems(umbrella.item).filter((t) => t.holder !== umbrella.item || umbrella.item.children.every((c) => c.children.length === 0)))
  }
  if (roles.tasks.length + roles.stray.length === 0) return null
  // Tasks beside measures, outside any: the section holds them, as a measure of its own.
  for (const stray of roles.stray) {
    warn(stray.line, `任务${stray.marker.number}不在任何措施之下：其前应有“（一）…”这样的措施标题；显示在所属部分之下`, 'outline')
    roles.tasks.push({ item: stray, holder: stray.parent! })
  }
  roles.tasks.sort((a, b) => a.item.line - b.item.line)
  // A section holding tasks, which no heading word names, holds measures: it is no "other" section.
  const holdsTasks = (s: PlanSection) => roles.tasks.some((t) => t.holder === s.item || ancestors(t.holder).includes(s.item))
  const typed = sections.map((s) => (s.kind === 'other' && holdsTasks(s) ? { ...s, kind: 'measures' as const } : s))
  return { sections: typed, tasks: roles.tasks, empty: roles.empty, taskKinds, needsNote }
}
