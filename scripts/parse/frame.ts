// The document's frame: what stands around the plan's sections. The head
// (letterhead, 文号, title on one or two lines, a date under it, addressees,
// preamble), the signature (issuer and date at the end), and the notice that
// may carry the plan as its attachment (关于印发…的通知, its own items and date,
// then 附件 and the plan), and what they say of the plan: its date, issuer,
// year and document number (readFrame). Pure: text in, parts out.

import type { IsoDate, Notice, Problem } from '../model/plan.ts'
import { invisibleCharacterWarnings } from './characters.ts'
import { isoDate } from './deadlines.ts'
import { readMarker } from './markers.ts'
import { readNumber, readYear, NUMBER } from '../text/numerals.ts'
import { buildOutline, type Outline } from './outline.ts'
import { splitRunTogetherItems } from './runs.ts'
import { clean, toParagraphs, type Paragraph } from './paragraphs.ts'
import { readPortal, type Portal } from './portal.ts'
import { flattenTables } from './tables.ts'
import type { Warn } from './warnings.ts'

const NUM = NUMBER
const FULL_DATE = new RegExp(`^[（(]?${NUM}\\s*年\\s*${NUM}\\s*月\\s*${NUM}\\s*日[）)]?$`)

/** "2022年5月10日", "二〇二二年五月十日", "（2023年5月8日）" → ISO date; null if the line is no date. */
export function readFullDate(text: string): IsoDate | null {
  // The zero of a year is written 〇, or with a look-alike: ○ (a circle), O or Ｏ (letters), 零 (readYear reads them all).
  const m = FULL_DATE.exec(text.replace(/[\s\u3000]/g, '').replace(/[○ＯO◯]/g, '〇'))
  if (!m) return null
  const year = /^\d+$/.test(m[1]!) ? Number(m[1]) : readYear(m[1]!)
  return isoDate(year, readNumber(m[2]!), readNumber(m[3]!))
}

/** A document number (文号): "荫政发〔2022〕12号", "[2023]2号", or in parentheses on a line of its own: "（穗府〔2007〕7号）". */
const DOCUMENT_NUMBER = /^(?:\S{0,12}[〔［[（(]\d{4}[〕］\]）)]\s*第?\d+\s*号|[（(]\S{0,12}[〔［[]\d{4}[〕］\]]\s*第?\d+\s*号[）)])$/

/** A line that can be a plan's title: names a kind of document, is no sentence. */
const TITLE_WORDS = /(方案|计划|要点|清单|分工|分解|意见|办法|细则|安排|措施|事项)$/

/** A line that names a body: a letterhead or a signature ("荫城镇人民政府", "鞍山市立山区人民政府文件"). */
const BODY = /(政府|委员会|办公室|办公厅|委|局|厅|部|办|中心|镇|乡|街道|党委|党组|支部|公司|文件)$/

/** The body a letterhead names: "…人民政府文件" is issued by "…人民政府". */
export function letterheadBody(text: string): string {
  return text.length > 2 ? text.replace(/文件$/, '') : text
}

/** A short line in parentheses between a notice and its plan ("（此件公开发布）"). */
const REMARK = /^[（(][^（()）。]{1,12}[）)]$/
const ATTACHMENT = /^附件\d*[：:]?$/

/** How many lines from `at` make the plan's title together (a long title is set on two or three), or 0. */
export function titleLines(paragraphs: Paragraph[], at: number): number {
  let text = ''
  for (let k = 0; k < 3 && at + k < paragraphs.length; k++) {
    const line = paragraphs[at + k]!.text
    if (/[。；;：:！？]/.test(line) || readMarker(line) !== null || readFullDate(line) !== null || DOCUMENT_NUMBER.test(line)) return 0
    text += line
    if (text.length > 80) return 0
    if (TITLE_WORDS.test(text)) return k + 1
  }
  return 0
}

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
 * (and an "附件" line, or a remark such as "（此件公开发布）"), at a title. A notice
 * begins with its title (关于印发…的通知, on one line or more), or, where a web page
 * left the title out, with its addressees ("各村，各站所："). Null where the
 * document is no such notice.
 */
