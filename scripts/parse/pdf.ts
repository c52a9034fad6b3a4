// A text PDF as portals publish it → the plan's text: glyph runs grouped into
// lines by their position (pdf.js getTextContent), running headers, footers
// and page numbers dropped (and listed), lines re-joined into paragraphs where a line runs
// on to the right margin and the next one starts at the left margin without
// indent (or, in an automatic list's item, at the item's text indent); a task table read into rows and columns by its glyphs' positions
// and its ruling (pdf-tables.ts), a row a line with tabs between its cells.
// Line N of the text remembers its page: errors say "第N页".

import { tooManyPages, LIMITS } from './limits.ts'
import { readMarker } from './markers.ts'
import { readTables, tablePages, type PdfLine, type Rule } from './pdf-tables.ts'

export interface PdfText {
  text: string
  /** Page (1-based) of each line of `text`. */
  pageOf: number[]
  /** Pages that hold no text at all (scanned images). */
  pages: number
  textPages: number
  /** Lines read as page chrome and left out of `text` (running headers, footers, page numbers), with their page. */
  dropped: Array<{ page: number; text: string }>
}

/** A line of a page; `size` is its type size (the height of its runs). */
type Line = PdfLine

// Fonts often map an ideograph's glyph back to a radical of the same shape
// (pdf.js then reads "⼈⺠" for 人民): the Kangxi radicals are turned into their
// ideographs by NFKC, the radicals supplement by this table (after Unicode's
// EquivalentUnifiedIdeograph.txt, the forms a Chinese text uses).
const RADICALS: Readonly<Record<string, string>> = Object.fromEntries([...
  '⺁厂⺅亻⺆冂⺇几⺊卜⺋㔾⺌小⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺗㣺⺘扌⺙攵⺛旡⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺨犭⺩王⺪疋⺫罒⺬示⺭礻⺮竹⺯糸⺰纟⺲罒⺳㓁⺶羊⺷羊⺹耂⺺肀⺻聿⺼月⺽臼⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻊足⻋车⻌辶⻍辶⻎辶⻏阝⻐钅⻑長⻒镸⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟',
].flatMap((c, i, all) => (i % 2 === 0 ? [[c, all[i + 1]!]] : [])))

/** The text a reader sees where the PDF's text layer has radicals for ideographs. */
export function ideographs(text: string): string {
  return text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/g, (c) => RADICALS[c] ?? c.normalize('NFKC'))
}

// Characters of Chinese text: ideographs, CJK and full-width punctuation, and
// the quotes and dashes Chinese text sets between them.
const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2014\\u2018-\\u201d\\u2026\\u00b7'
const CJK_SPACE = new RegExp(`(?<=[${CJK}])[ \\u00a0]+|[ \\u00a0]+(?=[${CJK}])`, 'gu')

/**
 * The text of a run without the spaces pdf.js puts in it. A PDF's text layer
 * has no space characters between Chinese characters (Chinese puts none), but
 * pdf.js inserts one wherever glyphs stand apart: a justified line (office
 * suites spread its characters over the width), a change of font between "8"
 * and "月". Those spaces are layout; a space between two Latin letters or
 * digits ("Word 2022") is a word space and stays.
 */
export function withoutLayoutSpaces(text: string): string {
  return text.replace(CJK_SPACE, '')
}

/** A page number as printed: "1", "- 1 -", "— 2 —", "第3页", "3/12". */
const PAGE_NUMBER = /^[-—–\s]*(第\s*)?\d+(\s*页)?(\s*\/\s*\d+)?(\s*共\s*\d+\s*页)?[-—–\s]*$/

/**
 * The first line (in the order made) on the run's baseline. Runs come in
 * descending y, so the lines' y descend too and the lines near the run's
 * baseline are the last ones: a walk back from the end, not a search of every
 * line of the page for every run (a page of 10,000 runs took 10⁸ comparisons).
 */
