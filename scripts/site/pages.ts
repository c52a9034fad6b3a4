// Every page of the site, from the model: pure, sorted by path.

import type { Plan, Review } from '../model/plan.ts'
import type { Page } from '../render/markdown.ts'
import { isLibrary, type Site } from '../views/site.ts'
import {
  deadlinePages, guidancePage, measurePages, originalPage, phasesPage, planHome, printPage, requirementsPage, reviewPage, taskPages, timelinePage,
} from '../render/plan.ts'
import { divisionPages, planUnitPages, siteHome, unitPages, unitsIndex } from '../render/site.ts'
import { citationsPage, glossaryPage, nationalPage, planSectorsPage, sectorPages } from '../render/knowledge.ts'
import { knowledgeOf, layersOf, type Knowledge, type KnowledgeData } from '../views/knowledge.ts'
import { planSidebar } from './nav.ts'
import { refinesNational } from '../render/common.ts'
import { helpPage } from '../render/help.ts'
import { hasSupervision, supervisionPage } from '../render/supervision.ts'

export interface PageOptions {
  /** Whether the build prints the PDFs (全文打印, 职责清单): pages link only PDFs that exist. */
  pdf: boolean
}

/** `sources` gives each plan's text as decoded, for the original-text page; the knowledge layers are computed once, from `data`. */
export function sitePages(site: Site, sources: ReadonlyMap<string, string>, data: KnowledgeData, options: PageOptions, reviews: ReadonlyMap<string, Review[]> = new Map()): Page[] {
  const knowledge = knowledgeOf(site, data)
  const pages: Page[] = sharedPages(site, knowledge, options)
  for (const plan of site.plans) pages.push(...planPages(site, plan, sources.get(plan.id) ?? '', knowledge, options.pdf, reviews.get(plan.id) ?? []))
  return byPath(pages)
}

const byPath = (pages: Page[]) => pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))

/** The pages no plan owns: home, units, sectors. */
export function sharedPages(site: Site, knowledge: Knowledge, options: PageOptions): Page[] {
  return byPath([siteHome(site), helpPage(options.pdf), unitsIndex(site), ...divisionPages(site), ...unitPages(site, options.pdf), ...sectorPages(site, knowledge), ...(hasSupervision(site) ? [supervisionPage(site)] : [])])
}

/**
 * A plan's pages (below its id). Of the whole site they depend on the plan,
 * the site's units (their links and groups) and whether the site is a
 * library only, so a build keeps them for a plan that has not changed
 * (scripts/site/generate.ts keys them so).
 */
/** `original`: whether the plan's file is published (scripts/exports/original.ts: a .doc or PDF may be withheld); the pages link it only then. */
export function planPages(site: Site, plan: Plan, sourceText: string, knowledge: Knowledge, pdf: boolean, reviews: readonly Review[] = [], original = true): Page[] {
  const layers = layersOf(knowledge, plan)
  const { national, sectors } = knowledge.data
  // Each page carries its plan's sidebar (scripts/site/nav.ts), so no page loads every plan's;
  // a long plan's sidebar differs by the page's measure.
  const sidebars = new Map<number | undefined, ReturnType<typeof planSidebar>>()
  const sidebarOf = (measure: number | undefined) => {
    if (!sidebars.has(measure)) sidebars.set(measure, planSidebar(plan, measure))
    return sidebars.get(measure)!
  }
  const pages = [
    planHome(site, plan, pdf, reviews, original),
    ...measurePages(site, plan, layers, national),
    ...taskPages(site, plan, layers.termsByTask),
    // Only a plan that says it refines the national measures is compared with them.
    ...(refinesNational(plan) ? [nationalPage(plan, layers, national)] : []),
    glossaryPage(plan, layers.terms),
    citationsPage(plan, layers.citations),
    ...deadlinePages(site, plan),
    timelinePage(site, plan),
    phasesPage(plan),
    requirementsPage(plan),
    guidancePage(plan),
    originalPage(plan, sourceText, original),
    reviewPage(plan, reviews, original),
    printPage(plan, pdf),
    // A library's pages for the plan's units and sectors (views/site.ts, isLibrary).
    ...(isLibrary(site) ? [...planUnitPages(site, plan), planSectorsPage(site, plan, layers, sectors)] : []),
  ]
  return byPath(pages.map((page) => {
    const measure = typeof page.frontmatter.measure === 'number' ? page.frontmatter.measure : undefined
    return { ...page, frontmatter: { ...page.frontmatter, planSidebar: sidebarOf(measure) } }
  }))
}
