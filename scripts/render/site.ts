// Pages that span plans: the site home and the unit pages ("我的职责").

import type { RootContent } from 'mdast'
import type { Unit } from '../model.ts'
import { fileLink, heading, link, pageTitle, list, paragraph, section, strong, table, type Inline, type Page } from '../markdown.ts'
import { deadlineLabel, formatDate, groupByDeadline, membersOf, tasksOfUnit, type Site } from '../views.ts'
import { downloads, measureHeading, measureLink, planMeta, savedName, taskLink, unitByName, url } from './common.ts'

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
  const body: RootContent[] = [pageTitle('政策文件知识库')]
  for (const plan of site.plans) {
    body.push(
      heading(2, link(url.planHome(plan), plan.title)),
      paragraph(`${plan.issuer} · ${formatDate(plan.date)} · 主送：${plan.addresseesText}`),
      paragraph(`${plan.measures.length} 项细化措施，${plan.tasks.length} 项具体任务。`),
    )
  }
  body.push(
    heading(2, '我的职责'),
    paragraph('选择您的单位，查看本单位须完成的全部任务和完成时限（包括发给本单位所属群体的任务）：'),
    list(unitChoices(site)),
  )
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
    // Printed for a unit that owes tasks (scripts/site/pdf.ts).
    if (pdf && owedCount(site, unit) > 0) {
      body.push(...section('screen-only', [paragraph(fileLink(url.unitPdf(unit), savedName([unit.name, '职责清单'], 'pdf'), '下载职责清单 PDF（A4）'))]))
    }
    for (const plan of site.plans) {
      const owed = tasksOfUnit(plan, site.units, unit.name)
      if (owed.length === 0) continue
      const direct = owed.filter((o) => o.via === null).length
      if (site.plans.length > 1) body.push(heading(2, plan.title))
      body.push(
        ...planMeta(plan),
        paragraph(`共 ${owed.length} 项任务：直接发给本单位 ${direct} 项，发给所属群体 ${owed.length - direct} 项。`),
        ...section('screen-only', [paragraph(strong('下载'), '：'), ...downloads(plan, unit)]),
      )
      const screen: RootContent[] = []
      for (const group of groupByDeadline(owed, (o) => o.task)) {
        screen.push(
          heading(site.plans.length > 1 ? 3 : 2, link(url.deadlineSlug(plan, group.key.slug), group.key.label), `（${group.items.length} 项）`),
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
      // On paper the page is the unit's 职责清单: one table, in task order.
      body.push(
        ...section('print-only duty-list', [
          paragraph(strong(`${unit.name}职责清单`)),
          table(
            [['序号'], ['任务'], ['完成时限'], ['所属措施']],
            owed.map((o) => [
              [String(o.task.number)],
              [`${o.task.title}${o.via === null ? '' : `（经由“${o.via}”）`}`],
              [deadlineLabel(o.task.deadline)],
              [measureHeading(plan.measures.find((m) => m.number === o.task.measure)!)],
            ]),
          ),
        ]),
      )
    }
    return { path: `units/${unit.slug}.md`, frontmatter: { title: unit.name, unit: unit.slug }, body }
  })
}
