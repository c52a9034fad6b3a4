// A plan file as received → its text, and where each line of that text stands
// in the file (a line of a text file, a paragraph of a Word file, a page of a
// PDF), so that every problem can say where it is. Plans come out of the
// office system as Word, off the portal as PDF, or as text in any encoding.

import { extname } from 'node:path'
import { decode } from './decode.ts'
import { readDoc, readDocx } from './docx.ts'
import { readMarker } from './markers.ts'
import { readPdf } from './pdf.ts'

/** The file endings read as plans, in the order a folder is listed. */
export const PLAN_EXTENSIONS = ['.txt', '.md', '.docx', '.doc', '.pdf'] as const

/** Largest Word or PDF file read: plans are some hundred kilobytes, with a letterhead image a few megabytes. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

/** Text of the file left out of the plan's text as layout (a PDF's page numbers and running headers), and where it stood. */
export interface Dropped {
  where: string
  text: string
}

export type Source =
  | { ok: true; text: string; where: (line: number) => string; dropped: Dropped[] }
  | { ok: false; where: string; message: string }

const lineOf = (line: number) => `:${line}`

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
      return { ok: true, text, where: (line) => `: 第${line}段`, dropped: [] }
    } catch (error) {
      return { ok: false, where: ':1', message: `cannot read it as a Word 97–2003 file (.doc): ${error instanceof Error ? error.message : String(error)}` }
    }
  }
  if (ext === '.docx') {
    try {
      const { text, paragraphOf } = await readDocx(bytes)
      if (text.trim() === '') return { ok: false, where: ': 第1段', message: 'the Word file has no text' }
      return { ok: true, text, where: (line) => `: 第${paragraphOf[Math.min(line, paragraphOf.length) - 1] ?? 1}段`, dropped: [] }
    } catch (error) {
      return { ok: false, where: ':1', message: `cannot read it as a Word file (.docx): ${error instanceof Error ? error.message : String(error)}` }
    }
  }
  if (ext === '.pdf') {
    try {
      const { text, pageOf, pages, textPages, dropped } = await readPdf(bytes)
      if (textPages === 0 || text.trim() === '') {
        return { ok: false, where: ': 第1页', message: `the PDF holds no text on any of its ${pages} page(s): it is a scanned image; ask for the Word file, or a PDF saved from it` }
      }
      return { ok: true, text, where: (line) => `: 第${pageOf[Math.min(line, pageOf.length) - 1] ?? 1}页`, dropped: dropped.map((d) => ({ where: `: 第${d.page}页`, text: d.text })) }
    } catch (error) {
      return { ok: false, where: ':1', message: `cannot read it as a PDF: ${error instanceof Error ? error.message : String(error)}` }
    }
  }
  const decoded = decode(bytes)
  if (!decoded.ok) return { ok: false, where: lineOf(decoded.line), message: decoded.message }
  // Markdown: heading marks are layout; the heading's words are the plan's.
  const text = ext === '.md' ? decoded.text.replace(/^#{1,6}[ \t]+/gm, '') : decoded.text
  return { ok: true, text, where: lineOf, dropped: [] }
}
