// The date logic of 到期提醒 with fixed days: late on one date, on time on another; recurring duties roll over.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays, daysBetween, dueOn, dueState, localDay, nextOccurrence, type DueFact } from '../../scripts/views/dates.ts'
import { factWords } from '../../.vitepress/theme/due.ts'

const due = (date: string, done = false): DueFact => ({ kind: 'due', date, ...(done ? { done } : {}) })

describe('dueState', () => {
  it('a task due on 2022-06-30 is on time before, due this month in June, late after', () => {
    expect(dueState(due('2022-06-30'), '2022-05-10')).toBe('later')
    expect(dueState(due('2022-06-30'), '2022-06-01')).toBe('month')
    expect(dueState(due('2022-06-30'), '2022-06-30')).toBe('month')
    expect(dueState(due('2022-06-30'), '2022-07-01')).toBe('late')
  })
  it('30天内到期: within 30 days but in a later month', () => {
    expect(dueState(due('2022-07-15'), '2022-06-20')).toBe('soon')
    expect(dueState(due('2022-07-20'), '2022-06-20')).toBe('soon') // today + 30 days
    expect(dueState(due('2022-07-21'), '2022-06-20')).toBe('later')
  })
  it('a task reported done is never late', () => {
    expect(dueState(due('2022-06-30', true), '2023-01-01')).toBe('none')
  })
  it('长期坚持 and 未明确 never fall due', () => {
    expect(dueState({ kind: 'ongoing' }, '2030-01-01')).toBe('none')
    expect(dueState({ kind: 'unspecified' }, '2030-01-01')).toBe('none')
  })
  it('a month alone (YYYY-MM) is due on its last day', () => {
    expect(dueOn(due('2024-02'), '2024-01-01')).toBe('2024-02-29')
  })
  it('a recurring duty rolls over: its next occurrence is the end of the period holding today, never late', () => {
    const monthly: DueFact = { kind: 'recurring', period: 'month' }
    expect(dueOn(monthly, '2022-06-20')).toBe('2022-06-30')
    expect(dueOn(monthly, '2022-07-01')).toBe('2022-07-31')
    expect(dueState(monthly, '2022-07-01')).toBe('month')
    const quarterly: DueFact = { kind: 'recurring', period: 'quarter' }
    expect(dueOn(quarterly, '2022-04-01')).toBe('2022-06-30')
    expect(dueState(quarterly, '2022-04-01')).toBe('later')
    expect(dueState(quarterly, '2022-05-31')).toBe('soon')
    expect(dueState(quarterly, '2022-06-01')).toBe('month')
    expect(dueOn(quarterly, '2022-07-01')).toBe('2022-09-30')
  })
  it('weeks end on Sunday; half-years in June and December; years in December', () => {
    expect(nextOccurrence('week', '2022-06-20')).toBe('2022-06-26') // a Monday
    expect(nextOccurrence('week', '2022-06-26')).toBe('2022-06-26') // the Sunday itself
    expect(nextOccurrence('half-year', '2022-07-01')).toBe('2022-12-31')
    expect(nextOccurrence('half-year', '2022-01-01')).toBe('2022-06-30')
    expect(nextOccurrence('year', '2022-01-01')).toBe('2022-12-31')
  })
  it('the reader\'s day is the local date, not UTC', () => {
    const d = new Date(2022, 5, 30, 23, 30)
    expect(localDay(d)).toBe('2022-06-30')
  })
  it('words beside a task', () => {
    expect(factWords(due('2022-05-31'), '2022-06-20')).toBe('已逾期 20 天')
    expect(factWords(due('2022-06-30'), '2022-06-20')).toBe('本月到期，剩 10 天')
    expect(factWords({ kind: 'recurring', period: 'month' }, '2022-06-20')).toBe('本月到期，本期截止 2022年6月30日')
    expect(factWords(due('2022-05-31', true), '2022-06-20')).toBe('已报告完成')
    expect(factWords({ kind: 'ongoing' }, '2022-06-20')).toBe('')
  })
})

describe('properties', () => {
  const day = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
  it('states are disjoint and ordered by the date: late < month/soon < later', () => {
    fc.assert(fc.property(day, fc.integer({ min: -400, max: 400 }), (today, offset) => {
      const date = addDays(today, offset)
      const state = dueState(due(date), today)
      if (offset < 0) return state === 'late'
      if (date.slice(0, 7) === today.slice(0, 7)) return state === 'month'
      return state === (offset <= 30 ? 'soon' : 'later')
    }))
  })
  it('a recurring duty is never late and falls due within its period', () => {
    const limits = { week: 6, month: 30, quarter: 91, 'half-year': 183, year: 365 } as const
    fc.assert(fc.property(day, fc.constantFrom(...(Object.keys(limits) as Array<keyof typeof limits>)), (today, period) => {
      const next = nextOccurrence(period, today)
      const days = daysBetween(today, next)
      return days >= 0 && days <= limits[period] && dueState({ kind: 'recurring', period }, today) !== 'late'
    }))
  })
})
