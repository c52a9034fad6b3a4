// Plans of the library that carry out another of its plans: a plan that says
// 贯彻落实《…》 (or 落实《…》, 贯彻《…》) of a title another plan has. Pure.

import type { Plan } from '../model/plan.ts'

export interface PlanLinks {
  /** The plans this one says it carries out. */
  carriesOut: Plan[]
  /** The plans that say they carry out this one. */
  carriedOutBy: Plan[]
}

// The words before 《title》 that say the plan carries the document out.
const CARRY_OUT = /(?:贯彻落实|贯彻|落实)(?:好|上级)?《([^《》]{2,80})》/g

/** The texts in which a plan names what it carries out: title, notice, preamble, 指导思想, section intros. */
function ownWords(plan: Plan): string {
  return [plan.title, plan.notice?.title ?? '', plan.notice?.text ?? '', plan.preamble, plan.guidingIdeology, ...plan.sections.map((s) => s.intro)].join('\n')
}

/** For each plan id, the plans of the site it carries out and those that carry it out, in the site's order. */
export function planLinks(plans: Plan[]): Map<string, PlanLinks> {
  const byTitle = new Map<string, Plan[]>()
  for (const plan of plans) if (plan.title !== '') byTitle.set(plan.title, [...(byTitle.get(plan.title) ?? []), plan])
  const links = new Map<string, PlanLinks>(plans.map((p) => [p.id, { carriesOut: [], carriedOutBy: [] }]))
  for (const plan of plans) {
    for (const match of ownWords(plan).matchAll(CARRY_OUT)) {
      for (const target of byTitle.get(match[1]!) ?? []) {
        if (target === plan || links.get(plan.id)!.carriesOut.includes(target)) continue
        links.get(plan.id)!.carriesOut.push(target)
        links.get(target.id)!.carriedOutBy.push(plan)
      }
    }
  }
  const order = new Map(plans.map((p, i) => [p.id, i]))
  for (const l of links.values()) for (const list of [l.carriesOut, l.carriedOutBy]) list.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
  return links
}