function lineOnBaseline(lines: Line[], run: { y: number; h: number }): Line | undefined {
  const near = Math.max(2, run.h / 3)
  let i = lines.length
  while (i > 0 && Math.abs(lines[i - 1]!.y - run.y) < near) i--
  return lines[i]
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>

/**
 * The lines of every page, and a reader of the ruling of the pages asked for (a page's operator list is read
 * only for the pages a table stands on: reading every page's took half again the time of a text PDF).
 */
async function pageLines(data: Uint8Array): Promise<{ lines: Line[]; ruling: (pages: Set<number>) => Promise<Map<number, Rule[]>>; close: () => Promise<void>; pages: number; textPages: number; width: number }> {
  // pdf.js is loaded when a PDF is read: its code takes a second to load, which a build of Word and text plans is spared.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const pdf = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise
  if (pdf.numPages > LIMITS.pdfPages) {
    await pdf.destroy()
    throw tooManyPages(pdf.numPages)
  }
  const lines: Line[] = []
  let textPages = 0
  let width = 0
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n)
    width = Math.max(width, page.getViewport({ scale: 1 }).width)
    const content = await page.getTextContent()
    const runs = content.items
      .filter((item): item is Extract<typeof item, { str: string }> => 'str' in item && item.str.trim() !== '')
      .map((item) => {
        const raw = ideographs(item.str)
        return { x: item.transform[4] as number, y: item.transform[5] as number, w: item.width, h: Math.abs(item.transform[3] as number) || item.height, raw, str: withoutLayoutSpaces(raw) }
      })
    if (runs.length > 0) textPages++
    // Runs on one baseline (within a third of the type size) form a line, read left to right.
    runs.sort((a, b) => b.y - a.y || a.x - b.x)
    const pageLines: Line[] = []
    for (const run of runs) {
      const line = lineOnBaseline(pageLines, run)
      const { str, ...glyphs } = run
      if (line) {
        const gap = run.x - line.right
        // Runs apart are words apart only between Latin letters or digits (see withoutLayoutSpaces).
        line.text += gap > run.h * 0.8 && /[A-Za-z0-9]$/.test(line.text) && /^[A-Za-z0-9]/.test(str) ? ` ${str}` : str
        line.right = Math.max(line.right, run.x + run.w)
        line.x = Math.min(line.x, run.x)
        line.runs.push(glyphs)
      } else {
        pageLines.push({ page: n, y: run.y, x: run.x, right: run.x + run.w, size: run.h, text: str, runs: [glyphs] })
      }
    }
    for (const line of pageLines) line.runs.sort((a, b) => a.x - b.x)
    lines.push(...pageLines.sort((a, b) => b.y - a.y))
    page.cleanup()
  }
  const ruling = async (pages: Set<number>) => {
    const rules = new Map<number, Rule[]>()
    for (const n of [...pages].filter((n) => n >= 1 && n <= pdf.numPages).sort((a, b) => a - b)) {
      const page = await pdf.getPage(n)
      rules.set(n, await pageRules(page, pdfjs.OPS))
      page.cleanup()
    }
    return rules
  }
  return { lines, ruling, close: () => pdf.destroy(), pages: pdf.numPages, textPages, width }
}

/**
 * The straight lines a page draws across or down it (a table's rules), from its operator list: segments of
 * paths that are stroked or filled (not clipping paths), rectangles thinner than 3 pt taken as lines, in page
 * space (the transformation matrix followed through save and restore).
 */
async function pageRules(page: PdfPage, OPS: PdfJs['OPS']): Promise<Rule[]> {
  const { fnArray, argsArray } = await page.getOperatorList()
  const rules: Rule[] = []
  let pending: Rule[] = []
  let ctm = [1, 0, 0, 1, 0, 0]
  const saved: number[][] = []
  const at = (x: number, y: number) => [ctm[0]! * x + ctm[2]! * y + ctm[4]!, ctm[1]! * x + ctm[3]! * y + ctm[5]!] as const
  const segment = (x1: number, y1: number, x2: number, y2: number) => {
    const [a, b] = at(x1, y1)
    const [c, d] = at(x2, y2)
    if (Math.abs(a - c) + Math.abs(b - d) < 2) return
    if (Math.abs(b - d) < 1) pending.push({ x1: Math.min(a, c), y1: (b + d) / 2, x2: Math.max(a, c), y2: (b + d) / 2 })
    else if (Math.abs(a - c) < 1) pending.push({ x1: (a + c) / 2, y1: Math.min(b, d), x2: (a + c) / 2, y2: Math.max(b, d) })
  }
  const paints = new Set([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke])
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown
    if (fn === OPS.save) saved.push(ctm)
    else if (fn === OPS.restore) ctm = saved.pop() ?? ctm
    else if (fn === OPS.transform && Array.isArray(args) && args.length === 6) {
      const [a, b, c, d, e, f] = args as number[]
      const m = ctm
      ctm = [a! * m[0]! + b! * m[2]!, a! * m[1]! + b! * m[3]!, c! * m[0]! + d! * m[2]!, c! * m[1]! + d! * m[3]!, e! * m[0]! + f! * m[2]! + m[4]!, e! * m[1]! + f! * m[3]! + m[5]!]
    } else if (fn === OPS.constructPath && Array.isArray(args) && Array.isArray(args[0]) && (Array.isArray(args[1]) || ArrayBuffer.isView(args[1]))) {
      const [ops, coords] = args as [number[], ArrayLike<number>]
      let k = 0
      let x = 0
      let y = 0
      let startX = 0
      let startY = 0
      for (const op of ops) {
        if (op === OPS.moveTo) { x = startX = coords[k]!; y = startY = coords[k + 1]!; k += 2 }
        else if (op === OPS.lineTo) { segment(x, y, coords[k]!, coords[k + 1]!); x = coords[k]!; y = coords[k + 1]!; k += 2 }
        else if (op === OPS.curveTo) { x = coords[k + 4]!; y = coords[k + 5]!; k += 6 }
        else if (op === OPS.curveTo2 || op === OPS.curveTo3) { x = coords[k + 2]!; y = coords[k + 3]!; k += 4 }
        else if (op === OPS.closePath) { segment(x, y, startX, startY); x = startX; y = startY }
        else if (op === OPS.rectangle) {
          const [rx, ry, w, h] = [coords[k]!, coords[k + 1]!, coords[k + 2]!, coords[k + 3]!]
          k += 4
          if (Math.abs(h) < 3) segment(rx, ry + h / 2, rx + w, ry + h / 2)
          else if (Math.abs(w) < 3) segment(rx + w / 2, ry, rx + w / 2, ry + h)
          else { segment(rx, ry, rx + w, ry); segment(rx + w, ry, rx + w, ry + h); segment(rx + w, ry + h, rx, ry + h); segment(rx, ry + h, rx, ry) }
          x = startX = rx
          y = startY = ry
        }
      }
    } else if (paints.has(fn)) {
      rules.push(...pending)
      pending = []
    } else if (fn === OPS.endPath) pending = []
  })
  return rules
}

