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
import { Refusal, textLimitProblem } from './limits.ts'
import { readPdf } from './pdf.ts'

/** The file endings read as plans, in the order a folder is listed. */
export const PLAN_EXTENSIONS = ['.txt', '.md', '.docx', '.doc', '.odt', '.pdf'] as const

// Every message of this module is a line for the administrator, in Chinese;
// a library's own (English) error never reaches them.
const SAVE_AS_DOCX = '请用 WPS、Word 或 LibreOffice 打开，另存为 .docx（Word 文档），再用 .docx 文件替换它'
const ASK_FOR_WORD = '请索要该方案的 Word 文件，或由 Word 文件另存的 PDF'

// Files that come with plans but are not read, by ending, and what to do with each.
const NOT_READ: ReadonlyArray<{ endings: readonly string[]; what: string; todo: string }> = [
  { endings: ['.wps', '.wpt'], what: 'WPS 文字文件', todo: SAVE_AS_DOCX },
  { endings: ['.rtf', '.wri', '.pages'], what: '富文本文件', todo: SAVE_AS_DOCX },
  { endings: ['.docm', '.dotx', '.dotm', '.dot'], what: 'Word 模板或含宏的文件', todo: SAVE_AS_DOCX },
  { endings: ['.ott', '.fodt', '.sxw'], what: 'OpenDocument 模板或单一 XML 文件', todo: '请用 LibreOffice 或 WPS 打开，另存为 .odt 或 .docx' },
  { endings: ['.et', '.ett', '.xls', '.xlsx', '.xlsm', '.ods', '.csv'], what: '电子表格', todo: '方案从其文档读取，不从表格读取：请把任务表复制到方案文档中，另存为 .docx' },
  { endings: ['.ofd'], what: 'OFD 版式文档', todo: '请索要同一方案的 Word 文件或 PDF' },
  { endings: ['.dps', '.ppt', '.pptx', '.odp'], what: '演示文稿', todo: '请把方案本身以 .docx、.pdf 或 .txt 放入 seeds/' },
  { endings: ['.htm', '.html', '.mht', '.mhtml'], what: '网页', todo: '请把网页上的方案文字复制到一个 .txt 文件中' },
  { endings: ['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.bmp', '.gif'], what: '图片（扫描件不含文字）', todo: ASK_FOR_WORD },
  { endings: ['.zip', '.rar', '.7z'], what: '压缩包', todo: '请解压后把方案文件放入 seeds/' },
]

/** A name that begins in Latin letters, set off from the Chinese before it by a space ("这是 WPS 文字文件"). */
const spaced = (what: string) => (/^[A-Za-z]/.test(what) ? ` ${what}` : what)

/**
 * Why a file of this name is not read as a plan, saying what to do; null for a
 * plan file. A file of another ending is not read either (the build names it).
 */
export function notReadMessage(name: string): string | null {
  const ext = extname(name).toLowerCase()
  if ((PLAN_EXTENSIONS as readonly string[]).includes(ext)) return null
  const known = NOT_READ.find((k) => k.endings.includes(ext))
  const read = `方案只从扩展名为 ${PLAN_EXTENSIONS.join('、')} 的文件读取`
  if (known) return `这是${spaced(known.what)}（${ext}），不予读取：${known.todo}；${read}`
  return `扩展名为“${ext || '（无扩展名）'}”的文件不予读取：${read}；请给文件改用其中一种扩展名，或将它移出此文件夹`
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

/** What a file's first bytes say it is, whatever its name. */
type Container = 'zip' | 'ole' | 'pdf' | 'rtf' | 'html' | 'text' | 'other'

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b)

