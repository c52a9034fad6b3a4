// Phases (阶段划分): "（一）动员部署阶段。即日起至2022年6月30日。正文…", with spans
// "即日起至2022年6月30日", "2022年5月15日至8月31日", "2022年8月以后".

import type { IsoDate, Phase, Problem } from '../model/plan.ts'
import { isoDate, lastDayOfMonth } from './deadlines.ts'
import { readNumber, NUMBER } from '../text/numerals.ts'
import { splitTitle } from '../text/prose.ts'

const NUM = NUMBER

interface TimePoint {
  date: IsoDate
  year: number
}

function readTimePoint(text: string, defaultYear: number | null, planDate: IsoDate | null, asEnd: boolean): TimePoint | null {
  const t = text.replace(/[\s\u3000]/g, '').replace(/(以后|以来|之后|起|开始|为止|前)$/, '')
  if (/^(即日|即日起|自即日|印发之日|发文之日)/.test(t)) return planDate ? { date: planDate, year: Number(planDate.slice(0, 4)) } : null
  const m = new RegExp(`^(?:(\\d{4})年)?${NUM}月(?:(${NUM.slice(1, -1)})日|(底|末))?$`).exec(t)
  if (!m) return null
  const year = m[1] ? Number(m[1]) : defaultYear
  if (year === null) return null
  const month = readNumber(m[2]!)
  if (!(month >= 1 && month <= 12)) return null
  if (m[3]) {
    const date = isoDate(year, month, readNumber(m[3]))
    return date ? { date, year } : null
  }
  if (m[4] || asEnd) return { date: lastDayOfMonth(year, month), year }
  return { date: `${year}-${String(month).padStart(2, '0')}`, year }
}

/** The phase's span: `start`/`end` where the plan gives them; null if the text is no time span. */
export function readSpan(text: string, planDate: IsoDate | null, planYear: number | null): { start?: IsoDate; end?: IsoDate } | null {
  const parts = text.split(/至|到|—+|～|~/)
  if (parts.length > 2) return null
  if (parts.length === 2) {
    // "即日起至…" in a plan that states no date: the start is unknown, the end is not.
    if (planDate === null && /^(即日|自即日|印发之日|发文之日)/.test(parts[0]!.trim())) {
      const end = readTimePoint(parts[1]!, planYear, planDate, true)
      return end ? { end: end.date } : null
    }
    const start = readTimePoint(parts[0]!, planYear, planDate, false)
    const end = start && readTimePoint(parts[1]!, start.year, planDate, true)
    return start && end ? { start: start.date, end: end.date } : null
  }
  const point = readTimePoint(text, planYear, planDate, false)
  if (!point) return null
  return /(以后|以来|之后|起|开始)$/.test(text) ? { start: point.date } : { end: point.date }
}

/** "2022-08" and "2022-08-31" compare to the month they share. */
function endsBeforeStart(start: IsoDate, end: IsoDate): boolean {
  const n = Math.min(start.length, end.length)
  return end.slice(0, n) < start.slice(0, n)
}

/**
 * Words that say when: a date's parts, 即日, a period. A step whose sentence after its title has none of them
 * ("（一）动员部署。召开动员会议，部署任务。") states no time: its sentence is its text, not a span unread.
 */
const SAYS_WHEN = new RegExp(`${NUM}\\s*[年月日]|即日|之日|以后|以前|之前|季度|上旬|中旬|下旬|上半年|下半年|年底|年内|月底|前后|[近前中后长汛]期|期间|全年|今年|明年|近日|目前`)

/** One phase from its item's paragraphs: title, time span, text. A step that states no time keeps its text and has no span. */
export function readPhase(number: number, paragraphs: string[], line: number, planDate: IsoDate | null, planYear: number | null, problems: Problem[]): Phase {
  const { title, rest } = splitTitle(paragraphs[0]!)
  const second = splitTitle(rest)
  const statesTime = SAYS_WHEN.test(second.title)
  const { timeText, text } = statesTime ? { timeText: second.title, text: second.rest } : { timeText: '', text: rest }
  const span = statesTime ? readSpan(timeText, planDate, planYear) : null
  if (!statesTime) {
    // Steps and safeguards without time spans are what the plan says: kept as written, nothing to warn of.
  } else if (!span) {
    problems.push({
      line,
      message: `阶段${number}：无法读取时间范围“${timeText}”：标题之后应有如“即日起至2022年6月30日”或“2022年8月以后”的时间`,
    })
  } else if (span.start && span.end && endsBeforeStart(span.start, span.end)) {
    problems.push({ line, message: `阶段${number}：结束时间（${span.end}）早于开始时间（${span.start}）：“${timeText}”` })
  }
  const phase: Phase = { number, title, timeText, text: [text, ...paragraphs.slice(1)].filter((t) => t !== '').join('\n'), line }
  if (span?.start) phase.start = span.start
  if (span?.end) phase.end = span.end
  return phase
}
