// The slides of the projection mode (放映模式): one per task, in plan order,
// with the text as it is shown. The theme's Presentation component only displays them.

import type { Plan } from '../model/plan.ts'
import { deadlineLabel } from '../views/deadlines.ts'
import { measureHeading, taskLabel, url } from '../render/common.ts'

export interface Slide {
  number: number
  measure: number
  /** "（三）严格落实部门安全监管责任" */
  measureTitle: string
  /** "任务12" */
  label: string
  title: string
  text: string
  units: string
  deadline: string
  /** The task page, without the site's base: "/plan/tasks/12.html". */
  path: string
}

export function slides(plan: Plan): Slide[] {
  return plan.tasks.map((task) => {
    const measure = plan.measures.find((m) => m.number === task.measure)!
    return {
      number: task.number,
      measure: task.measure,
      measureTitle: measureHeading(measure),
      label: taskLabel(task.number),
      title: task.title,
      text: task.text,
      units: task.units.join('、'),
      deadline: deadlineLabel(task.deadline),
      path: `${url.task(plan, task.number)}.html`,
    }
  })
}
