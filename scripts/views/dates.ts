// Due and late in the reader's time: pure date arithmetic on ISO dates, shared
// by the build (tests, the 督办 workbook) and the theme's script, which sorts
// a page's dated tasks on load (.vitepress/theme/due.ts). No clock is read
// here: the caller passes the day.

import type { IsoDate, Period } from '../model/plan.ts'

/** Where a task stands on a given day. `none`: not dated (长期坚持, 未明确) or reported done. */
export type DueState = 'late' | 'month' | 'soon' | 'later' | 'none'

/** How far ahead 30天内到期 looks, in days from today (today included). */
export const SOON_DAYS = 30

/** The dated facts a page carries for a task (data attributes, scripts/render/progress.ts). */
export interface DueFact {
  kind: 'due' | 'recurring' | 'ongoing' | 'unspecified'
  /** For `due`: the last day (YYYY-MM-DD; a month alone, YYYY-MM, means its last day). */
  date?: IsoDate
  /** For `recurring`. */
  period?: Period
  /** The latest report says 已完成. */
  done?: boolean
}

const pad = (n: number) => String(n).padStart(2, '0')

function toUtc(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number | undefined]
  return d === undefined ? new Date(Date.UTC(y, m, 0)) : new Date(Date.UTC(y, m - 1, d))
}

function fromUtc(date: Date): IsoDate {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

/** The reader's calendar day: the local date of the browser's clock (not UTC: at 07:00 in Beijing it is still yesterday in UTC). */
export function localDay(now: Date): IsoDate {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A full date for a due date: a month alone (YYYY-MM) is its last day. */
export function fullDate(date: IsoDate): IsoDate {
  return fromUtc(toUtc(date))
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date)
  d.setUTCDate(d.getUTCDate() + days)
  return fromUtc(d)
}

/** The last day of the period that holds `today`: the next time a recurring duty falls due (a week ends on Sunday). */
export function nextOccurrence(period: Period, today: IsoDate): IsoDate {
  const d = toUtc(today)
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth() + 1
  const monthEnd = (month: number) => fromUtc(new Date(Date.UTC(y, month, 0)))
  switch (period) {
    case 'week': return addDays(today, (7 - d.getUTCDay()) % 7)
    case 'month': return monthEnd(m)
    case 'quarter': return monthEnd(Math.ceil(m / 3) * 3)
    case 'half-year': return monthEnd(m <= 6 ? 6 : 12)
    case 'year': return `${y}-12-31`
  }
}

/** The day a task next falls due as seen on `today`, or null where it never does (长期坚持, 未明确). */
export function dueOn(fact: DueFact, today: IsoDate): IsoDate | null {
  if (fact.kind === 'due' && fact.date) return fullDate(fact.date)
  if (fact.kind === 'recurring' && fact.period) return nextOccurrence(fact.period, today)
  return null
}

/**
 * 已逾期: a dated task past its day and not reported done; 本月到期: due from today to the month's end;
 * 30天内到期: due within SOON_DAYS days, after this month; later; none. A recurring duty is never late: its next
 * occurrence is in this period. 长期坚持 is never late either.
 */
export function dueState(fact: DueFact, today: IsoDate): DueState {
  const date = dueOn(fact, today)
  if (date === null) return 'none'
  if (fact.kind === 'due' && fact.done) return 'none'
  if (date < today) return 'late'
  if (date.slice(0, 7) === today.slice(0, 7)) return 'month'
  if (date <= addDays(today, SOON_DAYS)) return 'soon'
  return 'later'
}

/** Whole days from `today` to `date` (negative: past). */
export function daysBetween(today: IsoDate, date: IsoDate): number {
  return Math.round((toUtc(date).getTime() - toUtc(today).getTime()) / 86_400_000)
}

export const STATE_LABEL: Record<DueState, string> = {
  late: '已逾期', month: '本月到期', soon: '30天内到期', later: '未到期', none: '',
}

/** "2022年6月30日" for a full ISO date. */
export function dayLabel(date: IsoDate): string {
  const [y, m, d] = date.split('-')
  return d ? `${y}年${Number(m)}月${Number(d)}日` : `${y}年${Number(m)}月`
}
