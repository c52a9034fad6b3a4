// The benchmark's synthetic plans: distinct, deterministic, and each one a
// plan the parser reads fully (13 measures, 35 tasks), like the seed.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { largePlan, MAX_LARGE_TASKS, MAX_PLANS, syntheticCorpus, syntheticPlan, township } from '../../scripts/bench/corpus.ts'
import { parsePlan } from '../../scripts/parse/index.ts'
import { planId } from '../../scripts/site/load.ts'
import { registry, SEED } from '../helpers/plans.ts'

const seed = readFileSync(SEED, 'utf8')

describe('synthetic corpus', () => {
  const corpus = syntheticCorpus(seed, MAX_PLANS)

  it('gives every plan its own file name, township and text', () => {
    expect(new Set(corpus.map((p) => p.file)).size).toBe(MAX_PLANS)
    expect(new Set(corpus.map((p) => p.text)).size).toBe(MAX_PLANS)
    expect(new Set(Array.from({ length: MAX_PLANS }, (_, i) => township(i))).size).toBe(MAX_PLANS)
    expect(corpus.slice(0, 3).map((p) => p.file)).toEqual(['plan-001.txt', 'plan-002.txt', 'plan-003.txt'])
  })

  it('is the same on every run, and a smaller corpus is a prefix of a larger one', () => {
    expect(syntheticCorpus(seed, MAX_PLANS)).toEqual(corpus)
    expect(syntheticCorpus(seed, 10)).toEqual(corpus.slice(0, 10))
  })

  it('varies issuer, date and deadlines, and nothing of the structure', () => {
    // Every plan of the first hundred, then every 37th (all would take a minute).
    for (const [i, plan] of corpus.entries()) {
      if (i >= 100 && i % 37 !== 0 && i !== MAX_PLANS - 1) continue
      const result = parsePlan({ id: planId(plan.file), source: plan.file, text: plan.text, registry })
      if (!result.ok) throw new Error(`${plan.file}: ${result.problems.map((p) => `${p.line}: ${p.message}`).join('; ')}`)
      expect(result.plan.measures).toHaveLength(13)
      expect(result.plan.tasks).toHaveLength(35)
      expect(result.plan.issuer).toBe(`${township(i)}人民政府`)
      expect(result.plan.date).toBe(`2022-05-${String((i % 28) + 1).padStart(2, '0')}`)
    }
    // Plan 3 moves "5月底前" by two months.
    expect(syntheticPlan(seed, 2).text).toContain('7月底前完成')
    expect(syntheticPlan(seed, 2).text).not.toContain('荫城镇')
  })

  it.each([-1, MAX_PLANS, 1.5])('refuses plan number %s', (i) => {
    expect(() => syntheticPlan(seed, i)).toThrow(/expected 0 to 999/)
  })

  it('refuses a seed without what it varies', () => {
    expect(() => syntheticPlan(seed.replace(/荫城镇/g, '某镇'), 0)).toThrow(/no issuing township/)
  })
})

describe('one plan of many tasks (npm run bench -- --tasks)', () => {
  it.each([1, 20, 21, 2_000])('%i tasks: read whole, without a warning, in measures of 20 numbered in Chinese', (tasks) => {
    const plan = largePlan(tasks)
    expect(planId(plan.file)).toBe(`large-${tasks}`)
    const result = parsePlan({ id: planId(plan.file), source: plan.file, text: plan.text, registry })
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'))
    expect(result.warnings).toEqual([])
    expect(result.plan.tasks).toHaveLength(tasks)
    expect(result.plan.measures).toHaveLength(Math.ceil(tasks / 20))
    expect(result.plan.tasks.every((t) => t.units.length === 2)).toBe(true)
    expect(largePlan(tasks)).toEqual(plan)
  })

  it('numbers its measures as a plan does up to the last one a marker can number (九百九十九)', () => {
    const text = largePlan(MAX_LARGE_TASKS).text
    for (const heading of ['（十）第10项措施', '（一百〇一）第101项措施', '（一百一十）第110项措施', '（九百九十九）第999项措施']) expect(text).toContain(heading)
    expect(() => largePlan(MAX_LARGE_TASKS + 1)).toThrow(/expected 1 to 19980/)
  })
})
