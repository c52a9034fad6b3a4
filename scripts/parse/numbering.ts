// The plan's own numbering, checked: measures, tasks, phases, requirements and
// sections run 1, 2, 3 … (on across their holders or again in each); a gap or
// a repeat is a located warning, never a renumbering.

import { chineseCounting } from '../text/numerals.ts'
import type { OutlineItem } from './outline.ts'
import type { Warn } from './warnings.ts'

/** An item of a kind, by its number, in the administrator's words: 任务3, 措施2, 第三部分. */
export type Named = (number: number) => string
const TASK: Named = (n) => `任务${n}`
export const MEASURE: Named = (n) => `措施${n}`
export const PHASE: Named = (n) => `阶段${n}`
export const REQUIREMENT: Named = (n) => `工作要求${n}`
const SECTION: Named = (n) => `第${chineseCounting(n)}部分`

/** Numbers must run 1, 2, 3 … without gaps or repeats (or on from `start`). */
export function checkSequence(name: Named, items: OutlineItem[], warn: Warn, start = 1): void {
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

/** Task numbers, run on across measures (the seed: 1–35) or started again in each. Returns how many tasks the plan numbers. */
export function checkTaskNumbers(all: Array<{ item: OutlineItem; holder: OutlineItem }>, warn: Warn): number {
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
export function checkNumbering(name: Named, items: Array<{ item: OutlineItem; holder: unknown }>, warn: Warn): number {
  const holders = [...new Set(items.map((t) => t.holder))]
  const restarts = holders.length > 1 && items.find((t) => t.holder === holders[1])!.item.marker.number === 1
  if (!restarts) checkSequence(name, items.map((t) => t.item), warn)
  else for (const h of holders) checkSequence(name, items.filter((t) => t.holder === h).map((t) => t.item), warn)
  return new Set(items.map((t) => (restarts ? `${holders.indexOf(t.holder)}-${t.item.marker.number}` : String(t.item.marker.number)))).size
}

/**
 * The plan's sections run 一、二、三 …; where they do not and no item is written
 * with "一、", the top level is some other marker numbered again and again: one
 * warning says so, in place of one a restart.
 */
export function checkSectionNumbers(items: OutlineItem[], warn: Warn): void {
  const found: Array<Parameters<Warn>> = []
  checkSequence(SECTION, items, (...args) => found.push(args))
  if (found.length > 0 && !items.some((i) => i.marker.kind === 'cn')) {
    warn(items[0]!.line, `各部分应以“一、”“二、”…编号，但没有找到（最上层的条目“${items[0]!.marker.text}”…一再重新编号）`, 'numbering')
  } else {
    for (const args of found) warn(...args)
  }
}
