// Pages that span plans: the site home and the unit pages ("我的职责").

import type { RootContent } from 'mdast'
import type { Plan, Unit } from '../model/plan.ts'
import { fileLink, heading, link, pageTitle, list, paragraph, section, strong, table, type Inline, type Page } from './markdown.ts'
import { deadlineLabel, formatDate, titleOf, groupByDeadline, isLibrary, membersOf, tasksOfUnit, type Site, type UnitTask } from '../views/site.ts'
import { helpUrl } from './help.ts'
import { duePanel, progressBar } from './progress.ts'
import { hasProgress, statusCounts } from '../views/progress.ts'
import { hasSupervision, supervisionUrl } from './supervision.ts'
import { downloads, measureCount, measureHeading, measureLink, planLine, planMeta, savedName, taskLink, unitByName, url } from './common.ts'

function owedCount(site: Site, unit: Unit): number {
  return site.plans.reduce((sum, plan) => sum + tasksOfUnit(plan, site.units, unit.name).length, 0)
}

function unitChoices(site: Site): Inline[][] {
  return site.units.map((unit) => {
    const groups = unit.memberOf.length > 0 ? `，含发给“${unit.memberOf.join('”“')}”的任务` : ''
    return [link(url.unit(unit), `${unit.name}的任务`), `（${owedCount(site, unit)} 项${groups}）`]
  })
}

export function siteHome(site: Site): Page {
  const body: RootContent[] = [
    pageTitle('政策文件知识库'),
    paragraph('查找本单位的任务、搜索、打印、大字模式和放映模式的用法，见', link(helpUrl(), '使用帮助'), '。'),
  ]
  for (const plan of site.plans) {
    body.push(
      heading(2, link(url.planHome(plan), titleOf(plan))),
      // A plan that names no addressees (one issued by a notice) shows no empty "主送：".
      paragraph([plan.issuer, formatDate(plan.date), ...(plan.addresseesText ? [`主送：${plan.addresseesText}`] : [])].join(' · ')),
      paragraph(`${measureCount(plan)}，${plan.tasks.length} 项具体任务。`),
    )
  }
  body.push(
    heading(2, '我的职责'),
    paragraph('选择您的单位，查看本单位须完成的全部任务和完成时限（包括发给本单位所属群体的任务）：'),
    list(unitChoices(site)),
    ...(hasSupervision(site) ? [paragraph(link(supervisionUrl.page(), '督办单'), '：各单位已逾期和即将到期的任务及最近一次报告，可打印、可下载 Excel。')] : []),
  )
  // Every plan's dated tasks: a library's home lists plans, not tasks.
  if (!isLibrary(site)) body.push(...duePanel(site, site.plans.flatMap((plan) => plan.tasks.map((task) => ({ plan, task }))), site.plans.length > 1))
  return { path: 'index.md', frontmatter: { title: '首页' }, body }
}

export function unitsIndex(site: Site): Page {
  return {
    path: 'units/index.md',
    frontmatter: { title: '我的职责' },
    body: [
      pageTitle('我的职责'),
      paragraph('选择您的单位。每个单位的页面列出发给本单位的任务，以及发给本单位所属群体的任务（例如“负有安全监管职责的站所”也须完成发给“各站所”的任务），按完成时限排列。'),
      list(unitChoices(site)),
    ],
  }
}

export function unitPages(site: Site, pdf: boolean): Page[] {
  return site.units.map((unit) => {
    const members = membersOf(site.units, unit.name)
    const body: RootContent[] = [pageTitle(unit.name)]
    const facts: Inline[][] = []
    if (unit.aliases.length > 0) facts.push([strong('文件中也写作'), '：', unit.aliases.join('、')])
    if (unit.memberOf.length > 0) {
      facts.push([strong('所属群体'), '：', ...unit.memberOf.flatMap((g, i) => [...(i > 0 ? ['、'] : []), link(url.unit(unitByName(site, g)), g)]), '（发给所属群体的任务本单位也须完成）'])
    }
    if (members.length > 0) {
      facts.push([strong('本群体包括'), '：', ...members.flatMap((m, i) => [...(i > 0 ? ['、'] : []), link(url.unit(m), m.name)])])
    }
    if (facts.length > 0) body.push(...section('screen-only', [list(facts)]))
    const plans = site.plans.map((plan) => ({ plan, owed: tasksOfUnit(plan, site.units, unit.name) })).filter((p) => p.owed.length > 0)
    if (isLibrary(site)) {
      // A library: the unit's tasks in each plan are on that plan's page for the unit (planUnitPages).
      body.push(
        paragraph(plans.length === 0 ? '没有文件发给本单位任务。' : `${plans.length} 份文件有发给本单位的任务，共 ${plans.reduce((n, p) => n + p.owed.length, 0)} 项。选择文件查看本单位在其中的任务和完成时限：`),
        ...(plans.length > 0 ? [list(plans.map(({ plan, owed }) => [link(url.planUnit(plan, unit), titleOf(plan)), `（${planLine(plan)}；${owed.length} 项任务）`]))] : []),
      )
      return { path: `units/${unit.slug}.md`, frontmatter: { title: unit.name, unit: unit.slug }, body }
    }
    // Printed for a unit that owes tasks (scripts/site/pdf.ts).
    if (pdf && plans.length > 0) {
      body.push(...section('screen-only', [paragraph(fileLink(url.unitPdf(unit), savedName([unit.name, '职责清单'], 'pdf'), '下载职责清单 PDF（A4）'))]))
    }
    for (const { plan, owed } of plans) {
      if (site.plans.length > 1) body.push(...section('unit-plan', [heading(2, titleOf(plan))]))
      body.push(...unitInPlan(site, plan, unit, owed, site.plans.length > 1 ? 3 : 2))
    }
    return { path: `units/${unit.slug}.md`, frontmatter: { title: unit.name, unit: unit.slug }, body }
  })
}

