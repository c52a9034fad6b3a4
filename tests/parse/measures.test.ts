// Measures and their tasks (scripts/parse/measures.ts), over the roles found.
import { NO_CONTEXT } from '../../scripts/parse/notes.ts'
import { describe, expect, it } from 'vitest'
import { readMeasures, type MeasureContext } from '../../scripts/parse/measures.ts'
import { findRoles } from '../../scripts/parse/roles.ts'
import { registry } from '../helpers/plans.ts'
import { sectionsOf, warnings } from '../helpers/steps.ts'

const context: MeasureContext = { registry, planYear: 2023, unsigned: false, conventionLine: null, notes: NO_CONTEXT }

function measuresOf(lines: string[], more: Partial<MeasureContext> = {}) {
  const { warn, seen } = warnings()
  const roles = findRoles(sectionsOf(lines), NO_CONTEXT, warn)!
  return { ...readMeasures(roles.sections, roles, { ...context, ...more }, warn), warnings: seen() }
}

describe('readMeasures', () => {
  it('numbers measures and tasks in document order, each task under its measure', () => {
    const read = measuresOf(['一、主要任务', '（一）强化火源管控。', '1.巡山。（责任单位：镇林业站）', '2.查火。（责任单位：各村）', '（二）开展排查', '3.排查。（责任单位：镇应急办）'])
    expect(read.measures.map((m) => [m.number, m.title, m.tasks, m.line])).toEqual([[1, '强化火源管控', [1, 2], 2], [2, '开展排查', [3], 5]])
    expect(read.tasks.map((t) => [t.number, t.measure, t.units])).toEqual([[1, 1, ['镇林业站']], [2, 1, ['各村']], [3, 2, ['镇应急办']]])
    expect(read.usedUnits).toEqual(['镇林业站', '各村', '镇应急办'])
    expect(read.taskCount).toBe(3)
    expect(read.warnings).toEqual([])
  })

  it('a measure\'s note is its own, out of its title; its tasks without one take its units', () => {
    const read = measuresOf(['一、主要任务', '（一）强化火源管控（牵头单位：镇林业站）', '1.巡山。', '2.查火。（责任单位：各村）'])
    expect(read.measures[0]).toMatchObject({ title: '强化火源管控', note: '（牵头单位：镇林业站）', units: ['镇林业站'] })
    expect(read.tasks.map((t) => [t.units, t.fromMeasure ?? null])).toEqual([[['镇林业站'], ['units']], [['各村'], null]])
  })

  it('warns of measures out of order and of a measure without tasks', () => {
    const read = measuresOf(['一、主要任务', '（一）甲', '1.a（责任单位：A站）', '2.b（责任单位：B所）', '（二）乙', '（四）丁', '3.c（责任单位：C办）'])
    expect(read.measures.map((m) => [m.number, m.marker ?? null, m.tasks])).toEqual([[1, null, [1, 2]], [2, null, []], [3, '（四）', [3]]])
    expect(read.warnings).toEqual([
      [6, 'numbering', '编号不连续：此处应为措施3（接在措施2之后），实为措施4；缺措施3'],
      [5, 'outline', '措施2下没有任务：其下应有编号为“1.”…的任务'],
    ])
  })

  it('a heading between the section and its measures groups them', () => {
    const read = measuresOf(['一、主要任务', '（一）森林防火', '1.火源管控', '（1）巡山。（责任单位：镇林业站）', '2.隐患排查', '（1）排查。（责任单位：各村）'])
    expect(read.measures.map((m) => [m.title, m.group, m.marker])).toEqual([['火源管控', '（一）森林防火', '1.'], ['隐患排查', '（一）森林防火', '2.']])
  })

  it('the plan\'s lead-unit convention applies to the tasks below the line that states it', () => {
    const lines = ['一、主要任务', '（一）甲', '1.a（责任单位：A站、B所）', '2.b（责任单位：C办、D局）']
    expect(measuresOf(lines, { conventionLine: 4 }).tasks.map((t) => t.leadByConvention ?? false)).toEqual([false, true])
  })

  it('where the file is unsigned, its last task may be cut by its end', () => {
    const lines = ['一、主要任务', '（一）甲', '1.a（责任单位：A站）', '2.开展检查，对']
    expect(measuresOf(lines).tasks.map((t) => t.truncated ?? false)).toEqual([false, false])
    expect(measuresOf(lines, { unsigned: true }).tasks.map((t) => t.truncated ?? false)).toEqual([false, true])
  })
})
