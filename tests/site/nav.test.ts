// The navigation bar and sidebars built from the model: what every page loads
// must not grow with the number of plans (beyond a few in the 文件 menu).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { nav, planSidebar, sidebar } from '../../scripts/site/nav.ts'
import { LISTED_PLANS, makeSite } from '../../scripts/views/site.ts'
import { syntheticCorpus } from '../../scripts/bench/corpus.ts'
import { parsePlan } from '../../scripts/parse/index.ts'
import { planId } from '../../scripts/site/load.ts'
import { registry, SEED } from '../helpers/plans.ts'
import type { Plan } from '../../scripts/model/plan.ts'

const seed = readFileSync(SEED, 'utf8')
const plans: Plan[] = syntheticCorpus(seed, LISTED_PLANS + 1).map((p) => {
  const result = parsePlan({ id: planId(p.file), source: p.file, text: p.text, registry })
  if (!result.ok) throw new Error(p.file)
  return result.plan
})

describe('nav', () => {
  it('links one plan directly, with its timeline', () => {
    expect(nav(makeSite(plans.slice(0, 1))).map((item) => ('text' in item ? item.text : ''))).toEqual(['首页', '实施方案', '我的职责', '行业领域', '时间表'])
  })

  it('lists up to ten plans in the 文件 menu', () => {
    const items = nav(makeSite(plans.slice(0, LISTED_PLANS)))
    expect(items[1]).toMatchObject({ text: '文件', items: plans.slice(0, LISTED_PLANS).map((p) => ({ text: p.title, link: `/${p.id}/` })) })
  })

  it('links more plans to the home page, which lists them all', () => {
    expect(nav(makeSite(plans))[1]).toEqual({ text: '文件', link: '/' })
  })
})

describe('sidebar', () => {
  it('holds no plan: the site data every page loads does not grow with plans', () => {
    const one = JSON.stringify(sidebar(makeSite(plans.slice(0, 1)), []))
    expect(one).not.toContain(plans[0]!.measures[0]!.title)
    // Each plan is another township's, with units of its own: a library's sidebar lists none of them.
    const library = JSON.stringify(sidebar(makeSite(plans.slice(0, LISTED_PLANS + 1)), []))
    expect(JSON.stringify(sidebar(makeSite(plans), []))).toBe(library)
    expect(library.length).toBeLessThan(one.length)
  })

  it('gives each plan its own, carried by the plan\'s pages', () => {
    const items = planSidebar(plans[0]!)
    expect(items.map((i) => i.text).slice(1, 3)).toEqual(plans[0]!.measures.slice(0, 2).map((m) => `（${['一', '二'][m.number - 1]}）${m.title}`))
    expect(items.flatMap((i) => i.items ?? []).filter((i) => i.link?.includes('/tasks/'))).toHaveLength(plans[0]!.tasks.length)
  })
})
