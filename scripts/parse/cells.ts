// A table of an office file (Word, OpenDocument) → lines of the plan's text,
// the form the text parser reads (tables.ts, notes.ts):
// - a task's note written as a small two-column table under the task
//   (责任单位 | 各村 / 完成时限 | 长期坚持), or as a header row of labels over
//   a row of values, becomes the note's fields on lines of their own
//   ("责任单位：各村"), as a note typed below its task is written;
// - any other table: one line a row, its cells joined by tabs (a merged cell
//   stands once, the cells it covers are empty, so that columns stay in place).

/** The labels a note's fields are written under (notes.ts reads "label：value"). */
const NOTE_LABEL = /^(牵头单位|牵头部门|责任单位|责任部门|主责单位|配合单位|配合部门|协办单位|参与单位|责任领导|分管领导|责任人|完成时限|完成时间|时间节点|时限要求|时限)[：:]?$/

/** The label a cell holds (责任单位, 完成时限: …), or null. */
export const noteLabel = (cell: string) => NOTE_LABEL.exec(cell.trim())?.[1] ?? null
const label = noteLabel

/** The lines of a table whose cells are given row by row (each cell's text on one line), with the row (0-based) each line stands at. */
export function tableLines(rows: string[][]): Array<{ row: number; text: string }> {
  const trimmed = rows.map((row, i) => ({ i, cells: row.map((c) => c.replace(/[\t\n]+/g, ' ').trim()) }))
  const filled = trimmed.filter((r) => r.cells.some((c) => c !== ''))
  // 责任单位 | 各村 — each row a label and its value.
  if (filled.length > 0 && filled.every((r) => r.cells.filter((c) => c !== '').length <= 2 && label(r.cells[0]!) !== null)) {
    return filled.map((r) => ({ row: r.i, text: `${label(r.cells[0]!)}：${r.cells.slice(1).join('')}` }))
  }
  // 责任单位 | 完成时限 over 各村 | 长期坚持 — a header of labels over one row of values.
  const [head, values] = filled
  if (filled.length === 2 && head!.cells.length >= 2 && head!.cells.every((c) => label(c) !== null)) {
    return head!.cells.map((c, k) => ({ row: values!.i, text: `${label(c)}：${values!.cells[k] ?? ''}` }))
  }
  return trimmed.map((r) => ({ row: r.i, text: r.cells.join('\t') }))
}