/**
 * Running headers and footers: a line that stands at the same place on most
 * pages with the same words (digits aside), or a page number at the top or
 * bottom of a page.
 */
function isRunning(line: Line, context: RunningContext, pages: number, bodySize: number): boolean {
  if (!context.edges.has(line)) return false
  if (PAGE_NUMBER.test(line.text)) return true
  // Set in smaller type than the text, at the top or bottom of the page, and than the line beside it (a table's
  // lines are set smaller than the text too, but alike).
  const beside = context.beside.get(line)
  if (line.size < bodySize * 0.8 && (beside === undefined || beside.size > line.size * 1.15)) return true
  if (pages < 3) return false
  return (context.pagesAtPlace.get(line) ?? 0) >= Math.ceil(pages * 0.6)
}

interface RunningContext {
  /** The first and last line of each page. */
  edges: Set<Line>
  /** For each edge line, the line next to it on its page (below the first, above the last). */
  beside: Map<Line, Line>
  /** For each edge line: on how many pages a line with its words (digits aside) stands within 2 pt of its place. */
  pagesAtPlace: Map<Line, number>
}

/**
 * What isRunning asks of all lines, worked out once: per page its first and
 * last line; per edge line, the pages with the same words at the same place,
 * by a window sliding over the lines of one shape sorted by y (linear after the
 * sort, where filtering every line for every line was quadratic in the pages).
 */
function runningContext(all: Line[]): RunningContext {
  const edges = new Set<Line>()
  const beside = new Map<Line, Line>()
  all.forEach((line, i) => {
    const before = i > 0 && all[i - 1]!.page === line.page ? all[i - 1]! : null
    const after = i < all.length - 1 && all[i + 1]!.page === line.page ? all[i + 1]! : null
    if (before === null) {
      edges.add(line)
      if (after) beside.set(line, after)
    }
    if (after === null) {
      edges.add(line)
      if (before && !beside.has(line)) beside.set(line, before)
    }
  })
  const byShape = new Map<string, Line[]>()
  for (const line of all) {
    const shape = line.text.replace(/\d+/g, '#')
    const group = byShape.get(shape)
    if (group) group.push(line)
    else byShape.set(shape, [line])
  }
  const pagesAtPlace = new Map<Line, number>()
  for (const group of byShape.values()) {
    if (!group.some((l) => edges.has(l))) continue
    const sorted = [...group].sort((a, b) => a.y - b.y)
    const count = new Map<number, number>()
    const add = (l: Line, d: number) => {
      const n = (count.get(l.page) ?? 0) + d
      if (n === 0) count.delete(l.page)
      else count.set(l.page, n)
    }
    let lo = 0
    let hi = 0
    for (const line of sorted) {
      while (hi < sorted.length && sorted[hi]!.y - line.y < 2) add(sorted[hi++]!, 1)
      while (line.y - sorted[lo]!.y >= 2) add(sorted[lo++]!, -1)
      if (edges.has(line)) pagesAtPlace.set(line, count.size)
    }
  }
  return { edges, beside, pagesAtPlace }
}