function containerOf(bytes: Uint8Array): Container {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip'
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'ole'
  // "%PDF-" may follow a few bytes of junk: readers look in the first kilobyte.
  const opening = Buffer.from(bytes.subarray(0, 1024))
  if (opening.includes('%PDF-')) return 'pdf'
  // Word and WPS save rich text and web pages under a .doc ending when asked to.
  if (opening.subarray(0, 5).toString('latin1') === '{\\rtf') return 'rtf'
  if (/^(?:\ufeff)?\s*(?:<!doctype html|<html|mime-version:)/i.test(opening.toString('utf8'))) return 'html'
  return decode(bytes).ok ? 'text' : 'other'
}

// The format each ending expects, and what a file of each container really is.
const EXPECTED: Readonly<Record<string, { container: Container; what: string }>> = {
  '.docx': { container: 'zip', what: 'Word 文件' },
  '.odt': { container: 'zip', what: 'OpenDocument 文本' },
  '.doc': { container: 'ole', what: 'Word 97–2003 文件' },
  '.pdf': { container: 'pdf', what: 'PDF' },
}
const RENAME: Readonly<Record<Exclude<Container, 'other'>, string>> = {
  zip: '是压缩包格式的 Office 文件（.docx 或 .odt）：请按其格式改名为 .docx 或 .odt',
  ole: '是 Word 97–2003 文件：请改名为 .doc',
  pdf: '是 PDF：请改名为 .pdf',
  rtf: `是 RTF 富文本：${SAVE_AS_DOCX}`,
  html: '是网页：请把网页上的方案文字复制到一个 .txt 文件中',
  text: '是纯文本：请改名为 .txt',
}

/**
 * Why a file is not what its ending says, or null: a .docx that holds plain
 * text, a .doc that is a .docx, a .pdf that is a Word file — files given the
 * wrong ending, told apart by their first bytes (zip, OLE, %PDF, text).
 */
export function misnamed(ext: string, bytes: Uint8Array): string | null {
  const expected = EXPECTED[ext]
  if (ext === '.txt' || ext === '.md') {
    // A text file's own problems (encodings, controls) are decode.ts's to say; an office file named .txt is said here.
    const found = bytes.length === 0 ? 'text' : containerOf(bytes)
    const pdf = found === 'pdf' && startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])
    return found === 'zip' || found === 'ole' || pdf ? `此文件扩展名为 ${ext}，但内容${RENAME[found]}` : null
  }
  if (!expected) return null
  if (bytes.length === 0) return `文件是空的：应为${expected.what}（${ext}）`
  const found = containerOf(bytes)
  if (found === expected.container) return null
  if (found === 'other') return `此文件扩展名为 ${ext}，但内容不是${spaced(expected.what)}，也不是其他可读的格式：请用 Word、WPS 或 LibreOffice 打开后重新保存`
  return `此文件扩展名为 ${ext}，但内容${RENAME[found]}`
}

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
    return { ok: false, where: at(line), message: `文字中有控制字符 ${control.code}：方案中不会有这种字符（可能是程序填入的域？）；请删除后重新保存文件` }
  }
  const tooLarge = textLimitProblem(ends.text)
  if (tooLarge) return { ok: false, where: at(1), message: tooLarge }
  return { ok: true, text: ends.text, where: at, dropped }
}

/**
 * A refusal of this project's readers as its own line; any other error is a
 * library's (a damaged archive, a broken PDF), whose English words say nothing
 * to an administrator: the file is said to be damaged, and what to do.
 */
function failure(error: unknown, cannot: string, todo: string): Source {
  if (error instanceof Refusal) return { ok: false, where: ':1', message: error.message }
  return { ok: false, where: ':1', message: `${cannot}：文件已损坏或格式不符；${todo}` }
}

const SAVE_AGAIN = '请用 Word、WPS 或 LibreOffice 打开后重新保存'

