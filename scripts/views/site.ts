// Views over the model, keyed by stable ids: by unit, by deadline, related
// tasks, the timeline. Pure functions; nothing here reads text again.

import type { Deadline, IsoDate, Obligation, Period, Phase, Plan, PlanProgress, Task, Unit } from '../model/plan.ts'
import { makeBodies, type Body, type Canonical } from '../divisions/bodies.ts'
import { planLinks, type PlanLinks } from './carries-out.ts'

export type { Body } from '../divisions/bodies.ts'

export interface Site {
  /** Sorted by id. */
  plans: Plan[]
  /** Every body the plans name (a unit of one division's government: 荫城镇 · 镇政府), in division order. */
  units: Body[]
  /** By plan id, the body each of the plan's unit names stands for. */
  bodies: Map<string, Map<string, Body>>
  /** By body key, the body and the group bodies whose tasks it owes (its own plans' groups, a higher plan's 各乡镇人民政府). */
  reach: Map<string, Body[]>
  /** By plan id, the plans it carries out (贯彻落实《…》) and those that carry it out. */
  links: Map<string, PlanLinks>
  /** The ledgers sent back, by plan id (scripts/ledgers/, scripts/site/ledgers.ts): plans without any have none. */
  progress?: ReadonlyMap<string, PlanProgress>
}

/**
 * The site of some plans; `canonical` reads a name relative to a level as the unit registry does (load.ts);
 * `progress` holds the ledgers sent back, by plan id.
 */
export function makeSite(plans: Plan[], canonical?: Canonical, progress?: ReadonlyMap<string, PlanProgress>): Site {
  const sorted = [...plans].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const { bodies, ofPlan, reach } = makeBodies(sorted, canonical)
  return { plans: sorted, units: bodies, bodies: ofPlan, reach, links: planLinks(sorted), ...(progress ? { progress } : {}) }
}

/** The body a unit name of a plan stands for. */
export function bodyOf(site: Site, plan: Plan, name: string): Body {
  const body = site.bodies.get(plan.id)?.get(name)
  if (!body) throw new Error(`no unit ${name} in plan ${plan.id}`)
  return body
}

/**
 * Up to this many plans, the pages that span plans list every plan's tasks
 * (a unit's page, a sector's) and the 文件 menu lists the plans. Beyond, a
 * library: those pages list the plans, each linking to the unit's or the
 * sector's page in that plan. Every task on one page would not be read or
 * printed at a few hundred plans (at 1,000, 镇政府's page held 35,000 tasks,
 * 5.5 MB of Markdown), and building it took memory growing with the plans.
 */
export const LISTED_PLANS = 10

/** Whether the site's plans are of more than one division (or of 区划未定): pages and results then name each plan's. */
export const severalDivisions = (site: Site): boolean => new Set(site.plans.map((p) => p.division?.code ?? `plan:${p.id}`)).size > 1

/** Whether the site is a library (more than LISTED_PLANS plans). */
export const isLibrary = (site: Site): boolean => site.plans.length > LISTED_PLANS

// --- Labels -----------------------------------------------------------------------

/** The plan's title as pages show it: as written, or, where the file states none (a warning), what it is. */
export function titleOf(plan: Plan): string {
  return plan.title !== '' ? plan.title : `未注明标题的文件（${plan.source}）`
}

export const PERIOD_LABEL: Record<Period, string> = {
  week: '每周', month: '每月', quarter: '每季度', 'half-year': '每半年', year: '每年',
}

const PERIOD_ORDER: Period[] = ['week', 'month', 'quarter', 'half-year', 'year']

