// A task table set in a PDF (任务分工表: 序号 | 重点任务 | 具体措施 | 牵头单位 |
// 责任单位 | 完成时限) → one line a row, its cells joined by tabs, the form
// tables.ts reads. pdf.js gives glyph runs with their positions only; a table
// is recognised by its header row (the header words of tables.ts, in runs set
// apart as cells are; a header cell may wrap, above and below the others'
// line where the cells are centred from top to bottom), its columns are where the header's cells stand (or,
// where the table is ruled, between its vertical rules), every run below it
// goes to the column it starts in (a run that runs on past its column's end
// is no table's: body text), and a row starts where the first column
// (序号) holds a number. Where the table is ruled, a cell runs from one
// horizontal rule to the next in its column: a 重点任务 cell merged over
// several rows holds all its wrapped lines, even those beside the next rows'
// numbers. A table goes on over a page break (its header repeated or not); it
// ends where the lines stop fitting its columns (body text at the left margin
// runs across them) or below its ruling.
// A task's note set as a small two-column table under it (责任单位 | 各村 /
// 完成时限 | 长期坚持) is read as Word's is (cells.ts): a line a field,
// "责任单位：各村".

import { noteLabel, tableLines } from './cells.ts'
import { readMarker } from './markers.ts'
import { columnOf, headerColumns } from './tables.ts'

/** A glyph run as pdf.js gives it: its baseline's start, width, type size, and text as in the text layer. */
export interface PdfRun {
  x: number
  y: number
  w: number
  h: number
  /** The text layer's string, with the spaces pdf.js puts in it (a unit cell keeps those between two units). */
  raw: string
}

/** A line of a page: runs on one baseline, read left to right. */
export interface PdfLine {
  page: number
  y: number
  x: number
  right: number
  size: number
  text: string
  runs: PdfRun[]
  /** A row (or the header) of a table, read cell by cell: never joined with the lines around it. */
  table?: true
}

/** A horizontal (y1 = y2) or vertical (x1 = x2) segment a page draws: a table's ruling. */
export interface Rule {
  x1: number
  y1: number
  x2: number
  y2: number
}

interface Column {
  left: number
  right: number
}

interface Header {
  cells: string[]
  columns: Column[]
  /** Index of the first line after the header. */
  end: number
}

interface Piece {
  page: number
  y: number
  h: number
  x: number
  right: number
  column: number
  text: string
}

interface Row {
  page: number
  y: number
  cells: Piece[][]
  line: PdfLine
}

const horizontal = (r: Rule) => Math.abs(r.y1 - r.y2) < 1
const vertical = (r: Rule) => Math.abs(r.x1 - r.x2) < 1

/** A run's text as read: without the spaces pdf.js puts between glyphs set apart (see pdf.ts, withoutLayoutSpaces). */
export type Clean = (raw: string) => string

/** A number as 序号 is written: "1", "12.", "一", "（3）" is not (that is a heading of the text). */
const ROW_NUMBER = /^(\d{1,3}|[一二三四五六七八九十]{1,3})[.、．]?$/

/** A line's runs grouped into cells: runs that (nearly) touch are one cell's (cells stand apart by their padding). */
function cellsOf(line: PdfLine, clean: Clean): Array<Column & { text: string }> {
  const cells: Array<Column & { text: string }> = []
  for (const r of line.runs) {
    const last = cells[cells.length - 1]
    if (last && r.x - last.right < line.size * 0.4) {
      last.right = r.x + r.w
      last.text += clean(r.raw)
    } else cells.push({ left: r.x, right: r.x + r.w, text: clean(r.raw) })
  }
  return cells
}

/**
 * Whether a value stands a cell's padding and rule away from its label, not as a justified line sets its
 * glyphs apart (a line of text that begins "责任单位：" is no table): further than the type size; or, for a
 * label without a colon (text puts one after a label, a table its rule), further than cellsOf parts runs and
 * well beyond the space between the label's own glyphs (a justified line spreads every glyph alike; a table
 * sized to its words sets the label's glyphs at their width and its value a cell's padding away).
 */
function apart(label: Column & { text: string }, value: Column, size: number): boolean {
  const gap = value.left - label.right
  if (gap >= size) return true
  const glyphs = [...label.text].length
  if (/[：:]$/.test(label.text) || glyphs < 2) return false
  const spread = Math.max(0, (label.right - label.left - glyphs * size) / (glyphs - 1))
  return gap >= size * 0.4 && gap > spread * 2 + size * 0.1
}

