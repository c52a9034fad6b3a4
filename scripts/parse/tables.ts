// Task tables flattened to text (任务分工表: 序号 | 重点任务 | 具体措施 | 牵头单位 |
// 责任单位 | 完成时限), one row a line with "|" or tabs between cells (a Word
// table is read so, docx.ts), or one cell a line. Columns are found by their
// header words. Each row becomes the task it states, in the form the outline
// reads: a measure heading where the 重点任务 cell changes, then "N.具体措施"
// with a note whose fields are the row's cells under their header words.

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

/** The column a header cell names, or null for a cell that is no header word. */
export function columnOf(cell: string): Column | null {
  const text = cellText(cell)
  if (text === '' || text.length > 12 || readMarker(text) !== null) return null
  return HEADERS.find((h) => h.words.some((w) => text === w || text.includes(w)))?.column ?? null
}

/** Splits a row at "|" or tabs; null for a line that is no row. */
function cellsOf(text: string, separator: '|' | '\t'): string[] | null {
  if (!text.includes(separator)) return null
  const cells = text.split(separator).map((c) => c.trim())
  if (separator === '|') {
    if (cells[0] === '') cells.shift()
    if (cells[cells.length - 1] === '') cells.pop()
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
  rows: Array<{ line: number; cells: string[]; filled?: number }>
}

function findTable(paragraphs: Paragraph[], from: number, problems: Problem[]): Table | null {
  for (let i = from; i < paragraphs.length; i++) {
    for (const separator of ['|', '\t'] as const) {
      const header = cellsOf(paragraphs[i]!.text, separator)
      const columns = header && headerColumns(header)
      if (!columns) continue
      const rows: Table['rows'] = []
      let j = i + 1
      for (; j < paragraphs.length; j++) {
        const cells = cellsOf(paragraphs[j]!.text, separator)
        if (!cells) break
        if (cells.every((c) => /^:?-{3,}:?$/.test(c))) continue // a Markdown rule under the header
        rows.push({ line: paragraphs[j]!.line, cells })
      }
      return { start: i, end: j, columns, rows }
    }
    // One cell a line: the header words, then the cells row by row, up to the next section (or, where the
    // cells end with the bars of a flattened table, as far as the bars go).
    let n = 0
    while (i + n < paragraphs.length && columnOf(paragraphs[i + n]!.text) !== null) n++
    const columns = n >= 3 ? headerColumns(paragraphs.slice(i, i + n).map((p) => p.text)) : null
    if (columns) {
      const barred = /[|｜]$/.test(paragraphs[i]!.text)
      let j = i + n
      if (barred) while (j < paragraphs.length && /(^|[|｜])$/.test(paragraphs[j]!.text) && /[|｜]/.test(paragraphs[j]!.text)) j++
      else while (j < paragraphs.length && readMarker(paragraphs[j]!.text)?.kind !== 'cn') j++
      const cells = paragraphs.slice(i + n, j).map((p) => ({ line: p.line, text: cellText(p.text) }))
      return { start: i, end: j, columns, rows: cells.some((c) => readMarker(c.text) !== null) ? rowsByMarker(cells, columns) : rowsOf(cells, n, paragraphs[i]!.line, problems) }
    }
  }
  return null
}

/** The paragraphs with every task table written as measures and tasks. */
export function flattenTables(paragraphs: Paragraph[], problems: Problem[]): Paragraph[] {
  const out: Paragraph[] = []
  let at = 0
  let measure = 0
  let task = 0
  for (let table = findTable(paragraphs, 0, problems); table; table = findTable(paragraphs, at, problems)) {
    for (let i = at; i < table.start; i++) out.push(paragraphs[i]!) // not push(...): a long plan has more lines than a call has arguments
    let group: string | null = null
    for (const row of table.rows) {
      // "/", "—" or "无" in a cell: the cell is empty.
      const cell = (column: Column) => (row.cells[table.columns.indexOf(column)] ?? '').replace(/^[/／—–-]+$|^无$/, '')
      const groupCell = table.columns.includes('group') ? cell('group') : ''
      // An empty 重点任务 cell continues the one above (a merged cell, flattened).
      if (groupCell !== '' && groupCell !== group) {
        group = groupCell
        measure++
        out.push({ line: row.line, text: `（${chineseCounting(measure)}）${groupCell}` })
      }
      task++
      const written = Number(cell('number'))
      const fields = (Object.keys(LABEL) as Array<keyof typeof LABEL>)
        .filter((c) => table.columns.includes(c) && cell(c) !== '')
        // Units in a cell are often set apart by spaces only ("安监站 安监所"); a space before a bracket is no break.
        .map((c) => `${LABEL[c]}：${c === 'deadline' || c === 'leader' || c === 'person' ? cell(c) : cell(c).split(/(?<![）)])[\s\u3000]+(?![（(])/).join('、')}`)
      const note = fields.length > 0 ? `（${fields.join('；')}）` : ''
      // What a 完成进展 or 备注 cell says stays with the task's text.
      const progress = table.columns.includes('progress') ? cell('progress') : ''
      const content = [cell('content'), progress].filter((c) => c !== '').join(' ')
      // A cell numbered in the plan (one cell a line) keeps its own marker; a heading row stays a heading.
      if (readMarker(content) !== null) out.push({ line: row.line, text: `${content}${note}` })
      else out.push({ line: row.line, text: `${Number.isInteger(written) && written > 0 ? written : task}.${content}${note}` })
    }
    at = table.end
  }
  for (let i = at; i < paragraphs.length; i++) out.push(paragraphs[i]!)
  return out
}
