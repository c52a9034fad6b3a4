// Pages that show what the plan means and connects to: the national measures it
// refines, its terms, the documents it cites, the sectors its tasks concern.

import type { RootContent } from 'mdast'
import type { Plan, Task } from '../model/plan.ts'
import { headingWithId, link, list, pageTitle, paragraph, strong, table, type Inline, type Page } from './markdown.ts'
import { FULL_MATCH, layersOf, type Citation, type Knowledge, type NationalData, type MeasureMatch, type Place, type PlanKnowledge, type Sector, type Term } from '../views/knowledge.ts'
import { isLibrary, titleOf, type Site } from '../views/site.ts'
import { deadlineLabel } from '../views/deadlines.ts'
import { measureCount, measureHeading, measureLink, planLine, planMeta, taskLink, taskUnits, url } from './common.ts'

function placeLink(plan: Plan, place: Place): Inline {
  if (place.kind === 'task') return taskLink(plan, plan.tasks.find((t) => t.number === place.task)!)
  const target = { preamble: url.planHome(plan), guidance: url.guidance(plan), measures: url.planHome(plan), phases: url.phases(plan), requirements: url.requirements(plan) }[place.anchor]
  return link(target, place.label)
}

function places(plan: Plan, list_: Place[]): Inline[] {
  return list_.flatMap((p, i) => (i === 0 ? [placeLink(plan, p)] : ['、', placeLink(plan, p)]))
}

/**
 * How closely a measure matches its national counterpart, in words: 对应 where
 * the titles agree (or an editor fixed the pair), 部分对应 where they share only
 * part (the method is in ARCHITECTURE.md, 对照国家十五条措施).
 */
export function correspondence(match: MeasureMatch): string {
  return match.overridden || match.score >= FULL_MATCH ? '对应' : '部分对应'
}

export function nationalPage(plan: Plan, layers: PlanKnowledge, data: NationalData): Page {
  const matches = layers.nationalMatches
  const uncovered = layers.uncoveredNational
  const byNational = new Map(matches.filter((m) => m.national !== null).map((m) => [m.national!, m]))
  const body: RootContent[] = [
    pageTitle('对照国务院安委会“十五条措施”'),
    ...planMeta(plan),
    paragraph(`本方案的 ${measureCount(plan)}与《${data.title}》逐条对照。“对应”指两者标题基本一致，“部分对应”指标题只有部分相同，请对照原文判断。`),
    paragraph(strong('本方案未覆盖的国家措施'), `：${uncovered.length === 0 ? '无。' : uncovered.map((n) => `第${n.number}条 ${n.heading}`).join('；')}`),
    table(
      [['国家措施'], ['本方案对应措施'], ['对应程度']],
      data.measures.map((n) => {
        const m = byNational.get(n.number)
        return [
          [`第${n.number}条 ${n.heading}`],
          m ? [measureLink(plan, m.measure)] : [strong('未覆盖')],
          [m ? correspondence(m) : '—'],
        ]
      }),
    ),
  ]
  const unmatched = matches.filter((m) => m.national === null)
  if (unmatched.length > 0) body.push(paragraph(strong('未找到对应国家措施的本方案措施'), '：', ...unmatched.flatMap((m, i) => [...(i ? ['、'] : []), measureLink(plan, m.measure)])))
  return { path: `${plan.id}/national.md`, frontmatter: { title: '对照国家十五条措施', plan: plan.id }, body }
}

/** The line a measure page shows: its national counterpart. */
export function nationalLine(plan: Plan, measure: number, layers: PlanKnowledge, data: NationalData): RootContent {
  const match = layers.nationalByMeasure.get(measure)
  const national = data.measures.find((n) => n.number === match?.national)
  return paragraph(
    strong('对应国家措施'), '：',
    national ? link(url.national(plan), `第${national.number}条 ${national.heading}`) : link(url.national(plan), '未找到对应的国家措施'),
    national && match ? `（${correspondence(match)}）` : '',
  )
}

