// The ledger (台账): one row per task a unit owes (or per task of the plan),
// with the columns cadres keep, the last four left for the unit to fill (FILLED_COLUMNS).
// Rows are plain data; xlsx.ts and csv.ts write them.

import type { Plan, Unit } from '../model/plan.ts'
import { measureHeading } from '../render/common.ts'
import { titleOf } from '../views/site.ts'
import { deadlineValue } from '../views/deadlines.ts'
import type { UnitTask } from '../views/units.ts'

export const LEDGER_COLUMNS = [
  '序号', '所属措施', '任务', '具体内容', '责任单位', '牵头/配合', '完成时限', '时限日期', '责任领导', '责任人', '进展情况', '状态', '完成日期', '备注',
] as const

/** The columns a unit fills; the build reads them back from a ledger returned (scripts/ledgers/ledger.ts). */
export const FILLED_COLUMNS = ['进展情况', '状态', '完成日期', '备注'] as const

export type LedgerRow = Record<(typeof LEDGER_COLUMNS)[number], string | number>

export interface Ledger {
  /** e.g. "关于…的实施方案 任务台账（镇政府）". */
  title: string
  /** The plan's issuer and date, for the line under the title. */
  subtitle: string
  rows: LedgerRow[]
}

/** The unit's part in a task: 牵头 or 配合 where the plan says so, else 责任单位; and the group a task reaches it through. */
function roleOf(item: UnitTask | null, lead: string[] | undefined, support: string[] | undefined): string {
  if (item) {
    if (item.via !== null) return `${item.role ? `${item.role}，` : ''}经由“${item.via}”`
    return item.role ?? '责任单位'
  }
  const parts: string[] = []
  if (lead) parts.push(`牵头：${lead.join('、')}`)
  if (support) parts.push(`配合：${support.join('、')}`)
  // The plan names no lead: every unit of the task is responsible for it.
  return parts.length > 0 ? parts.join('；') : '责任单位'
}

/** The ledger of a whole plan, or of one unit (its direct and inherited tasks). */
export function ledger(plan: Plan, unit?: { title: string; owed: UnitTask[] }): Ledger {
  const items: Array<{ task: Plan['tasks'][number]; item: UnitTask | null }> = unit
    ? unit.owed.map((item) => ({ task: item.task, item }))
    : plan.tasks.map((task) => ({ task, item: null }))
  return {
    title: `${titleOf(plan)} 任务台账${unit ? `（${unit.title}）` : ''}`,
    subtitle: `${plan.issuer} ${plan.date ?? '未注明日期'}`,
    rows: items.map(({ task, item }) => {
      const measure = plan.measures.find((m) => m.number === task.measure)!
      return {
        序号: task.number,
        所属措施: measureHeading(measure),
        任务: task.title,
        具体内容: task.text,
        责任单位: task.units.join('、'),
        '牵头/配合': roleOf(item, task.lead, task.support),
        完成时限: task.deadline.text || deadlineValue(task.deadline),
        时限日期: deadlineValue(task.deadline),
        责任领导: task.leader ?? '',
        责任人: task.person ?? '',
        进展情况: '',
        状态: '',
        完成日期: '',
        备注: '',
      }
    }),
  }
}