/** Reads a plan file's bytes by its ending. Never throws for bad content. */
export async function readSource(name: string, bytes: Uint8Array): Promise<Source> {
  const ext = extname(name).toLowerCase()
  const known = NOT_READ.some((k) => k.endings.includes(ext)) ? notReadMessage(name) : null
  if (known) return { ok: false, where: ':1', message: known }
  // Text files have their own, smaller limit (decode.ts).
  if (ext !== '.txt' && ext !== '.md' && bytes.length > MAX_DOCUMENT_BYTES) {
    return { ok: false, where: ':1', message: `文件大小为 ${(bytes.length / 1048576).toFixed(1)} MB：方案文件应小于 ${MAX_DOCUMENT_BYTES / 1048576} MB` }
  }
  const wrong = misnamed(ext, bytes)
  if (wrong) return { ok: false, where: ':1', message: wrong }
  if (ext === '.doc') {
    try {
      const { text, numbered } = await readDocNumbered(bytes)
      if (text.trim() === '') return { ok: false, where: ': 第1段', message: 'Word 文件中没有文字' }
      // Without numbers there is no outline to read: numbers typed by hand (as WPS users often do) are text,
      // automatic ones are read from the file's list tables (doc.ts).
      if (numbered === 0 && !text.split('\n').some((line) => readMarker(line.trim()) !== null)) {
        return { ok: false, where: ': 第1段', message: '此 Word 97–2003 文件（.doc）的文字中没有编号标题（“一、”“（一）”“1.”），无论手工输入还是自动编号；如果 Word 或 WPS 中显示有编号，请另存为 .docx 并替换它' }
      }
      return enter(text, (line) => `: 第${line}段`)
    } catch (error) {
      if (error instanceof DocNumberingError) return { ok: false, where: ': 第1段', message: error.message }
      return failure(error, '无法作为 Word 97–2003 文件（.doc）读取', SAVE_AGAIN)
    }
  }
  if (ext === '.docx') {
    try {
      const { text, paragraphOf } = await readDocx(bytes)
      if (text.trim() === '') return { ok: false, where: ': 第1段', message: 'Word 文件中没有文字' }
      return enter(text, (line) => `: 第${paragraphOf[Math.min(line, paragraphOf.length) - 1] ?? 1}段`)
    } catch (error) {
      return failure(error, '无法作为 Word 文件（.docx）读取', SAVE_AGAIN)
    }
  }
  if (ext === '.odt') {
    try {
      const { text, paragraphOf, dropped } = await readOdt(bytes)
      if (text.trim() === '') return { ok: false, where: ': 第1段', message: 'OpenDocument 文件中没有文字' }
      const at = (paragraph: number) => `: 第${paragraph}段`
      return enter(text, (line) => at(paragraphOf[Math.min(line, paragraphOf.length) - 1] ?? 1), dropped.map((d) => ({ where: at(d.paragraph), text: d.text })))
    } catch (error) {
      return failure(error, '无法作为 OpenDocument 文本（.odt）读取', '请用 LibreOffice 或 WPS 打开后重新保存')
    }
  }
  if (ext === '.pdf') {
    try {
      const { text, pageOf, pages, textPages, dropped } = await readPdf(bytes)
      if (textPages === 0 || text.trim() === '') {
        return { ok: false, where: ': 第1页', message: `此 PDF 的 ${pages} 页都没有文字：是扫描的图像；${ASK_FOR_WORD}` }
      }
      return enter(text, (line) => `: 第${pageOf[Math.min(line, pageOf.length) - 1] ?? 1}页`, dropped.map((d) => ({ where: `: 第${d.page}页`, text: d.text })))
    } catch (error) {
      return failure(error, '无法作为 PDF 读取', '请重新导出 PDF，或索要该方案的 Word 文件')
    }
  }
  const decoded = decode(bytes)
  if (!decoded.ok) return { ok: false, where: lineOf(decoded.line), message: decoded.message }
  // Markdown: heading marks are layout; the heading's words are the plan's.
  const text = ext === '.md' ? decoded.text.replace(/^#{1,6}[ \t]+/gm, '') : decoded.text
  return enter(text, lineOf)
}
