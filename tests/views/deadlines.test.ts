// Deadlines as pages show them: labels, the normalised deadline (a page each), their order, groups and the timeline.
import { describe, expect, it } from 'vitest'
import type { Deadline } from '../../scripts/model/plan.ts'
import { compareDeadlineKeys, deadlineKey, deadlineLabel, deadlineValue, formatDate, groupByDeadline, stampDate, timeline } from '../../scripts/views/deadlines.ts'
import { planOf, SEED } from '../helpers/plans.ts'

const plan = await planOf(SEED)
const due = (date: string, text = ''): Deadline => ({ kind: 'due', date, text }) as Deadline
const recurring = (period: NonNullable<Deadline['period']>, text = ''): Deadline => ({ kind: 'recurring', period, text }) as Deadline
const ongoing: Deadline = { kind: 'ongoing', text: '长期坚持' } as Deadline
const unspecified: Deadline = { kind: 'unspecified', text: '' } as Deadline

describe('labels', () => {
  it.each([
    ['2022-06-30', '2022年6月30日'],
    ['2022-08', '2022年8月'],
    [null, '未注明日期'],
  ] as const)('formatDate(%s) → %s', (date, label) => expect(formatDate(date)).toBe(label))

  it.each([
    [due('2022-06-30'), '2022-06-30', '2022-06-30'],
    [due('2022-06-30', '2022年6月底前'), '2022-06-30', '2022年6月底前（2022-06-30）'],
    [recurring('month', '每月'), '每月', '每月'],
    [recurring('quarter', '每季度至少一次'), '每季度', '每季度至少一次'],
    [ongoing, '长期坚持', '长期坚持'],
    [unspecified, '未明确', '未明确'],
  ])('%j: value %s, label %s', (deadline, value, label) => {
    expect(deadlineValue(deadline)).toBe(value)
    expect(deadlineLabel(deadline)).toBe(label)
  })

  it('stamps files with the plan\'s date, or a fixed one', () => {
    expect(stampDate(plan)).toBe('2022-05-10')
    expect(stampDate({ ...plan, date: null })).toBe('2000-01-01')
  })
})

describe('the normalised deadline', () => {
  it.each([
    [due('2022-06-30'), { slug: '2022-06-30', kind: 'due', label: '2022年6月30日', date: '2022-06-30' }],
    [recurring('half-year'), { slug: 'every-half-year', kind: 'recurring', label: '每半年', period: 'half-year' }],
    [ongoing, { slug: 'ongoing', kind: 'ongoing', label: '长期坚持' }],
    [unspecified, { slug: 'unspecified', kind: 'unspecified', label: '未明确' }],
  ])('%j', (deadline, key) => expect(deadlineKey(deadline)).toEqual(key))

  it('orders dated first by calendar, then recurring from the most frequent, then ongoing, then none given', () => {
    const keys = [unspecified, ongoing, recurring('year'), recurring('week'), due('2023-01-01'), due('2022-06'), due('2022-06-30')].map(deadlineKey)
    expect(keys.sort(compareDeadlineKeys).map((k) => k.slug)).toEqual(['2022-06', '2022-06-30', '2023-01-01', 'every-week', 'every-year', 'ongoing', 'unspecified'])
  })

  it('groups the seed\'s tasks by deadline, in deadline order, tasks in task order', () => {
    expect(groupByDeadline(plan.tasks, (t) => t).map((g) => [g.key.slug, g.items.map((t) => t.number)])).toEqual([
      ['2022-05-31', [5]],
      ['2022-06-30', [10, 11, 21]],
      ['2022-08-31', [12]],
      ['2022-09-30', [28]],
      ['2022-12-31', [16]],
      ['every-month', [6]],
      ['ongoing', [1, 2, 3, 4, 7, 8, 9, 13, 14, 15, 17, 18, 19, 20, 22, 23, 24, 25, 26, 27, 29, 30, 31, 32, 33, 34, 35]],
    ])
  })
})

describe('the timeline', () => {
  it('puts phases and dated tasks in calendar order: a phase starts before, and ends after, what is due that day', () => {
    expect(timeline(plan).map((e) => `${e.kind} ${e.date}`)).toEqual([
      'phase-start 2022-05-10', 'phase-start 2022-05-15', 'due 2022-05-31', 'due 2022-06-30', 'phase-end 2022-06-30',
      'phase-start 2022-08', 'due 2022-08-31', 'phase-end 2022-08-31', 'due 2022-09-30', 'due 2022-12-31',
    ])
  })
})
