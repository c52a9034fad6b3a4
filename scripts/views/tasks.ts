// What a task page shows beside the task: the tasks related to it and its
// periodic duties (the plan's obligations). Pure; keyed by task numbers.

import type { Obligation, Plan, Task } from '../model/plan.ts'

/** Other tasks of the same measure, and other tasks with a unit in common, in task order. */
export function relatedTasks(plan: Plan, task: Task): { sameMeasure: Task[]; sameUnits: Task[] } {
  const others = plan.tasks.filter((t) => t.number !== task.number)
  return {
    sameMeasure: others.filter((t) => t.measure === task.measure),
    sameUnits: others.filter((t) => t.measure !== task.measure && t.units.some((u) => task.units.includes(u))),
  }
}

/** The periodic duties the parser found in the task (每月至少…), in the plan's order. */
export function obligationsOf(plan: Plan, task: Task): Obligation[] {
  return plan.obligations.filter((o) => o.task === task.number)
}
