// What a task page shows beside the task, in the seed plan.
import { describe, expect, it } from 'vitest'
import { obligationsOf, relatedTasks } from '../../scripts/views/tasks.ts'
import { planOf, SEED } from '../helpers/plans.ts'

const plan = await planOf(SEED)
const task = (n: number) => plan.tasks.find((t) => t.number === n)!

describe('related tasks', () => {
  it('task 1: the other tasks of measure 1, and those of other measures with a unit in common (各村)', () => {
    const { sameMeasure, sameUnits } = relatedTasks(plan, task(1))
    expect(sameMeasure.map((t) => t.number)).toEqual([2, 3, 4])
    expect(sameUnits.map((t) => t.number)).toEqual([6, 21, 23, 24, 33, 35])
  })
  it('never the task itself, never a task of the same measure twice', () => {
    for (const t of plan.tasks) {
      const { sameMeasure, sameUnits } = relatedTasks(plan, t)
      expect([...sameMeasure, ...sameUnits].map((r) => r.number)).not.toContain(t.number)
      expect(sameUnits.every((r) => r.measure !== t.measure && r.units.some((u) => t.units.includes(u)))).toBe(true)
    }
  })
})

describe('periodic duties', () => {
  it.each([
    [1, [['quarter', 1]]],
    [6, [['month', 1]]],
    [31, [['year', 2]]],
    [2, []],
  ] as const)('task %i', (n, duties) => expect(obligationsOf(plan, task(n)).map((o) => [o.period, o.times])).toEqual(duties))
})
