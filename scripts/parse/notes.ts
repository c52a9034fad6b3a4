// The responsibility note of a task: who does it and by when. Plans write it
// in many ways, all read here into one list of labelled fields:
//   （责任单位：A、B；完成时限：6月底前）   labelled, in （）()【】[] or 〔〕
//   （牵头单位：A；配合单位：B）            any punctuation between fields
//   （A牵头，B配合） （A、B牵头，C分工负责）  unlabelled roles, a deadline among them:
//   （A牵头，B配合，6月底前完成）            （A负责，年内持续推进）
//   （由A牵头…） （A会同B负责）               A leads, B supports
//   （牵头：A；配合：B） （…；时限：…）       short labels
//   （A、B，2024年12月底前）                 a bare list of units and a deadline
//                                          (a bare list alone where the plan states
//                                          a lead-unit convention: NoteContext)
//   责任单位：A。完成时限：…                 labelled, no brackets, after the text
//                                          or in paragraphs of their own
// Pure: text in, note or null out.

import { isDeadlinePhrase } from './deadlines.ts'
import { isSpace, splitOutsideParentheses, trimBy, trimSpaceEnd } from '../text/prose.ts'

/** What a field says, by the label it is written with. */
export type FieldRole = 'responsible' | 'lead' | 'support' | 'leader' | 'person' | 'deadline' | 'progress'

export const FIELD_LABELS: ReadonlyArray<{ label: string; role: FieldRole }> = [
  { label: '责任单位', role: 'responsible' },
  // The unit with the main responsibility is the lead: 主责单位 beside 协办单位.
  { label: '主责单位', role: 'lead' },
  { label: '责任部门', role: 'responsible' },
  { label: '牵头单位', role: 'lead' },
  { label: '牵头部门', role: 'lead' },
  { label: '配合单位', role: 'support' },
  { label: '配合部门', role: 'support' },
  { label: '协办单位', role: 'support' },
  { label: '参与单位', role: 'support' },
  { label: '责任领导', role: 'leader' },
  { label: '分管领导', role: 'leader' },
  { label: '责任人', role: 'person' },
  { label: '完成时限', role: 'deadline' },
  { label: '完成时间', role: 'deadline' },
  { label: '时间要求', role: 'deadline' },
  { label: '时限要求', role: 'deadline' },
  // What a task table's 完成进展 or 备注 column says of a row (tables.ts writes it into the row's note): kept in the
  // note as written, no unit and no deadline; a note of such fields alone is no note.
  { label: '完成进展', role: 'progress' },
  { label: '进展情况', role: 'progress' },
  { label: '完成情况', role: 'progress' },
  { label: '备注', role: 'progress' },
  { label: '时间节点', role: 'deadline' },
  // Short labels (（牵头：A；配合：B；时限：…）): the label is the role word itself. A longer label written
  // with the same start (牵头单位：) is matched first (LABEL tries the longest).
  { label: '牵头', role: 'lead' },
  { label: '配合', role: 'support' },
  { label: '协办', role: 'support' },
  { label: '时限', role: 'deadline' },
]

// Unlabelled roles: "A牵头", "B配合", "C分工负责"; the verb ends the clause. `unitsOnly`: a verb that also
// ends ordinary phrases ("专家指导") makes a role only after names that are clearly units (isUnitName).
const ROLE_VERBS: ReadonlyArray<{ verb: RegExp; role: FieldRole; unitsOnly?: true }> = [
  { verb: /^(.+?)(?:负总责并)?牵头(?:负责)?$/, role: 'lead' },
  { verb: /^(.+?)(?:配合|协助|协办|参与)$/, role: 'support' },
  { verb: /^(.+?)(?:分工负责|按职责分工负责|分别负责|共同负责|负责|具体负责|抓好落实|落实)$/, role: 'responsible' },
  // "县市场监管局指导，各乡镇落实": the guiding unit is one of those responsible, not a lead the text does not name.
  { verb: /^(.+?)(?:指导|督导)$/, role: 'responsible', unitsOnly: true },
]

// "由县应急局牵头": the preposition is the sentence's, not the unit's.
const BY = /^由/
// "A会同B负责": A leads, B supports, whatever the verb after them.
const JOINED = /^(.+?)会同(.+)$/

const BRACKETS: Readonly<Record<string, string>> = { '（': '）', '(': ')', '【': '】', '[': ']', '〔': '〕' }
const OPENERS = new Set(Object.keys(BRACKETS))
// Half- and full-width parentheses close each other: plans mix them.
const closes = (open: string, c: string) => (open === '（' || open === '(' ? c === '）' || c === ')' : c === BRACKETS[open])

