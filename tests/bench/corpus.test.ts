// The benchmark's synthetic plans: distinct, deterministic, and each one a
// plan the parser reads fully (13 measures, 35 tasks), like the seed.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MAX_PLANS, syntheticCorpus, syntheticPlan, township } from '../../scripts/bench/corpus.ts'
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
