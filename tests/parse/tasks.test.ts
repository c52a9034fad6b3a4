// A task read from its item (scripts/parse/tasks.ts): title, text, units, deadline, or what its measure states.
import { NO_CONTEXT } from '../../scripts/parse/notes.ts'
import { describe, expect, it } from 'vitest'
import { findNote } from '../../scripts/parse/notes.ts'
import { noteUnits, readTask, taskObligations, type TaskContext } from '../../scripts/parse/tasks.ts'
import { registry } from '../helpers/plans.ts'
import { outlineOf, warnings } from '../helpers/steps.ts'

const context: TaskContext = { number: 1, measure: 1, year: 2023, registry, needsNote: true, last: undefined, inherited: null, leadConvention: false, notes: NO_CONTEXT }

/** The first item of these lines, read as a task. */
function taskOf(lines: string[], more: Partial<TaskContext> = {}) {
  const { warn, seen } = warnings()
  const item = outlineOf(lines).items[0]!
  const task = readTask(item, { ...context, ...more, last: more.last === undefined ? undefined : item }, warn)
  return { task, warnings: seen() }
}

describe('readTask', () => {
  it('reads title, text, units and a deadline of the plan\'s year', () => {
    const { task, warnings } = taskOf(['3.排查林区隐患。对林区坟地逐一排查。（责任单位：镇应急办、镇林业站。完成时限：6月底前）'], { number: 3 })
    expect(task).toMatchObject({ number: 3, title: '排查林区隐患', text: '对林区坟地逐一排查。', units: ['镇应急办', '镇林业站'] })
    expect(task.deadline).toMatchObject({ kind: 'due', date: '2023-06-30' })
    expect(task.marker).toBeUndefined()
    expect(warnings).toEqual([])
  })

  it('keeps the marker as written where it is not the task\'s number', () => {
    expect(taskOf(['（3）排查。（责任单位：各村）'], { number: 3 }).task.marker).toBe('（3）')
    expect(taskOf(['3.排查。（责任单位：各村）'], { number: 4 }).task.marker).toBe('3.')
  })

  it('without a note where tasks carry notes: units not stated, with a warning', () => {
    const { task, warnings } = taskOf(['2.严查野外用火。'], { number: 2 })
    expect(task.units).toEqual([])
    expect(warnings).toEqual([[1, 'note', '任务2未写明责任单位：末尾应有“（责任单位：…。完成时限：…。）”这样的说明；显示为“责任单位：未注明”']])
  })

  it('takes units and deadline its note does not name from its measure', () => {
    const note = findNote('（责任单位：镇应急办。完成时限：6月底前）')!
    const inherited = { note, named: noteUnits(note, registry, false).named }
    const { task, warnings } = taskOf(['5.建立隐患台账。逐项登记。'], { inherited })
    expect(task).toMatchObject({ units: ['镇应急办'], fromMeasure: ['units', 'deadline'], deadline: { kind: 'due', date: '2023-06-30' } })
    expect(warnings).toEqual([])
  })

  it('an unreadable deadline is kept as written, unspecified, with a warning', () => {
    const { task, warnings } = taskOf(['1.排查。（责任单位：各村。完成时限：择机）'])
    expect(task.deadline).toEqual({ text: '择机', kind: 'unspecified' })
    expect(warnings.map(([line, kind]) => [line, kind])).toEqual([[1, 'deadline']])
  })

  it('the last item of an unsigned file, cut mid-sentence, is marked cut; its last unit is not read', () => {
    const { task, warnings } = taskOf(['1.排查隐患。（责任单位：镇应急办、镇林'], { last: 'item' as never })
    expect(task).toMatchObject({ truncated: true, units: ['镇应急办'] })
    expect(warnings.map(([, kind]) => kind)).toEqual(['cut', 'cut'])
  })

  it('the plan\'s lead-unit convention makes the first unit the lead', () => {
    const { task } = taskOf(['1.排查。（责任单位：镇应急办、各村）'], { leadConvention: true })
    expect(task).toMatchObject({ lead: ['镇应急办'], leadByConvention: true })
  })
})

describe('taskObligations', () => {
  it('a recurring deadline is a duty of the task', () => {
    const { task } = taskOf(['6.开展宣传进村。（责任单位：镇宣传办。完成时限：每月）'], { number: 6 })
    expect(taskObligations(task)).toEqual([{ task: 6, text: '每月', period: 'month', source: 'deadline' }])
  })
})
