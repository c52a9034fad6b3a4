// Pages that span plans: the site home, the unit chooser (我的职责: the
// divisions the plans belong to, then the bodies of each) and the unit pages,
// one a body (荫城镇 · 镇政府), never two bodies on one page.

import type { BlockContent, RootContent } from 'mdast'
import type { Plan } from '../model/plan.ts'
import { fileLink, heading, link, pageTitle, list, paragraph, section, strong, table, type Inline, type Page } from './markdown.ts'
import { titleOf, isLibrary, type Body, type Site } from '../views/site.ts'
import { deadlineLabel, formatDate, groupByDeadline } from '../views/deadlines.ts'
import { groupsOf, isHigherPlan, membersOf, tasksOfBody, type UnitTask } from '../views/units.ts'
import { allNodes, divisionTree, type DivisionNode, type DivisionTree } from '../divisions/tree.ts'
import { LEVEL_LABEL } from '../divisions/table.ts'
import { helpUrl } from './help.ts'
import { duePanel, progressBar } from './progress.ts'
import { hasProgress, statusCounts } from '../views/progress.ts'
import { hasSupervision, supervisionUrl } from './supervision.ts'
import { downloads, unitWords, measureCount, measureHeading, measureLink, planLine, planMeta, savedName, taskLink, url } from './common.ts'

function owedCount(site: Site, unit: Body): number {
  return site.plans.reduce((sum, plan) => sum + tasksOfBody(site, plan, unit).length, 0)
}

function unitChoices(site: Site, bodies: Body[]): Inline[][] {
  return bodies.map((unit) => {
    const groups = unit.memberOf.length > 0 ? `，含发给“${unit.memberOf.join('”“')}”的任务` : ''
    return [link(url.unit(unit), `${unit.name}的任务`), `（${owedCount(site, unit)} 项${groups}）`]
  })
}

/** "荫城镇（2 份文件，7 个单位）". */
function nodeLabel(node: DivisionNode): string {
  return `${node.place.name}（${node.plans} 份文件${node.bodies.length > 0 ? `，${node.bodies.length} 个单位` : ''}）`
}

/** The divisions as nested lists, 省 → 市 → 县 → 乡镇, each a link to its page of units. */
function treeList(nodes: DivisionNode[]): BlockContent {
  return list(nodes.map((node): BlockContent[] => [
    paragraph(link(url.division(node.place), nodeLabel(node))),
    ...(node.children.length > 0 ? [treeList(node.children)] : []),
  ]))
}

/** The chooser: the tree, then 区划未定; where one division alone has units (and `direct`), its units at once. */
function chooser(site: Site, tree: DivisionTree, direct: boolean): RootContent[] {
  const body: RootContent[] = []
  if (tree.roots.length > 0) body.push(paragraph('先选择行政区划，再选择本单位：'), ...section('division-tree', [treeList(tree.roots)]))
  if (tree.undetermined.length > 0) {
    body.push(paragraph(link(url.undetermined(), `区划未定（${tree.undetermined.length} 份文件）`), '：发文机关所属的行政区划无法从文件中确定，这些文件的单位单独列出。'))
  }
  const holding = allNodes(tree).filter((n) => n.bodies.length > 0)
  if (direct && holding.length === 1 && tree.undetermined.length === 0) {
    const only = holding[0]!
    body.push(paragraph(strong(only.place.name), '的单位：'), list(unitChoices(site, only.bodies)))
  }
  return body
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
      paragraph(`${divisionLine(plan)}；${measureCount(plan)}，${plan.tasks.length} 项具体任务。`),
    )
  }
  body.push(
    heading(2, '我的职责'),
    paragraph('选择您的单位，查看本单位须完成的全部任务和完成时限（包括发给本单位所属群体的任务）。'),
    ...chooser(site, divisionTree(site.plans, site.units), true),
    ...(hasSupervision(site) ? [paragraph(link(supervisionUrl.page(), '督办单'), '：各单位已逾期和即将到期的任务及最近一次报告，可打印、可下载 Excel。')] : []),
  )
  // Every plan's dated tasks: a library's home lists plans, not tasks.
  if (!isLibrary(site)) body.push(...duePanel(site, site.plans.flatMap((plan) => plan.tasks.map((task) => ({ plan, task }))), site.plans.length > 1))
  return { path: 'index.md', frontmatter: { title: '首页' }, body }
}