/**
 * A library's plan: a page for each unit it gives tasks to (directly or
 * through a group), below the plan, so they are built and kept with it. On
 * paper each is the unit's 职责清单 for the plan (the browser's print).
 */
export function planUnitPages(site: Site, plan: Plan): Page[] {
  const pages: Page[] = []
  for (const unit of site.units) {
    const owed = tasksOfUnit(plan, site.units, unit.name)
    if (owed.length === 0) continue
    pages.push({
      path: `${plan.id}/units/${unit.slug}.md`,
      frontmatter: { title: `${unit.name} · ${titleOf(plan)}`, plan: plan.id, unit: unit.slug },
      body: [
        pageTitle(unit.name),
        ...section('screen-only', [paragraph(link(url.unit(unit), `${unit.name}在全部文件中的任务`))]),
        ...unitInPlan(site, plan, unit, owed, 2),
      ],
    })
  }
  return pages
}

/** How many tasks a unit owes, and how: no "发给所属群体 0 项" for a unit that belongs to no group. */
export function ownedCounts(total: number, direct: number): string {
  if (direct === total) return `共 ${total} 项任务，均直接发给本单位。`
  if (direct === 0) return `共 ${total} 项任务，均发给本单位所属群体。`
  return `共 ${total} 项任务：直接发给本单位 ${direct} 项，发给所属群体 ${total - direct} 项。`
}

/** A unit's tasks in one plan: counts and downloads, by deadline on screen; on paper its 职责清单, by deadline too. */
function unitInPlan(site: Site, plan: Plan, unit: Unit, owed: UnitTask[], depth: 2 | 3): RootContent[] {
  const direct = owed.filter((o) => o.via === null).length
  const body: RootContent[] = [
    ...planMeta(plan),
    ...section('unit-counts', [paragraph(ownedCounts(owed.length, direct))]),
    ...duePanel(site, owed, false, depth),
    ...(hasProgress(site, plan) ? progressBar([`${unit.name}的任务`], statusCounts(site, owed)) : []),
    ...section('screen-only', [paragraph(strong('下载'), '：'), ...downloads(plan, unit)]),
  ]
  const screen: RootContent[] = []
  for (const group of groupByDeadline(owed, (o) => o.task)) {
    screen.push(
      heading(depth, link(url.deadlineSlug(plan, group.key.slug), group.key.label), `（${group.items.length} 项）`),
      // A table on a wide screen; on a phone each row reads as a card (style.css).
      ...section('unit-tasks', [table(
        [['任务'], ['完成时限'], ['所属措施'], ['责任方式']],
        group.items.map((o) => [
          [taskLink(plan, o.task)],
          [deadlineLabel(o.task.deadline)],
          [measureLink(plan, o.task.measure)],
          [(o.via === null ? '直接' : `经由“${o.via}”`) + (o.role ? `（${o.role}）` : '')],
        ]),
      )]),
    )
  }
  body.push(...section('screen-only', screen))
  body.push(
    ...section('print-only duty-list', [
      paragraph(strong(`${unit.name}职责清单`)),
      // In the order of the screen's list: the nearest deadline first (a sheet read as a to-do list).
      table(
        [['序号'], ['任务'], ['完成时限'], ['所属措施']],
        groupByDeadline(owed, (o) => o.task).flatMap((group) => group.items).map((o) => [
          [String(o.task.number)],
          [`${o.task.title}${o.via === null ? '' : `（经由“${o.via}”）`}`],
          [deadlineLabel(o.task.deadline)],
          [measureHeading(plan.measures.find((m) => m.number === o.task.measure)!)],
        ]),
      ),
    ]),
  )
  return body
}
