// A plan file as received → its text, and where each line of that text stands
// in the file (a line of a text file, a paragraph of a Word file, a page of a
// PDF), so that every problem can say where it is. Plans come out of the
// office system as Word, off the portal as PDF, or as text in any encoding.

import { extname } from 'node:path'
import { forbiddenControl, normaliseLineEnds } from './characters.ts'
import { decode } from './decode.ts'
import { DocNumberingError, readDocNumbered } from './doc.ts'
import { readDocx } from './docx.ts'
import { readMarker } from './markers.ts'
import { readOdt } from './odt.ts'
import { LimitExceeded, textLimitProblem } from './limits.ts'
import { readPdf } from './pdf.ts'

/** The file endings read as plans, in the order a folder is listed. */
export const PLAN_EXTENSIONS = ['.txt', '.md', '.docx', '.doc', '.odt', '.pdf'] as const

const SAVE_AS_DOCX = 'open it in WPS, Word or LibreOffice and save it as .docx (另存为 Word 文档), then put the .docx in its place'

// Files that come with plans but are not read, by ending, and what to do with each.
const NOT_READ: ReadonlyArray<{ endings: readonly string[]; what: string; todo: string }> = [
  { endings: ['.wps', '.wpt'], what: 'a WPS 文字 file', todo: SAVE_AS_DOCX },
  { endings: ['.rtf', '.wri', '.pages'], what: 'a rich-text file', todo: SAVE_AS_DOCX },
  { endings: ['.docm', '.dotx', '.dotm', '.dot'], what: 'a Word template or macro file', todo: SAVE_AS_DOCX },
  { endings: ['.ott', '.fodt', '.sxw'], what: 'an OpenDocument template or flat file', todo: 'open it in LibreOffice or WPS and save it as .odt or .docx' },
  { endings: ['.et', '.ett', '.xls', '.xlsx', '.xlsm', '.ods', '.csv'], what: 'a spreadsheet', todo: 'a plan is read from its document, not from a sheet: copy the task table into the plan’s document and save that as .docx' },
  { endings: ['.ofd'], what: 'an OFD file (版式文档)', todo: 'ask for the Word file, or a PDF, of the same plan' },
  { endings: ['.dps', '.ppt', '.pptx', '.odp'], what: 'a slide show', todo: 'put the plan itself in seeds/, as .docx, .pdf or .txt' },
  { endings: ['.htm', '.html', '.mht', '.mhtml'], what: 'a web page', todo: 'copy the plan\'s text from the page into a .txt file' },
  { endings: ['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.bmp', '.gif'], what: 'an image (a scan holds no text)', todo: 'ask for the Word file, or a PDF saved from it' },
  { endings: ['.zip', '.rar', '.7z'], what: 'an archive', todo: 'unpack it and put the plan files in seeds/' },
]

/**
 * Why a file of this name is not read as a plan, saying what to do; null for a
 * plan file. A file of another ending is not read either (the build names it).
 */
export function notReadMessage(name: string): string | null {
  const ext = extname(name).toLowerCase()
  if ((PLAN_EXTENSIONS as readonly string[]).includes(ext)) return null
  const known = NOT_READ.find((k) => k.endings.includes(ext))
  const read = `plans are read from files ending in ${PLAN_EXTENSIONS.join(', ')}`
  if (known) return `this is ${known.what} (${ext}), which is not read: ${known.todo}; ${read}`
  return `files ending in "${ext || '(no ending)'}" are not read: ${read}; give the file one of these endings, or move it out of the folder`
}

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

/**
 * Why a .docx or .odt is not one, or null: both are zip archives ("PK\x03\x04"); a file
 * that is not is often a text file or a Word 97 file given the wrong ending.
 */
