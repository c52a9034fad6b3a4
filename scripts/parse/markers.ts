// Heading markers of Chinese official documents, as data. The order of the
// table is the conventional hierarchy (GB/T 9704: 一、 → （一） → 1. → （1）),
// and one rule derives depth from it: a marker's depth is its row + 1.

/** `unnumbered`: a task the plan writes without a marker (outline items made by runs.ts), in no row of the table. */
export type MarkerKind = 'cn' | 'cn-paren' | 'arabic' | 'arabic-paren' | 'circled' | 'unnumbered'

const CN = '[一二三四五六七八九十百零〇两]+'

export const MARKERS: ReadonlyArray<{ kind: MarkerKind; pattern: RegExp; example: string }> = [
  { kind: 'cn', pattern: new RegExp(`^(${CN})[、，,．]`), example: '一、' },
  { kind: 'cn-paren', pattern: new RegExp(`^[（(](${CN})[）)]`), example: '（一）' },
  // "1.5亿元" is a number, not a marker: a half-width dot must not be followed by a digit.
  { kind: 'arabic', pattern: /^(\d{1,3})(?:[、．，]|\.(?!\d))/, example: '1.' },
  { kind: 'arabic-paren', pattern: /^[（(](\d{1,3})[）)]/, example: '（1）' },
  { kind: 'circled', pattern: /^([\u2460-\u2473])/, example: '①' },
]

export interface Marker {
  kind: MarkerKind
  depth: number
  number: number
  /** The marker as written, e.g. "（九）". */
  text: string
  /** What follows the marker, leading white space removed. */
  rest: string
}

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}

/** Chinese numerals up to 999 ("十五" → 15, "二十一" → 21, "一百零五" → 105); NaN if not one. */
export function chineseNumber(text: string): number {
  let total = 0
  let digit: number | null = null
  for (const ch of text) {
    // "一百零五": 零 only holds the place of the missing tens.
    if ((ch === '零' || ch === '〇') && digit === null && total > 0) continue
    if (ch in DIGITS) {
      if (digit !== null) return NaN
      digit = DIGITS[ch]!
    } else if (ch === '十' || ch === '百') {
      const unit = ch === '十' ? 10 : 100
      total += (digit ?? 1) * unit
      digit = null
    } else {
      return NaN
    }
  }
  return total + (digit ?? 0)
}

/** A number as plans write one in dates, deadlines and counts: Arabic digits or Chinese numerals (a capture group). */
export const NUMBER = '(\\d{1,4}|[一二三四五六七八九十〇零两]+)'

/** Reads a number written in Arabic or Chinese digits ("35", "十五"). */
export function readNumber(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : chineseNumber(text)
}

/** The heading marker at the start of a line, or null. The line must be trimmed. */
export function readMarker(line: string): Marker | null {
  for (let row = 0; row < MARKERS.length; row++) {
    const { kind, pattern } = MARKERS[row]!
    const match = pattern.exec(line)
    if (!match) continue
    const number = readNumber(match[1]!.replace(/[\u2460-\u2473]/, (c) => String(c.charCodeAt(0) - 0x245f)))
    if (!Number.isFinite(number) || number <= 0) continue
    return { kind, depth: row + 1, number, text: match[0], rest: line.slice(match[0].length).replace(/^[\s\u3000]+/, '') }
  }
  return null
}

const CN_DIGITS = '〇一二三四五六七八九'

/** 1 → 一, 10 → 十, 15 → 十五, 21 → 二十一: numbers as the markers write them (Word's chineseCounting). */
export function chineseCounting(n: number): string {
  if (n < 10) return CN_DIGITS[n]!
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '')
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '')
  return String(n)
}
