// Task tables flattened to text (任务分工表: 序号 | 重点任务 | 具体措施 | 牵头单位 |
// 责任单位 | 完成时限), one row a line with "|" or tabs between cells (a Word
// table is read so, docx.ts), runs of spaces between aligned columns (a table
// typed, or copied from a page), or one cell a line. Columns are found by their
// header words. Each row becomes the task it states, in the form the outline
// reads: a measure heading where the 重点任务 cell changes, then "N.具体措施"
// with a note whose fields are the row's cells under their header words (a
// 完成进展 or 备注 cell too, under its own word: it is no part of the task's text).
// A merged cell stands in its first row only: the rows below it leave it empty
// (a tab or bars with nothing between) or leave it out.

import type { Problem } from '../model/plan.ts'
import { readMarker } from './markers.ts'
import { chineseCounting } from '../text/numerals.ts'
import type { Paragraph } from './paragraphs.ts'
import { isSpace, trimBy } from '../text/prose.ts'

export type Column = 'number' | 'group' | 'content' | 'lead' | 'responsible' | 'support' | 'deadline' | 'leader' | 'person' | 'progress'

// Header words, most specific first: a header cell is short and holds one of them, wherever it stands
// ("重点工作和要求" is what the task says, "专项整治行业名称" too; "时间安排" is when).
const HEADERS: ReadonlyArray<{ column: Column; words: string[] }> = [
  { column: 'number', words: ['序号', '编号'] },
  { column: 'lead', words: ['牵头单位', '牵头部门', '牵头领导单位'] },
  { column: 'support', words: ['配合单位', '配合部门', '协办单位', '参与单位'] },
  { column: 'responsible', words: ['责任单位', '责任部门', '主责单位', '承办单位', '落实单位'] },
  { column: 'deadline', words: ['完成时限', '完成时间', '时间节点', '时限要求', '时间安排', '时间要求', '时限'] },
  { column: 'leader', words: ['责任领导', '分管领导'] },
  { column: 'person', words: ['责任人'] },
  { column: 'progress', words: ['完成进展', '进展情况', '完成情况', '备注'] },
  { column: 'content', words: ['具体措施', '工作措施', '任务内容', '具体内容', '工作内容', '主要内容', '具体任务', '措施内容', '工作举措', '和要求', '名称'] },
  { column: 'group', words: ['重点任务', '主要任务', '工作任务', '重点工作', '工作事项', '任务类别', '类别', '项目', '民生实事'] },
]

const LABEL: Readonly<Record<'lead' | 'responsible' | 'support' | 'deadline' | 'leader' | 'person', string>> = {
  lead: '牵头单位', responsible: '责任单位', support: '配合单位', deadline: '完成时限', leader: '责任领导', person: '责任人',
}

/** A cell's text without the bars a flattened table leaves around it. */
const cellText = (cell: string) => trimBy(cell, (c) => isSpace(c) || c === '|' || c === '｜')

/** The header word a header cell holds, wherever it stands in the cell ("序 号" as a narrow column spaces it), or null. */
function headerWord(cell: string): { column: Column; word: string } | null {
  const trimmed = cellText(cell)
  if (trimmed.length > 24) return null // a header cell is short: no need to read a paragraph
  const text = trimmed.replace(/[\s\u3000]+/g, '')
  if (text === '' || text.length > 12 || readMarker(text) !== null) return null
  for (const h of HEADERS) {
    const word = h.words.find((w) => text.includes(w))
    if (word !== undefined) return { column: h.column, word }
  }
  return null
}

/** The column a header cell names, or null for a cell that is no header word. */
export const columnOf = (cell: string): Column | null => headerWord(cell)?.column ?? null

type Separator = '|' | '\t' | 'spaces'

/** A cell of a row, and where it stands in the line (in columns: a CJK character is two) for cells set apart by spaces. */
interface Cell {
  text: string
  start: number
  end: number
  /** The white space after the cell, as written. */
  after: string
}

/** Width in columns: CJK and full-width characters count 2, others 1 (as paragraphs.ts measures). */
function width(text: string): number {
  let w = 0
  for (const ch of text) w += ch.codePointAt(0)! >= 0x1100 ? 2 : 1
  return w
}

/** The cells of a line set apart by runs of two spaces or more, or by full-width spaces; one space stays in its cell ("安监站 安监所"). */
function spacedCells(line: string): Cell[] {
  const cells: Cell[] = []
  let at = 0
  for (const part of line.split(/( {2,}|[\t\u3000]+[ \t\u3000]*)/)) {
    const w = width(part)
    if (!/^[ \t\u3000]*$/.test(part)) {
      const lead = width(part.slice(0, part.length - part.trimStart().length))
      cells.push({ text: part.trim(), start: at + lead, end: at + w, after: '' })
    } else if (cells.length > 0) cells[cells.length - 1]!.after += part
    at += w
  }
  return cells
}