/**
 * A note table starting at lines[i]: rows of a label cell (责任单位, 完成时限 …) and a value cell, a value
 * wrapped over lines below it in its column. Null where lines[i] is no such row.
 */
function noteTableAt(lines: PdfLine[], i: number, clean: Clean): { rows: Array<{ line: PdfLine; cells: string[] }>; end: number } | null {
  /** A row's label and value: its first cell, and the rest (a character grid sets a value's glyphs apart). */
  const labelled = (line: PdfLine) => {
    const [label, ...rest] = cellsOf(line, clean)
    return label && noteLabel(label.text) !== null ? { label, value: rest } : null
  }
  const first = labelled(lines[i]!)
  if (!first || first.value.length === 0 || !apart(first.label, first.value[0]!, lines[i]!.size)) return null
  const labelAt = first.label.left
  const valueAt = first.value[0]!.left
  const text = (cells: Array<{ text: string }>) => cells.map((c) => c.text).join('')
  const rows = [{ line: lines[i]!, cells: [first.label.text, text(first.value)] }]
  let j = i + 1
  for (; j < lines.length; j++) {
    const line = lines[j]!
    const previous = lines[j - 1]!
    if (line.page !== previous.page || previous.y - line.y > line.size * 2.5) break
    const row = labelled(line)
    const tolerance = line.size * 0.5
    if (row && Math.abs(row.label.left - labelAt) < tolerance && (row.value.length === 0 || Math.abs(row.value[0]!.left - valueAt) < tolerance)) {
      rows.push({ line, cells: [row.label.text, text(row.value)] })
    } else if (line.runs.every((r) => r.x >= valueAt - tolerance)) {
      rows[rows.length - 1]!.cells[1] += text(cellsOf(line, clean))
    } else break
  }
  return { rows, end: j }
}

/**
 * The pages the task tables of these lines stand on, as read without their ruling (a header found, the rows
 * read), each with the page after it (a row may go on over the break): the pages whose ruling is worth reading.
 */
export function tablePages(lines: PdfLine[], clean: Clean): Set<number> {
  const pages = new Set<number>()
  lines.forEach((line, i) => {
    if (headerAt(lines, i, clean)) pages.add(line.page).add(line.page + 1)
  })
  for (const line of readTables(lines, () => [], clean)) if (line.table && line.text.includes('\t')) pages.add(line.page).add(line.page + 1)
  return pages
}

/**
 * The header of a table starting at lines[i]: runs set apart as cells on this line and the next ones close
 * below it (up to four), three or more cells in all, whose words name the columns of a task table (tables.ts).
 * A header cell's text may wrap: a cell's lines below its first ("重点任" over "务") stand in its column; a
 * cell centred from top to bottom whose text wraps while the others' do not stands above and below the
 * others' line ("牵头单" above the row's line, "位" in it). So a line's cells each join the column they stand
 * in, or are a column of their own where they stand in none; a line whose cell stands across two columns, or
 * with two cells in one column, is no header's (text above or below the table). Null where lines[i] is no
 * header.
 */
function headerAt(lines: PdfLine[], i: number, clean: Clean): Header | null {
  const here = headerBand(lines, i, clean)
  if (here === null) return null
  // A line just above a header (a heading, a caption) is not part of it where the header reads as well
  // without it: the header starts below it.
  const below = i + 1 < lines.length ? headerBand(lines, i + 1, clean) : null
  return below !== null && below.known >= here.known ? null : here.header
}

/** The header read from lines[i] on, and how many of its cells name a column; null where there is none. */
function headerBand(lines: PdfLine[], i: number, clean: Clean): { header: Header; known: number } | null {
  const first = lines[i]!
  const columns: Array<Column & { text: string }> = []
  let best: Header | null = null
  let known = 0
  for (let k = 0; k < 4 && i + k < lines.length; k++) {
    const line = lines[i + k]!
    // A header is set in one type, and no line of it is a heading of the text ("二、细化措施").
    if (Math.abs(line.size - first.size) > 1.5 || readMarker(line.text.trim()) !== null) break
    if (k > 0) {
      const previous = lines[i + k - 1]!
      if (line.page !== first.page || previous.y - line.y > line.size * 2.5) break
    }
    const cells = cellsOf(line, clean)
    // Where a cell's lines stand over each other (neighbouring cells may stand closer than a glyph apart).
    const within = cells.map((cell) => columns.filter((c) => cell.left < c.right && cell.right > c.left))
    if (within.some((cs) => cs.length > 1) || columns.some((c) => within.filter((cs) => cs[0] === c).length > 1)) break
    cells.forEach((cell, n) => {
      const column = within[n]![0]
      if (column) {
        column.text += cell.text
        column.left = Math.min(column.left, cell.left)
        column.right = Math.max(column.right, cell.right)
      } else columns.push({ ...cell })
    })
    if (columns.length < 3) continue
    const sorted = [...columns].sort((x, y) => x.left - y.left)
    const texts = sorted.map((c) => c.text)
    const names = headerColumns(texts)
    const found = names ? names.filter((c) => c !== null).length : 0
    // Most cells header words (a line of text whose glyphs pdf.js sets apart holds a header word or two among others).
    if (names && found > known && found >= texts.length * 0.6) {
      known = found
      best = { cells: texts, columns: sorted.map(({ left, right }) => ({ left, right })), end: i + k + 1 }
    }
  }
  return best === null ? null : { header: best, known }
}

