// The Site: the plans, the bodies their unit names stand for, and what spans
// plans (the groups bodies belong to, plans carrying out plans). The views by
// deadline (deadlines.ts), by unit (units.ts), of a task (tasks.ts) and the
// knowledge layers (knowledge.ts) are computed from it. Pure.

import type { Plan, PlanProgress } from '../model/plan.ts'
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

/** The plan's title as pages show it: as written, or, where the file states none (a warning), what it is. */
export function titleOf(plan: Plan): string {
  return plan.title !== '' ? plan.title : `未注明标题的文件（${plan.source}）`
}