/** Splits a row at "|", tabs or runs of spaces; null for a line that is no row. */
function cellsOf(paragraph: Paragraph, separator: Separator): Cell[] | null {
  // Tabs and spaces at the ends of the line are cells left empty: read the line as written.
  const text = separator === '|' ? paragraph.text : paragraph.raw ?? paragraph.text
  if (separator === 'spaces') {
    if (!/ {2}|[\t\u3000]/.test(text)) return null
    const cells = spacedCells(text)
    return cells.length >= 2 ? cells : null
  }
  if (!text.includes(separator)) return null
  const cells = text.split(separator).map((c) => ({ text: c.trim(), start: 0, end: 0, after: '' }))
  if (separator === '|') {
    if (cells[0]?.text === '') cells.shift()
    if (cells[cells.length - 1]?.text === '') cells.pop()
  }
  return cells
}

/** A header row: three or more columns, one of them what the task says. */
export function headerColumns(cells: string[]): Array<Column | null> | null {
  const columns = cells.map(columnOf)
  const known = columns.filter((c) => c !== null)
  if (known.length < 3) return null
  // Two task columns without a 具体措施 one: the first groups the tasks, the second says what each is.
  const groups = columns.flatMap((c, i) => (c === 'group' ? [i] : []))
  if (!columns.includes('content') && groups.length >= 2) columns[groups[1]!] = 'content'
  if (!(columns.includes('content') || columns.includes('group'))) return null
  // Without a 具体措施 column the 重点任务 column says what the task is.
  return columns.includes('content') ? columns : columns.map((c) => (c === 'group' ? 'content' : c))
}

/** Cells read n to a row. */
function rowsOf(cells: Array<{ line: number; text: string }>, n: number, line: number, problems: Problem[]): Table['rows'] {
  if (cells.length % n !== 0) problems.push({ line, message: `任务表有${n}列、每行一个单元格，表头之后有${cells.length}个单元格：应为${n}的倍数` })
  const rows: Table['rows'] = []
  for (let k = 0; k + n <= cells.length; k += n) rows.push({ line: cells[k]!.line, cells: cells.slice(k, k + n).map((c) => c.text) })
  return rows
}

/**
 * Cells whose rows begin with a numbered cell ("1.制定…", "（一）…"): a merged or empty cell leaves no line, so
 * a row is its numbered cell and the cells after it, read into the columns after the one that says what the
 * task is. A numbered cell with nothing after it is a heading (or a task cut short) and stays as it is.
 */
function rowsByMarker(cells: Array<{ line: number; text: string }>, columns: Array<Column | null>): Table['rows'] {
  const content = columns.indexOf('content')
  const rows: Table['rows'] = []
  for (const cell of cells) {
    if (readMarker(cell.text) !== null || rows.length === 0) {
      const row = columns.map(() => '')
      row[content] = cell.text
      rows.push({ line: cell.line, cells: row, filled: content + 1 })
    } else if (cell.text !== '') {
      const row = rows[rows.length - 1]!
      const at = row.filled ?? row.cells.length
      if (at < row.cells.length) row.cells[at] = cell.text
      else row.cells[row.cells.length - 1] = [row.cells[row.cells.length - 1], cell.text].filter((c) => c !== '').join(' ')
      row.filled = at + 1
    } else {
      const row = rows[rows.length - 1]!
      row.filled = (row.filled ?? row.cells.length) + 1
    }
  }
  return rows
}

interface Table {
  start: number
  end: number
  columns: Array<Column | null>
  /** The header word of each column, as the table writes it ("完成进展", "备注"). */
  words: Array<string | null>
  rows: Array<{ line: number; cells: string[]; filled?: number }>
}

const looksLikeNumber = (text: string) => /^[1-9]\d{0,2}[.、．]?$/.test(text)
const looksLikeDeadline = (text: string) => /\d{1,2}月|年底|年内|长期|持续|常态|每[日天周月季年半]|[前底]$/.test(text)

/**
 * How well cells sit in columns: a number under 序号, a deadline under 完成时限, a numbered task under 具体措施
 * (and not under 重点任务), no deadline under a unit column.
 */
function fit(columns: Array<Column | null>, cells: string[]): number {
  let score = 0
  cells.forEach((text, k) => {
    if (text === '') return
    const column = columns[k]
    if (column === 'number') score += looksLikeNumber(text) ? 1 : -2
    else if (looksLikeNumber(text)) score -= 1
    if (column === 'deadline' && looksLikeDeadline(text)) score += 1
    if ((column === 'lead' || column === 'responsible' || column === 'support') && looksLikeDeadline(text)) score -= 1
    const marker = readMarker(text)
    if (marker?.kind === 'arabic' && column === 'content') score += 1
    if (marker?.kind === 'arabic' && column === 'group') score -= 1
  })
  return score
}

