// What a plan file may expand to. A plan is some tens of thousands of
// characters in a few hundred paragraphs; a file that unpacks to far more is
// a zip bomb, a generated document or the wrong file, and reading it would
// hold the build for hours or exhaust its memory. Each limit, when exceeded,
// refuses that plan with one line naming the limit; the other plans are read.

export const LIMITS = {
  /** Characters of a plan's text, whatever the format. */
  characters: 2_000_000,
  /** Lines of a plan's text: paragraphs of a Word file, lines of a PDF or text file. */
  lines: 100_000,
  /** Paragraphs (w:p) in a Word file's document.xml, counted before it is parsed. */
  paragraphs: 100_000,
  /** Bytes a part of a .docx (document.xml, numbering.xml, styles.xml) unpacks to. */
  partBytes: 64 * 1024 * 1024,
  /** Pages of a PDF. */
  pdfPages: 2_000,
} as const

/** A limit of LIMITS exceeded: its message is the administrator's line, said as it is. */
export class LimitExceeded extends Error {
  override name = 'LimitExceeded'
}

const count = (n: number) => n.toLocaleString('en-US')

/** The text's characters and lines within the limits, or the refusal. */
export function textLimitProblem(text: string): string | null {
  if (text.length > LIMITS.characters) {
    return `the plan's text is ${count(text.length)} characters, more than the ${count(LIMITS.characters)} a plan may have; check that this is the right file, or split it`
  }
  let lines = 1
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (++lines > LIMITS.lines) return `the plan's text has more than ${count(LIMITS.lines)} lines (paragraphs), the most a plan may have; check that this is the right file, or split it`
  }
  return null
}

export function partTooLarge(part: string): LimitExceeded {
  return new LimitExceeded(`the Word file's ${part} unpacks to more than ${LIMITS.partBytes / 1024 / 1024} MB, the most a plan's part may have (a zip bomb or a generated file?); the file is not read`)
}

export function tooManyParagraphs(found: number): LimitExceeded {
  return new LimitExceeded(`the Word file holds more than ${count(LIMITS.paragraphs)} paragraphs (${count(found)} at least), the most a plan may have; check that this is the right file, or split it`)
}

export function tooManyPages(pages: number): LimitExceeded {
  return new LimitExceeded(`the PDF has ${count(pages)} pages, more than the ${count(LIMITS.pdfPages)} a plan may have; check that this is the right file, or split it`)
}