function notAnArchive(bytes: Uint8Array, kind: string): string | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return null
  if (bytes.length === 0) return `the file is empty; expected ${kind}`
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return `this is not ${kind} but a Word 97–2003 file: rename it .doc`
  if (decode(bytes).ok) return `this is not ${kind} (it holds plain text): rename it .txt`
  return `this is not ${kind}: open it in Word, WPS or LibreOffice and save it again`
}

/** Why a .doc or .pdf is not one, by its first bytes, or null: a Word 97 file is an OLE compound file, a PDF begins "%PDF-". */
function notOfKind(bytes: Uint8Array, ext: '.doc' | '.pdf'): string | null {
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0
  const pdf = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-')
  const kind = ext === '.doc' ? 'a Word 97–2003 file (.doc)' : 'a PDF'
  if ((ext === '.doc' && ole) || (ext === '.pdf' && pdf)) return null
  if (bytes.length === 0) return `the file is empty; expected ${kind}`
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return `this is not ${kind} but a zip archive, as a Word file (.docx) or an OpenDocument text (.odt) is: rename it .docx (or .odt), or open it in Word, WPS or LibreOffice and save it again`
  if (ole) return `this is not ${kind} but a Word 97–2003 file: rename it .doc`
  if (pdf) return `this is not ${kind} but a PDF: rename it .pdf`
  if (decode(bytes).ok) return `this is not ${kind} (it holds plain text): rename it .txt`
  return null
}

/** A reader's failure on a file that is of its kind: damaged, in words, with the reader's own after. */
const damaged = (kind: string, todo: string) => `cannot read it as ${kind}: the file is damaged; ${todo}. The reader says`

/**
 * The one gate where a file's text enters the model, whatever its format: line
 * ends as LF, no control character (the rule text files have had: a CR in a
 * Word title put bare CRs into the calendar), within the size limits.
 */
function enter(text: string, where: (line: number) => string, dropped: Dropped[] = []): Source {
  const ends = normaliseLineEnds(text)
  const at = (line: number) => where(ends.lineOf(line))
  const control = forbiddenControl(ends.text)
  if (control) {
    const line = ends.text.slice(0, control.index).split('\n').length
    return { ok: false, where: at(line), message: `control character ${control.code} in the text: it is no character of a plan (a field filled by a program?); delete it and save the file again` }
  }
  const tooLarge = textLimitProblem(ends.text)
  if (tooLarge) return { ok: false, where: at(1), message: tooLarge }
  return { ok: true, text: ends.text, where: at, dropped }
}

/** A limit's refusal as its own line; another failure as the reader's words after `what`. */
function failure(error: unknown, what: string): Source {
  if (error instanceof LimitExceeded) return { ok: false, where: ':1', message: error.message }
  return { ok: false, where: ':1', message: `${what}: ${error instanceof Error ? error.message : String(error)}` }
}