/**
 * A row's cells in the table's columns. Cells set apart by spaces stand under the header cell they start nearest
 * to (cells under one header cell are one cell, as written). A row of fewer cells than the header leaves out
 * merged cells, or empty ones at its end: its cells are placed where they fit the columns best (at a tie, bars
 * leave out the first cells — merged ones —, tabs the last — a tab at the end of a line is easily lost). Cells
 * beyond the header's are joined to the last one, with a warning.
 */
function placeCells(cells: Cell[], header: Cell[], columns: Array<Column | null>, separator: Separator, line: number, problems: Problem[]): string[] {
  const n = columns.length
  if (cells.length === n) return cells.map((c) => c.text)
  if (separator === 'spaces') {
    const placed: Cell[][] = columns.map(() => [])
    for (const cell of cells) {
      let best = 0
      for (let k = 1; k < n; k++) if (Math.abs(cell.start - header[k]!.start) < Math.abs(cell.start - header[best]!.start)) best = k
      placed[best]!.push(cell)
    }
    return placed.map((list) => list.map((c, i) => (i === 0 ? c.text : `${list[i - 1]!.after}${c.text}`)).join(''))
  }
  const texts = cells.map((c) => c.text)
  while (texts.length > n && texts[texts.length - 1] === '') texts.pop()
  if (texts.length > n) {
    problems.push({ line, message: `任务表此行有${texts.length}个单元格，表头只有${n}列：多出的单元格并入最后一列` })
    return [...texts.slice(0, n - 1), texts.slice(n - 1).join(' ')]
  }
  let best: string[] | null = null
  let bestScore = -Infinity
  for (let offset = 0; offset + texts.length <= n; offset++) {
    const row = columns.map((_, k) => texts[k - offset] ?? '')
    const score = fit(columns, row)
    if (score > bestScore || (score === bestScore && separator === '|')) {
      best = row
      bestScore = score
    }
  }
  return best!
}

function findTable(paragraphs: Paragraph[], from: number, problems: Problem[]): Table | null {
  for (let i = from; i < paragraphs.length; i++) {
    for (const separator of ['|', '\t', 'spaces'] as const) {
      const header = cellsOf(paragraphs[i]!, separator)
      const columns = header && headerColumns(header.map((c) => c.text))
      if (!columns) continue
      const words = header.map((c) => headerWord(c.text)?.word ?? null)
      const rows: Table['rows'] = []
      let j = i + 1
      for (; j < paragraphs.length; j++) {
        const cells = cellsOf(paragraphs[j]!, separator)
        if (!cells) break
        // A line with one run of spaces is a sentence, not a row: a row set apart by spaces has three cells or more.
        if (separator === 'spaces' && cells.length < Math.min(3, columns.length)) break
        if (cells.every((c) => /^:?-{3,}:?$/.test(c.text))) continue // a Markdown rule under the header
        rows.push({ line: paragraphs[j]!.line, cells: placeCells(cells, header, columns, separator, paragraphs[j]!.line, problems) })
      }
      return { start: i, end: j, columns, words, rows }
    }
    // One cell a line: the header words, then the cells row by row, up to the next section (or, where the
    // cells end with the bars of a flattened table, as far as the bars go).
    let n = 0
    while (i + n < paragraphs.length && columnOf(paragraphs[i + n]!.text) !== null) n++
    const columns = n >= 3 ? headerColumns(paragraphs.slice(i, i + n).map((p) => p.text)) : null
    if (columns) {
      const words = paragraphs.slice(i, i + n).map((p) => headerWord(p.text)?.word ?? null)
      const barred = /[|｜]$/.test(paragraphs[i]!.text)
      let j = i + n
      if (barred) while (j < paragraphs.length && /(^|[|｜])$/.test(paragraphs[j]!.text) && /[|｜]/.test(paragraphs[j]!.text)) j++
      else while (j < paragraphs.length && readMarker(paragraphs[j]!.text)?.kind !== 'cn') j++
      const cells = paragraphs.slice(i + n, j).map((p) => ({ line: p.line, text: cellText(p.text) }))
      return { start: i, end: j, columns, words, rows: cells.some((c) => readMarker(c.text) !== null) ? rowsByMarker(cells, columns) : rowsOf(cells, n, paragraphs[i]!.line, problems) }
    }
  }
  return null
}

