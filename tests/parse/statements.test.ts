// What the plan says of itself (scripts/parse/statements.ts): its stated task count and the national measures.
import { describe, expect, it } from 'vitest'
import { readStatements } from '../../scripts/parse/statements.ts'
import { outlineOf, sectionsOf, warnings } from '../helpers/steps.ts'

const lines = ['关于细化落实十五条硬措施的实施方案', '为落实十五条硬措施，结合实际，细化为35项具体措施。', '一、细化措施', '现将任务分解为3项。', '（一）甲']

describe('readStatements', () => {
  it('reads the counts from the title and the head', () => {
    const { warn, seen } = warnings()
    const outline = outlineOf(lines)
    const statements = readStatements(outline.head[0]!.text, outline.head.slice(1), sectionsOf(lines), 35, warn)
    expect(statements).toEqual({ statedTaskCount: 35, nationalMeasureCount: 15 })
    expect(seen()).toEqual([])
  })

  it('reads the intro of the task section; a count the tasks do not match is warned on its line', () => {
    const { warn, seen } = warnings()
    const statements = readStatements('方案', [], sectionsOf(lines), 2, warn)
    expect(statements).toEqual({ statedTaskCount: 3, nationalMeasureCount: null })
    expect(seen()).toEqual([[4, 'count', '方案写明有3项任务（“分解为3项”），实际读出2项']])
  })

  it('a plan that states nothing: null', () => {
    const { warn } = warnings()
    expect(readStatements('方案', [], sectionsOf(['一、主要任务', '（一）甲']), 2, warn)).toEqual({ statedTaskCount: null, nationalMeasureCount: null })
  })
})