export interface NoteField {
  label: string
  role: FieldRole
  /** As written, surrounding spaces and final punctuation trimmed. */
  value: string
}

export interface Note {
  /** The note as written, brackets included. */
  raw: string
  /** Offset of the note in the task's text. */
  at: number
  /** False where a bracket was opened and the text ended before it closed. */
  closed: boolean
  fields: NoteField[]
}

// Longest first: "牵头单位：" is one label, not "牵头" and a stray "单位".
const LABEL_ALTERNATION = FIELD_LABELS.map((f) => f.label).sort((a, b) => b.length - a.length).join('|')
const LABEL = new RegExp(`(${LABEL_ALTERNATION})[\\s\\u3000]*[:：]`, 'g')
/** A unit label where a note may begin: at the start of a paragraph or after a sentence. */
const UNBRACKETED_START = new RegExp(`(^|\\n|[。；;])[\\s\\u3000]*((?:${FIELD_LABELS.filter((f) => f.role !== 'deadline' && f.role !== 'progress').map((f) => f.label).sort((a, b) => b.length - a.length).join('|')})[\\s\\u3000]*[:：])`, 'g')

const FINAL_PUNCTUATION = new Set([...'。，,；;．.、'])

function trimValue(value: string): string {
  return trimBy(value, isSpace, (c) => isSpace(c) || FINAL_PUNCTUATION.has(c))
}

const roleOf = (label: string): FieldRole => FIELD_LABELS.find((f) => f.label === label)!.role

/** What a plan says once for all its notes, which changes how a note is read. */
export interface NoteContext {
  /**
   * The plan states which of a note's units leads (LEAD_CONVENTION): its notes are written as bare lists of
   * units ("（区教育局、区发改局、区财政局）"), and a bracket of unit names alone ending a task is its note.
   */
  unitLists: boolean
  /** Whether the unit registry knows a name as written. */
  known: (name: string) => boolean
}

/** A plan that states no convention, read without a registry. */
export const NO_CONTEXT: NoteContext = { unitLists: false, known: () => false }

// The endings of a unit's name: an organ (局, 委, 办, 部 …), a body (中心, 公司, 院 …), a government, a station, a
// team, a people's organisation (妇联, 残联 …). A name that ends otherwise ("含农村地区", "2023年版", "以下简称专委会")
// is not read as a unit. A one-character ending needs two characters before it: "全部", "东部", "庭院" are words.
const UNIT_ENDINGS = [
  '局', '委', '办', '部', '厅', '署', '院', '处', '科', '站', '所', '队', '办公室', '中心', '公司', '集团', '银行', '政府',
  '委员会', '联合会', '协会', '工会', '妇联', '残联', '工商联', '科协', '文联', '侨联', '党委', '党组', '支部', '街道', '社区',
]
// Words that end as units end and name none ("人员密集场所", "市中心"): never read as units.
const NOT_UNITS = /(?:场所|住所|处所|中心城区|市中心|城市中心|镇中心|内部|外部|局部|全部)$/
// Groups of units of a level below ("各村", "各乡镇", "各镇街", "各有关部门"): 各 or 全 and what they are.
const GROUP_NAME = /^[各全](?:村|社区|乡镇|乡|镇|镇街|街道|县区|区县|县市区|部门|单位|企业|学校|站所|成员单位|(?:有关|相关)(?:部门|单位))$/
// Longest name a unit list carries: a clause longer than this is a sentence.
const UNIT_NAME_MAX = 30

/**
 * Whether an item of a unit list is clearly a unit: the registry knows it, or it is a group (GROUP_NAME), or it
 * ends as units' names end (UNIT_ENDINGS, NOT_UNITS aside) and holds no digit or sentence punctuation. A unit with
 * another name in parentheses after it ("市安委办（工作专班办公室）") is judged by the name before them.
 */