/** "行政区划：山西省 长治市 上党区 荫城镇", or 区划未定. */
function divisionLine(plan: Plan): string {
  return plan.division ? `行政区划：${[...plan.division.parents, plan.division].map((p) => p.name).join(' ')}` : '行政区划：区划未定'
}

export function unitsIndex(site: Site): Page {
  const tree = divisionTree(site.plans, site.units)
  const body: RootContent[] = [
    pageTitle('我的职责'),
    paragraph('选择您的单位。每个单位的页面列出发给本单位的任务，以及发给本单位所属群体的任务（例如“负有安全监管职责的站所”也须完成发给“各站所”的任务），按完成时限排列。同名的单位（如各镇的“镇政府”）按行政区划分开，各有页面。'),
    ...chooser(site, tree, false),
  ]
  for (const node of allNodes(tree).filter((n) => n.bodies.length > 0)) {
    body.push(heading(2, link(url.division(node.place), node.place.name)), list(unitChoices(site, node.bodies)))
  }
  for (const { plan, bodies } of tree.undetermined) {
    body.push(heading(2, `区划未定：${titleOf(plan)}`), list(unitChoices(site, bodies)))
  }
  return { path: 'units/index.md', frontmatter: { title: '我的职责' }, body }
}

/** A page a division: where it lies, the divisions below it, the units of its government. */
export function divisionPages(site: Site): Page[] {
  const tree = divisionTree(site.plans, site.units)
  const pages: Page[] = allNodes(tree).map((node) => {
    const above = site.plans.find((p) => p.division && [...p.division.parents, p.division].some((c) => c.code === node.place.code))!.division!
    const path = [...above.parents, above]
    const parents = path.slice(0, path.findIndex((p) => p.code === node.place.code))
    const body: RootContent[] = [
      pageTitle(`${node.place.name}的单位`),
      paragraph(strong('行政区划'), '：', ...parents.flatMap((p) => [link(url.division(p), p.name), ' → ']), `${node.place.name}（${LEVEL_LABEL[node.place.level]}级，区划代码 ${node.place.code}）`),
      paragraph(`${node.plans} 份文件出自本区划及其下级。`),
    ]
    if (node.bodies.length > 0) body.push(heading(2, `${node.place.name}的单位`), list(unitChoices(site, node.bodies)))
    if (node.children.length > 0) body.push(heading(2, '下级区划'), treeList(node.children))
    return { path: `units/${node.place.code}.md`, frontmatter: { title: `${node.place.name}的单位` }, body }
  })
  if (tree.undetermined.length > 0) {
    const body: RootContent[] = [
      pageTitle('区划未定'),
      paragraph('以下文件的发文机关所属的行政区划无法从文件中确定（未写明地名，或同名的区划不止一个），其单位单独列出，不与其他区划的同名单位合并。管理员可在文件旁写明区划（见维护指南），重新构建后即归入该区划。'),
    ]
    for (const { plan, bodies } of tree.undetermined) body.push(heading(2, link(url.planHome(plan), titleOf(plan))), paragraph(`${planLine(plan)}（${plan.source}）`), list(unitChoices(site, bodies)))
    pages.push({ path: `${url.undetermined().slice(1)}.md`, frontmatter: { title: '区划未定' }, body })
  }
  return pages
}

/** The heading of a higher government's tasks on a body's page. */
export const HIGHER = '上级文件的任务'

/** "以下任务出自上级政府的文件，发给“各乡镇人民政府”，本单位是其中之一。" */
function higherNote(higher: Array<{ owed: UnitTask[] }>): string {
  const groups = [...new Set(higher.flatMap((h) => h.owed.map((o) => o.via).filter((v): v is string => v !== null)))]
  return `以下任务出自上级政府的文件${groups.length > 0 ? `，发给“${groups.join('”“')}”，本单位是其中之一` : ''}；完成时限以上级文件为准。`
}

