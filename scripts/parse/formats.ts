// A plan file as received → its text, and where each line of that text stands
// in the file (a line of a text file, a paragraph of a Word file, a page of a
// PDF), so that every problem can say where it is. Plans come out of the
// office system as Word, off the portal as PDF, or as text in any encoding.

import { extname } from 'node:path'
import { forbiddenControl, normaliseLineEnds } from './characters.ts'
import { decode } from './decode.ts'
import { readDoc, readDocx } from './docx.ts'
import { readMarker } from './markers.ts'
import { LimitExceeded, textLimitProblem } from './limits.ts'
import { readPdf } from './pdf.ts'

/** The file endings read as plans, in the order a folder is listed. */
export const PLAN_EXTENSIONS = ['.txt', '.md', '.docx', '.doc', '.pdf'] as const

/** Largest Word or PDF file read: plans are some hundred kilobytes, with a letterhead image a few megabytes. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

export type Source =
  | { ok: true; text: string; where: (line: number) => string }
  | { ok: false; where: string; message: string }

const lineOf = (line: number) => `:${line}`

/**
 * The one gate where a file's text enters the model, whatever its format: line
 * ends as LF, no control character (the rule text files have had: a CR in a
 * Word title put bare CRs into the calendar), within the size limits.
 */
function enter(text: string, where: (line: number) => string): Source {
  const ends = normaliseLineEnds(text)
  const at = (line: number) => where(ends.lineOf(line))
  const control = forbiddenControl(ends.text)
  if (control) {
    const line = ends.text.slice(0, control.index).split('\n').length
    return { ok: false, where: at(line), message: `control character ${control.code} in the text: it is no character of a plan (a field filled by a program?); delete it and save the file again` }
  }
  const tooLarge = textLimitProblem(ends.text)
  if (tooLarge) return { ok: false, where: at(1), message: tooLarge }
  return { ok: true, text: ends.text, where: at }
}

/** A limit's refusal as its own line; another failure as the reader's words after `what`. */
function failure(error: unknown, what: string): Source {
  if (error instanceof LimitExceeded) return { ok: false, where: ':1', message: error.message }
  return { ok: false, where: ':1', message: `${what}: ${error instanceof Error ? error.message : String(error)}` }
}

/** Reads a plan file's bytes by its ending. Never throws for bad content. */
export async function readSource(name: string, bytes: Uint8Array): Promise<Source> {
  const ext = extname(name).toLowerCase()
  // Text files have their own, smaller limit (decode.ts).
  if (ext !== '.txt' && ext !== '.md' && bytes.length > MAX_DOCUMENT_BYTES) {
    return { ok: false, where: ':1', message: `the file is ${(bytes.length / 1048576).toFixed(1)} MB; a plan is expected to be under ${MAX_DOCUMENT_BYTES / 1048576} MB` }
  }
  if (ext === '.doc') {
    try {
      const text = await readDoc(bytes)
      if (text.trim() === '') return { ok: false, where: ': 第1段', message: 'the Word file has no text' }
      // A .doc keeps automatic numbering out of its text, and word-extractor does not render it: without
      // numbers there is no outline to read. Numbers typed by hand (as WPS users often do) are text, and read.
      if (!text.split('\n').some((line) => readMarker(line.trim()) !== null)) {
        return { ok: false, where: ': 第1段', message: 'no numbered headings ("一、", "（一）", "1.") in the text of this Word 97–2003 file: its numbering is automatic, which a .doc does not keep in its text; open it in Word or WPS and save it as .docx' }
      }
      return enter(text, (line) => `: 第${line}段`)
    } catch (error) {
      return failure(error, 'cannot read it as a Word 97–2003 file (.doc)')
    }
  }
  if (ext === '.docx') {
    try {
      const { text, paragraphOf } = await readDocx(bytes)
      if (text.trim() === '') return { ok: false, where: ': 第1段', message: 'the Word file has no text' }
      return enter(text, (line) => `: 第${paragraphOf[Math.min(line, paragraphOf.length) - 1] ?? 1}段`)
    } catch (error) {
      return failure(error, 'cannot read it as a Word file (.docx)')
    }
  }
  if (ext === '.pdf') {
    try {
      const { text, pageOf, pages, textPages } = await readPdf(bytes)
      if (textPages === 0 || text.trim() === '') {
        return { ok: false, where: ': 第1页', message: `the PDF holds no text on any of its ${pages} page(s): it is a scanned image; ask for the Word file, or a PDF saved from it` }
      }
      return enter(text, (line) => `: 第${pageOf[Math.min(line, pageOf.length) - 1] ?? 1}页`)
    } catch (error) {
      return failure(error, 'cannot read it as a PDF')
    }
  }
  const decoded = decode(bytes)
  if (!decoded.ok) return { ok: false, where: lineOf(decoded.line), message: decoded.message }
  // Markdown: heading marks are layout; the heading's words are the plan's.
  const text = ext === '.md' ? decoded.text.replace(/^#{1,6}[ \t]+/gm, '') : decoded.text
  return enter(text, lineOf)
}
