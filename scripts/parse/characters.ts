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
  0x00ad: 'soft hyphen',
  0x061c: 'Arabic letter mark',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2061: 'function application',
  0x2062: 'invisible times',
  0x2063: 'invisible separator',
  0x2064: 'invisible plus',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero-width no-break space',
}

/** "U+200B (zero-width space)". */
export function describeCharacter(c: string): string {
  const code = c.codePointAt(0)!
  const hex = code.toString(16).toUpperCase().padStart(4, '0')
  const selector = code >= 0xfe00 && code <= 0xfe0f ? code - 0xfe00 + 1 : code >= 0xe0100 && code <= 0xe01ef ? code - 0xe0100 + 17 : 0
  const name = NAMES[code] ?? (selector > 0 ? `variation selector ${selector}` : 'invisible format character')
  return `U+${hex} (${name})`
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
    const others = count > 1 ? ` (and ${count - 1} more on this line)` : ''
    warnings.push({
      line: firstLine + i,
      message: `${describeCharacter(found[0])} ${before ? `after "${before}"` : 'at the start of the line'}${others}: an invisible character, ignored where names are compared (a unit written with it is the same unit); delete it from the file`,
      kind: 'text',
    })
  })
  if (more > 0) warnings.push({ line: firstLine + lines.length - 1, message: `invisible characters on ${more} more line(s), not listed one by one`, kind: 'text' })
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