/** "2022-06-30" → "2022年6月30日"; "2022-08" → "2022年8月". */
export function formatDate(date: IsoDate | null): string {
  if (date === null) return '未注明日期'
  const [y, m, d] = date.split('-')
  return d ? `${y}年${Number(m)}月${Number(d)}日` : `${y}年${Number(m)}月`
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

// --- Units ------------------------------------------------------------------------

export interface UnitTask {
  plan: Plan
  task: Task
  /** The group through which the task reaches the unit, or null when addressed to the unit itself. */
  via: string | null
  /** "牵头" or "配合" where the plan says so. */
  role?: '牵头' | '配合'
}

/**
 * Every task a unit owes in one plan: addressed to it, or to a group it belongs
 * to (a 负有安全监管职责的站所 owes the 各站所 tasks too), in task order.
 */
export function tasksOfUnit(plan: Plan, units: Unit[], name: string): UnitTask[] {
  const reach = unitAndGroups(units, name)
  const result: UnitTask[] = []
  for (const task of plan.tasks) {
    const addressed = reach.find((u) => task.units.includes(u))
    if (addressed === undefined) continue
    const item: UnitTask = { plan, task, via: addressed === name ? null : addressed }
    if (task.lead?.includes(addressed)) item.role = '牵头'
    else if (task.support?.includes(addressed)) item.role = '配合'
    result.push(item)
  }
  return result
}

/**
 * Every task a body owes in one plan: addressed to it, or to a group body it
 * belongs to (荫城镇's 负有安全监管职责的站所 owes 荫城镇's 各站所 tasks too), in
 * task order. A plan of another division names none of them: it owes none.
 */
export function tasksOfBody(site: Site, plan: Plan, body: Body): UnitTask[] {
  const names = site.bodies.get(plan.id)
  if (!names) return []
  const reach = site.reach.get(body.key) ?? [body]
  // Only a plan that names the body or one of its groups gives it tasks (a library of a thousand townships
  // asks this of each plan for each of their bodies).
  if (!reach.some((b) => b.plans.includes(plan.id))) return []
  const result: UnitTask[] = []
  for (const task of plan.tasks) {
    let addressed: string | undefined
    let through: Body | undefined
    for (const b of reach) {
      addressed = task.units.find((u) => names.get(u) === b)
      if (addressed !== undefined) { through = b; break }
    }
    if (addressed === undefined || through === undefined) continue
    const item: UnitTask = { plan, task, via: through === body ? null : through.name }
    if (task.lead?.includes(addressed)) item.role = '牵头'
    else if (task.support?.includes(addressed)) item.role = '配合'
    result.push(item)
  }
  return result
}

/** Bodies that belong to a group body, directly or through another group (a higher plan's group included). */
export function membersOf(site: Site, group: Body): Body[] {
  return site.units.filter((b) => b !== group && (site.reach.get(b.key) ?? []).includes(group))
}

/** The group bodies a body belongs to, directly or through another group (a higher plan's group included). */
export function groupsOf(site: Site, body: Body): Body[] {
  return (site.reach.get(body.key) ?? []).filter((b) => b !== body)
}

/**
 * Whether a plan is a higher government's than the body's (上党区's plan for 荫城镇's 镇政府): its tasks reach the
 * body through a group of lower governments, and its pages show them apart, as 上级文件的任务.
 */
export function isHigherPlan(plan: Plan, body: Body): boolean {
  return plan.division !== undefined && body.place !== null && body.place.parents.some((p) => p.code === plan.division!.code)
}

// --- Tasks ------------------------------------------------------------------------

/** Other tasks of the same measure, and other tasks with a unit in common, in task order. */
export function relatedTasks(plan: Plan, task: Task): { sameMeasure: Task[]; sameUnits: Task[] } {
  const others = plan.tasks.filter((t) => t.number !== task.number)
  return {
    sameMeasure: others.filter((t) => t.measure === task.measure),
    sameUnits: others.filter((t) => t.measure !== task.measure && t.units.some((u) => task.units.includes(u))),
  }
}

export function obligationsOf(plan: Plan, task: Task): Obligation[] {
  return plan.obligations.filter((o) => o.task === task.number)
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

/** The unit and every group it belongs to, directly or through another group. */
export function unitAndGroups(units: Unit[], name: string): string[] {
  const byName = new Map(units.map((u) => [u.name, u]))
  const result: string[] = []
  const queue = [name]
  while (queue.length > 0) {
    const next = queue.shift()!
    if (result.includes(next)) continue
    result.push(next)
    queue.push(...(byName.get(next)?.memberOf ?? []))
  }
  return result
}