export function splitNotice(paragraphs: Paragraph[]): { notice: Paragraph[]; plan: Paragraph[] } | null {
  const titled = paragraphs.slice(0, 6).findIndex((p) => /通知$/.test(p.text) && p.text.length <= 80)
  const addressed = paragraphs.length > 0 && /[：:]$/.test(paragraphs[0]!.text) && !/[。]/.test(paragraphs[0]!.text)
  if (titled < 0 && !addressed) return null
  let itemsSeen = false
  for (let i = titled + 1; i < paragraphs.length; i++) {
    const p = paragraphs[i]!
    // The notice's own text ends with its date, maybe "附件"; or, a short notice without items or date, at the title.
    if (readFullDate(p.text) || ATTACHMENT.test(p.text)) {
      let next = i + 1
      while (next < paragraphs.length && (ATTACHMENT.test(paragraphs[next]!.text) || REMARK.test(paragraphs[next]!.text))) next++
      if (titleLines(paragraphs, next) > 0) return { notice: paragraphs.slice(0, next), plan: paragraphs.slice(next) }
    } else if (titled >= 0 && !itemsSeen && titleLines(paragraphs, i) > 0) {
      return { notice: paragraphs.slice(0, i), plan: paragraphs.slice(i) }
    }
    if (readMarker(p.text)) itemsSeen = true
  }
  return null
}

/** The notice as the model keeps it: title, 文号, letterhead, and all its other text verbatim. */
/**
 * A letterhead of several bodies issuing together, one a line, the last ending in 文件 ("中共白沙镇委员会" over
 * "白沙镇人民政府文件"): the bodies, joined by "、"; null where the letterhead names one body.
 */
function jointLetterhead(paragraphs: Paragraph[], from: number, titleStart: number): string | null {
  const bodies: string[] = []
  for (let i = from; i < titleStart; i++) {
    const text = paragraphs[i]!.text
    if (!BODY.test(text) || text.length > 40 || /[。，,：:；;]/.test(text) || DOCUMENT_NUMBER.test(text)) break
    bodies.push(text)
    if (/文件$/.test(text)) break
  }
  return bodies.length > 1 && /文件$/.test(bodies.at(-1)!) ? bodies.map(letterheadBody).join('、') : null
}

export function readNotice(paragraphs: Paragraph[]): Notice {
  const titleEnd = paragraphs.findIndex((p) => /通知$/.test(p.text))
  // A title set on two or three lines: from the line that begins it ("关于…", or a body's name and "关于…").
  let titleStart = titleEnd
  for (let k = titleEnd - 1; k >= 0 && k >= titleEnd - 2; k--) {
    const line = paragraphs[k]!.text
    if (DOCUMENT_NUMBER.test(line) || /[。：:]/.test(line)) break
    if (/关于/.test(line)) { titleStart = k; break }
  }
  const titleAt = new Set(titleEnd < 0 ? [] : Array.from({ length: titleEnd - titleStart + 1 }, (_, k) => titleStart + k))
  const numberAt = paragraphs.findIndex((p, i) => !titleAt.has(i) && DOCUMENT_NUMBER.test(p.text))
  // A line above the title that is no 文号 is the letterhead.
  const issuerAt = paragraphs.findIndex((p, i) => i < titleStart && i !== numberAt && BODY.test(p.text) && p.text.length <= 40)
  // A letterhead "…文件" stays in the notice's text as written; its body is the issuer.
  const joint = issuerAt >= 0 ? jointLetterhead(paragraphs, issuerAt, titleStart) : null
  const letterheadKept = issuerAt >= 0 && (joint !== null || letterheadBody(paragraphs[issuerAt]!.text) !== paragraphs[issuerAt]!.text)
  const rest = paragraphs.filter((_, i) => !titleAt.has(i) && i !== numberAt && (i !== issuerAt || letterheadKept)).map((p) => p.text)
  const dateAt = paragraphs.map((p) => readFullDate(p.text)).findLastIndex((d) => d !== null)
  const notice: Notice = { title: [...titleAt].map((i) => paragraphs[i]!.text).join(''), text: rest.join('\n'), line: paragraphs[0]!.line }
  // The letterhead names the issuer; else the signature above the notice's date does.
  const signature = dateAt > 0 ? paragraphs[dateAt - 1]!.text : ''
  if (issuerAt >= 0) notice.issuer = joint ?? letterheadBody(paragraphs[issuerAt]!.text)
  else if (BODY.test(signature) && signature.length <= 40 && !/[。，,：:；;]/.test(signature)) notice.issuer = signature
  // "广州市人民政府关于印发…的通知": the title names its issuer.
  else if (BODY.test(notice.title.split('关于')[0]!)) notice.issuer = notice.title.split('关于')[0]!
  if (numberAt >= 0) notice.documentNumber = paragraphs[numberAt]!.text
  if (dateAt >= 0) notice.date = readFullDate(paragraphs[dateAt]!.text)!
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
  // A letterhead names a body; the lines under it make the title ("徐庄镇2017年度安全生产专项整治" / "工作计划" is one title).
  const first = above[0]?.text ?? ''
  // A title does not go on into a "关于…" line: above one, the first line is the letterhead.
  const namesBody = BODY.test(first) || (signatureIssuer !== null && first.startsWith(signatureIssuer)) || /^关于/.test(above[1]?.text ?? '')
  const letterhead = above.length >= 2 && !TITLE_WORDS.test(first) && !/^关于/.test(first) && namesBody
    ? above[0]!
    : above.length === 1 && first === signatureIssuer ? above[0]! : null
  const issuer = letterhead ? letterheadBody(letterhead.text) : signatureIssuer
  // A long title is often set on two lines; it is one title.
  const title = above.slice(letterhead ? 1 : 0).map((p) => p.text).join('')
  if (!title) problems.push({ line: parts[0]?.line ?? 1, message: '方案开头应有标题，如“关于…的实施方案”' })
  return {
    issuer,
    documentNumber,
    title,
    date,
    addresseesText: addresseeAt >= 0 ? parts[addresseeAt]!.text.replace(/[：:]$/, '') : '',
    preamble: parts.slice(addresseeAt >= 0 ? addresseeAt + 1 : titleEnd),
  }
}

