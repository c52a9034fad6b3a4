// A library (more than LISTED_PLANS plans): the pages that span plans list
// plans, each plan holds its own pages for its units and sectors, and every
// link of every page reaches a page (and an anchor on it).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { planPages, sharedPages, sitePages } from '../../scripts/site/pages.ts'
import { toMarkdown } from '../../scripts/render/markdown.ts'
import { isLibrary, LISTED_PLANS, makeSite, type Site } from '../../scripts/views/site.ts'
import { tasksOfBody } from '../../scripts/views/units.ts'
import { loadReference } from '../../scripts/data/load.ts'
import { knowledgeOf, sectorTasks } from '../../scripts/views/knowledge.ts'
import { pdfJobs } from '../../scripts/site/pdf.ts'
import { syntheticCorpus } from '../../scripts/bench/corpus.ts'
import { parsePlan } from '../../scripts/parse/index.ts'
import { planId } from '../../scripts/site/load.ts'
import { divisions, registry, SEED } from '../helpers/plans.ts'
import type { Plan } from '../../scripts/model/plan.ts'

const knowledge = loadReference().knowledge
const corpus = syntheticCorpus(readFileSync(SEED, 'utf8'), 2 * LISTED_PLANS + 2)
const sources = new Map(corpus.map((p) => [planId(p.file), p.text]))
const plans: Plan[] = corpus.map((p) => {
  const result = parsePlan({ id: planId(p.file), source: p.file, text: p.text, registry })
  if (!result.ok) throw new Error(p.file)
  // The corpus's townships are invented names: each plan is stated 荫城镇's (as a <plan>.division.json beside it
  // would), so that one body (荫城镇 · 各村) is given tasks by every plan of the library.
  return { ...result.plan, division: divisions.byCode.get('140404102')! }
})

function render(site: Site): Map<string, string> {
  const pages = sitePages(site, sources, knowledge, { pdf: true })
  return new Map(pages.map((p) => [p.path, toMarkdown(p)]))
}

/** "/a/b" → "a/b.md", "/a/" → "a/index.md". */
const pageOf = (href: string) => (href.endsWith('/') ? `${href.slice(1)}index.md` : `${href.slice(1)}.md`)

const few = makeSite(plans.slice(0, LISTED_PLANS))
const library = makeSite(plans.slice(0, LISTED_PLANS + 1))
const larger = makeSite(plans)

