// Sidebar and nav of the VitePress theme, built from the model. The theme
// renders their text as HTML, so every text from the plan is escaped.

import type { DefaultTheme } from 'vitepress'
import type { Plan } from '../model/plan.ts'
import { isLibrary, titleOf, type Site } from '../views/site.ts'
import type { Sector } from '../views/knowledge.ts'
import { measureHeading, refinesNational, taskLabel, url } from '../render/common.ts'
import { escapeHtml } from '../render/html.ts'

/**
 * The site's sidebars: sectors and units. A plan's sidebar is not here: the
 * site data is in every page's first load, so it would grow with the number
 * of plans. It travels in the front matter of the plan's own pages
 * (`planSidebar`), and the theme puts it in place (.vitepress/theme/plan-sidebar.ts).
 */
export function sidebar(site: Site, sectors: Sector[]): DefaultTheme.SidebarMulti {
  return {
    '/sectors/': [{ text: '行业领域', link: url.sectors(), items: sectors.map((s) => ({ text: escapeHtml(s.name), link: url.sector(s) })) }],
    // Each body of a few plans; a library's are on 我的职责 (by division): the site data every page loads
    // would otherwise grow by a township's units with each township's plan.
    '/units/': [
      { text: '我的职责', link: url.units(), items: isLibrary(site) ? [] : site.units.map((u) => ({ text: escapeHtml(u.title), link: url.unit(u) })) },
    ],
  }
}

/**
 * Most tasks a plan's sidebar lists. The sidebar travels in every page of the
 * plan, so listing the tasks of a plan of 1,000 made each page hold all 1,000:
 * beyond this, a page's sidebar holds the plan's pages, a link to the plan's
 * home (which lists every measure and task) and the page's own measure with
 * its tasks, so each page's size does not grow with the plan.
 */
export const SIDEBAR_TASKS_MAX = 120

/**
 * A plan's sidebar: its own pages, then each measure with its tasks (folded);
 * for a long plan, only the measure of the page (`measure`), where it has one.
 */
export function planSidebar(plan: Plan, measure?: number): DefaultTheme.SidebarItem[] {
  const title = new Map(plan.tasks.map((t) => [t.number, t.title]))
  const short = plan.tasks.length <= SIDEBAR_TASKS_MAX
  const measureItem = (m: Plan['measures'][number]): DefaultTheme.SidebarItem => ({
    text: escapeHtml(measureHeading(m)),
    link: url.measure(plan, m.number),
    collapsed: short,
    items: m.tasks.length <= SIDEBAR_TASKS_MAX ? m.tasks.map((n) => ({ text: escapeHtml(`${taskLabel(n)}　${title.get(n)!}`), link: url.task(plan, n) })) : [],
  })
  const shown = short ? plan.measures : plan.measures.filter((m) => m.number === measure)
  return [
      {
        text: '文件',
        items: [
          // Not 首页: the top bar's 首页 is the site's home.
          { text: '方案首页', link: url.planHome(plan) },
          { text: '完成时限与时间表', link: url.timeline(plan) },
          { text: '阶段划分', link: url.phases(plan) },
          { text: '工作要求', link: url.requirements(plan) },
          { text: '指导思想', link: url.guidance(plan) },
          { text: '原文', link: url.original(plan) },
          { text: '全文打印', link: url.print(plan) },
          ...(refinesNational(plan) ? [{ text: '对照国家十五条措施', link: url.national(plan) }] : []),
          { text: '术语', link: url.glossary(plan) },
          { text: '引用文件', link: url.citations(plan) },
        ],
      },
      ...(short ? [] : [{ text: `全部 ${plan.measures.length} 项措施、${plan.tasks.length} 项任务`, link: url.planHome(plan) }]),
      ...shown.map(measureItem),
  ]
}

/**
 * The "文件" menu lists the plans up to LISTED_PLANS. Every page carries the
 * menu, so beyond it would grow every page with the number of plans (npm run
 * bench: 25 kB a page at 100 plans) and no longer fit a screen: then it links
 * to the home page, which lists every plan. It names no count: every page
 * would change with each plan added (a rebuild of every page, not of one plan's).
 */
export function nav(site: Site): DefaultTheme.NavItem[] {
  const plans = site.plans.map((p) => ({ text: escapeHtml(titleOf(p)), link: url.planHome(p) }))
  const single = site.plans.length === 1
  return [
    { text: '首页', link: '/' },
    single ? { text: '实施方案', link: plans[0]!.link }
      : !isLibrary(site) ? { text: '文件', items: plans }
      : { text: '文件', link: '/' },
    { text: '我的职责', link: url.units() },
    { text: '行业领域', link: url.sectors() },
    ...(single ? [{ text: '时间表', link: url.timeline(site.plans[0]!) }] : []),
  ]
}

/** What every page carries, made from the plans: the config's nav and sidebar (the build's summary, npm run dev). */
export interface SiteTheme { nav: DefaultTheme.NavItem[]; sidebar: DefaultTheme.SidebarMulti }

export function siteTheme(site: Site, sectors: Sector[]): SiteTheme {
  return { nav: nav(site), sidebar: sidebar(site, sectors) }
}
