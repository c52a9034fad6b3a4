// The responsibility note of a task: who does it and by when. Plans write it
// in many ways, all read here into one list of labelled fields:
//   （责任单位：A、B；完成时限：6月底前）   labelled, in （）()【】[] or 〔〕
//   （牵头单位：A；配合单位：B）            any punctuation between fields
//   （A牵头，B配合） （A、B牵头，C分工负责）  unlabelled roles
//   责任单位：A。完成时限：…                 labelled, no brackets, after the text
//                                          or in paragraphs of their own
// Pure: text in, note or null out.

import { isSpace, trimBy, trimSpaceEnd } from '../text/prose.ts'

/** What a field says, by the label it is written with. */
export type FieldRole = 'responsible' | 'lead' | 'support' | 'leader' | 'person' | 'deadline'

export const FIELD_LABELS: ReadonlyArray<{ label: string; role: FieldRole }> = [
  { label: '责任单位', role: 'responsible' },
  { label: '主责单位', role: 'responsible' },
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
]

// Unlabelled roles: "A牵头", "B配合", "C分工负责"; the verb ends the clause.
const ROLE_VERBS: ReadonlyArray<{ verb: RegExp; role: FieldRole }> = [
  { verb: /^(.+?)(?:负总责并)?牵头(?:负责)?$/, role: 'lead' },
  { verb: /^(.+?)(?:配合|协助|协办|参与)$/, role: 'support' },
  { verb: /^(.+?)(?:分工负责|按职责分工负责|负责|具体负责|抓好落实|落实)$/, role: 'responsible' },
]

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

const LABEL_ALTERNATION = FIELD_LABELS.map((f) => f.label).join('|')
const LABEL = new RegExp(`(${LABEL_ALTERNATION})[\\s\\u3000]*[:：]`, 'g')
/** A unit label where a note may begin: at the start of a paragraph or after a sentence. */
const UNBRACKETED_START = new RegExp(`(^|\\n|[。；;])[\\s\\u3000]*((?:${FIELD_LABELS.filter((f) => f.role !== 'deadline').map((f) => f.label).join('|')})[\\s\\u3000]*[:：])`, 'g')

const FINAL_PUNCTUATION = new Set([...'。，,；;．.、'])

function trimValue(value: string): string {
  return trimBy(value, isSpace, (c) => isSpace(c) || FINAL_PUNCTUATION.has(c))
}

const roleOf = (label: string): FieldRole => FIELD_LABELS.find((f) => f.label === label)!.role

/** The labelled fields of a note's inner text; [] if it holds no label at its start. */
function labelledFields(inner: string): NoteField[] {
  const labels = [...inner.matchAll(LABEL)]
  if (labels.length === 0 || inner.slice(0, labels[0]!.index).trim() !== '') return []
  return labels.map((label, i) => {
    const end = i + 1 < labels.length ? labels[i + 1]!.index : inner.length
    return { label: label[1]!, role: roleOf(label[1]!), value: trimValue(inner.slice(label.index + label[0].length, end)) }
  })
}

/** "A牵头，B配合": every clause must end in a role verb, else it is no note. */
function unlabelledFields(inner: string): NoteField[] {
  const clauses = inner.split(/[，,；;。]/).map((c) => c.trim()).filter((c) => c !== '')
  const fields: NoteField[] = []
  for (const clause of clauses) {
    const match = ROLE_VERBS.map(({ verb, role }) => ({ m: verb.exec(clause), role })).find((r) => r.m !== null)
    if (!match || !match.m || /[：:]/.test(match.m[1]!)) return []
    fields.push({ label: clause.slice(match.m[1]!.length), role: match.role, value: trimValue(match.m[1]!) })
  }
  return fields.some((f) => f.role === 'lead' || f.role === 'responsible') ? fields : []
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
export function findNote(text: string): Note | null {
  const bracket = finalBracket(text)
  if (bracket) {
    const inner = text.slice(bracket.at + 1, bracket.end - 1)
    // The semicolon after the note is the plan's, kept with the note (a full stop after it is not: the model keeps no full stops).
    const raw = text.slice(bracket.at, bracket.end) + (/^[；;]/.test(text.slice(bracket.end)) ? text[bracket.end]! : '')
    const fields = labelledFields(inner)
    const found = fields.length > 0 ? fields : unlabelledFields(inner)
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
export function bracketNotes(text: string): Array<{ at: number; end: number }> {
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
        if (labelledFields(inner).length > 0 || unlabelledFields(inner).length > 0) found.push({ at: open, end: i + 1 })
      }
    }
  }
  return found
}

/**
 * A convention stated once for the whole plan: "列第一位者为牵头单位，下同",
 * "排在首位的为牵头单位" — in its preamble, a footnote or the first note. The
 * units it stands among are no unit of it; the tasks from there on have their
 * first unit as their lead, where their note names no 牵头单位 itself.
 */
export const LEAD_CONVENTION = /(?:责任单位中)?(?:排|列)在?(?:第一|首|第1)位(?:的|者)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)(?:[，,][\s\u3000]*下同)?/

/** Labels written twice in one note: "（责任单位：A；责任单位：B）" is a slip the parser must not paper over. */
export function repeatedLabels(note: Note): string[] {
  const seen = new Set<string>()
  const repeated: string[] = []
  for (const f of note.fields) {
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
export function leadConventionOf(lines: readonly string[]): { text: string; line: number } | null {
  for (let i = 0; i < lines.length; i++) {
    const found = LEAD_CONVENTION.exec(lines[i]!)
    if (found) return { text: found[0], line: i + 1 }
  }
  return null
}
