// What the pages show of follow-up: the dated facts the theme's script sorts
// into 已逾期 / 本月到期 / 30天内到期 (.vitepress/theme/due.ts), a task's
// reports, and progress bars. Markup written here carries only values of our
// own (ASCII dates, periods, numbers), checked; every text of a plan or of a
// report goes through the builders of scripts/markdown.ts as text nodes.

import type { Html, RootContent } from 'mdast'
import type { Plan, Report, Task } from '../model/plan.ts'
import { heading, html, link, list, paragraph, strong, table, text, type Inline } from './markdown.ts'
import { titleOf, type Site } from '../views/site.ts'
import { deadlineLabel, formatDate } from '../views/deadlines.ts'
import { measureHeading, taskLink, url } from './common.ts'
import { latestReport, reportsOf, statusCounts, type StatusCounts } from '../views/progress.ts'
import type { DueFact, DueState } from '../views/dates.ts'

export interface DueItem {
  plan: Plan
  task: Task
}

/** The facts of a task the script reads, from the model and the latest report. */
export function dueFact(site: Site, plan: Plan, task: Task): DueFact {
  const d = task.deadline
  const done = latestReport(site, plan, task)?.status === '已完成'
  if (d.kind === 'due' && d.date) return { kind: 'due', date: d.date, ...(done ? { done } : {}) }
  if (d.kind === 'recurring' && d.period) return { kind: 'recurring', period: d.period }
  return { kind: d.kind === 'unspecified' ? 'unspecified' : 'ongoing' }
}

/** Whether a task can fall due at all (a date or a period): 长期坚持 and 未明确 never do. */
export function isDated(task: Task): boolean {
  return (task.deadline.kind === 'due' && task.deadline.date !== undefined) || (task.deadline.kind === 'recurring' && task.deadline.period !== undefined)
}

/**
 * An empty element carrying a task's dated facts as data attributes: the script writes the state into it
 * (已逾期 12 天, 本期截止…) and marks the row or list item that holds it. Only our own ASCII values go in.
 */
export function factMarker(fact: DueFact): Html {
  const attrs = [`data-due-kind="${fact.kind}"`]
  if (fact.date) {
    if (!/^\d{4}-\d{2}(-\d{2})?$/.test(fact.date)) throw new Error(`due date "${fact.date}" is not an ISO date`)
    attrs.push(`data-due-date="${fact.date}"`)
  }
  if (fact.period) {
    if (!/^[a-z-]+$/.test(fact.period)) throw new Error(`period "${fact.period}" is not a period`)
    attrs.push(`data-due-period="${fact.period}"`)
  }
  if (fact.done) attrs.push('data-due-done="1"')
  return html(`<span class="due-fact" ${attrs.join(' ')}></span>`)
}

const LISTS: ReadonlyArray<{ state: Exclude<DueState, 'later' | 'none'>; label: string }> = [
  { state: 'late', label: '已逾期' },
  { state: 'month', label: '本月到期' },
  { state: 'soon', label: '30天内到期' },
]

/**
 * 到期提醒: three folded lists, each holding every dated task, of which the script shows those in its state on the
 * reader's day (the counts are in the summaries; a list opens on a click, so nothing moves on load). Recurring
 * duties are in 本月到期 or 30天内到期 by their next occurrence; a task reported done is never late.
 */
export function duePanel(site: Site, items: readonly DueItem[], withPlan: boolean, depth: 2 | 3 | 4 = 2): RootContent[] {
  const dated = items.filter(({ task }) => isDated(task))
  if (dated.length === 0) return []
  const out: RootContent[] = [
    // A div, not a named section: a unit's page holds one panel a plan, and landmarks must be unique.
    html('<div class="due-panel">'),
    heading(depth, '到期提醒'),
    // The reader's date and the counts are filled on load, each last on its line: nothing after them moves.
    paragraph('长期坚持的任务不计逾期，周期性任务按本期截止日计。按您打开本页的日期计算：', html('<span class="due-today">…</span>')),
  ]
  for (const { state, label } of LISTS) {
    out.push(
      html(`<details class="due-list" data-due-list="${state}"><summary>${label}：<span class="due-count">…</span></summary>`),
      // Each item a paragraph of its own: an item's first node is markup (isBlock would take it for a block).
      list(dated.filter(({ task }) => state !== 'late' || task.deadline.kind === 'due').map(({ plan, task }) => [paragraph(...dueLine(site, plan, task, withPlan))])),
      paragraph('无。'),
      html('</details>'),
    )
  }
  out.push(html('</div>'))
  return out
}

