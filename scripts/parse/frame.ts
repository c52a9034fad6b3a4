// The document's frame: what stands around the plan's sections. The head
// (letterhead, 文号, title on one or two lines, a date under it, addressees,
// preamble), the signature (issuer and date at the end), and the notice that
// may carry the plan as its attachment (关于印发…的通知, its own items and date,
// then 附件 and the plan). Pure: paragraphs in, parts out.

import type { IsoDate, Notice, Problem } from '../model.ts'
import { isoDate } from './deadlines.ts'
import { readMarker, readNumber, NUMBER } from './markers.ts'
import { clean, type Paragraph } from './paragraphs.ts'

const NUM = NUMBER
const FULL_DATE = new RegExp(`^[（(]?${NUM}\\s*年\\s*${NUM}\\s*月\\s*${NUM}\\s*日[）)]?$`)

/** "2022年5月10日", "二〇二二年五月十日", "（2023年5月8日）" → ISO date; null if the line is no date. */
export function readFullDate(text: string): IsoDate | null {
  const m = FULL_DATE.exec(text.replace(/[\s\u3000]/g, ''))
  if (!m) return null
  const year = /^\d+$/.test(m[1]!) ? Number(m[1]) : Number([...m[1]!].map((c) => readNumber(c)).join(''))
  return isoDate(year, readNumber(m[2]!), readNumber(m[3]!))
}

/** A document number (文号): "荫政发〔2022〕12号", "[2023]2号". */
const DOCUMENT_NUMBER = /^\S{0,12}[〔［[（(]\d{4}[〕］\]）)]\s*第?\d+\s*号$/

/** A line that can be a plan's title: names a kind of document, is no sentence. */
const TITLE_WORDS = /(方案|计划|要点|清单|分工|意见|办法|细则|安排|措施)$/

export interface Signature {
  issuer: string | null
  date: IsoDate | null
  /** Index of the first line of the signature: the body ends before it. */
  start: number
}

/** The issuer and date at the end of the text (as lines, blank ones included). */
export function readSignature(lines: string[]): Signature {
  let end = lines.length
  while (end > 0 && clean(lines[end - 1]!) === '') end--
  const date = end > 0 ? readFullDate(clean(lines[end - 1]!)) : null
  if (!date) return { issuer: null, date: null, start: end }
  let above = end - 1
  while (above > 0 && clean(lines[above - 1]!) === '') above--
  const candidate = above > 0 ? clean(lines[above - 1]!) : ''
  if (candidate.length > 0 && candidate.length <= 40 && !/[。：:；;，,]$/.test(candidate) && readMarker(candidate) === null && !TITLE_WORDS.test(candidate)) {
    return { issuer: candidate, date, start: above - 1 }
  }
  return { issuer: null, date, start: end - 1 }
}

/**
 * Where a notice ends and the plan it carries begins: after the notice's date
 * (and an "附件" line), at a title. Null where the document is no such notice.
 */
export function splitNotice(paragraphs: Paragraph[]): { notice: Paragraph[]; plan: Paragraph[] } | null {
  const first = paragraphs.slice(0, 4).findIndex((p) => /通知$/.test(p.text) && p.text.length <= 80)
  if (first < 0) return null
  const isTitle = (p: Paragraph | undefined) => p !== undefined && TITLE_WORDS.test(p.text) && !/[。；]/.test(p.text) && p.text.length <= 80
  let itemsSeen = false
  for (let i = first + 1; i < paragraphs.length; i++) {
    const p = paragraphs[i]!
    // The notice's own text ends with its date, maybe "附件"; or, a short notice without items or date, at the title.
    if (readFullDate(p.text) || /^附件\d*[：:]?$/.test(p.text)) {
      let next = i + 1
      if (/^附件\d*[：:]?$/.test(paragraphs[next]?.text ?? '')) next++
      if (isTitle(paragraphs[next])) return { notice: paragraphs.slice(0, next), plan: paragraphs.slice(next) }
    } else if (!itemsSeen && isTitle(p)) {
      return { notice: paragraphs.slice(0, i), plan: paragraphs.slice(i) }
    }
    if (readMarker(p.text)) itemsSeen = true
  }
  return null
}

