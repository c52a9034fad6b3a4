// The calendar (RFC 5545): each dated deadline an all-day event, each recurring
// duty a recurring event from the plan's date. UIDs and DTSTAMP come from the
// model, so the same plan gives the same file.

import type { IsoDate, Obligation, Period, Plan, Task } from '../model/plan.ts'
import { deadlineLabel, PERIOD_LABEL, stampDate } from '../views/deadlines.ts'
import { taskLabel } from '../render/common.ts'

export interface CalendarInput {
  plan: Plan
  /** The tasks to include (a unit's, or the whole plan's). */
  tasks: Task[]
  name: string
  /** The task page's address as readers reach it (absolute where the site's URL is known). */
  taskUrl: (task: Task) => string
}

const MONTHS: Record<Exclude<Period, 'week'>, number> = { month: 1, quarter: 3, 'half-year': 6, year: 12 }

/** The RRULE of a duty: "每年…不少于2次" is every six months. */
export function recurrence(period: Period, times = 1): string {
  if (period === 'week') return times > 1 ? `FREQ=DAILY;INTERVAL=${Math.max(1, Math.floor(7 / times))}` : 'FREQ=WEEKLY'
  const months = MONTHS[period]
  if (times > 1 && months % times === 0) return `FREQ=MONTHLY;INTERVAL=${months / times}`
  return months === 12 ? 'FREQ=YEARLY' : months === 1 ? 'FREQ=MONTHLY' : `FREQ=MONTHLY;INTERVAL=${months}`
}

/**
 * A TEXT value (RFC 5545 3.3.11): backslash, ";" and "," escaped, every line
 * end (CRLF, LF or a bare CR, which a reader splitting at CR would take for a
 * new content line) written "\\n"; other control characters, which TEXT may
 * not hold, as U+FFFD.
 */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '\ufffd')
}

/** Folds a content line at 75 octets, never inside a UTF-8 character. */
export function fold(line: string): string {
  const out: string[] = []
  let current = ''
  let bytes = 0
  for (const ch of line) {
    const size = Buffer.byteLength(ch)
    const limit = out.length === 0 ? 75 : 74 // continuation lines start with a space
    if (bytes + size > limit) {
      out.push(current)
      current = ''
      bytes = 0
    }
    current += ch
    bytes += size
  }
  out.push(current)
  return out.join('\r\n ')
}

const day = (date: IsoDate) => date.replace(/-/g, '')
function nextDay(date: IsoDate): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10).replace(/-/g, '')
}

function event(lines: string[]): string[] {
  return ['BEGIN:VEVENT', ...lines, 'END:VEVENT']
}

export function calendar({ plan, tasks, name, taskUrl }: CalendarInput): string {
  const stamp = `DTSTAMP:${day(stampDate(plan))}T000000Z`
  const describe = (task: Task, extra: string[]) =>
    escapeText([`${taskLabel(task.number)} ${task.title}`, `责任单位：${task.units.join('、')}`, `完成时限：${deadlineLabel(task.deadline)}`, ...extra, `详见：${taskUrl(task)}`, `《${plan.title}》`].join('\n'))
  const url = (task: Task) => (/^https?:\/\//.test(taskUrl(task)) ? [`URL:${taskUrl(task)}`] : [])
  const events: string[] = []
  for (const task of tasks) {
    if (task.deadline.kind !== 'due') continue
    events.push(...event([
      `UID:${plan.id}-task-${task.number}-due@policy-site`,
      stamp,
      `DTSTART;VALUE=DATE:${day(task.deadline.date!)}`,
      `DTEND;VALUE=DATE:${nextDay(task.deadline.date!)}`,
      `SUMMARY:${escapeText(`【到期】${taskLabel(task.number)} ${task.title}`)}`,
      `DESCRIPTION:${describe(task, [])}`,
      ...url(task),
      'TRANSP:TRANSPARENT',
    ]))
  }
  const numbers = new Set(tasks.map((t) => t.number))
  // A duty repeats from the plan's date: without one there is no day to start from.
  const duties: Obligation[] = plan.date === null ? [] : plan.obligations.filter((o) => numbers.has(o.task))
  duties.forEach((duty) => {
    const task = tasks.find((t) => t.number === duty.task)!
    const index = plan.obligations.indexOf(duty)
    events.push(...event([
      `UID:${plan.id}-task-${task.number}-duty-${index + 1}@policy-site`,
      stamp,
      `DTSTART;VALUE=DATE:${day(plan.date!)}`,
      `DTEND;VALUE=DATE:${nextDay(plan.date!)}`,
      `RRULE:${recurrence(duty.period, duty.times)}`,
      `SUMMARY:${escapeText(`【${PERIOD_LABEL[duty.period]}${duty.times && duty.times > 1 ? `${duty.times}次` : ''}】${taskLabel(task.number)} ${duty.text}`)}`,
      `DESCRIPTION:${describe(task, [`周期性要求：${duty.text}`])}`,
      ...url(task),
      'TRANSP:TRANSPARENT',
    ]))
  })
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//policy-knowledge-site//plan calendar//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Shanghai',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'END:STANDARD',
    'END:VTIMEZONE',
    ...events,
    'END:VCALENDAR',
  ]
  return lines.map(fold).join('\r\n') + '\r\n'
}
