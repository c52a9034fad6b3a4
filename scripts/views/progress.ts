// Views over the ledgers sent back: a task's latest report, and counts of
// statuses for a progress bar. Pure; reads site.progress only.

import type { Plan, Report, Status, Task } from '../model/plan.ts'
import type { Site } from './site.ts'

/** A task's reports, the latest first; [] where none came back. */
export function reportsOf(site: Site, plan: Plan, task: Task): Report[] {
  return site.progress?.get(plan.id)?.reports[task.number] ?? []
}

/** The report that wins: the latest. */
export function latestReport(site: Site, plan: Plan, task: Task): Report | undefined {
  return reportsOf(site, plan, task)[0]
}

/** Whether the latest report says 已完成. */
export function reportedDone(site: Site, plan: Plan, task: Task): boolean {
  return latestReport(site, plan, task)?.status === '已完成'
}

/** Whether any ledger came back for the plan. */
export function hasProgress(site: Site, plan: Plan): boolean {
  return (site.progress?.get(plan.id)?.files.length ?? 0) > 0
}

export interface StatusCounts {
  total: number
  /** By the latest report's status; `unreported`: no report, or one without a status of the four. */
  counts: Record<Status | 'unreported', number>
}

export function statusCounts(site: Site, items: ReadonlyArray<{ plan: Plan; task: Task }>): StatusCounts {
  const counts: StatusCounts['counts'] = { 未开始: 0, 推进中: 0, 已完成: 0, 已逾期: 0, unreported: 0 }
  for (const { plan, task } of items) counts[latestReport(site, plan, task)?.status ?? 'unreported']++
  return { total: items.length, counts }
}