/** Reads a plan file's bytes by its ending. Never throws for bad content. */
export async function readSource(name: string, bytes: Uint8Array): Promise<Source> {
  const ext = extname(name).toLowerCase()
  const known = NOT_READ.some((k) => k.endings.includes(ext)) ? notReadMessage(name) : null
  if (known) return { ok: false, where: ':1', message: known }
  // Text files have their own, smaller limit (decode.ts).
  if (ext !== '.txt' && ext !== '.md' && bytes.length > MAX_DOCUMENT_BYTES) {
    return { ok: false, where: ':1', message: `the file is ${(bytes.length / 1048576).toFixed(1)} MB; a plan is expected to be under ${MAX_DOCUMENT_BYTES / 1048576} MB` }
  }
  if (ext === '.doc') {
    const wrong = notOfKind(bytes, '.doc')
    if (wrong) return { ok: false, where: ':1', message: wrong }
    try {
      const { text, numbered } = await readDocNumbered(bytes)
      if (text.trim() === '') return { ok: false, where: ': 第1段', message: 'the Word file has no text' }
      // Without numbers there is no outline to read: numbers typed by hand (as WPS users often do) are text,
      // automatic ones are read from the file's list tables (doc.ts).
      if (numbered === 0 && !text.split('\n').some((line) => readMarker(line.trim()) !== null)) {
        return { ok: false, where: ': 第1段', message: 'no numbered headings ("一、", "（一）", "1.") in the text of this Word 97–2003 file, typed or automatic; if Word or WPS shows numbers, save it as .docx and put that in its place' }
      }
      return enter(text, (line) => `: 第${line}段`)
    } catch (error) {
      if (error instanceof DocNumberingError) return { ok: false, where: ': 第1段', message: error.message }
      return failure(error, damaged('a Word 97–2003 file (.doc)', 'open it in Word, WPS or LibreOffice and save it again (as .docx)'))
    }
  }
  if (ext === '.docx') {
    const wrong = notAnArchive(bytes, 'a Word file (.docx)')
    if (wrong) return { ok: false, where: ':1', message: wrong }
    try {
      const { text, paragraphOf } = await readDocx(bytes)
      if (text.trim() === '') return { ok: false, where: ': 第1段', message: 'the Word file has no text' }
      return enter(text, (line) => `: 第${paragraphOf[Math.min(line, paragraphOf.length) - 1] ?? 1}段`)
    } catch (error) {
      // The archive's own words ("End of data reached", "Corrupted zip ?") after what they mean.
      const damaged = !(error instanceof LimitExceeded) && !(error instanceof Error && error.message.startsWith('not a Word document'))
      return failure(error, damaged ? 'cannot read it as a Word file (.docx): the file is damaged (its archive cannot be unpacked); open it in Word, WPS or LibreOffice and save it again. The archive says' : 'cannot read it as a Word file (.docx)')
    }
  }
  if (ext === '.odt') {
    const wrong = notAnArchive(bytes, 'an OpenDocument text (.odt)')
    if (wrong) return { ok: false, where: ':1', message: wrong }
    try {
      const { text, paragraphOf, dropped } = await readOdt(bytes)
      if (text.trim() === '') return { ok: false, where: ': 第1段', message: 'the OpenDocument file has no text' }
      const at = (paragraph: number) => `: 第${paragraph}段`
      return enter(text, (line) => at(paragraphOf[Math.min(line, paragraphOf.length) - 1] ?? 1), dropped.map((d) => ({ where: at(d.paragraph), text: d.text })))
    } catch (error) {
      // The archive's own error ("End of data reached") says nothing to an administrator.
      return { ok: false, where: ':1', message: `cannot read it as an OpenDocument text (.odt): ${error instanceof Error && error.message.startsWith('not an OpenDocument') ? error.message.slice('not an OpenDocument text: '.length) : 'the archive is damaged'}; open it in LibreOffice or WPS and save it again` }
    }
  }
  if (ext === '.pdf') {
    const wrong = notOfKind(bytes, '.pdf')
    if (wrong) return { ok: false, where: ':1', message: wrong }
    try {
      const { text, pageOf, pages, textPages, dropped } = await readPdf(bytes)
      if (textPages === 0 || text.trim() === '') {
        return { ok: false, where: ': 第1页', message: `the PDF holds no text on any of its ${pages} page(s): it is a scanned image; ask for the Word file, or a PDF saved from it` }
      }
      return enter(text, (line) => `: 第${pageOf[Math.min(line, pageOf.length) - 1] ?? 1}页`, dropped.map((d) => ({ where: `: 第${d.page}页`, text: d.text })))
    } catch (error) {
      return failure(error, damaged('a PDF', 'ask for the file again, or for the Word file it was saved from'))
    }
  }
  const decoded = decode(bytes)
  if (!decoded.ok) return { ok: false, where: lineOf(decoded.line), message: decoded.message }
  // Markdown: heading marks are layout; the heading's words are the plan's.
  const text = ext === '.md' ? decoded.text.replace(/^#{1,6}[ \t]+/gm, '') : decoded.text
  return enter(text, lineOf)
}
