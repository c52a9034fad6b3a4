// A note stated once on a measure applies to its tasks: each task without a
// note of its own has the measure's units (and deadline), marked as taken from
// the measure (Task.fromMeasure), the note kept as the measure's (Measure.note).
import { describe, expect, it } from 'vitest'
import { parsePlan } from '../../scripts/parse/index.ts'
import { FIXTURES, planOf, registry } from '../helpers/plans.ts'

const HEAD = '某某镇人民政府\n关于做好防汛工作的实施方案\n各村：\n为做好防汛工作，制定本方案。\n一、主要任务\n'
const TAIL = '二、工作要求\n（一）加强领导。各单位要加强领导。\n\n某某镇人民政府\n2023年5月8日\n'

function parse(body: string) {
  const result = parsePlan({ id: 'p', source: 'p.txt', text: HEAD + body + TAIL, registry })
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'))
  return result
}

describe('a note on a measure', () => {
  it('applies to the tasks under it that have none; a task\'s own note wins, field by field', async () => {
    const plan = await planOf(`${FIXTURES}plans/measure-note/input.txt`)
    expect(plan.measures.map((m) => [m.title, m.note ?? null, m.units ?? null])).toEqual([
      ['强化火源管控', '（牵头单位：镇林业站；配合单位：各村。完成时限：长期坚持）', ['镇林业站', '各村']],
      ['开展隐患排查', '（责任单位：镇应急办、镇林业站。完成时限：6月底前）', ['镇应急办', '镇林业站']],
      ['强化宣传教育', null, null],
    ])
    expect(plan.tasks.map((t) => [t.number, t.units, t.lead ?? null, t.deadline.text, t.fromMeasure ?? null, t.note])).toEqual([
      [1, ['镇林业站', '各村'], ['镇林业站'], '长期坚持', ['units', 'deadline'], ''],
      [2, ['镇林业站', '各村'], ['镇林业站'], '长期坚持', ['units', 'deadline'], ''],
      [3, ['镇应急办', '镇林业站'], null, '6月底前', ['units', 'deadline'], ''],
      [4, ['各村'], null, '5月底前', null, '（责任单位：各村。完成时限：5月底前）'],
      // Its own note names a deadline only: the units are the measure's.
      [5, ['镇应急办', '镇林业站'], null, '4月底前', ['units'], '（完成时限：4月底前）'],
      [6, ['镇宣传办'], null, '每月', null, '（责任单位：镇宣传办。完成时限：每月）'],
    ])
  })

  it('is read where no task has a note of its own, at the heading\'s end or on its own line under it, without warnings', async () => {
    const { plan, warnings } = parse(
      '（一）落实防汛责任（责任单位：镇水利站。完成时限：6月底前）\n1.建立责任体系。明确各级责任。\n2.修订应急预案。\n'
      + '（二）开展隐患排查\n（牵头单位：镇应急办；配合单位：各村）\n3.排查河道。\n4.排查山塘。\n',
    )
    expect(warnings).toEqual([])
    expect(plan.measures.map((m) => [m.title, m.intro ?? null, m.tasks])).toEqual([['落实防汛责任', null, [1, 2]], ['开展隐患排查', null, [3, 4]]])
    expect(plan.tasks.map((t) => [t.title, t.units, t.deadline.kind, t.fromMeasure])).toEqual([
      ['建立责任体系', ['镇水利站'], 'due', ['units', 'deadline']],
      ['修订应急预案', ['镇水利站'], 'due', ['units', 'deadline']],
      ['排查河道', ['镇应急办', '各村'], 'unspecified', ['units']],
      ['排查山塘', ['镇应急办', '各村'], 'unspecified', ['units']],
    ])
  })

  it('is not read from a heading that is a sentence: a task\'s text is not a measure\'s note', async () => {
    const { plan } = parse('（一）落实防汛责任。各单位要压实责任（责任单位：镇水利站）\n1.建立责任体系。\n2.开展隐患排查。（责任单位：各村）\n')
    expect(plan.measures[0]!.note).toBeUndefined()
    expect(plan.tasks.map((t) => [t.units, t.fromMeasure ?? null])).toEqual([[[], null], [['各村'], null]])
  })
})

describe('a task\'s note ahead of its sub-items', () => {
  it('is the task\'s, not a measure\'s: the sub-items are its text, after its title', async () => {
    const plan = await planOf(`${FIXTURES}plans/note-before-sub-items/input.txt`)
    expect(plan.measures.map((m) => [m.title, m.note ?? null, m.tasks])).toEqual([['落实防汛责任', null, [1, 2]], ['强化应急准备', null, [3, 4]]])
    expect(plan.tasks.map((t) => [t.title, t.text, t.units, t.deadline.text, t.note])).toEqual([
      ['开展隐患排查', '（1）排查河道堤防；\n（2）排查山塘水库；\n（3）排查地质灾害点。', ['镇应急办', '各村'], '5月底前', '（责任单位：镇应急办、各村。完成时限：5月底前）'],
      ['修订应急预案', '', ['镇应急办'], '5月15日前', '（责任单位：镇应急办。完成时限：5月15日前）'],
      ['储备防汛物资', '（1）编织袋5000条；\n（2）救生衣200件。', ['镇应急办'], '', '（责任单位：镇应急办）'],
      ['组建抢险队伍', '', ['各村'], '', '（责任单位：各村）'],
    ])
  })
})