/** The notice as the model keeps it: title, 文号, and all its other text verbatim. */
export function readNotice(paragraphs: Paragraph[]): Notice {
  const titleAt = paragraphs.findIndex((p) => /通知$/.test(p.text))
  const title = paragraphs[titleAt]!.text
  const numberAt = paragraphs.findIndex((p) => DOCUMENT_NUMBER.test(p.text))
  // A line above the title that is no 文号 is the letterhead.
  const issuerAt = titleAt > 0 && numberAt !== 0 ? 0 : -1
  const rest = paragraphs.filter((_, i) => i !== titleAt && i !== numberAt && i !== issuerAt).map((p) => p.text)
  const dates = paragraphs.map((p) => readFullDate(p.text)).filter((d): d is IsoDate => d !== null)
  const notice: Notice = { title, text: rest.join('\n'), line: paragraphs[0]!.line }
  if (issuerAt === 0) notice.issuer = paragraphs[0]!.text
  if (numberAt >= 0) notice.documentNumber = paragraphs[numberAt]!.text
  if (dates.length > 0) notice.date = dates[dates.length - 1]!
  return notice
}

export interface Head {
  issuer: string | null
  documentNumber: string | null
  title: string
  date: IsoDate | null
  addresseesText: string
  preamble: Paragraph[]
}

/**
 * The paragraphs before the first section: [letterhead] [文号] title (one or
 * two lines) [date] [addressees：] preamble. `signatureIssuer` tells a
 * letterhead from a title where the plan is signed by the same unit.
 */
export function readHead(head: Paragraph[], signatureIssuer: string | null, problems: Problem[]): Head {
  const parts = [...head]
  let documentNumber: string | null = null
  const numberAt = parts.findIndex((p) => DOCUMENT_NUMBER.test(p.text))
  if (numberAt >= 0 && numberAt <= 2) documentNumber = parts.splice(numberAt, 1)[0]!.text
  // A date right under the title ("（2023年5月8日）").
  let date: IsoDate | null = null
  const dateAt = parts.findIndex((p, i) => i <= 4 && readFullDate(p.text) !== null)
  if (dateAt >= 0) date = readFullDate(parts.splice(dateAt, 1)[0]!.text)
  const addresseeAt = parts.findIndex((p) => /[：:]$/.test(p.text) && p.text.length <= 60 && !/[。]/.test(p.text))
  // Without addressees the title is the run of title-like lines at the top.
  const firstSentence = parts.findIndex((p) => /[。；]/.test(p.text))
  const titleEnd = addresseeAt >= 0 ? addresseeAt : firstSentence >= 0 ? firstSentence : parts.length
  const above = parts.slice(0, titleEnd)
  const letterhead = above.length >= 2 && !TITLE_WORDS.test(above[0]!.text) && !/^关于/.test(above[0]!.text)
    ? above[0]!
    : above.length === 1 && above[0]!.text === signatureIssuer ? above[0]! : null
  const issuer = letterhead ? letterhead.text : signatureIssuer
  // A long title is often set on two lines; it is one title.
  const title = above.slice(letterhead ? 1 : 0).map((p) => p.text).join('')
  if (!title) problems.push({ line: parts[0]?.line ?? 1, message: 'expected the title at the top of the plan, e.g. "关于…的实施方案"' })
  return {
    issuer,
    documentNumber,
    title,
    date,
    addresseesText: addresseeAt >= 0 ? parts[addresseeAt]!.text.replace(/[：:]$/, '') : '',
    preamble: parts.slice(addresseeAt >= 0 ? addresseeAt + 1 : titleEnd),
  }
}
