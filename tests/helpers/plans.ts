// Shared by the tests: the seed plan and the fixture folders.

import { readdirSync } from 'node:fs'
import { readPlan } from '../../scripts/site/load.ts'
import { loadReference } from '../../scripts/data/load.ts'
import { placePlan } from '../../scripts/divisions/resolve.ts'
import type { Plan } from '../../scripts/model/plan.ts'

import { ROOT } from '../../scripts/paths.ts'

export { ROOT }
export const SEED = `${ROOT}seeds/yincheng-2022-safety-15-measures.txt`
export const FIXTURES = `${ROOT}tests/fixtures/`

/** The reference data, read once a test file as the build reads it (scripts/data/load.ts). */
export const reference = loadReference()
export const registry = reference.registry

export const divisions = reference.divisions()

/** The plan with its division, as the site loads it (scripts/site/load.ts): 荫城镇's seeds are 荫城镇's. */
export function placed(plan: Plan, text = ''): Plan {
  const result = placePlan(plan, text, divisions, null)
  return result.ok && result.division ? { ...plan, division: result.division } : plan
}

/** A plan file of any format, read as the build reads it (scripts/site/load.ts readPlan), and placed in its division where its text places it; throws if refused. */
export async function planOf(file: string): Promise<Plan> {
  const { result, text } = await readPlan(file, registry)
  if (!result.ok) throw new Error(result.problems.map((p) => `${file}:${p.line}: ${p.message}`).join('\n'))
  return placed(result.plan, text ?? '')
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
