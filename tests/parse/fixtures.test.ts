// Fixture plans: each folder of tests/fixtures/plans holds input.txt and the
// expected model; each file of tests/fixtures/bad has its expected report
// beside it (NAME.expected). UPDATE=1 npx vitest run tests/fixtures.test.ts
// rewrites the expected files (never in CI, where a missing one fails).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadPlan } from '../../scripts/load.ts'
import { reportLines } from '../../scripts/report.ts'
import type { Plan } from '../../scripts/model.ts'
import { FIXTURES, fixtureNames, planOf, registry, UPDATE } from '../helpers/plans.ts'

function expectFile(file: string, actual: string): void {
  if (UPDATE) writeFileSync(file, actual)
  if (!existsSync(file)) throw new Error(`missing expected file ${file}: run UPDATE=1 npx vitest run tests/fixtures.test.ts and review it`)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

/** What a reader gets from a plan, whatever its layout: no ids, line numbers or raw notes. */
function content(plan: Plan) {
  return {
    issuer: plan.issuer,
    title: plan.title,
    addressees: plan.addressees,
    date: plan.date,
    preamble: plan.preamble,
    statedTaskCount: plan.statedTaskCount,
    nationalMeasureCount: plan.nationalMeasureCount,
    guidingIdeology: plan.guidingIdeology,
    measures: plan.measures.map(({ number, title, tasks }) => ({ number, title, tasks })),
    tasks: plan.tasks.map(({ line: _line, note: _note, ...rest }) => rest),
    units: plan.units,
    phases: plan.phases.map(({ line: _line, ...rest }) => rest),
    requirements: plan.requirements.map(({ line: _line, ...rest }) => rest),
    obligations: plan.obligations,
  }
}

describe('fixture plans', () => {
  it.each(fixtureNames('plans'))('%s', (name) => {
    const plan = planOf(`${FIXTURES}plans/${name}/input.txt`)
    expectFile(`${FIXTURES}plans/${name}/expected.json`, JSON.stringify(plan, null, 2) + '\n')
  })

  const canonical = content(planOf(`${FIXTURES}plans/canonical/input.txt`))
  it.each(['utf8-bom', 'gb18030', 'crlf', 'halfwidth-indent', 'note-own-line', 'enumerated-comma', 'hard-wrapped'])(
    '%s reads as the same plan as canonical',
    (name) => {
      expect(content(planOf(`${FIXTURES}plans/${name}/input.txt`))).toEqual(canonical)
    },
  )

  it('records lead and supporting units separately, both responsible', () => {
    const task = planOf(`${FIXTURES}plans/lead-support/input.txt`).tasks[1]!
    expect(task.lead).toEqual(['镇政府'])
    expect(task.support).toEqual(['各村', '各站所'])
    expect(task.units).toEqual(['镇政府', '各村', '各站所'])
  })

  it('keeps the note as written in half-width punctuation', () => {
    const task = planOf(`${FIXTURES}plans/halfwidth-indent/input.txt`).tasks[0]!
    expect(task.note).toBe('(责任单位:各村.完成时限:长期坚持.)')
  })
})

describe('notes in other forms', () => {
  it('reads each form into units, roles, leaders and deadlines', () => {
    const tasks = planOf(`${FIXTURES}plans/note-forms/input.txt`).tasks
    expect(tasks.map((t) => [t.units, t.lead ?? null, t.support ?? null, t.deadline.kind])).toEqual([
      [['各村'], null, null, 'ongoing'],
      [['镇政府', '各村', '各站所'], ['镇政府'], ['各村', '各站所'], 'unspecified'],
      [['各站所', '镇党委', '镇政府'], ['镇党委', '镇政府'], null, 'due'],
      [['各站所'], null, null, 'recurring'],
      [['各村', '镇政府'], ['镇政府'], null, 'unspecified'],
    ])
    expect(tasks[3]).toMatchObject({ leader: '分管副镇长', person: '站所长' })
    expect(tasks[2]!.note).toBe('牵头单位：镇党委、政府\n责任单位：各站所\n完成时限：6月15日前')
    expect(tasks[2]!.text).toBe('对河道、水库、地质灾害隐患点开展全面检查，建立隐患台账。')
  })
})

describe('what the plans leave out', () => {
  it('a task without a deadline has an unspecified one', () => {
    const plan = planOf(`${FIXTURES}plans/no-deadline/input.txt`)
    expect(plan.tasks[3]!.deadline).toEqual({ text: '', kind: 'unspecified' })
    expect(plan.tasks[3]!.note).toBe('（责任单位：各站所。）')
  })

  it('a unit the registry does not know is a unit of its own, with a pinyin slug', () => {
    const plan = planOf(`${FIXTURES}plans/unknown-unit/input.txt`)
    expect(plan.tasks[3]!.units).toEqual(['镇应急办'])
    expect(plan.units.find((u) => u.name === '镇应急办')).toMatchObject({ registered: false, slug: expect.stringMatching(/^zhen-ying-ji-ban-[0-9a-f]{6}$/) })
  })
})

describe('bad plans', () => {
  const inputs = fixtureNames('bad').filter((name) => !name.endsWith('.expected'))
  it.each(inputs)('%s gives a clear report', (name) => {
    const file = `tests/fixtures/bad/${name}`
    const result = loadPlan(`${FIXTURES}bad/${name}`, registry)
    const lines = reportLines(file, result)
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect(line).toMatch(/^tests\/fixtures\/bad\/[\w.-]+:\d+: \S/)
    expectFile(`${FIXTURES}bad/${name}.expected`, lines.join('\n') + '\n')
  })
})