/** The plan's frame, its body's outline, and what the frame says of the plan. */
export interface Frame {
  /** The text's lines, a copied web page's chrome and 信息公开 table left blank (portal.ts). */
  lines: string[]
  portal: Portal
  signature: Signature
  notice: Notice | null
  /** The outline of the plan's body (tables flattened into items); its head is the paragraphs before the first marker. */
  outline: Outline
  head: Head
  /** Whether the head was found without a title line (readHead warned so). */
  headUntitled: boolean
  date: IsoDate | null
  issuer: string
  /** The year of deadlines such as "6月底前": the date's, else the first year the text names. */
  planYear: number | null
  documentNumber: string | null
}

/**
 * The frame: a portal's copy taken apart, the signature at the end, a notice
 * around the plan, the outline of what is left and its head; then the plan's
 * date, issuer and year from whichever part states them.
 */
export function readFrame(text: string, warn: Warn): Frame {
  const portal = readPortal(text.split('\n'))
  const lines = portal.lines
  for (const p of invisibleCharacterWarnings(lines)) warn(p.line, p.message, p.kind!)
  for (const c of portal.chrome) warn(c.line, `“${c.text}”是网页上的字样，不是方案内容：已从正文中去掉（原文保留在数据中）`, 'frame')
  const field = (...labels: string[]) => portal.fields.find((f) => labels.includes(f.label) && f.value !== '')?.value ?? null

  const signature = readSignature(lines)
  const all = toParagraphs(lines.slice(0, signature.start))
  const split = splitNotice(all)
  const notice = split ? readNotice(split.notice) : null
  const tableProblems: Problem[] = []
  const outlineProblems: Problem[] = []
  const outline = buildOutline(splitRunTogetherItems(flattenTables(split ? split.plan : all, tableProblems)), outlineProblems)
  for (const p of tableProblems) warn(p.line, p.message, 'table')
  for (const p of outlineProblems) warn(p.line, p.message, 'outline')
  const headProblems: Problem[] = []
  const head = readHead(outline.head, signature.issuer ?? notice?.issuer ?? null, headProblems)
  for (const p of headProblems) warn(p.line, p.message, 'frame')
  // The portal's 信息公开 table says what the copied page may have lost: its 成文日期, 发布机构, 发文字号.
  const portalDate = field('成文日期')
  const date: IsoDate | null = signature.date ?? head.date ?? notice?.date ?? (portalDate === null ? null : readFullDate(portalDate) ?? readIsoDate(portalDate))
  if (date === null) {
    warn(Math.max(signature.start, 1), '方案未写明成文日期：末行和标题下都没有日期；日期记为未知', 'frame')
  }
  const issuer = head.issuer ?? signature.issuer ?? notice?.issuer ?? field('发文机关', '发布机构') ?? ''
  if (issuer === '') warn(outline.head[0]?.line ?? 1, '方案未写明发文机关：标题上方和日期上方都没有', 'frame')
  // Deadlines such as "6月底前" are of the plan's year: its date's, else the first year it names.
  const year = date ? Number(date.slice(0, 4)) : Number(/(20\d\d)年/.exec(text)?.[1] ?? NaN)
  const planYear = Number.isFinite(year) ? year : null
  const documentNumber = head.documentNumber ?? field('发文字号', '文号')
  return { lines, portal, signature, notice, outline, head, headUntitled: headProblems.length > 0, date, issuer, planYear, documentNumber }
}

/**
 * A title of white space only, where the head has a title line: warned last, after everything the body says
 * (readHead warns of a head without one).
 */
export function checkTitle(frame: Frame, warn: Warn): void {
  if (frame.head.title.trim() === '' && !frame.headUntitled) warn(frame.outline.head[0]?.line ?? 1, '方案没有标题', 'frame')
}

/** "2023-06-30" or "2023/6/30", as portals write their dates; or null. */
function readIsoDate(text: string): IsoDate | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const probe = new Date(Date.UTC(y, mo - 1, d))
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d ? `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null
}
