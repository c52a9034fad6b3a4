// Source lines → paragraphs. Blank lines and indentation are layout, not text;
// lines hard-wrapped at a fixed width (text pasted from a PDF) are joined back.

import { readMarker } from './markers.ts'
import { isSpace, trimBy } from '../text/prose.ts'

export interface Paragraph {
  /** Line of the paragraph's first line in the source (1-based). */
  line: number
  text: string
  /**
   * The line as written, where trimming took white space from a line that may be a table row (it holds a tab, or a
   * run of two spaces or more): "\t2.整治…" is a row whose first cell is empty (a merged cell), and the columns of
   * cells set apart by spaces are where they stand (tables.ts).
   */
  raw?: string
}

/** Removes layout white space (ASCII, full-width space U+3000, no-break space) at both ends. */
export function clean(line: string): string {
  // JavaScript's \s holds U+3000, U+00A0 and U+FEFF; a loop, as a pattern would take quadratic time on a run of spaces (text.ts).
  return trimBy(line, isSpace)
}

/** Width in columns: CJK and full-width characters count 2, others 1. */
function width(text: string): number {
  let w = 0
  for (const ch of text) w += ch.codePointAt(0)! >= 0x1100 ? 2 : 1
  return w
}

/**
 * The width at which the text was hard-wrapped, or null if it was not. A file
 * pasted from a PDF has most of its lines at (nearly) one width, the widest; a
 * typed file has paragraphs of every length, one per line.
 */
export function wrapWidth(lines: string[]): number | null {
  const widths = lines.map(width).filter((w) => w >= 20)
  if (widths.length < 6) return null
  const counts = new Map<number, number>()
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1)
  const max = widths.reduce((a, b) => Math.max(a, b), 0) // not Math.max(...): more lines than a call has arguments
  // Wrapping may leave a line one or two columns short (a full-width character that did not fit).
  const atMax = widths.filter((w) => w >= max - 2).length
  // A wrapped page is some 40 columns or more wide (A4 at 16 pt: 28 characters, 56 columns); narrower alike lines just happen to be alike.
  return max >= 40 && atMax >= 4 && atMax / widths.length >= 0.4 ? max : null
}

const SPACED_ROW = /\S(?: {2,}|\u3000)[^ \u3000].*?\S(?: {2,}|\u3000)[^ \u3000]/

/**
 * Paragraphs of the text: one per line, except that a line continuing a line
 * filled to the wrap width is joined to it without a separator (Chinese has
 * no spaces between words).
 */
export function toParagraphs(lines: string[], firstLine = 1): Paragraph[] {
  const cleaned = lines.map(clean)
  const wrap = wrapWidth(cleaned)
  const paragraphs: Paragraph[] = []
  cleaned.forEach((text, i) => {
    if (text === '') return
    const previous = i > 0 ? cleaned[i - 1]! : ''
    // A table row (cells between tabs or bars, or set apart by runs of spaces: two runs at least, as a sentence may
    // hold one) is a line of its own, however wide.
    const row = (line: string) => line.includes('\t') || line.startsWith('|') || SPACED_ROW.test(line)
    const continues = wrap !== null && previous !== '' && width(previous) >= wrap - 2 && readMarker(text) === null && !row(text) && !row(previous)
    if (continues && paragraphs.length > 0) {
      paragraphs[paragraphs.length - 1]!.text += text
    } else {
      const raw = lines[i]!
      const mayBeRow = raw.includes('\t') || /[ \u3000]{2}|\u3000/.test(text)
      paragraphs.push(raw !== text && mayBeRow ? { line: firstLine + i, text, raw } : { line: firstLine + i, text })
    }
  })
  return paragraphs
}
