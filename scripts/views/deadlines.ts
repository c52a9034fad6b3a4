// Deadlines and dates as pages show them: labels, the normalised deadline a
// task belongs to (a page each), groups in deadline order, and the timeline of
// a plan's phases and dated tasks. Pure; the reader's day is in dates.ts.

import type { Deadline, IsoDate, Period, Phase, Plan, Task } from '../model/plan.ts'
import { dayLabel } from './dates.ts'

export const PERIOD_LABEL: Record<Period, string> = {
  week: '每周', month: '每月', quarter: '每季度', 'half-year': '每半年', year: '每年',
}

const PERIOD_ORDER: Period[] = ['week', 'month', 'quarter', 'half-year', 'year']

/** "2022-06-30" → "2022年6月30日"; "2022-08" → "2022年8月"; a plan that states no date, 未注明日期. */
export function formatDate(date: IsoDate | null): string {
  return date === null ? '未注明日期' : dayLabel(date)
}

/**
 * The date written into files that need one to be the same from build to build
 * (zip entries, PDF and calendar stamps): the plan's, or a fixed one where the
 * plan states none.
 */
export function stampDate(plan: Plan): IsoDate {
  return plan.date ?? '2000-01-01'
}

/** The deadline's normalised form in words: the date, the period, or 长期坚持. */
export function deadlineValue(deadline: Deadline): string {
  if (deadline.kind === 'due') return deadline.date!
  if (deadline.kind === 'recurring') return PERIOD_LABEL[deadline.period!]
  if (deadline.kind === 'unspecified') return UNSPECIFIED
  return '长期坚持'
}

/** What a task without a deadline shows. */
export const UNSPECIFIED = '未明确'

/** The deadline as written, with its normalised value where that adds something. */
export function deadlineLabel(deadline: Deadline): string {
  const value = deadlineValue(deadline)
  if (deadline.text === '') return value
  return deadline.text.startsWith(value) ? deadline.text : `${deadline.text}（${value}）`
}

// --- Deadlines --------------------------------------------------------------------

/** The normalised deadline a task's deadline belongs to: one page each. */
export interface DeadlineKey {
  slug: string
  kind: Deadline['kind']
  /** Heading words: "2022年6月30日", "每月", "长期坚持". */
  label: string
  date?: IsoDate
  period?: Period
}

export function deadlineKey(deadline: Deadline): DeadlineKey {
  if (deadline.kind === 'due') return { slug: deadline.date!, kind: 'due', label: formatDate(deadline.date!), date: deadline.date! }
  if (deadline.kind === 'recurring') {
    return { slug: `every-${deadline.period!}`, kind: 'recurring', label: PERIOD_LABEL[deadline.period!], period: deadline.period! }
  }
  if (deadline.kind === 'unspecified') return { slug: 'unspecified', kind: 'unspecified', label: UNSPECIFIED }
  return { slug: 'ongoing', kind: 'ongoing', label: '长期坚持' }
}

/** Dated first in calendar order, then recurring from the most frequent, then ongoing, then none given. */
export function compareDeadlineKeys(a: DeadlineKey, b: DeadlineKey): number {
  const rank = (k: DeadlineKey) => ['due', 'recurring', 'ongoing', 'unspecified'].indexOf(k.kind)
  if (rank(a) !== rank(b)) return rank(a) - rank(b)
  if (a.kind === 'due') return a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0
  if (a.kind === 'recurring') return PERIOD_ORDER.indexOf(a.period!) - PERIOD_ORDER.indexOf(b.period!)
  return 0
}

export interface DeadlineGroup<T> {
  key: DeadlineKey
  items: T[]
}

/** Groups items by the normalised deadline of their task, groups in deadline order, items in the given order. */
export function groupByDeadline<T>(items: T[], taskOf: (item: T) => Task): DeadlineGroup<T>[] {
  const groups = new Map<string, DeadlineGroup<T>>()
  for (const item of items) {
    const key = deadlineKey(taskOf(item).deadline)
    const group = groups.get(key.slug) ?? { key, items: [] }
    group.items.push(item)
    groups.set(key.slug, group)
  }
  return [...groups.values()].sort((a, b) => compareDeadlineKeys(a.key, b.key))
}

// --- Timeline ---------------------------------------------------------------------

export type TimelineEntry =
  | { kind: 'phase-start'; date: IsoDate; phase: Phase }
  | { kind: 'phase-end'; date: IsoDate; phase: Phase }
  | { kind: 'due'; date: IsoDate; key: DeadlineKey; tasks: Task[] }

/** Phases and dated deadlines in calendar order (a month-only date sorts before the days of that month). */
export function timeline(plan: Plan): TimelineEntry[] {
  const entries: TimelineEntry[] = []
  for (const phase of plan.phases) {
    if (phase.start) entries.push({ kind: 'phase-start', date: phase.start, phase })
    if (phase.end) entries.push({ kind: 'phase-end', date: phase.end, phase })
  }
  for (const group of groupByDeadline(plan.tasks, (t) => t)) {
    if (group.key.kind === 'due') entries.push({ kind: 'due', date: group.key.date!, key: group.key, tasks: group.items })
  }
  const order = { 'phase-start': 0, due: 1, 'phase-end': 2 }
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order[a.kind] - order[b.kind]))
}
