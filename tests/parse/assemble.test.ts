// The model put together (scripts/parse/assemble.ts): what the steps read, placed; optional fields only where read.
import { NO_CONTEXT } from '../../scripts/parse/notes.ts'
import { describe, expect, it } from 'vitest'
import { assemblePlan } from '../../scripts/parse/assemble.ts'
import { readFrame } from '../../scripts/parse/frame.ts'
import { readMeasures } from '../../scripts/parse/measures.ts'
import { findRoles } from '../../scripts/parse/roles.ts'
import { readPhasesAndRequirements, readSections } from '../../scripts/parse/sections.ts'
import { readStatements } from '../../scripts/parse/statements.ts'
import { registry } from '../helpers/plans.ts'

function partsOf(lines: string[]) {
  const warn = () => {}
  const frame = readFrame(lines.join('\n'), warn)
  const roles = findRoles(readSections(frame.outline.items), NO_CONTEXT, warn)!
  const body = readMeasures(roles.sections, roles, { registry, planYear: frame.planYear, unsigned: false, conventionLine: null, notes: NO_CONTEXT }, warn)
  return {
    id: 'p', source: 'p.txt', registry, frame, sections: roles.sections, body,
    statements: readStatements(frame.head.title, frame.outline.head, roles.sections, body.taskCount, warn),
    contents: readPhasesAndRequirements(roles.sections, frame.date, frame.planYear, warn),
    unplaced: new Map(), leadConvention: null,
  }
}

const lines = ['某某镇人民政府', '关于开展专项整治的实施方案', '各村、各站所：', '为做好工作，制定本方案。', '一、主要任务', '现有任务如下。', '（一）甲', '1.a（责任单位：镇应急办）', '', '某某镇人民政府', '2023年3月1日']

describe('assemblePlan', () => {
  it('places the frame, sections, measures and tasks; leaves out optional fields not read', () => {
    const plan = assemblePlan(partsOf(lines))
    expect(plan).toMatchObject({ id: 'p', source: 'p.txt', issuer: '某某镇人民政府', title: '关于开展专项整治的实施方案', addresseesText: '各村、各站所', addressees: ['各村', '各站所'], date: '2023-03-01', preamble: '为做好工作，制定本方案。' })
    expect(plan.sections).toEqual([{ number: 1, title: '主要任务', kind: 'measures', intro: '现有任务如下。', line: 5 }])
    expect(plan.units.map((u) => u.name)).toEqual(['镇应急办'])
    for (const key of ['documentNumber', 'portal', 'leadConvention', 'notice'] as const) expect(plan).not.toHaveProperty(key)
  })

  it('a section\'s unplaced items are its text, joined; the lead convention as written', () => {
    const parts = partsOf(lines)
    const plan = assemblePlan({ ...parts, unplaced: new Map([[parts.sections[0]!.item, ['（1）说明', '（2）说明']]]), leadConvention: '排在第一位的为牵头单位' })
    expect(plan.sections[0]!.unplaced).toBe('（1）说明\n（2）说明')
    expect(plan.leadConvention).toBe('排在第一位的为牵头单位')
  })
})