function dueLine(site: Site, plan: Plan, task: Task, withPlan: boolean): Inline[] {
  const report = latestReport(site, plan, task)
  return [
    factMarker(dueFact(site, plan, task)),
    ...(withPlan ? [`《${titleOf(plan)}》`] : []),
    taskLink(plan, task),
    ' · ',
    deadlineLabel(task.deadline),
    ...(report ? [' · ', ...reportWords(report)] : []),
  ]
}

/** "推进中（2022年6月1日报告）": the status as written and the report's date. */
export function reportWords(report: Report): Inline[] {
  const status = report.statusText === '' ? '未填状态' : report.statusText
  return [strong(status), `（${report.unit ? `${report.unit}，` : ''}${report.date ? `${formatDate(report.date)}报告` : '报告日期不明'}）`]
}

/** A task page's 工作进展: the latest report whole, then the earlier ones. */
export function taskProgress(site: Site, plan: Plan, task: Task): RootContent[] {
  const reports = reportsOf(site, plan, task)
  if (reports.length === 0) return []
  const [latest, ...earlier] = reports as [Report, ...Report[]]
  const out: RootContent[] = [
    html('<div class="task-progress">'),
    heading(2, '工作进展'),
    paragraph(strong('状态'), '：', ...reportWords(latest)),
    ...(latest.progress ? [paragraph(strong('进展情况'), '：', text(latest.progress))] : []),
    ...(latest.doneText ? [paragraph(strong('完成日期'), '：', latest.done ? formatDate(latest.done) : latest.doneText)] : []),
    ...(latest.note ? [paragraph(strong('备注'), '：', latest.note)] : []),
    paragraph(`来源：${latest.file}，工作表“${latest.sheet}”第 ${latest.row} 行。`),
  ]
  if (earlier.length > 0) {
    out.push(
      heading(3, `此前报告（${earlier.length} 份）`),
      table(
        [['报告'], ['状态'], ['进展情况'], ['来源']],
        earlier.map((r) => [reportWords(r), [r.statusText], [r.progress], [`${r.file}，工作表“${r.sheet}”第 ${r.row} 行`]]),
      ),
    )
  }
  out.push(html('</div>'))
  return out
}

/**
 * A progress bar: a <progress> element (read by screen readers as a share) with its counts in words beside it.
 * Only numbers of our own go into its markup.
 */
export function progressBar(label: Inline[], counts: StatusCounts): RootContent[] {
  const { total, counts: c } = counts
  const words = `已完成 ${c.已完成}/${total} 项；推进中 ${c.推进中}，未开始 ${c.未开始}，已逾期 ${c.已逾期}，未报告 ${c.unreported}`
  return [
    html('<div class="progress-row">'),
    paragraph(...label, '：', bar(counts), ` ${words}`),
    html('</div>'),
  ]
}

/** The bar alone: a <progress> element, hidden from screen readers (the counts beside it say the same). */
function bar(counts: StatusCounts): Html {
  return html(`<progress class="progress-bar" max="${counts.total}" value="${counts.counts.已完成}" aria-hidden="true"></progress>`)
}

/** Per measure of a plan: a table of bars and counts (one line a measure, for a 督查 meeting's projector). */
export function measureBars(site: Site, plan: Plan): RootContent[] {
  const rows = plan.measures.map((measure) => {
    const counts = statusCounts(site, measure.tasks.map((n) => ({ plan, task: plan.tasks.find((t) => t.number === n)! })))
    const c = counts.counts
    return [[link(url.measure(plan, measure.number), measureHeading(measure))], [bar(counts), ` ${c.已完成}/${counts.total}`], [String(c.推进中)], [String(c.未开始)], [String(c.已逾期)], [String(c.unreported)]]
  })
  return [
    heading(2, '工作进展'),
    paragraph(`按各单位报回的任务台账统计（共 ${site.progress?.get(plan.id)?.files.length ?? 0} 份）；每项任务取最近一次报告。`),
    html('<div class="progress-table">'),
    table([['措施'], ['已完成'], ['推进中'], ['未开始'], ['已逾期'], ['未报告']], rows),
    html('</div>'),
  ]
}
