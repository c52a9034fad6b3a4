// Who owes what: the tasks a unit or a body owes in a plan (its own and its
// groups'), the members and groups of a body, and whether a plan is a higher
// government's than a body's. Pure; keyed by unit names and body keys.

import type { Plan, Task, Unit } from '../model/plan.ts'
import type { Body, Site } from './site.ts'

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