export function glossaryPage(plan: Plan, terms: Term[]): Page {
  const body: RootContent[] = [
    pageTitle('术语'),
    ...planMeta(plan),
    paragraph('本方案中加引号的用语和提到的工作机制。释义只引用本方案自己的说法；本方案未作解释的，只列出出现的位置。'),
  ]
  for (const term of terms) {
    body.push(
      headingWithId(2, term.id, term.term),
      paragraph(strong('本方案的说法'), '：', term.definition ?? '本方案未作解释。'),
      paragraph(strong('出现于'), '：', ...places(plan, term.places)),
    )
  }
  return { path: `${plan.id}/glossary.md`, frontmatter: { title: '术语', plan: plan.id }, body }
}

export function citationsPage(plan: Plan, cited: Citation[]): Page {
  return {
    path: `${plan.id}/citations.md`,
    frontmatter: { title: '引用文件', plan: plan.id },
    body: [
      pageTitle('引用文件'),
      ...planMeta(plan),
      paragraph(`本方案以书名号引用的 ${cited.length} 份文件，以及引用它们的任务和章节。`),
      ...cited.flatMap((c) => [paragraph(strong(`《${c.document}》`)), list([[...places(plan, c.places)]])]),
    ],
  }
}

export function sectorPages(site: Site, knowledge: Knowledge): Page[] {
  const sectors = knowledge.data.sectors
  const tasksOf = (plan: Plan, sector: Sector) => layersOf(knowledge, plan).sectorTasks.get(sector.slug) ?? []
  const index: Page = {
    path: 'sectors/index.md',
    frontmatter: { title: '行业领域' },
    body: [
      pageTitle('行业领域'),
      paragraph('按行业领域查看涉及的任务（任务标题或内容提到该领域或其别称即列入）。'),
      list(sectors.map((s) => [link(url.sector(s), s.name), `（${site.plans.reduce((n, p) => n + tasksOf(p, s).length, 0)} 项任务）`])),
    ],
  }
  const pages = sectors.map((sector): Page => {
    const body: RootContent[] = [pageTitle(sector.name), paragraph(strong('按以下用语查找'), '：', sector.words.join('、'))]
    const plans = site.plans.map((plan) => ({ plan, tasks: tasksOf(plan, sector) })).filter((p) => p.tasks.length > 0)
    if (plans.length === 0) body.push(paragraph('没有任务提到这一领域。'))
    else if (isLibrary(site)) {
      // A library: each plan's tasks of the sector are on that plan's sector page.
      body.push(
        paragraph(`${plans.length} 份文件有提到这一领域的任务。选择文件查看这些任务：`),
        list(plans.map(({ plan, tasks }) => [link(url.planSector(plan, sector), titleOf(plan)), `（${planLine(plan)}；${tasks.length} 项任务）`])),
      )
    } else {
      for (const { plan, tasks } of plans) body.push(...planMeta(plan), sectorTable(site, plan, tasks))
    }
    return { path: `sectors/${sector.slug}.md`, frontmatter: { title: sector.name }, body }
  })
  return [index, ...pages]
}

/** A library's plan: its tasks by sector, a section a sector (the sector pages link each section). */
export function planSectorsPage(site: Site, plan: Plan, layers: PlanKnowledge, sectors: Sector[]): Page {
  const body: RootContent[] = [pageTitle('行业领域'), ...planMeta(plan), paragraph('本文件中涉及各行业领域的任务（任务标题或内容提到该领域或其别称即列入）。')]
  for (const sector of sectors) {
    const tasks = layers.sectorTasks.get(sector.slug) ?? []
    if (tasks.length === 0) continue
    body.push(headingWithId(2, sector.slug, sector.name), paragraph(link(url.sector(sector), `全部文件中的${sector.name}任务`)), sectorTable(site, plan, tasks))
  }
  if (body.length === 3) body.push(paragraph('没有任务提到这些领域。'))
  return { path: `${plan.id}/sectors.md`, frontmatter: { title: `行业领域 · ${titleOf(plan)}`, plan: plan.id }, body }
}

function sectorTable(site: Site, plan: Plan, tasks: Task[]): RootContent {
  return table(
    [['任务'], ['责任单位'], ['完成时限'], ['所属措施']],
    tasks.map((t) => [[taskLink(plan, t)], taskUnits(site, plan, t), [deadlineLabel(t.deadline)], [measureHeading(plan.measures.find((m) => m.number === t.measure)!)]]),
  )
}
