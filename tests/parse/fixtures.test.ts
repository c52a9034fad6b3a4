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
