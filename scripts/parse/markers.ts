// Heading markers of Chinese official documents, as data. The order of the
// table is the conventional hierarchy (GB/T 9704: 一、 → （一） → 1. → （1）):
// a marker's `depth` is its row + 1, its conventional rank. The outline's
// levels come from the order in which the kinds first appear in a plan, this
// rank deciding where that order says nothing (levels.ts).

import { chineseCounting, readNumber } from '../text/numerals.ts'

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

/** A marker of a kind and number, as plans write it: the one the rules expected. */
export function writeMarker(kind: MarkerKind, number: number): string {
  switch (kind) {
    case 'cn': return `${chineseCounting(number)}、`
    case 'cn-paren': return `（${chineseCounting(number)}）`
    case 'arabic': return `${number}.`
    case 'arabic-paren': return `（${number}）`
    case 'circled': return number >= 1 && number <= 20 ? String.fromCharCode(0x245f + number) : `${number}`
    case 'unnumbered': return ''
  }
}
