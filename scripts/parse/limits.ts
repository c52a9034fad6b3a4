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

/**
 * A file refused by a reader of this project: its message is the
 * administrator's line (in Chinese), said as it is. Any other error a reader
 * throws comes from a library, and its English words are not shown.
 */
export class Refusal extends Error {
  override name = 'Refusal'
}

/** A limit of LIMITS exceeded. */
export class LimitExceeded extends Refusal {
  override name = 'LimitExceeded'
}

const count = (n: number) => n.toLocaleString('en-US')

/** The text's characters and lines within the limits, or the refusal. */
export function textLimitProblem(text: string): string | null {
  if (text.length > LIMITS.characters) {
    return `方案文字有 ${count(text.length)} 个字符，超过一个方案最多可有的 ${count(LIMITS.characters)} 个；请确认文件是否正确，或将其拆分`
  }
  let lines = 1
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (++lines > LIMITS.lines) return `方案文字超过 ${count(LIMITS.lines)} 行（段），即一个方案最多可有的行数；请确认文件是否正确，或将其拆分`
  }
  return null
}

export function partTooLarge(part: string): LimitExceeded {
  return new LimitExceeded(`此 Word 文件的 ${part} 解压后超过 ${LIMITS.partBytes / 1024 / 1024} MB，即方案文件一个部件的上限（压缩炸弹或程序生成的文件？）；不予读取`)
}

export function tooManyParagraphs(found: number): LimitExceeded {
  return new LimitExceeded(`此 Word 文件超过 ${count(LIMITS.paragraphs)} 段（至少 ${count(found)} 段），即一个方案最多可有的段数；请确认文件是否正确，或将其拆分`)
}

export function tooManyPages(pages: number): LimitExceeded {
  return new LimitExceeded(`此 PDF 有 ${count(pages)} 页，超过一个方案最多可有的 ${count(LIMITS.pdfPages)} 页；请确认文件是否正确，或将其拆分`)
}