export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const { lines, ruling, close, pages, textPages } = await pageLines(new Uint8Array(bytes))
  let body: Line[]
  let running: Set<Line>
  try {
    if (lines.length === 0) return { text: '', pageOf: [], pages, textPages, dropped: [] }
    const bodySize = mode(lines.map((l) => Math.round(l.size)))
    const context = runningContext(lines)
    running = new Set(lines.filter((l) => isRunning(l, context, pages, bodySize)))
    const text = lines.filter((l) => !running.has(l))
    // The ruling of the pages tables stand on (as read without it), and of the page after each (a row may go on).
    const rules = await ruling(tablePages(text, withoutLayoutSpaces))
    body = readTables(text, (page) => rules.get(page) ?? [], withoutLayoutSpaces)
  } finally {
    await close()
  }
  const dropped = lines.filter((l) => running.has(l)).map((l) => ({ page: l.page, text: l.text }))
  if (body.length === 0) return { text: '', pageOf: [], pages, textPages, dropped }
  // The text block's margins: where the lines furthest left start (a paragraph's
  // first line is indented), and where the long lines end.
  const left = body.reduce((m, l) => Math.min(m, l.x), Infinity) // not Math.min(...): more lines than a call has arguments
  // Not the longest: punctuation hanging into the margin (office suites let "，" and "。" stand past it) would move it.
  const rights = body.map((l) => l.right).sort((a, b) => a - b)
  const right = rights[Math.floor((rights.length - 1) * 0.9)]!
  const out: string[] = []
  const pageOf: number[] = []
  // Where the wrapped lines of the paragraph being read start when it is an item of an automatic list: at its
  // text's indent, right of its number (a hanging indent), not at the margin. Before its second line, a range.
  let hang: number | { from: number; to: number } | null = null
  body.forEach((line, i) => {
    const previous = i > 0 ? body[i - 1]! : null
    const tolerance = line.size * 0.5
    const atHang = hang !== null && Math.abs(line.x - left) >= tolerance &&
      (typeof hang === 'number' ? Math.abs(line.x - hang) < tolerance : line.x > hang.from && line.x < hang.to)
    const continues = previous !== null && !previous.table && !line.table &&
      previous.right >= right - pitch(previous) * 3 && // the line before ran on to the right margin (line breaking may leave it two characters short)
      // this one starts at the margin, not indented, or at the list item's text indent
      (Math.abs(line.x - left) < tolerance || atHang) &&
      readMarker(line.text.trim()) === null
    if (continues) {
      out[out.length - 1] += line.text
      if (atHang) hang = line.x
    } else {
      out.push(line.text)
      pageOf.push(line.page)
      hang = line.table ? null : hangingIndent(line)
    }
  })
  return { text: out.join('\n'), pageOf, pages, textPages, dropped }
}

/**
 * Where the wrapped lines of a numbered line may start when its list has a hanging indent (Word's and
 * LibreOffice's "1." lists by default): right of where its number starts, and not right of where its text does
 * (a number wider than the indent pushes the first line's text to the next tab stop, "17.  强化…", while the
 * wrapped lines stay at the indent). Where the text starts: the run after the number where the number is set
 * in runs of its own (as office suites set a list's number), else the number's width estimated (a half-width
 * character about half the type size). Null for a line without a number.
 */
function hangingIndent(line: Line): { from: number; to: number } | null {
  const marker = readMarker(line.text.trim())
  if (marker === null) return null
  const number = marker.text.replace(/\s+/g, '')
  let read = ''
  let text: number | null = null
  for (const [k, run] of line.runs.entries()) {
    read += withoutLayoutSpaces(run.raw).replace(/\s+/g, '')
    if (read === number) { text = line.runs[k + 1]?.x ?? null; break }
    if (read.length >= number.length) break
  }
  text ??= line.x + [...number].reduce((w, c) => w + (c.charCodeAt(0) < 0x2000 ? 0.55 : 1), 0) * line.size
  return { from: line.x + line.size * 0.5, to: text + line.size * 0.5 }
}

/**
 * The width a character takes on the line: the type size, or more where the
 * characters are spaced out (a character grid, as GB/T 9704 sets 28 to a line).
 */
function pitch(line: Line): number {
  return Math.max(line.size, (line.right - line.x) / Math.max(1, [...line.text].length))
}

function mode(values: number[]): number {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]
}
