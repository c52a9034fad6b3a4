// Plan text → Plan model. Pure: text in, model or problems out. The file I/O
// and decoding live in the callers (scripts/cli/parse.ts, scripts/build.ts).

import type {
  Deadline, IsoDate, Measure, Obligation, OtherSection, ParseResult, Phase, Plan, Problem, Requirement, Task, UnitRef,
} from '../model.ts'
import { readMarker, readNumber, type Marker } from './markers.ts'
import { clean, toParagraphs, type Paragraph } from './paragraphs.ts'
import { findObligations, isoDate, lastDayOfMonth, normaliseDeadline } from './deadlines.ts'
import { planUnits, resolveUnit, splitUnits, type Registry } from './units.ts'
import { FIELD_LABELS, findNote, repeatedLabels, valuesOf, type FieldRole } from './notes.ts'

type SectionKind = 'guidance' | 'measures' | 'phases' | 'requirements' | 'other'

// Section headings of the plans of this family, by what the section holds.
const SECTION_WORDS: ReadonlyArray<{ kind: SectionKind; words: string[] }> = [
  { kind: 'guidance', words: ['指导思想', '总体要求'] },
  { kind: 'measures', words: ['细化措施', '主要任务', '重点任务', '工作任务', '具体措施', '工作措施', '任务分工'] },
  { kind: 'phases', words: ['阶段划分', '实施步骤', '工作步骤', '时间安排', '进度安排', '实施阶段'] },
  { kind: 'requirements', words: ['工作要求', '保障措施', '有关要求', '组织保障'] },
]

function sectionKind(title: string): SectionKind {
  return SECTION_WORDS.find(({ words }) => words.some((w) => title.includes(w)))?.kind ?? 'other'
}

const NUM = '(\\d{1,4}|[一二三四五六七八九十〇零两]+)'
const FULL_DATE = new RegExp(`^${NUM}\\s*年\\s*${NUM}\\s*月\\s*${NUM}\\s*日$`)

function readFullDate(text: string): IsoDate | null {
  const m = FULL_DATE.exec(text)
  if (!m) return null
  const year = /^\d+$/.test(m[1]!) ? Number(m[1]) : Number([...m[1]!].map((c) => readNumber(c)).join(''))
  return isoDate(year, readNumber(m[2]!), readNumber(m[3]!))
}

/** Splits "标题。正文" at the first full stop: the title without it, and the rest. */
export function splitTitle(text: string): { title: string; rest: string } {
  const stop = /。|．|\.(?!\d)/.exec(text)
  if (!stop) return { title: text, rest: '' }
  return { title: text.slice(0, stop.index), rest: text.slice(stop.index + stop[0].length).replace(/^[\s\u3000]+/, '') }
}

function withoutFinalStop(text: string): string {
  return text.replace(/[。．.]$/, '')
}

// --- Phases: "即日起至2022年6月30日", "2022年5月15日至8月31日", "2022年8月以后" -----

interface TimePoint {
  date: IsoDate
  year: number
}