/**
 * The columns' bounds: between the vertical rules that cross the header (when there is one more of them than
 * there are cells), else from the header's cells and the runs below them: a column starts where its header
 * cell starts or, where runs below start left of it (a header centred over its cell), where the leftmost of
 * those starts, as long as that is right of the cell before's header.
 */
function bounds(header: Header, headerLines: PdfLine[], below: PdfLine[], rules: Rule[], clean: Clean): number[] {
  const top = Math.max(...headerLines.map((l) => l.y + l.size))
  const bottom = Math.min(...headerLines.map((l) => l.y))
  const xs = rules
    .filter((r) => vertical(r) && Math.min(r.y1, r.y2) <= bottom && Math.max(r.y1, r.y2) >= top)
    .map((r) => r.x1)
    .sort((a, b) => a - b)
    .filter((x, k, all) => k === 0 || x - all[k - 1]! > 2)
  if (xs.length === header.columns.length + 1 &&
      header.columns.every((c, k) => c.left >= xs[k]! - 2 && c.left < xs[k + 1]!)) return xs
  const size = headerLines[0]!.size
  // Where cells start: runs set apart from the run before them (not a run of digits within a cell's line).
  const starts = below.flatMap((l) => cellsOf(l, clean).map((c) => c.left))
  const { columns } = header
  return [
    Math.min(columns[0]!.left, ...starts) - size,
    ...columns.slice(1).map((c, k) => Math.min(c.left, ...starts.filter((x) => x > columns[k]!.right + size * 0.25 && x <= c.left))  - 1),
    columns[columns.length - 1]!.right + size * 40,
  ]
}

/** The column a position is in (bounds: left edges of the columns, then the right edge of the last). */
const columnAt = (edges: number[], x: number) => {
  let k = 0
  while (k + 1 < edges.length - 1 && x >= edges[k + 1]!) k++
  return k
}

/** A line's runs, each in its column; null where a run runs on past its column's end (the line is no row). */
function piecesOf(line: PdfLine, edges: number[], clean: Clean, spaced: boolean[]): Piece[] | null {
  const pieces: Piece[] = []
  for (const run of line.runs) {
    const column = columnAt(edges, run.x + Math.min(run.w, run.h) / 2)
    const text = (spaced[column] ? wordsOf(run.raw, clean) : clean(run.raw)).trim()
    if (text === '') continue
    // Punctuation may hang past a cell's edge by a character.
    if (run.x + run.w > edges[column + 1]! + run.h * 1.2) return null
    pieces.push({ page: line.page, y: line.y, h: line.size, x: run.x, right: run.x + run.w, column, text })
  }
  return pieces
}

/**
 * A unit cell's text: units set apart by spaces only ("各村 各站所", tables.ts reads them as two) keep the space
 * between them; the spaces pdf.js puts between glyphs a justified cell spreads (every glyph apart), or between
 * "6" and "月", go.
 */
function wordsOf(raw: string, clean: Clean): string {
  const words = raw.trim().split(/[ \u00a0]+/)
  if (words.every((w) => [...w].length <= 1)) return clean(raw)
  return words.reduce((text, word) => (text === '' ? word : `${text}${/\p{Script=Han}$/u.test(text) && /^\p{Script=Han}/u.test(word) ? ' ' : ''}${word}`), '')
}

/** The vertical extent of the ruling on a page, across the table's columns; null for a page without one. */
function ruledExtent(rules: Rule[], edges: number[]): { top: number; bottom: number } | null {
  const inside = rules.filter((r) => vertical(r) && r.x1 >= edges[0]! - 3 && r.x1 <= edges[edges.length - 1]! + 3 && Math.abs(r.y1 - r.y2) > 5)
  if (inside.length < 2) return null
  return { top: Math.max(...inside.map((r) => Math.max(r.y1, r.y2))), bottom: Math.min(...inside.map((r) => Math.min(r.y1, r.y2))) }
}