describe('a library of plans', () => {
  const pages = render(library)

  it('begins above LISTED_PLANS plans', () => {
    expect([isLibrary(few), isLibrary(library)]).toEqual([false, true])
  })

  it('lists on a unit\'s page each plan that gives it tasks, linking to the unit\'s page in that plan', () => {
    const unit = library.units.find((u) => u.slug === '140404102-villages')!
    const md = pages.get('units/140404102-villages.md')!
    const owing = library.plans.filter((p) => tasksOfBody(library, p, unit).length > 0)
    expect(owing.length).toBe(library.plans.length)
    for (const plan of owing) {
      expect(md).toContain(`](/${plan.id}/units/140404102-villages)`)
      const own = pages.get(`${plan.id}/units/140404102-villages.md`)!
      // Every task the unit owes in the plan, on its page in the plan, and on no shared page.
      for (const { task } of tasksOfBody(library, plan, unit)) expect(own).toContain(`](/${plan.id}/tasks/${task.number})`)
    }
    expect(md).not.toContain('/tasks/')
  })

  it('keeps the unit\'s page in a plan as the few-plans page has it for that plan', () => {
    const plan = library.plans[3]!
    const own = pages.get(`${plan.id}/units/140404102-villages.md`)!
    const section = render(few).get('units/140404102-villages.md')!
    // The few-plans page gives each plan a section; the deadline headings are one level deeper there.
    const tasks = (md: string) => [...md.matchAll(new RegExp(`\\]\\(/${plan.id}/tasks/(\\d+)\\)`, 'g'))].map((m) => m[1])
    // The plans' titles are the same: their sections begin at the link to the plan's home.
    const part = section.slice(section.indexOf(`](/${plan.id}/)`), section.indexOf(`](/${few.plans[4]!.id}/)`))
    expect(tasks(own).length).toBeGreaterThan(0)
    expect(tasks(own)).toEqual(tasks(part))
  })

  it('lists on a sector\'s page the plans with tasks of the sector, each linking to its section in the plan', () => {
    for (const sector of knowledge.sectors) {
      const md = pages.get(`sectors/${sector.slug}.md`)!
      expect(md).not.toContain('/tasks/')
      for (const plan of library.plans) {
        const tasks = sectorTasks(plan, sector)
        expect(md.includes(`](/${plan.id}/sectors#${sector.slug})`)).toBe(tasks.length > 0)
        const own = pages.get(`${plan.id}/sectors.md`)!
        for (const task of tasks) expect(own).toContain(`](/${plan.id}/tasks/${task.number})`)
      }
    }
  })

  it('links a task\'s units and the plan home\'s unit list to the units\' pages in the plan', () => {
    const plan = library.plans[0]!
    expect(pages.get(`${plan.id}/tasks/7.md`)).toMatch(new RegExp(`\\]\\(/${plan.id}/units/[a-z0-9-]+\\)`))
    expect(pages.get(`${plan.id}/tasks/7.md`)).not.toContain('](/units/')
    expect(pages.get(`${plan.id}/index.md`)).toContain(`](/${plan.id}/units/140404102-villages)`)
    expect(pages.get(`${plan.id}/index.md`)).toContain(`](/${plan.id}/sectors)`)
  })

  it('names the plan in the front matter of each page of the plan (the theme puts its sidebar in place by it)', () => {
    for (const [path, md] of pages) {
      const id = path.split('/')[0]!
      if (library.plans.some((p) => p.id === id)) expect(md.slice(0, md.indexOf('\n}\n')), path).toContain(`"plan": "${id}"`)
    }
  })

  it('has a page for every link of every page, and the anchor a link names', () => {
    for (const [path, md] of pages) {
      for (const [, href] of md.matchAll(/\]\((\/[^)\s]*)\)/g)) {
        const [target, anchor] = href!.split('#')
        if (/\.(pdf|xlsx|csv|ics|json|txt)$/.test(target!)) continue
        expect(pages.has(pageOf(target!)), `${path} links ${href}`).toBe(true)
        if (anchor) expect(pages.get(pageOf(target!)), `${path} links ${href}`).toContain(`id="${anchor}"`)
      }
    }
  })

  it('prints no unit PDF across plans (each plan\'s unit page prints as its 职责清单)', () => {
    expect(pdfJobs(library).map((j) => j.file)).toEqual(library.plans.map((p) => `${p.id}/downloads/plan.pdf`))
    expect(pdfJobs(few).some((j) => j.file.startsWith('units/'))).toBe(true)
    for (const [path, md] of pages) if (path.startsWith('units/')) expect(md).not.toContain('.pdf')
  })

  it('holds in the shared pages a line per plan and unit or sector, not a task: they grow with plans by a few lines', () => {
    const bytes = (site: Site) => sharedPages(site, knowledgeOf(site, knowledge), { pdf: true }).reduce((n, p) => n + Buffer.byteLength(toMarkdown(p)), 0)
    const perPlan = (site: Site) => bytes(site) / site.plans.length
    const added = (bytes(larger) - bytes(library)) / (larger.plans.length - library.plans.length)
    // A plan adds its line to the home page, each unit's and each sector's page: a few kB, not its 35 tasks on every unit page.
    expect(added).toBeLessThan(8_000)
    expect(added).toBeLessThan(perPlan(few) / 4)
  })

  it('does not change a plan\'s pages when another plan is added to a library', () => {
    const site = makeSite(plans.slice(0, LISTED_PLANS + 2))
    const own = (s: Site) => planPages(s, s.plans[0]!, sources.get(s.plans[0]!.id)!, knowledgeOf(s, knowledge), true).map((p) => toMarkdown(p))
    expect(own(site)).toEqual(own(library))
  })
})
