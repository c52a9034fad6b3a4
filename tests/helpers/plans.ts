// Shared by the tests: the seed plan and the fixture folders.

import { readdirSync } from 'node:fs'
import { readPlan } from '../../scripts/site/load.ts'
import { loadReference } from '../../scripts/data/load.ts'
import type { Plan } from '../../scripts/model/plan.ts'

import { ROOT } from '../../scripts/paths.ts'

export { ROOT }
export const SEED = `${ROOT}seeds/yincheng-2022-safety-15-measures.txt`
export const FIXTURES = `${ROOT}tests/fixtures/`

export const registry = loadReference().registry

/** A plan file of any format, read as the build reads it (scripts/site/load.ts readPlan); throws if refused. */
export async function planOf(file: string): Promise<Plan> {
  const { result } = await readPlan(file, registry)
  if (!result.ok) throw new Error(result.problems.map((p) => `${file}:${p.line}: ${p.message}`).join('\n'))
  return result.plan
}

export function fixtureNames(folder: string): string[] {
  return readdirSync(`${FIXTURES}${folder}`).sort()
}

/** CI must not write expected files: a missing one is a failure there. */
export const UPDATE = process.env.UPDATE === '1' && process.env.CI !== 'true'

/** What a reader gets from a plan, whatever its layout: no ids, line numbers or notes as written. */
export function content(plan: Plan) {
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
