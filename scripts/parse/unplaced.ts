// Nothing lost: every item of the outline is in the model — a section (title
// and intro), a measure, a task (its sub-items with it), a phase or a
// requirement (theirs with them), or the text of a section kept verbatim.
// An item that is none of these stays in its section's text as written, with
// a warning.

import { groupOf } from './measures.ts'
import { descendants, ownText, type OutlineItem } from './outline.ts'
import type { TaskItem } from './roles.ts'
import type { PlanSection } from './sections.ts'
import type { Warn } from './warnings.ts'

/** The items no step placed, as written (marker and own text), by the section they stand in. */
export function keepUnplaced(sections: readonly PlanSection[], measureItems: readonly OutlineItem[], tasks: readonly TaskItem[], warn: Warn): Map<OutlineItem, string[]> {
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
  for (const t of tasks) take(t.item)
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
  return unplaced
}