/** The horizontal rules of a page that cross a column, from the top down. */
function rulesAcross(rules: Rule[], edges: number[], column: number): number[] {
  const middle = (edges[column]! + edges[column + 1]!) / 2
  return rules.filter((r) => horizontal(r) && Math.min(r.x1, r.x2) <= middle && Math.max(r.x1, r.x2) >= middle).map((r) => r.y1).sort((a, b) => b - a)
}

/**
 * The lines with each task table read as rows: the header, then a line per row with its cells joined by tabs
 * (a cell's wrapped lines joined), at the row's first line and page.
 */
export function readTables(lines: PdfLine[], rulesOf: (page: number) => Rule[], clean: Clean): PdfLine[] {
  const out: PdfLine[] = []
  let i = 0
  while (i < lines.length) {
    const header = headerAt(lines, i, clean)
    if (!header) {
      const note = noteTableAt(lines, i, clean)
      if (note) {
        const read = tableLines(note.rows.map((r) => r.cells))
        for (const { row, text } of read) out.push({ ...note.rows[row]!.line, text, table: true })
        i = note.end
        continue
      }
      out.push(lines[i]!)
      i++
      continue
    }
    const headerLines = lines.slice(i, header.end)
    // The lines below the header in the table's type, up to the first gap between them (the text after it).
    const below: PdfLine[] = []
    for (const l of lines.slice(header.end, header.end + 40)) {
      const previous = below[below.length - 1] ?? lines[header.end - 1]!
      if (l.page !== previous.page || previous.y - l.y > l.size * 2.5 || Math.abs(l.size - lines[i]!.size) > 1.5) break
      below.push(l)
    }
    const edges = bounds(header, headerLines, below, rulesOf(lines[i]!.page), clean)
    const columns = header.cells.length
    const named = headerColumns(header.cells) ?? []
    const numbered = named[0] === 'number'
    // Columns of units: a space between two units is theirs to keep.
    const spaced = header.cells.map((_, c) => named[c] === 'lead' || named[c] === 'responsible' || named[c] === 'support')
    // First the rows' starts and the cells' pieces, page by page; then each piece to its row (a piece may stand
    // above its row's number: a 序号 cell centred in its row).
    const rows: Row[] = []
    const pieces: Array<{ piece: Piece; at: number }> = []
    const pages = new Map<number, PageRuling>()
    const ruling = (page: number, headerFoot: number | null): PageRuling => {
      const rules = rulesOf(page)
      const tops = header.cells.map((_, c) => rulesAcross(rules, edges, c))
      // The rule each column's cells on this page start under at the top of the table (the header's foot, where
      // there is a header on the page).
      const first = tops.map((ys) => (headerFoot === null ? ys[0] : ys.find((y) => y < headerFoot)) ?? null)
      return { extent: ruledExtent(rules, edges), tops, first }
    }
    let page = lines[i]!.page
    let lastLead: Piece | null = null
    let lastLeadTop: number | undefined
    pages.set(page, ruling(page, lines[header.end - 1]!.y))
    let j = header.end
    for (; j < lines.length; j++) {
      const line = lines[j]!
      if (line.page !== page) {
        page = line.page
        // A header repeated at the top of the page.
        const again = headerAt(lines, j, clean)
        if (again && again.cells.join('\t') === header.cells.join('\t')) {
          pages.set(page, ruling(page, lines[again.end - 1]!.y))
          j = again.end - 1
          continue
        }
        pages.set(page, ruling(page, null))
      }
      const { extent } = pages.get(page)!
      if (extent !== null && (line.y > extent.top || line.y < extent.bottom)) break
      const found = piecesOf(line, edges, clean, spaced)
      if (found === null || found.length === 0) break
      // Type of another size: the table has ended.
      if (extent === null && Math.abs(line.size - lines[i]!.size) > 1.5) break
      const lead = found.find((p) => p.column === 0)
      const last = rows[rows.length - 1]
      // Without a 序号 column, a row starts where a cell of the first column does: under a rule across it, or,
      // unruled, where the first column has text again after a line without.
      const cellTop = lead === undefined ? undefined : pages.get(page)!.tops[0]!.filter((y) => y > lead.y + lead.h * 0.3).pop()
      const starts = numbered
        ? lead !== undefined && ROW_NUMBER.test(lead.text)
        : lead !== undefined && (last === undefined || lastLead === null || lastLead.page !== line.page ||
          (cellTop !== undefined ? cellTop !== lastLeadTop : lastLead.y - line.y >= line.size * 2))
      if (lead) {
        lastLead = lead
        lastLeadTop = cellTop
      }
      // Lines above the first number are the first row's (its 序号 centred in it).
      if (starts || (rows.length === 0 && !numbered)) rows.push({ page: line.page, y: line.y, cells: header.cells.map(() => []), line })
      for (const piece of found) pieces.push({ piece, at: Math.max(0, rows.length - 1) })
    }
    if (rows.length === 0) {
      // A header over nothing that reads as rows: no table.
      out.push(lines[i]!)
      i++
      continue
    }
    out.push({ ...lines[i]!, text: header.cells.join('\t'), table: true })
    /** Per column, the row whose cell was open at the foot of the page before (a cell going on over the break). */
    const open: Array<Row | null> = header.cells.map(() => null)
    page = lines[i]!.page
    for (const { piece, at } of pieces) {
      if (piece.page !== page) {
        const { tops, extent } = pages.get(page)!
        tops.forEach((ys, c) => {
          const inside = ys.filter((y) => extent === null || y > extent.bottom + 1)
          const lastRule = inside[inside.length - 1]
          const under = lastRule === undefined ? undefined : rows.find((r) => r.page === page && r.y < lastRule)
          if (under) open[c] = under
          else if (open[c] === null) open[c] = rows[at] ?? null
        })
        page = piece.page
      }
      const { tops, first } = pages.get(page)!
      rowOf(piece, rows, rows[at]!, tops[piece.column]!, first[piece.column]!, open[piece.column]!, tops[0]!).cells[piece.column]!.push(piece)
    }
    for (const row of rows) {
      // A cell's pieces in reading order; in a unit cell, two on one line set apart stand for two units.
      const cells = row.cells.map((p, c) => p.map((q, k) => {
        const before = p[k - 1]
        const apart = spaced[c] && before !== undefined && before.page === q.page && before.y === q.y && q.x - before.right > q.h * 0.25
        return apart ? ` ${q.text}` : q.text
      }).join(''))
      while (cells.length < columns) cells.push('')
      out.push({ ...row.line, text: cells.join('\t'), table: true })
    }
    i = Math.max(j, header.end)
  }
  return out
}

