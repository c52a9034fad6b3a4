// The Site: plans in id order, the body each unit name stands for, a library beyond LISTED_PLANS plans, titles.
import { describe, expect, it } from 'vitest'
import { bodyOf, isLibrary, LISTED_PLANS, makeSite, severalDivisions, titleOf } from '../../scripts/views/site.ts'
import { planOf, SEED } from '../helpers/plans.ts'

const plan = await planOf(SEED)

describe('the site', () => {
  it('sorts its plans by id', () => {
    const site = makeSite([{ ...plan, id: 'b' }, { ...plan, id: 'a' }])
    expect(site.plans.map((p) => p.id)).toEqual(['a', 'b'])
  })
  it('gives the body of each unit name of a plan, and refuses a name the plan does not use', () => {
    const site = makeSite([plan])
    for (const unit of plan.units) expect(bodyOf(site, plan, unit.name).name).toBe(unit.name)
    expect(() => bodyOf(site, plan, '不存在的单位')).toThrow('no unit 不存在的单位')
  })
  it(`is a library beyond ${LISTED_PLANS} plans`, () => {
    const plans = (n: number) => Array.from({ length: n }, (_, i) => ({ ...plan, id: `p${String(i).padStart(2, '0')}` }))
    expect(isLibrary(makeSite(plans(LISTED_PLANS)))).toBe(false)
    expect(isLibrary(makeSite(plans(LISTED_PLANS + 1)))).toBe(true)
  })
  it('names several divisions only when its plans are of more than one', () => {
    expect(severalDivisions(makeSite([plan, { ...plan, id: 'other' }]))).toBe(plan.division === undefined)
    expect(severalDivisions(makeSite([plan]))).toBe(false)
  })
  it('titles a plan that states none by its file', () => {
    expect(titleOf(plan)).toBe(plan.title)
    expect(titleOf({ ...plan, title: '' })).toBe(`未注明标题的文件（${plan.source}）`)
  })
})