/** Links to bodies, "、"-joined. */
function bodyLinks(bodies: Body[]): Inline[] {
  return bodies.flatMap((b, i) => [...(i > 0 ? ['、'] : []), link(url.unit(b), b.name)])
}

export function unitPages(site: Site, pdf: boolean): Page[] {
  return site.units.map((unit) => {
    const members = membersOf(site, unit)
    const groups = groupsOf(site, unit)
    const body: RootContent[] = [pageTitle(unit.title)]
    const facts: Inline[][] = []
    facts.push([strong('行政区划'), '：', ...(unit.place ? [link(url.division(unit.place), unit.place.name)] : [link(url.undetermined(), '区划未定')])])
    if (unit.aliases.length > 0) facts.push([strong('文件中也写作'), '：', unit.aliases.join('、')])
    if (groups.length > 0) facts.push([strong('所属群体'), '：', ...bodyLinks(groups), '（发给所属群体的任务本单位也须完成）'])
    if (members.length > 0) facts.push([strong('本群体包括'), '：', ...bodyLinks(members)])
    body.push(...section('screen-only', [list(facts)]))
    const owing = site.plans.map((plan) => ({ plan, owed: tasksOfBody(site, plan, unit) })).filter((p) => p.owed.length > 0)
    // The tasks of a higher government's plans (上党区's, to 各乡镇人民政府) apart from the body's own plans'.
    const plans = owing.filter((p) => !isHigherPlan(p.plan, unit))
    const higher = owing.filter((p) => isHigherPlan(p.plan, unit))
    const frontmatter = { title: unit.title, unit: unit.slug }
    if (isLibrary(site)) {
      // A library: the unit's tasks in each plan are on that plan's page for the unit (planUnitPages).
      const choices = (part: typeof owing) => list(part.map(({ plan, owed }) => [link(url.planUnit(plan, unit), titleOf(plan)), `（${planLine(plan)}；${owed.length} 项任务）`]))
      body.push(
        paragraph(owing.length === 0 ? '没有文件发给本单位任务。' : `${owing.length} 份文件有发给本单位的任务，共 ${owing.reduce((n, p) => n + p.owed.length, 0)} 项。选择文件查看本单位在其中的任务和完成时限：`),
        ...(plans.length > 0 ? [choices(plans)] : []),
        ...(higher.length > 0 ? [heading(2, HIGHER), paragraph(higherNote(higher)), choices(higher)] : []),
      )
      return { path: `units/${unit.slug}.md`, frontmatter, body }
    }
    // Printed for a unit that owes tasks (scripts/site/pdf.ts).
    if (pdf && owing.length > 0) {
      body.push(...section('screen-only', [paragraph(fileLink(url.unitPdf(unit), savedName([...unitWords(unit), '职责清单'], 'pdf'), '下载职责清单 PDF（A4）'))]))
    }
    const several = site.plans.length > 1
    for (const { plan, owed } of plans) {
      if (several) body.push(...section('unit-plan', [heading(2, titleOf(plan))]))
      body.push(...unitInPlan(site, plan, unit, owed, several ? 3 : 2))
    }
    if (higher.length > 0) {
      body.push(...section('unit-higher', [heading(2, HIGHER), paragraph(higherNote(higher))]))
      for (const { plan, owed } of higher) {
        body.push(...section('unit-plan', [heading(3, titleOf(plan))]))
        body.push(...unitInPlan(site, plan, unit, owed, 4))
      }
    }
    return { path: `units/${unit.slug}.md`, frontmatter, body }
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
    const owed = tasksOfBody(site, plan, unit)
    if (owed.length === 0) continue
    pages.push({
      path: `${plan.id}/units/${unit.slug}.md`,
      frontmatter: { title: `${unit.title} · ${titleOf(plan)}`, plan: plan.id, unit: unit.slug },
      body: [
        pageTitle(unit.title),
        ...section('screen-only', [paragraph(link(url.unit(unit), `${unit.title}在全部文件中的任务`))]),
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
function unitInPlan(site: Site, plan: Plan, unit: Body, owed: UnitTask[], depth: 2 | 3 | 4): RootContent[] {
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
      paragraph(strong(`${unit.title}职责清单`)),
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
