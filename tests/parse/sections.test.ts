// Sections by their heading words, and what the sections other than measures hold (scripts/parse/sections.ts).
import { describe, expect, it } from 'vitest'
import { mayHoldTasks, readPhasesAndRequirements } from '../../scripts/parse/sections.ts'
import { sectionsOf, warnings } from '../helpers/steps.ts'

describe('readSections', () => {
  it.each([
    ['一、指导思想', 'guidance'],
    ['一、总体要求。', 'guidance'],
    ['二、细化措施', 'measures'],
    ['二、重点任务', 'measures'],
    ['三、实施步骤', 'phases'],
    ['四、保障措施', 'requirements'],
    ['五、其他事项', 'other'],
  ] as const)('%s → %s', (line, kind) => {
    const [section] = sectionsOf([line])
    expect(section!.kind).toBe(kind)
    expect(section!.title).toBe(line.slice(2).replace(/。$/, ''))
  })

  it('only measures and other sections may hold tasks', () => {
    expect((['guidance', 'measures', 'phases', 'requirements', 'other'] as const).filter(mayHoldTasks)).toEqual(['measures', 'other'])
  })
})

describe('readPhasesAndRequirements', () => {
  const lines = [
    '一、指导思想', '以安全发展为目标。', '（一）坚持底线。',
    '二、实施步骤', '（一）动员部署阶段（2023年3月1日—3月31日）。制定方案。', '（三）总结阶段（2023年12月）。',
    '三、工作要求', '（一）加强领导。各单位要高度重视。', '1.明确专人。', '（二）。无标题。',
    '四、附则', '本方案自印发之日起施行。',
  ]

  it('reads phases, requirements, the guiding ideology and other sections, verbatim', () => {
    const { warn } = warnings()
    const contents = readPhasesAndRequirements(sectionsOf(lines), '2023-03-01', 2023, warn)
    expect(contents.guidingIdeology).toBe('以安全发展为目标。\n（一）坚持底线。')
    expect(contents.phases.map((p) => [p.number, p.line])).toEqual([[1, 5], [2, 6]])
    expect(contents.requirements).toEqual([
      { number: 1, title: '加强领导', text: '各单位要高度重视。\n1.明确专人。', line: 8 },
      { number: 2, title: '', text: '无标题。', line: 10 },
    ])
    expect(contents.otherSections).toEqual([{ number: 4, title: '附则', text: '本方案自印发之日起施行。', line: 11 }])
  })

  it('warns of a phase numbered out of order and a requirement without a title', () => {
    const { warn, seen } = warnings()
    readPhasesAndRequirements(sectionsOf(lines), '2023-03-01', 2023, warn)
    expect(seen().filter(([, kind]) => kind !== 'phase')).toEqual([
      [6, 'numbering', '编号不连续：此处应为阶段2（接在阶段1之后），实为阶段3；缺阶段2'],
      [10, 'outline', '工作要求2没有标题：“（二）”之后应有文字'],
    ])
  })
})