interface PageRuling {
  /** The ruling's vertical extent on the page (null: the page has none). */
  extent: { top: number; bottom: number } | null
  /** Per column, the horizontal rules across it, from the top down. */
  tops: number[][]
  /** Per column, the rule its first cell on the page starts under. */
  first: Array<number | null>
}

/**
 * The row a piece of a cell belongs to. Without ruling, the row it stands in. Ruled, the row its cell is in:
 * the first row starting between the rules above and below the piece in its column at or above the piece (a
 * merged cell holds several rows); where none does, and the rule above is the top of the table on a page it
 * goes on to, the row whose cell was open at the foot of the page before; else the row starting in the cell
 * below the piece (its number centred in the row).
 */
function rowOf(piece: Piece, rows: Row[], standing: Row, rules: number[], top: number | null, open: Row | null, firstColumn: number[]): Row {
  const above = rules.filter((y) => y > piece.y + piece.h * 0.3)
  if (above.length === 0) return standing
  const rule = above[above.length - 1]!
  const next = rules.find((y) => y < piece.y + piece.h * 0.3) ?? -Infinity
  const within = rows.filter((r) => r.page === piece.page && r.y < rule && r.y > next)
  // A row that starts in the cell at or above the piece (several: a merged cell, the first of them).
  const started = within.find((r) => r.y >= piece.y - piece.h * 0.3)
  if (started) return started
  // The cell goes on from the page before; unless a row's number stands in the first cell of the page's first
  // column and this cell ends where that one does (a row starting at the top of the page, its number centred
  // below its first lines: not a merged cell going on over it).
  if (top !== null && Math.abs(rule - top) < 1 && open) {
    const firstAbove = firstColumn.filter((y) => y > piece.y + piece.h * 0.3).pop()
    const firstNext = firstColumn.find((y) => y < piece.y + piece.h * 0.3) ?? -Infinity
    const starting = within[0]
    const newRow = starting !== undefined && firstAbove !== undefined && Math.abs(firstAbove - rule) < 1 &&
      Math.abs(next - firstNext) < 1 && starting.y < firstAbove && starting.y > firstNext
    if (!newRow) return open
  }
  // A row whose number stands below the piece (a 序号 cell centred in its row).
  return within[0] ?? standing
}