/**
 * The tasks a cell states: one, or several numbered in it ("1.排查…；2.推广…；3.整治…"), each up to the
 * "；" or "。" before the next number (the number after the first one's, of the same kind), and that stop.
 */
function tasksInCell(text: string): Array<{ text: string; stop: string }> {
  const first = readMarker(text)
  if (first === null) return [{ text, stop: '' }]
  const tasks: Array<{ text: string; stop: string }> = []
  let from = 0
  let next = first.number + 1
  for (const stop of text.matchAll(/[；;。][\s\u3000]*/g)) {
    const marker = readMarker(text.slice(stop.index + stop[0].length))
    if (marker === null || marker.kind !== first.kind || marker.number !== next) continue
    tasks.push({ text: text.slice(from, stop.index), stop: stop[0][0]! })
    from = stop.index + stop[0].length
    next++
  }
  tasks.push({ text: text.slice(from), stop: '' })
  return tasks
}

/** The paragraphs with every task table written as measures and tasks. */
export function flattenTables(paragraphs: Paragraph[], problems: Problem[]): Paragraph[] {
  const out: Paragraph[] = []
  let at = 0
  let measure = 0
  let task = 0
  for (let table = findTable(paragraphs, 0, problems); table; table = findTable(paragraphs, at, problems)) {
    for (let i = at; i < table.start; i++) out.push(paragraphs[i]!) // not push(...): a long plan has more lines than a call has arguments
    const t = table
    // "/", "—" or "无" in a cell: the cell is empty.
    const cellOf = (row: Table['rows'][number], column: Column) => (row.cells[t.columns.indexOf(column)] ?? '').replace(/^[/／—–-]+$|^无$/, '')
    const cells = t.rows.map((row) => tasksInCell(cellOf(row, 'content')))
    // The 序号 numbers the tasks where every row has one and states one task; where a merged 序号 spans rows, or
    // a row states several tasks, it numbers rows (the 重点任务 beside it), and the tasks are numbered in order.
    const numbered = t.columns.includes('number') && t.rows.every((row, r) => looksLikeNumber(cellOf(row, 'number')) && cells[r]!.length === 1)
    let group: string | null = null
    t.rows.forEach((row, r) => {
      const cell = (column: Column) => cellOf(row, column)
      const groupCell = t.columns.includes('group') ? cell('group') : ''
      // An empty 重点任务 cell continues the one above (a merged cell, flattened).
      if (groupCell !== '' && groupCell !== group) {
        group = groupCell
        measure++
        // A 重点任务 cell numbered as a measure ("（一）危化品安全") keeps its number.
        out.push({ line: row.line, text: readMarker(groupCell)?.kind === 'cn-paren' ? groupCell : `（${chineseCounting(measure)}）${groupCell}` })
      }
      const fields = (Object.keys(LABEL) as Array<keyof typeof LABEL>)
        .filter((c) => t.columns.includes(c) && cell(c) !== '')
        // Units in a cell are often set apart by spaces only ("安监站 安监所"); a space before a bracket is no break.
        .map((c) => `${LABEL[c]}：${c === 'deadline' || c === 'leader' || c === 'person' ? cell(c) : cell(c).split(/(?<![）)])[\s\u3000]+(?![（(])/).join('、')}`)
      // What a 完成进展 or 备注 cell says of the row is no part of the task: a field of its note, under the table's word.
      const progress = t.columns.indexOf('progress')
      if (progress >= 0 && cell('progress') !== '') fields.push(`${t.words[progress] ?? '备注'}：${cell('progress')}`)
      const note = fields.length > 0 ? `（${fields.join('；')}）` : ''
      const numberedAfterStop = cells[r]!.length === 1 ? /[；;。][\s\u3000]*(?=\d{1,3}[.、．](?!\d))/.exec(cell('content')) : null
      if (numberedAfterStop) {
        problems.push({ line: row.line, message: `任务表此行的“${t.words[t.columns.indexOf('content')] ?? '具体措施'}”中似写有几项任务（“${cell('content').slice(0, 40)}”），但编号不是从本格开头依次排列，未能分开：已作为一项任务读取，请核对` })
      }
      for (const { text: content, stop } of cells[r]!) {
        task++
        // Tasks one after another in a cell: "；" closes a task after its note (notes.ts keeps it there), "。" before it.
        const text = stop === '。' ? `${content}。${note}` : `${content}${note}${stop}`
        // A cell numbered in the plan keeps its own marker; a heading row stays a heading.
        if (readMarker(content) !== null) out.push({ line: row.line, text })
        else out.push({ line: row.line, text: `${numbered ? Number.parseInt(cell('number'), 10) : task}.${text}` })
      }
    })
    at = table.end
  }
  for (let i = at; i < paragraphs.length; i++) out.push(paragraphs[i]!)
  return out
}
