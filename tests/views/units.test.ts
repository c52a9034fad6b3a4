// Who owes what in the seed plan: each unit's tasks, its own and its groups' (read off the plan's 责任单位 notes).
import { describe, expect, it } from 'vitest'
import { bodyOf, makeSite } from '../../scripts/views/site.ts'
import { groupsOf, isHigherPlan, membersOf, tasksOfBody, tasksOfUnit, unitAndGroups } from '../../scripts/views/units.ts'
import { planOf, SEED } from '../helpers/plans.ts'

const plan = await planOf(SEED)
const site = makeSite([plan])
const owed = (name: string) => tasksOfUnit(plan, plan.units, name).map((t) => (t.via ? `${t.task.number}<${t.via}` : `${t.task.number}`))

describe('the tasks a unit owes', () => {
  it.each([
    ['镇纪委监委', ['15', '25']],
    ['各站所', ['2', '7', '11', '23', '24', '26', '27']],
    // A 负有安全监管职责的站所 is one of 各站所: it owes theirs too, marked as reaching it through them.
    ['负有安全监管职责的站所', ['2<各站所', '7<各站所', '11<各站所', '12', '13', '19', '22', '23<各站所', '24<各站所', '26<各站所', '27<各站所', '33']],
    ['各企业', ['16<各生产经营单位', '17<各生产经营单位', '18<各生产经营单位', '31<各生产经营单位', '32', '33<各生产经营单位']],
  ])('%s', (name, tasks) => expect(owed(name)).toEqual(tasks))

  it('a unit and the groups it belongs to', () => {
    expect(unitAndGroups(plan.units, '各企业')).toEqual(['各企业', '各生产经营单位'])
    expect(unitAndGroups(plan.units, '镇政府')).toEqual(['镇政府'])
  })

  it('a body owes what its unit name owes, and knows its groups and members', () => {
    for (const unit of plan.units) {
      const body = bodyOf(site, plan, unit.name)
      expect(tasksOfBody(site, plan, body).map((t) => [t.task.number, t.via])).toEqual(tasksOfUnit(plan, plan.units, unit.name).map((t) => [t.task.number, t.via]))
    }
    const stations = bodyOf(site, plan, '各站所')
    const supervising = bodyOf(site, plan, '负有安全监管职责的站所')
    expect(membersOf(site, stations)).toEqual([supervising])
    expect(groupsOf(site, supervising)).toEqual([stations])
    expect(groupsOf(site, stations)).toEqual([])
  })

  it('a plan is not higher than its own bodies', () => {
    for (const unit of plan.units) expect(isHigherPlan(plan, bodyOf(site, plan, unit.name))).toBe(false)
  })
})
