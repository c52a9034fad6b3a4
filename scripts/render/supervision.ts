// 督办: per unit, the tasks late or due soon with their last report. The
// page lists each unit's open dated tasks (due and not reported done, and
// recurring duties), nearest first; the theme's script writes each row's state
// on the reader's day (.vitepress/theme/due.ts); on paper each unit is a
// 督办单 on A4 of its own, holding only the rows late or due within 30 days.

import type { RootContent } from 'mdast'
import type { Plan, Task, Unit } from '../model/plan.ts'
import { fileLink, heading, html, pageTitle, paragraph, section, table, type Inline, type Page } from './markdown.ts'
import { isLibrary, titleOf, type Site } from '../views/site.ts'
import { deadlineLabel } from '../views/deadlines.ts'
import { tasksOfUnit, type UnitTask } from '../views/units.ts'
import { savedName, taskLink } from './common.ts'
import { dueFact, factMarker, isDated, reportWords } from './progress.ts'
import { latestReport } from '../views/progress.ts'

export const supervisionUrl = {
  page: () => '/supervision/',
  xlsx: () => '/supervision/duban.xlsx',
}

/** A unit's open dated tasks: due and not reported done, or recurring; by date (recurring after the dated). */
export function openTasks(site: Site, unit: Unit): UnitTask[] {
  const owed = site.plans.flatMap((plan) => tasksOfUnit(plan, site.units, unit.name))
  const open = owed.filter(({ plan, task }) => isDated(task) && !(task.deadline.kind === 'due' && latestReport(site, plan, task)?.status === '已完成'))
  const key = (t: Task) => (t.deadline.kind === 'due' ? `0${t.deadline.date}` : '1')
  return open.sort((a, b) => (key(a.task) < key(b.task) ? -1 : key(a.task) > key(b.task) ? 1 : 0))
}

function row(site: Site, plan: Plan, task: Task, withPlan: boolean): Inline[][] {
  const report = latestReport(site, plan, task)
  return [
    [factMarker(dueFact(site, plan, task))],
    [...(withPlan ? [`《${titleOf(plan)}》`] : []), taskLink(plan, task)],
    [deadlineLabel(task.deadline)],
    report ? reportWords(report) : ['未报告'],
    [report?.progress ?? ''],
  ]
}

export function supervisionPage(site: Site): Page {
  const withPlan = site.plans.length > 1
  const body: RootContent[] = [
    pageTitle('督办单'),
    ...section('screen-only', [
      paragraph('各单位尚未报告完成的限期任务和周期性任务，最近的截止日期在前，附最近一次报告的状态和进展。打印时每个单位一页（A4），只印已逾期和30天内到期的任务。状态按您打开本页的日期计算：', html('<span class="due-today">…</span>')),
      paragraph(fileLink(supervisionUrl.xlsx(), savedName(['督办台账'], 'xlsx'), '督办台账（Excel，打开时按当天日期计算状态）')),
    ]),
  ]
  let any = false
  for (const unit of site.units) {
    const open = openTasks(site, unit)
    if (open.length === 0) continue
    any = true
    body.push(
      ...section('duban-unit', [
        heading(2, `${unit.name}督办单`),
        html('<p class="print-only print-date"></p>'),
        table([['状态'], ['任务'], ['完成时限'], ['最近报告'], ['进展情况']], open.map(({ plan, task }) => row(site, plan, task, withPlan))),
      ]),
    )
  }
  if (!any) body.push(paragraph('各单位没有尚未完成的限期任务或周期性任务。'))
  return { path: 'supervision/index.md', frontmatter: { title: '督办单', outline: false, aside: false, prev: false, next: false, pageClass: 'supervision' }, body }
}

/** Whether the site has the page: a library's is too large to print (its units owe thousands of tasks). */
export const hasSupervision = (site: Site) => !isLibrary(site)
