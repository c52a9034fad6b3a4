// Roles (scripts/parse/roles.ts): tasks are the items that carry a note, measures the items that hold them.
import { NO_CONTEXT } from '../../scripts/parse/notes.ts'
import { describe, expect, it } from 'vitest'
import { findRoles, measureNote } from '../../scripts/parse/roles.ts'
import { sectionsOf, warnings } from '../helpers/steps.ts'

/** The roles of these lines, as text: each task's marker with its holder's, the empty measures, the section kinds. */
function rolesOf(lines: string[]) {
  const { warn, seen } = warnings()
  const roles = findRoles(sectionsOf(lines), NO_CONTEXT, warn)
  if (roles === null) return null
  return {
    tasks: roles.tasks.map((t) => `${t.holder.marker.text}${t.item.marker.text}`),
    empty: roles.empty.map((m) => m.marker.text),
    kinds: roles.sections.map((s) => s.kind),
    taskKinds: [...roles.taskKinds],
    needsNote: roles.needsNote,
    warnings: seen(),
  }
}

describe('findRoles', () => {
  it('tasks are the noted items, measures hold them; a measure with no task is empty', () => {
    expect(rolesOf(['一、主要任务', '（一）甲', '1.a（责任单位：A站）', '2.b（责任单位：B所）', '（二）乙', '（三）丙', '3.c（责任单位：C办）'])).toEqual({
      tasks: ['（一）1.', '（一）2.', '（三）3.'], empty: ['（二）'], kinds: ['measures'], taskKinds: ['arabic'], needsNote: true, warnings: [],
    })
  })

  it('an item written as a task beside tasks, without its note, is a task', () => {
    expect(rolesOf(['一、主要任务', '（一）甲', '1.a（责任单位：A站）', '2.b，未写单位。'])!.tasks).toEqual(['（一）1.', '（一）2.'])
  })

  it('a task beside measures, outside any, is held by its section, with a warning', () => {
    const roles = rolesOf(['一、主要任务', '（一）甲', '1.a（责任单位：A站）', '2.b（责任单位：B所）', '3.c（责任单位：C办）'])
    expect(roles).toMatchObject({ tasks: ['（一）1.', '（一）2.', '（一）3.'] })
    const stray = rolesOf(['一、主要任务', '（一）甲', '1.a（责任单位：A站）', '2.b（责任单位：B所）', '（二）乙（责任单位：D办）'])!
    expect(stray.tasks).toEqual(['（一）1.', '（一）2.', '一、（二）'])
    expect(stray.warnings).toEqual([[5, 'outline', '任务2不在任何措施之下：其前应有“（一）…”这样的措施标题；显示在所属部分之下']])
  })

  it('a section no heading word names that holds tasks holds measures', () => {
    expect(rolesOf(['一、指导思想', '以人为本。', '二、森林防火', '（一）甲', '1.a（责任单位：A站）'])!.kinds).toEqual(['guidance', 'measures'])
  })

  it('items in the guiding ideology, phases and requirements are no tasks', () => {
    expect(rolesOf(['一、工作要求', '（一）甲（责任单位：A站）'])).toBeNull()
  })

  it('without any note, the deepest items of the measures section are the tasks', () => {
    expect(rolesOf(['一、重点工作', '（一）甲', '1.a', '2.b', '（二）乙', '3.c'])).toEqual({
      tasks: ['（一）1.', '（一）2.', '（二）3.'], empty: [], kinds: ['measures'], taskKinds: [], needsNote: false, warnings: [],
    })
  })

  it('nothing reads as a task: null', () => {
    expect(rolesOf(['一、背景', '（一）甲', '二、其他'])).toBeNull()
  })
})

describe('measureNote', () => {
  it('is the note a measure states for its tasks in its heading, not a task\'s', () => {
    const [section] = sectionsOf(['一、主要任务', '（一）强化火源管控（牵头单位：镇林业站）', '1.加强巡山护林。', '2.严查野外用火。（责任单位：各村）'])
    const measure = section!.item.children[0]!
    expect(measureNote(measure, new Set(['arabic']), NO_CONTEXT)?.raw).toBe('（牵头单位：镇林业站）')
    // Written with the marker of tasks: a task's note.
    expect(measureNote(measure, new Set(['cn-paren']), NO_CONTEXT)).toBeNull()
  })

  it('is no measure\'s note when the text before it is a sentence', () => {
    const [section] = sectionsOf(['一、主要任务', '（一）开展检查。对隐患逐一排查。（责任单位：A站）', '1.排查。', '2.整治。（责任单位：B所）'])
    expect(measureNote(section!.item.children[0]!, new Set(['arabic']), NO_CONTEXT)).toBeNull()
  })
})