export function isUnitName(name: string, context: NoteContext = NO_CONTEXT): boolean {
  const written = trimValue(name)
  if (written === '' || written.length > UNIT_NAME_MAX) return false
  if (context.known(written)) return true
  const bare = written.replace(/[（(][^（()）]*[）)]$/, '')
  if (GROUP_NAME.test(bare)) return true
  if (/[\d０-９\s\u3000：:，,；;。！？!?“”"、]/.test(bare) || NOT_UNITS.test(bare)) return false
  return UNIT_ENDINGS.some((ending) => bare.endsWith(ending) && bare.length >= ending.length + (ending.length === 1 ? 2 : 1))
}

const CLAUSE = /[，,；;。]/

/**
 * A labelled field whose value ends with a deadline written without its label ("责任单位：县应急局，年内持续推进"):
 * the deadline is a field of its own, recognised by what it says (isDeadlinePhrase), not a unit.
 */
function withTrailingDeadline(field: NoteField): NoteField[] {
  if (field.role !== 'responsible' && field.role !== 'lead' && field.role !== 'support') return [field]
  const parts = field.value.split(CLAUSE)
  if (parts.length < 2 || !isDeadlinePhrase(parts.at(-1)!)) return [field]
  const deadline = parts.at(-1)!.trim()
  const value = trimValue(field.value.slice(0, field.value.length - parts.at(-1)!.length))
  return [{ ...field, value }, { label: '', role: 'deadline', value: deadline }]
}

/**
 * The labelled fields of a note's inner text; [] if it holds no label. Fields come in any order: what stands before
 * the first label must read as unlabelled clauses ("县应急局牵头，县公安局配合；完成时限：6月底前",
 * "年内持续推进，责任单位：县应急局"), else it is no note.
 */
function labelledFields(inner: string, context: NoteContext = NO_CONTEXT): NoteField[] {
  const labels = [...inner.matchAll(LABEL)]
  if (labels.length === 0) return []
  const before = inner.slice(0, labels[0]!.index)
  const first = before.trim() === '' ? [] : clauseFields(before, context)?.fields
  if (first === undefined) return []
  const fields = [...first, ...labels.flatMap((label, i) => {
    const end = i + 1 < labels.length ? labels[i + 1]!.index : inner.length
    return withTrailingDeadline({ label: label[1]!, role: roleOf(label[1]!), value: trimValue(inner.slice(label.index + label[0].length, end)) })
  })]
  // A table's 完成进展 or 备注 alone says nothing of who or when: no note.
  return fields.every((f) => f.role === 'progress') ? [] : fields
}

/** Items of a unit list, split at "、" (not inside parentheses). */
function listItems(text: string): string[] {
  return splitOutsideParentheses(text, (c) => c === '、').map((i) => i.trim())
}

const allUnits = (text: string, context: NoteContext) => listItems(text).every((item) => isUnitName(item, context))

/** One clause of an unlabelled note read: its fields, or null where it is none of a note's clauses. */
function readClause(clause: string, context: NoteContext): { fields: NoteField[]; kind: 'role' | 'units' | 'deadline' | 'convention' } | null {
  // "（A、B，列第一位者为牵头单位，下同）": the convention names no unit; its "下同" is a clause of its own.
  if (clause === '下同' || CONVENTION_CLAUSE.test(clause)) return { fields: [], kind: 'convention' }
  if (isDeadlinePhrase(clause)) return { fields: [{ label: '', role: 'deadline', value: clause }], kind: 'deadline' }
  const match = ROLE_VERBS.map((row) => ({ m: row.verb.exec(clause), row })).find((r) => r.m !== null)
  if (match && match.m && !/[：:]/.test(match.m[1]!)) {
    const label = clause.slice(match.m[1]!.length)
    const who = trimValue(match.m[1]!.replace(BY, ''))
    if (who === '' || (match.row.unitsOnly && !allUnits(who, context))) return null
    const joined = JOINED.exec(who)
    if (joined && allUnits(joined[1]!, context) && allUnits(joined[2]!, context)) {
      return { fields: [{ label, role: 'lead', value: trimValue(joined[1]!) }, { label: '会同', role: 'support', value: trimValue(joined[2]!) }], kind: 'role' }
    }
    return { fields: [{ label, role: match.row.role, value: who }], kind: 'role' }
  }
  if (allUnits(clause, context)) return { fields: [{ label: '', role: 'responsible', value: clause }], kind: 'units' }
  return null
}

/**
 * A note without labels, read clause by clause: each clause a role ("A牵头", "B配合"), a deadline
 * ("2024年6月底前完成"), a list of units, or the plan's lead-unit convention; one clause that is none of these and it
 * is no note. It must name a lead or responsible unit; a note of bare unit lists without any role word must also
 * state a deadline, unless the plan says its notes are written so (NoteContext.unitLists): a bracket such as
 * "（县应急局、县公安局）" could be a remark where the plan does not.
 */
function unlabelledFields(inner: string, context: NoteContext): NoteField[] {
  const read = clauseFields(inner, context)
  if (read === null) return []
  const { fields, kinds } = read
  if (!fields.some((f) => f.role === 'lead' || f.role === 'responsible')) return []
  if (!kinds.has('role') && !kinds.has('deadline') && !context.unitLists) return []
  return fields
}

/** Every clause of a text read (readClause), with the kinds found; null if one is none of a note's clauses. */
function clauseFields(text: string, context: NoteContext): { fields: NoteField[]; kinds: Set<string> } | null {
  const clauses = text.split(CLAUSE).map((c) => c.trim()).filter((c) => c !== '')
  const read = clauses.map((clause) => readClause(clause, context))
  if (read.some((r) => r === null)) return null
  return { fields: read.flatMap((r) => r!.fields), kinds: new Set(read.map((r) => r!.kind)) }
}

/** The fields of a note's inner text, labelled or not; [] where it is no note. */
function noteFields(inner: string, context: NoteContext): NoteField[] {
  const labelled = labelledFields(inner, context)
  return labelled.length > 0 ? labelled : unlabelledFields(inner, context)
}

/**
 * The bracket group that ends the text (trailing spaces, a final stop and the semicolon that closes an item of a
 * list aside: "…（牵头单位：市应急局）；"), balanced; or null.
 */
function finalBracket(text: string): { at: number; end: number; closed: boolean } | null {
  let end = text.length
  while (end > 0 && /[\s\u3000。．.；;]/.test(text[end - 1]!)) end--
  if (end === 0) return null
  const last = text[end - 1]!
  if (!Object.values(BRACKETS).includes(last) && last !== ')' && last !== '）') return null
  // Walk back to the bracket that opens this one, counting nested pairs.
  let depth = 0
  for (let i = end - 1; i >= 0; i--) {
    const c = text[i]!
    if (c === '）' || c === ')' || c === '】' || c === ']' || c === '〕') depth++
    else if (OPENERS.has(c)) {
      depth--
      if (depth === 0) return closes(c, last) ? { at: i, end, closed: true } : null
    }
  }
  return null
}

/** The bracket group that ends a text, as written ("（含农村地区）"), or null: where it was not read as a note, warnings quote it. */
export function finalBracketText(text: string): string | null {
  const bracket = finalBracket(text)
  return bracket ? text.slice(bracket.at, bracket.end) : null
}

/** How many brackets are open at an offset; asked for offsets in increasing order, it reads the text once. */
function bracketDepths(text: string): (at: number) => number {
  let i = 0
  let depth = 0
  return (at) => {
    for (; i < at; i++) {
      const c = text[i]!
      if (OPENERS.has(c)) depth++
      else if ((c === '）' || c === ')' || c === '】' || c === ']' || c === '〕') && depth > 0) depth--
    }
    return depth
  }
}

/** A bracket opened with a unit label that never closes: a note cut short. */
function unclosedNote(text: string): Note | null {
  const starts = [...text.matchAll(new RegExp(`[（(【\\[〔][\\s\\u3000]*(?:${LABEL_ALTERNATION})[\\s\\u3000]*[:：]`, 'g'))]
  const last = starts.at(-1)
  if (!last) return null
  const open = last[0][0]!
  const rest = text.slice(last.index + 1)
  if ([...rest].some((c) => closes(open, c))) return null
  const raw = text.slice(last.index)
  return { raw, at: last.index, closed: false, fields: labelledFields(raw.slice(1)) }
}

/**
 * The responsibility note at the end of a task's text (paragraphs joined by
 * "\n"), or null where it has none. A note in brackets must end the text; an
 * unbracketed one starts at a unit label that opens a paragraph or follows a
 * sentence, and runs to the end.
 */
export function findNote(text: string, context: NoteContext = NO_CONTEXT): Note | null {
  const bracket = finalBracket(text)
  if (bracket) {
    const inner = text.slice(bracket.at + 1, bracket.end - 1)
    // The semicolon after the note is the plan's, kept with the note (a full stop after it is not: the model keeps no full stops).
    const raw = text.slice(bracket.at, bracket.end) + (/^[；;]/.test(text.slice(bracket.end)) ? text[bracket.end]! : '')
    const found = noteFields(inner, context)
    if (found.length > 0) return { raw, at: bracket.at, closed: true, fields: found }
  }
  const cut = unclosedNote(text)
  if (cut) return cut
  const depth = bracketDepths(text)
  for (const start of text.matchAll(UNBRACKETED_START)) {
    const at = start.index + start[0].length - start[2]!.length
    // A label inside brackets belongs to a bracketed note ("（牵头单位：A；责任单位：B）" of an item above), not to one of its own.
    if (depth(at) > 0) continue
    const raw = trimSpaceEnd(text.slice(at))
    const fields = labelledFields(raw)
    if (fields.length > 0) return { raw, at, closed: true, fields }
  }
  return null
}

/**
 * The bracketed notes anywhere in a paragraph, in order: each bracket group at
 * the top level (not inside another) whose inner text reads as a note. One
 * pass over the text; each group's inner text read once.
 */
export function bracketNotes(text: string, context: NoteContext = NO_CONTEXT): Array<{ at: number; end: number }> {
  const found: Array<{ at: number; end: number }> = []
  let open = -1
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (OPENERS.has(c)) {
      if (depth === 0) open = i
      depth++
    } else if ((c === '）' || c === ')' || c === '】' || c === ']' || c === '〕') && depth > 0) {
      depth--
      if (depth === 0 && closes(text[open]!, c)) {
        const inner = text.slice(open + 1, i)
        if (noteFields(inner, context).length > 0) found.push({ at: open, end: i + 1 })
      }
    }
  }
  return found
}

// Where the lead stands in a note's list of units, in the words plans use: 排在第一位, 列第一位, 排第1位, 列首位,
// 排在首位, 排名第一(位), 第一个, 第一家, 首位.
const FIRST_PLACE = ['(?:排|列)(?:在|于)?(?:第一|第1|首)位', '排名(?:第一|第1|首)位?', '(?:第一|第1)(?:个|家|位)', '首位']

/**
 * A convention stated once for the whole plan: "列第一位者为牵头单位，下同",
 * "责任单位中排在第一位的为牵头单位", "第一个为牵头单位" — in its preamble, a
 * footnote (注：…) or the first note. The units it stands among are no unit of
 * it; the tasks it reaches (leadConventionIn) have their first unit as their
 * lead, where their note names no 牵头单位 itself.
 */
export const LEAD_CONVENTION = new RegExp(
  `(?:(?:责任单位|责任部门|单位|部门)中)?(?:${FIRST_PLACE.join('|')})(?:的|者)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)?(?:[，,][\\s\\u3000]*下同)?`,
)
/** A clause of a note that is the convention and nothing else. */
const CONVENTION_CLAUSE = new RegExp(`^(?:${LEAD_CONVENTION.source})$`)

// A footnote: "注：…", "备注：…", "说明：…", perhaps numbered ("注：1.…").
const FOOTNOTE = /^[\s\u3000]*(?:注|备注|说明)[\s\u3000]*[:：]/

/**
 * The lead-unit convention a line states, and how far it reaches. In a footnote (注：…, at the end or anywhere) or
 * on a line of its own ("（列第一位者为牵头单位）"), it speaks for the whole plan, unless it says "下同" (the same
 * below) outside a footnote: then it reaches the tasks from where it stands, as it does said inside a task's note.
 */
export function leadConventionIn(line: string): { text: string; wholePlan: boolean } | null {
  const found = LEAD_CONVENTION.exec(line)
  if (!found) return null
  const footnote = FOOTNOTE.test(line)
  const rest = (line.slice(0, found.index) + line.slice(found.index + found[0].length)).replace(FOOTNOTE, '')
  const alone = /^[\s\u3000（()）【】\[\]〔〕。．.；;，,\d、]*$/.test(rest)
  const below = /下同$/.test(found[0])
  return { text: found[0], wholePlan: footnote || (alone && !below) }
}

/** Labels written twice in one note: "（责任单位：A；责任单位：B）" is a slip the parser must not paper over. */
export function repeatedLabels(note: Note): string[] {
  const seen = new Set<string>()
  const repeated: string[] = []
  for (const f of note.fields) {
    // An unlabelled field has no label to repeat.
    if (f.label === '') continue
    if (seen.has(f.label) && !repeated.includes(f.label)) repeated.push(f.label)
    seen.add(f.label)
  }
  return repeated
}

/** The values of the fields of one role, in the order written. */
export function valuesOf(note: Note, role: FieldRole): string[] {
  return note.fields.filter((f) => f.role === role).map((f) => f.value)
}

/** Where the plan states its lead-unit convention (LEAD_CONVENTION), as written, and on which line; or null. */
export function leadConventionOf(lines: readonly string[]): { text: string; line: number; wholePlan: boolean } | null {
  for (let i = 0; i < lines.length; i++) {
    const found = leadConventionIn(lines[i]!)
    if (found) return { ...found, line: i + 1 }
  }
  return null
}
