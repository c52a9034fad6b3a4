// Deadlines as written ("6月底前完成", "长期坚持", "每月至少一次") → normalised
// deadlines, and recurring duties found in task texts.

import type { Deadline, IsoDate, Obligation, Period } from '../model/plan.ts'
import { readNumber, readYear, NUMBER, YEAR } from '../text/numerals.ts'

const PERIODS: ReadonlyArray<{ word: string; period: Period }> = [
  // Longest first: "每半年" must not be read as "每年".
  { word: '每半年', period: 'half-year' },
  { word: '每季度', period: 'quarter' },
  { word: '每季', period: 'quarter' },
  { word: '每月', period: 'month' },
  { word: '每周', period: 'week' },
  { word: '每年', period: 'year' },
]

const ONGOING = /^(长期坚持|长期|持续推进|常态化|长期开展)/

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${pad(month)}-${pad(day)}`
}

/** A calendar date, or null where the day does not exist (2月30日). */
export function isoDate(year: number, month: number, day: number): IsoDate | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${year}-${pad(month)}-${pad(day)}`
}

const NUM = NUMBER

/** "至少一次" / "不少于2次" / "一次" → the count; undefined where none is written. */
export function readTimes(text: string): number | undefined {
  const match = new RegExp(`(?:至少|不少于|不低于)?${NUM}次`).exec(text)
  if (!match) return undefined
  const n = readNumber(match[1]!)
  return Number.isFinite(n) && n > 0 ? n : undefined
}

/**
 * Normalises a deadline as written. `year` is the plan's year: "6月底前" is the
 * last day of June of the year the plan was issued. Returns an error message
 * for a deadline it cannot read.
 */
export function normaliseDeadline(text: string, year: number | null): Deadline | { error: string } {
  const t = text.replace(/\s+/g, '')
  if (ONGOING.test(t)) return { text, kind: 'ongoing' }
  for (const { word, period } of PERIODS) {
    if (t.startsWith(word)) {
      const times = readTimes(t)
      return times === undefined ? { text, kind: 'recurring', period } : { text, kind: 'recurring', period, times }
    }
  }
  // The year: written ("2023年"), relative to the plan's ("明年", "今年"), or the plan's.
  const explicitYear = new RegExp(`^${YEAR}年`).exec(t)
  const relativeYear = /^(明年|次年|今年|本年|当年)/.exec(t)
  const y = explicitYear ? readYear(explicitYear[1]!) : year === null ? null : relativeYear ? year + (/明年|次年/.test(relativeYear[1]!) ? 1 : 0) : year
  if (y === null) return { error: `无法确定完成时限“${text}”的日期：方案未写成文日期，也未提到年份` }
  const rest = t.slice((explicitYear ?? relativeYear)?.[0].length ?? 0)
  if (/^(年底|年末|年内|底前|底|下半年)/.test(rest)) return { text, kind: 'due', date: `${y}-12-31` }
  if (/^上半年/.test(rest)) return { text, kind: 'due', date: `${y}-06-30` }
  const quarter = new RegExp(`^第?${NUM}季度`).exec(rest)
  if (quarter) {
    const q = readNumber(quarter[1]!)
    if (q >= 1 && q <= 4) return { text, kind: 'due', date: lastDayOfMonth(y, q * 3) }
  }
  // "6月底前", "1月份", and a month alone ("明年7月", "7月前"): the month's last day.
  const monthEnd = new RegExp(`^${NUM}月(?:底|末|份|前|$|完成|中旬前|上旬前|下旬前)`).exec(rest)
  if (monthEnd) {
    const month = readNumber(monthEnd[1]!)
    if (month >= 1 && month <= 12) return { text, kind: 'due', date: lastDayOfMonth(y, month) }
  }
  const day = new RegExp(`^${NUM}月${NUM}日`).exec(rest)
  if (day) {
    const date = isoDate(y, readNumber(day[1]!), readNumber(day[2]!))
    if (date) return { text, kind: 'due', date }
  }
  return {
    error: `无法读取完成时限“${text}”：应为“长期坚持”“N月底前”“N月N日前”“年底前”“明年N月”或“每月/每季度/每半年/每年”`,
  }
}

// A deadline phrase standing on its own in a note, without a label ("（县商务局负责，年内持续推进）",
// "（…，2024年6月底前完成）"): the whole clause must be one of the forms normaliseDeadline reads, with the words
// plans put after them (前/以前/完成/到位). A clause that only begins with a date ("6月底前完成排查并上报县应急局")
// is a sentence, not a deadline. Every phrase these accept normalises (tests/parse/deadlines.test.ts).
const YEAR_WORD = '(?:\\d{4}年|明年|次年|今年|本年|当年)'
const DATE_CORE = [
  `${YEAR_WORD}?(?:年底|年末|年内|上半年|下半年)`,
  `${YEAR_WORD}?第?${NUMBER}季度(?:末|底)?`,
  `${YEAR_WORD}?${NUMBER}月(?:${NUMBER}日|底|末|份|[上中下]旬(?=前))?`,
].join('|')
const DEADLINE_PHRASES: readonly RegExp[] = [
  // "2024年6月底前完成", "年底前", "9月30日前完成", "第三季度末"
  new RegExp(`^(?:${DATE_CORE})(?:前|以前|之前)?(?:完成|办结|建成|到位|落实)?$`),
  // "长期坚持", "持续推进", "年内持续推进" (the year's end), "常态化开展"
  /^(?:长期坚持|长期开展|长期|持续推进|常态化推进|常态化开展|常态化)$/,
  /^年内(?:持续推进|完成)$/,
  // "每月至少一次", "每季度"
  new RegExp(`^(?:每半年|每季度|每季|每月|每周|每年)(?:(?:至少|不少于|不低于)?${NUMBER}次)?$`),
]

/** Whether a clause of a note is a deadline and nothing else (see DEADLINE_PHRASES). */
export function isDeadlinePhrase(clause: string): boolean {
  const t = clause.replace(/[\s\u3000]+/g, '')
  return t !== '' && DEADLINE_PHRASES.some((p) => p.test(t))
}

// A recurring duty is the clause around "每月/每季度/…": from the punctuation
// before it to the punctuation after it.
const CLAUSE_BREAK = /[，。；：,;:！？!?\n]/

/** Recurring duties stated inside a task's text. */
export function findObligations(task: number, text: string): Obligation[] {
  const found: Obligation[] = []
  const pattern = /每(?:半年|季度|季|月|周|年)/g
  let match: RegExpExecArray | null
  let lastClauseEnd = -1
  while ((match = pattern.exec(text))) {
    const at = match.index
    if (at < lastClauseEnd) continue
    let start = at
    while (start > 0 && !CLAUSE_BREAK.test(text[start - 1]!)) start--
    let end = at
    while (end < text.length && !CLAUSE_BREAK.test(text[end]!)) end++
    lastClauseEnd = end
    const clause = text.slice(start, end)
    const period = PERIODS.find((p) => match![0] === p.word)!.period
    const times = readTimes(clause)
    found.push(times === undefined ? { task, text: clause, period, source: 'text' } : { task, text: clause, period, times, source: 'text' })
  }
  return found
}
