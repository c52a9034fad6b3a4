// Characters a reader does not see, and the rules for them shared by every
// format: a unit written with a zero-width space pasted from a web page is the
// unit a reader sees; the text shown keeps what the file holds, the comparing
// happens on a key beside it.

import type { Problem } from '../model/plan.ts'

/**
 * Format characters (Unicode Cf: zero-width spaces and joiners, word joiner,
 * bidi marks, embeddings, overrides and isolates, soft hyphen, BOM…) and
 * variation selectors: they change how a name looks or orders, never which
 * name it is.
 */
const INVISIBLE = /[\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/u
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu')

const NAMES: Record<number, string> = {
  0x00ad: '软连字符',
  0x061c: '阿拉伯字母标记',
  0x180e: '蒙古文元音分隔符',
  0x200b: '零宽空格',
  0x200c: '零宽非连接符',
  0x200d: '零宽连接符',
  0x200e: '从左到右标记',
  0x200f: '从右到左标记',
  0x202a: '从左到右嵌入',
  0x202b: '从右到左嵌入',
  0x202c: '方向格式结束符',
  0x202d: '从左到右强制',
  0x202e: '从右到左强制',
  0x2060: '词连接符',
  0x2061: '函数应用符',
  0x2062: '不可见乘号',
  0x2063: '不可见分隔符',
  0x2064: '不可见加号',
  0x2066: '从左到右隔离',
  0x2067: '从右到左隔离',
  0x2068: '首强字符隔离',
  0x2069: '方向隔离结束符',
  0xfeff: '零宽不换行空格',
}

/** "U+200B（零宽空格）": the code and its name, for the administrator. */
export function describeCharacter(c: string): string {
  const code = c.codePointAt(0)!
  const hex = code.toString(16).toUpperCase().padStart(4, '0')
  const selector = code >= 0xfe00 && code <= 0xfe0f ? code - 0xfe00 + 1 : code >= 0xe0100 && code <= 0xe01ef ? code - 0xe0100 + 17 : 0
  const name = NAMES[code] ?? (selector > 0 ? `异体字选择符${selector}` : '不可见格式字符')
  return `U+${hex}（${name}）`
}

export function hasInvisible(text: string): boolean {
  return INVISIBLE.test(text)
}

// Kangxi radicals and CJK radicals (U+2E80–U+2FDF) come out of PDFs for the
// ideographs they look exactly like (⼈ for 人); NFC leaves them, NFKC folds them.
const RADICAL = /[\u2e80-\u2fdf]/g

/**
 * The name as a reader sees it: invisible characters removed, NFC, radicals
 * that look like an ideograph read as it. What a unit the registry does not
 * know is called on its page; full-width letters stay full-width (they look
 * different), and only the matching key folds them.
 */
export function visibleForm(text: string): string {
  const stripped = hasInvisible(text) ? text.replace(INVISIBLE_ALL, '') : text
  return stripped.normalize('NFC').replace(RADICAL, (c) => c.normalize('NFKC'))
}

/** The key names are compared by: the visible form with compatibility forms folded (NFKC: ＡＢ → AB, （ → (). */
export function matchKey(text: string): string {
  return visibleForm(text).normalize('NFKC')
}

/** Warnings for lines quoted at most this many times: a hostile file may hold a million. */
const MAX_WARNED_LINES = 20

/**
 * One warning per line that holds invisible characters, naming the first and
 * the words before it (file:line comes from the caller), and one for the rest.
 */
export function invisibleCharacterWarnings(lines: readonly string[], firstLine = 1): Problem[] {
  const warnings: Problem[] = []
  let more = 0
  lines.forEach((line, i) => {
    const found = INVISIBLE.exec(line)
    if (!found) return
    if (warnings.length >= MAX_WARNED_LINES) { more++; return }
    const before = [...line.slice(0, found.index).replace(INVISIBLE_ALL, '')].slice(-12).join('').trimStart()
    const count = line.match(INVISIBLE_ALL)!.length
    const others = count > 1 ? `（本行另有 ${count - 1} 个）` : ''
    warnings.push({
      line: firstLine + i,
      message: `${before ? `“${before}”之后` : '行首'}有看不见的字符 ${describeCharacter(found[0])}${others}：比较名称时忽略它（带有它的单位仍是同一单位）；请从文件中删除`,
      kind: 'text',
    })
  })
  if (more > 0) warnings.push({ line: firstLine + lines.length - 1, message: `另有 ${more} 行含看不见的字符，不逐一列出`, kind: 'text' })
  return warnings
}

// Control characters other than tab, LF, CR and form feed do not occur in a
// typed, exported or extracted plan: one means the file is not a plan's text
// (or a field was filled by a program). One rule for every format.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/

/** The first control character the rule refuses: its offset and "U+001B"; or null. */
export function forbiddenControl(text: string): { index: number; code: string } | null {
  const found = CONTROL.exec(text)
  return found ? { index: found.index, code: `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` } : null
}

/**
 * Line ends as LF, whatever the format: CRLF and a bare CR (old Mac files, a
 * CR typed into a Word paragraph) end a line. With, for each line of the
 * result, the line of the input it comes from.
 */
export function normaliseLineEnds(text: string): { text: string; lineOf: (line: number) => number } {
  if (!text.includes('\r')) return { text, lineOf: (line) => line }
  const out: string[] = []
  const from: number[] = []
  const lines = text.split('\n')
  lines.forEach((line, i) => {
    // "a\r\n" is one line end: the CR before an LF goes with it.
    const own = i < lines.length - 1 && line.endsWith('\r') ? line.slice(0, -1) : line
    for (const part of own.split('\r')) {
      out.push(part)
      from.push(i + 1)
    }
  })
  return { text: out.join('\n'), lineOf: (line) => from[Math.min(line, from.length) - 1] ?? 1 }
}