function readTimePoint(text: string, defaultYear: number, planDate: IsoDate, asEnd: boolean): TimePoint | null {
  const t = text.replace(/[\s\u3000]/g, '').replace(/(以后|以来|之后|起|开始|为止|前)$/, '')
  if (/^(即日|即日起|自即日|印发之日|发文之日)/.test(t)) return { date: planDate, year: Number(planDate.slice(0, 4)) }
  const m = new RegExp(`^(?:(\\d{4})年)?${NUM}月(?:(${NUM.slice(1, -1)})日|(底|末))?$`).exec(t)
  if (!m) return null
  const year = m[1] ? Number(m[1]) : defaultYear
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
function readSpan(text: string, planDate: IsoDate): { start?: IsoDate; end?: IsoDate } | null {
  const year = Number(planDate.slice(0, 4))
  const parts = text.split(/至|到|—+|～|~/)
  if (parts.length > 2) return null
  if (parts.length === 2) {
    const start = readTimePoint(parts[0]!, year, planDate, false)
    const end = start && readTimePoint(parts[1]!, start.year, planDate, true)
    return start && end ? { start: start.date, end: end.date } : null
  }
  const point = readTimePoint(text, year, planDate, false)
  if (!point) return null
  return /(以后|以来|之后|起|开始)$/.test(text) ? { start: point.date } : { end: point.date }
}

// --- The walk over the document --------------------------------------------------

interface Item {
  marker: Marker
  line: number
  paragraphs: string[]
}

interface Section {
  number: number
  title: string
  kind: SectionKind
  line: number
  intro: string[]
  items: Item[]
  measures: { marker: Marker; line: number; intro: string[]; tasks: Item[] }[]
  /** Every task marker of the section in document order, inside a measure or not. */
  taskItems: Item[]
}

export interface ParseInput {
  /** The plan's id: the seed file name without extension. */
  id: string
  /** The seed file name. */
  source: string
  text: string
  registry: Registry
}

export function parsePlan({ id, source, text, registry }: ParseInput): ParseResult {
  const problems: Problem[] = []
  const warnings: Problem[] = []
  const lines = text.split('\n')

  // The signature: the date (成文日期) on the last line, the issuer above it.
  let end = lines.length
  while (end > 0 && clean(lines[end - 1]!) === '') end--
  let date: IsoDate | null = null
  let signatureIssuer: string | null = null
  if (end > 0) date = readFullDate(clean(lines[end - 1]!))
  if (date) {
    end--
    let above = end
    while (above > 0 && clean(lines[above - 1]!) === '') above--
    const candidate = above > 0 ? clean(lines[above - 1]!) : ''
    if (candidate.length > 0 && candidate.length <= 40 && !/[。：:；;]$/.test(candidate) && readMarker(candidate) === null) {
      signatureIssuer = candidate
      end = above - 1
    }
  } else {
    problems.push({ line: Math.max(end, 1), message: 'expected the date (成文日期) on the last line, e.g. "2022年5月10日"' })
  }
  const planDate = date ?? '1970-01-01'
  const planYear = Number(planDate.slice(0, 4))

  const paragraphs = toParagraphs(lines.slice(0, end))

  // Header: everything before the first top-level heading "一、".
  const firstSection = paragraphs.findIndex((p) => readMarker(p.text)?.kind === 'cn')
  const header = firstSection < 0 ? paragraphs : paragraphs.slice(0, firstSection)
  const body = firstSection < 0 ? [] : paragraphs.slice(firstSection)
  const addresseeAt = header.findIndex((p) => /[：:]$/.test(p.text) && p.text.length <= 60 && !/[。]/.test(p.text))
  let issuer = ''
  let title = ''
  let addresseesText = ''
  let preamble: Paragraph[] = []
  if (addresseeAt < 0) {
    problems.push({
      line: header[0]?.line ?? 1,
      message: 'expected the addressees (主送机关) after the title, on a line ending in "：", e.g. "各村，各站所："',
    })
  } else {
    const above = header.slice(0, addresseeAt)
    const hasIssuerLine = above.length >= 2 || (above.length === 1 && above[0]!.text === signatureIssuer)
    issuer = hasIssuerLine ? above[0]!.text : (signatureIssuer ?? '')
    // A long title is often set on two lines; it is one title.
    title = above.slice(hasIssuerLine ? 1 : 0).map((p) => p.text).join('')
    addresseesText = header[addresseeAt]!.text.replace(/[：:]$/, '')
    preamble = header.slice(addresseeAt + 1)
    if (!issuer) problems.push({ line: header[0]?.line ?? 1, message: 'expected the issuer (发文机关) on the first line or above the date' })
    if (!title) problems.push({ line: header[addresseeAt]!.line, message: 'expected the title above the addressees' })
  }
  if (firstSection < 0) {
    problems.push({ line: lines.length, message: 'expected sections numbered "一、", "二、" …; found none' })
  }

  // Sections, measures and tasks.
  const sections: Section[] = []
  let section: Section | null = null
  let item: Item | null = null
  for (const p of body) {
    const marker = readMarker(p.text)
    if (marker?.kind === 'cn') {
      const measures = section?.kind === 'measures' ? section.measures : null
      const lastMeasure = measures && measures.length > 0 ? measures[measures.length - 1]!.marker.number : 0
      // Inside the measures section a "十、" that continues the measure numbering
      // (right after （九）) and does not continue the section numbering is a
      // measure written with the wrong marker, not a new top-level section.
      if (measures && lastMeasure > 0 && marker.number === lastMeasure + 1 && marker.number !== section!.number + 1) {
        measures.push({ marker, line: p.line, intro: [], tasks: [] })
        item = null
        continue
      }
      const sectionTitle = withoutFinalStop(marker.rest)
      section = { number: marker.number, title: sectionTitle, kind: sectionKind(sectionTitle), line: p.line, intro: [], items: [], measures: [], taskItems: [] }
      sections.push(section)
      item = null
      continue
    }
    if (!section) continue
    if (section.kind === 'measures') {
      if (marker?.kind === 'cn-paren') {
        section.measures.push({ marker, line: p.line, intro: [], tasks: [] })
        item = null
      } else if (marker?.kind === 'arabic') {
        const measure = section.measures[section.measures.length - 1]
        item = { marker, line: p.line, paragraphs: [marker.rest] }
        section.taskItems.push(item)
        if (measure) measure.tasks.push(item)
        else problems.push({ line: p.line, message: `task ${marker.number} is outside any measure: expected a measure heading such as "（一）…" before it` })
      } else if (item) {
        item.paragraphs.push(p.text)
      } else {
        const measure = section.measures[section.measures.length - 1]
        ;(measure ? measure.intro : section.intro).push(p.text)
      }
      continue
    }
    const itemKind = section.items[0]?.marker.kind
    if (marker && (marker.kind === 'cn-paren' || marker.kind === 'arabic') && (!itemKind || marker.kind === itemKind)) {
      item = { marker, line: p.line, paragraphs: [marker.rest] }
      section.items.push(item)
    } else if (item) {
      item.paragraphs.push(p.text)
    } else {
      section.intro.push(p.text)
    }
  }

  const ofKind = (kind: SectionKind) => sections.filter((s) => s.kind === kind)
  const measuresSection = ofKind('measures')[0]
  if (firstSection >= 0 && !measuresSection) {
    problems.push({
      line: body[0]!.line,
      message: `expected a section of measures and tasks (a heading such as "二、细化措施"); found ${sections.map((s) => `"${s.number}、${s.title}"`).join(', ')}`,
    })
  } else if (measuresSection && measuresSection.measures.length === 0) {
    problems.push({ line: measuresSection.line, message: 'the plan has no measures: expected headings such as "（一）…" in this section' })
  }

  // Statements the plan makes about itself.
  const selfText = [title, ...preamble.map((p) => p.text), ...(measuresSection?.intro ?? [])].join('\n')
  const statedTasks = new RegExp(`(?:细化|分解|明确)为?\\s*${NUM}\\s*项`).exec(selfText)
  const statedTaskCount = statedTasks ? readNumber(statedTasks[1]!) : null
  const nationalMeasures = new RegExp(`${NUM}\\s*条(?:硬)?措施`).exec(selfText)
  const nationalMeasureCount = nationalMeasures ? readNumber(nationalMeasures[1]!) : null

  // Measures and tasks.
  const measures: Measure[] = []
  const tasks: Task[] = []
  const seenMeasures = new Map<number, number>()
  const seenTasks = new Map<number, number>()
  const usedUnits: string[] = []
  const obligations: Obligation[] = []
  let previousTask = 0
  for (const t of measuresSection?.taskItems ?? []) {
    checkSequence('task', t.marker.number, t.line, seenTasks, previousTask, problems)
    previousTask = t.marker.number
  }
  for (const m of measuresSection?.measures ?? []) {
    const number = m.marker.number
    checkSequence('measure', number, m.line, seenMeasures, measures.length > 0 ? measures[measures.length - 1]!.number : 0, problems)
    const { title: measureTitle, rest } = splitTitle(m.marker.rest)
    const intro = [rest, ...m.intro].filter((t) => t !== '').join('\n')
    if (m.tasks.length === 0) problems.push({ line: m.line, message: `measure ${number} has no tasks: expected tasks numbered "1." … under it` })
    const measure: Measure = { number, title: measureTitle, tasks: [], line: m.line }
    if (intro) measure.intro = intro
    measures.push(measure)
    for (const t of m.tasks) {
      const task = readTask(t, number, planYear, registry, problems, warnings)
      if (!task) continue
      measure.tasks.push(task.number)
      tasks.push(task)
      usedUnits.push(...task.units)
      obligations.push(...taskObligations(task))
    }
  }
  if (statedTaskCount !== null && measures.length > 0 && seenTasks.size !== statedTaskCount) {
    problems.push({
      line: lineOf(paragraphs, statedTasks![0]) ?? measuresSection?.line ?? 1,
      message: `the plan says it has ${statedTaskCount} tasks ("${statedTasks![0]}") but ${seenTasks.size} were found`,
    })
  }

  // Phases and work requirements.
  const phases: Phase[] = ofKind('phases').flatMap((s) => s.items.map((it) => readPhase(it, planDate, problems)))
  const requirements: Requirement[] = ofKind('requirements').flatMap((s) =>
    s.items.map((it) => {
      const { title: t, rest } = splitTitle(it.paragraphs[0]!)
      return { number: it.marker.number, title: t, text: [rest, ...it.paragraphs.slice(1)].filter((x) => x !== '').join('\n'), line: it.line }
    }),
  )
  const guidingIdeology = ofKind('guidance').map((s) => sectionText(s)).join('\n')
  const otherSections: OtherSection[] = ofKind('other').map((s) => ({ number: s.number, title: s.title, text: sectionText(s), line: s.line }))

  if (problems.length > 0) return { ok: false, problems: sortProblems(problems), warnings: sortProblems(warnings) }
  const plan: Plan = {
    id,
    source,
    issuer,
    title,
    addresseesText,
    addressees: splitUnits(addresseesText),
    date: planDate,
    preamble: preamble.map((p) => p.text).join('\n'),
    statedTaskCount,
    nationalMeasureCount,
    guidingIdeology,
    sections: sections.map((sec) => ({ number: sec.number, title: sec.title, kind: sec.kind, intro: sec.intro.join('\n'), line: sec.line })),
    measures,
    tasks,
    units: planUnits(registry, usedUnits),
    phases,
    requirements,
    obligations,
    otherSections,
  }
  return { ok: true, plan, warnings: sortProblems(warnings) }
}

function sectionText(s: Section): string {
  return [...s.intro, ...s.items.flatMap((it) => [it.marker.text + it.paragraphs[0]!, ...it.paragraphs.slice(1)])].join('\n')
}

function lineOf(paragraphs: Paragraph[], needle: string): number | undefined {
  return paragraphs.find((p) => p.text.includes(needle))?.line
}

function sortProblems(list: Problem[]): Problem[] {
  return [...list].sort((a, b) => a.line - b.line)
}

/** Numbers must run 1, 2, 3 … without gaps or repeats. */
function checkSequence(what: string, number: number, line: number, seen: Map<number, number>, previous: number, problems: Problem[]): void {
  const first = seen.get(number)
  if (first !== undefined) {
    problems.push({ line, message: `${what} ${number} appears twice (first at line ${first})` })
  } else if (number !== previous + 1) {
    const missing = number > previous + 1 ? `; ${what} ${previous + 1}${number - 1 > previous + 1 ? `–${number - 1}` : ''} missing` : ''
    const after = previous === 0 ? 'first' : `after ${what} ${previous}`
    problems.push({ line, message: `expected ${what} ${previous + 1} ${after}, found ${what} ${number}${missing}` })
  }
  if (first === undefined) seen.set(number, line)
}

// A labelled note that does not end the task: text follows it.
const NOTE_INSIDE = new RegExp(`[（(【\\[〔][\\s\\u3000]*(?:${FIELD_LABELS.map((f) => f.label).join('|')})[\\s\\u3000]*[:：]`)

function readTask(item: Item, measure: number, year: number, registry: Registry, problems: Problem[], warnings: Problem[]): Task | null {
  const number = item.marker.number
  const full = item.paragraphs.join('\n')
  const note = findNote(full)
  if (!note) {
    const inside = NOTE_INSIDE.exec(full)
    problems.push({
      line: item.line,
      message: inside
        ? `task ${number}: unexpected text after its unit/deadline note: "${full.slice(inside.index).replace(/^[^）)】\]〕]*[）)】\]〕]/, '').trim().slice(0, 30)}"`
        : `task ${number} has no responsible units: expected a note like "（责任单位：…。完成时限：…。）" at its end`,
    })
    return null
  }
  if (!note.closed) {
    problems.push({
      line: item.line,
      message: `task ${number}: its note "${note.raw.slice(0, 40)}" is not closed with "）"; is the file cut short?`,
    })
    return null
  }
  for (const label of repeatedLabels(note)) {
    problems.push({ line: item.line, message: `task ${number}: its note names ${label} twice: "${note.raw}"` })
  }
  const { title, rest } = splitTitle(full.slice(0, note.at).replace(/[\s\u3000]+$/, ''))
  const refs = (role: FieldRole): UnitRef[] => {
    const refs: UnitRef[] = []
    for (const text of valuesOf(note, role).flatMap(splitUnits)) {
      refs.push({ text, unit: resolveUnit(registry, text, refs.at(-1)?.unit ?? null).unit })
    }
    return refs
  }
  const responsible = refs('responsible')
  const lead = refs('lead')
  const support = refs('support')
  const unitRefs = [...responsible, ...lead, ...support]
  if (unitRefs.length === 0) {
    problems.push({ line: item.line, message: `task ${number} names no responsible unit: its note "${note.raw}" has an empty 责任单位` })
  }
  const deadlineTexts = valuesOf(note, 'deadline')
  let deadline: Deadline | null = null
  if (deadlineTexts.length === 0) {
    // Many plans give no deadline for some or all tasks: that is what they say, not a slip.
    deadline = { text: '', kind: 'unspecified' }
  } else {
    const normalised = normaliseDeadline(deadlineTexts[0]!, year)
    if (deadlineTexts[0] === '') problems.push({ line: item.line, message: `task ${number}: its note has an empty 完成时限: "${note.raw}"` })
    else if ('error' in normalised) problems.push({ line: item.line, message: `task ${number}: ${normalised.error}` })
    else deadline = normalised
  }
  if (!deadline || unitRefs.length === 0) return null
  const unique = (list: UnitRef[]) => [...new Set(list.map((r) => r.unit))]
  const task: Task = {
    number,
    measure,
    title,
    text: rest,
    note: note.raw,
    units: unique(unitRefs),
    unitRefs,
    deadline,
    line: item.line,
  }
  if (lead.length > 0) task.lead = unique(lead)
  if (support.length > 0) task.support = unique(support)
  const leaders = valuesOf(note, 'leader')
  const persons = valuesOf(note, 'person')
  if (leaders.length > 0) task.leader = leaders.join('；')
  if (persons.length > 0) task.person = persons.join('；')
  return task
}

/** Recurring duties of a task: those in its text, and its deadline if that recurs and the text does not already say so. */
function taskObligations(task: Task): Obligation[] {
  const found = findObligations(task.number, `${task.title}。${task.text}`)
  const { deadline } = task
  if (deadline.kind === 'recurring' && deadline.period && !found.some((o) => o.period === deadline.period)) {
    const o: Obligation = { task: task.number, text: deadline.text, period: deadline.period, source: 'deadline' }
    if (deadline.times !== undefined) o.times = deadline.times
    found.push(o)
  }
  return found
}

function readPhase(item: Item, planDate: IsoDate, problems: Problem[]): Phase {
  const { title, rest } = splitTitle(item.paragraphs[0]!)
  const { title: timeText, rest: text } = splitTitle(rest)
  const span = readSpan(timeText, planDate)
  if (!span) {
    problems.push({
      line: item.line,
      message: `phase ${item.marker.number}: cannot read its time span "${timeText}": expected e.g. "即日起至2022年6月30日" or "2022年8月以后" after the title`,
    })
  }
  const phase: Phase = {
    number: item.marker.number,
    title,
    timeText,
    text: [text, ...item.paragraphs.slice(1)].filter((t) => t !== '').join('\n'),
    line: item.line,
  }
  if (span?.start) phase.start = span.start
  if (span?.end) phase.end = span.end
  return phase
}
