// Nothing lost (scripts/parse/unplaced.ts): an item no step placed stays in its section's text, with a warning.
import { NO_CONTEXT } from '../../scripts/parse/notes.ts'
import { describe, expect, it } from 'vitest'
import { readMeasures } from '../../scripts/parse/measures.ts'
import { findRoles } from '../../scripts/parse/roles.ts'
import { keepUnplaced } from '../../scripts/parse/unplaced.ts'
import { registry } from '../helpers/plans.ts'
import { sectionsOf, warnings } from '../helpers/steps.ts'

function unplacedOf(lines: string[]) {
  const { warn, seen } = warnings()
  const roles = findRoles(sectionsOf(lines), NO_CONTEXT, warn)!
  const body = readMeasures(roles.sections, roles, { registry, planYear: 2023, unsigned: false, conventionLine: null, notes: NO_CONTEXT }, () => {})
  const kept = keepUnplaced(roles.sections, body.measureItems, roles.tasks, warn)
  return { kept: [...kept].map(([section, texts]) => [section.marker.text, texts]), warnings: seen() }
}

describe('keepUnplaced', () => {
  it('keeps nothing where every item is a measure, a task or in a section kept verbatim', () => {
    expect(unplacedOf(['一、主要任务', '（一）甲', '1.a（责任单位：A站）', '（1）细项', '二、工作要求', '（一）加强领导', '1.明确专人'])).toEqual({ kept: [], warnings: [] })
  })

  it('an item beside a measure\'s tasks that is none of them is kept verbatim, with a warning', () => {
    expect(unplacedOf(['一、主要任务', '（一）甲', '1.a（责任单位：A站）', '（1）说明一', '（2）说明二'])).toEqual({ kept: [], warnings: [] })
    expect(unplacedOf(['一、主要任务', '（一）甲', '（1）说明', '1.a（责任单位：A站）'])).toEqual({
      kept: [['一、', ['（1）说明']]],
      warnings: [[3, 'outline', '“（1）说明”既不是措施、任务，也不属于某项任务：作为所属部分的文字按原文保留']],
    })
  })
})
