// A plan's text written as a clerk's office suite holds it, as OpenDocument
// flat XML (.fodt) for LibreOffice to save as PDF, .odt, .docx or .doc
// (tests/fixtures/office/make.ts): A4 with a character grid (as GB/T 9704
// sets a page in lines of characters; here 15 pt type in a wider grid, so
// that a line's characters stand apart), "— N —" page footers, and one of
// these layouts:
// - justified: every paragraph justified (LibreOffice then spreads a line's
//   characters over its width), numbers typed as text;
// - numbered: 一、（一） as two levels of one automatic list, 1. as a list of
//   its own that goes on across the measures (text:continue-list), a
//   number that is not the next one written as the list's start-value;
// - note-tables: each task's note (责任单位…完成时限…) as a small two-column
//   table under the task's paragraph;
// - task-table: the tasks as a 任务分解 table (序号 | 重点任务 | 具体措施 |
//   责任单位 | 完成时限), the 重点任务 cell merged down over its tasks; or,
//   where the text already holds the table as rows of tab-separated cells
//   (tests/helpers/layouts.ts, table-tabs), those rows, a 重点任务 cell that
//   repeats the one above merged with it. Ruled, in columns of the widths a
//   clerk gives them (序号 narrow, 具体措施 wide), in smaller type than the
//   text; TableOptions repeat the header row on each page and justify the
//   cells' text.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readMarker } from '../../scripts/parse/markers.ts'

export type OfficeLayout = 'justified' | 'numbered' | 'note-tables' | 'task-table'

export interface TableOptions {
  /** The header row repeated at the top of each page the table runs on to (table:table-header-rows). */
  repeatHeader?: boolean
  /** The cells' text justified: LibreOffice spreads a wrapped line's characters over the cell's width. */
  justify?: boolean
  /** No rules between the cells (a table set out by its columns only). */
  unruled?: boolean
  /** Cells' text centred from top to bottom (as clerks often set a table): a merged 重点任务 cell's text and a short 序号 stand in the middle of their rows. */
  middle?: boolean
  /** numbered: the 1. list set with a hanging indent (its number, a tab, the text; wrapped lines start under the text), as Word and LibreOffice set a numbered list by default. */
  hanging?: boolean
  /** task-table: column widths (cm) by header, in place of a clerk's usual ones (COLUMN_WIDTHS): a column narrower than its header's words wraps the header cell. */
  widths?: Readonly<Record<string, number>>
  /** note-tables: the label column only as wide as its words (a table sized to its content, as Word's AutoFit sets it). */
  fitted?: boolean
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
].join(' ')

const FONT = 'style:font-name="Noto Sans CJK SC" style:font-name-asian="Noto Sans CJK SC" fo:font-size="15pt" style:font-size-asian="15pt"'

/** 一、 and （一）: two levels of one list; 1.: a list of its own. */
const LIST_STYLES = `
<text:list-style style:name="PlanOutline">
  <text:list-level-style-number text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="nothing"/></style:list-level-properties></text:list-level-style-number>
  <text:list-level-style-number text:level="2" style:num-format="一, 二, 三, ..." style:num-prefix="（" style:num-suffix="）"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="nothing"/></style:list-level-properties></text:list-level-style-number>
</text:list-style>
<text:list-style style:name="Tasks">
  <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="nothing"/></style:list-level-properties></text:list-level-style-number>
</text:list-style>
<text:list-style style:name="HangingTasks">
  <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" fo:text-indent="-0.5cm" fo:margin-left="1.27cm"/></style:list-level-properties></text:list-level-style-number>
</text:list-style>`

function document(body: string, footer: string, styles = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Noto Sans CJK SC" svg:font-family="'Noto Sans CJK SC'"/></office:font-face-decls>
<office:styles>
<style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="32pt"/><style:text-properties ${FONT}/></style:style>
<style:style style:name="Centred" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:text-indent="0pt"/></style:style>
<style:style style:name="Right" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end" fo:text-indent="0pt"/></style:style>
<style:style style:name="HangingItem" style:family="paragraph" style:parent-style-name="Standard" style:list-style-name="HangingTasks"><style:paragraph-properties fo:margin-left="1.27cm" fo:text-indent="-0.5cm"/></style:style>
<style:style style:name="Cell" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="start" fo:text-indent="0pt"/></style:style>
<style:style style:name="NoteCell" style:family="paragraph" style:parent-style-name="Cell"><style:paragraph-properties style:snap-to-layout-grid="false"/></style:style>
<style:style style:name="TaskCell" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="start" fo:text-indent="0pt" style:snap-to-layout-grid="false"/><style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>
<style:style style:name="TaskCellJustified" style:family="paragraph" style:parent-style-name="TaskCell"><style:paragraph-properties fo:text-align="justify"/></style:style>
${LIST_STYLES}
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="3.7cm" fo:margin-bottom="3.5cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm" style:layout-grid-mode="both" style:layout-grid-lines="22" style:layout-grid-base-height="0.8cm" style:layout-grid-ruby-height="0cm" style:layout-grid-base-width="0.557cm" style:layout-grid-snap-to="true" style:layout-grid-display="false" style:layout-grid-print="false" style:layout-grid-standard-mode="true"/><style:footer-style/></style:page-layout>
<style:style style:name="TaskTable" style:family="table"><style:table-properties style:width="15.6cm" table:align="left"/></style:style>
<style:style style:name="NoteLabel" style:family="table-column"><style:table-column-properties style:column-width="2.5cm"/></style:style>
<style:style style:name="NoteValue" style:family="table-column"><style:table-column-properties style:column-width="13.1cm"/></style:style>
<style:style style:name="Ruled" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>
<style:style style:name="RuledMiddle" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000" style:vertical-align="middle"/></style:style>
<style:style style:name="Unruled" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="none"/></style:style>
<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="Noto Sans CJK SC" fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
${styles}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"><style:footer><text:p text:style-name="Footer">${footer}</text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>
${body}
</office:text></office:body></office:document>
`
}

const p = (text: string, style = 'Standard') => `<text:p text:style-name="${style}">${esc(text)}</text:p>`

const NOTE_FIELD = /(牵头单位|责任单位|配合单位|责任领导|责任人|完成时限)[：:]/g

/** A task line's note at its end, "（责任单位：…。完成时限：…。）", as fields; null if it has none. */
function splitNote(line: string): { body: string; fields: Array<[string, string]> } | null {
  const match = /^(.*?)[（(]((?:牵头单位|责任单位)[：:].*)[）)]$/.exec(line)
  if (!match) return null
  const parts = match[2]!.split(NOTE_FIELD).slice(1)
  const fields: Array<[string, string]> = []
  for (let i = 0; i + 1 < parts.length; i += 2) fields.push([parts[i]!, parts[i + 1]!.trim().replace(/[。；，,;.]+$/, '')])
  return { body: match[1]!, fields }
}

/** Task lines followed by a line that is only the task's note: joined, as the note belongs to the task. */
function joinOwnLineNotes(lines: string[]): string[] {
  const out: string[] = []
  for (const line of lines) {
    if (/^[（(](牵头单位|责任单位)[：:]/.test(line) && out.length > 0) out[out.length - 1] += line
    else out.push(line)
  }
  return out
}

/** A table; a null cell is covered by the cell above it (merged down). */
function table(rows: Array<Array<string | null>>, columns: number): string {
  return `<table:table table:name="T"><table:table-column table:number-columns-repeated="${columns}"/>${tableRows(rows, 'Cell')}</table:table>`
}

/** A ruled two-column note table whose label column is as wide as its four-character labels and the cell's padding (2.5 cm), its text off the page's character grid. */
function fittedTable(fields: Array<[string, string]>): string {
  return `<table:table table:name="Note" table:style-name="TaskTable"><table:table-column table:style-name="NoteLabel"/><table:table-column table:style-name="NoteValue"/>${tableRows(fields, 'NoteCell', ' table:style-name="Ruled"')}</table:table>`
}

function tableRows(rows: Array<Array<string | null>>, paragraph: string, cell = ''): string {
  const spanned = (r: number, c: number) => { let n = 1; while (rows[r + n]?.[c] === null) n++; return n }
  return rows.map((row, r) => `<table:table-row>${row.map((text, c) => (text === null
    ? '<table:covered-table-cell/>'
    : `<table:table-cell${cell} office:value-type="string"${spanned(r, c) > 1 ? ` table:number-rows-spanned="${spanned(r, c)}"` : ''}>${p(text, paragraph)}</table:table-cell>`)).join('')}</table:table-row>`).join('')
}

// Column widths of a task table as clerks set them (cm; the page's text is 15.6 cm wide): what the task is takes the rest.
const COLUMN_WIDTHS: Readonly<Record<string, number>> = { 序号: 1.2, 重点任务: 2.8, 牵头单位: 2.4, 责任单位: 2.6, 配合单位: 2.4, 责任领导: 1.8, 责任人: 1.6, 完成时限: 2.2 }

/** The column styles of every task table of a document, named by their header. */
function columnStyles(headers: string[], given: Readonly<Record<string, number>> = {}): string {
  const widths: Readonly<Record<string, number>> = { ...COLUMN_WIDTHS, ...given }
  const fixed = headers.filter((h) => h in widths).reduce((sum, h) => sum + widths[h]!, 0)
  return headers.map((h, i) => `<style:style style:name="Col${i}" style:family="table-column"><style:table-column-properties style:column-width="${(widths[h] ?? Math.max(3, 15.6 - fixed)).toFixed(2)}cm"/></style:style>`).join('\n')
}

/** A ruled task table: its header row (repeated on each page, if asked), then its rows. */
function taskTable(header: string[], rows: Array<Array<string | null>>, options: TableOptions): string {
  const paragraph = options.justify ? 'TaskCellJustified' : 'TaskCell'
  const cell = ` table:style-name="${options.unruled ? 'Unruled' : options.middle ? 'RuledMiddle' : 'Ruled'}"`
  const head = tableRows([header], 'TaskCell', cell)
  return `<table:table table:name="Tasks" table:style-name="TaskTable">${header.map((_, i) => `<table:table-column table:style-name="Col${i}"/>`).join('')}` +
    (options.repeatHeader ? `<table:table-header-rows>${head}</table:table-header-rows>` : head) +
    `${tableRows(rows, paragraph, cell)}</table:table>`
}

/**
 * The plan text (one paragraph a line, as the .txt holds it) as a .fodt in one
 * layout. The head (lines before the addressees' line) is centred, the
 * signature and date right-aligned.
 */
export function planFodt(text: string, layout: OfficeLayout, footer = '— <text:page-number text:select-page="current"/> —', options: TableOptions = {}): string {
  const all = text.split('\n').map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')).filter((l) => l !== '')
  // In a table, a note on a line of its own is the note of the task above it.
  const lines = layout === 'note-tables' || layout === 'task-table' ? joinOwnLineNotes(all) : all
  const addressees = lines.findIndex((l) => /[：:]$/.test(l))
  const date = lines.length - 1
  const signed = /^\d{4}年\d{1,2}月\d{1,2}日$/.test(lines[date] ?? '')
  const body: string[] = []
  // Counters of the two automatic lists, to know when a written number is not the list's next one.
  let outline = [0, 0]
  let tasks = 0
  const lastList = new Map<string, string>()
  // The task table being written: its rows (a null 重点任务 cell is merged with the one above), and where the
  // current measure's first row is (its 重点任务 cell spans its tasks' rows).
  let rows: Array<{ number: string; group: string | null; content: string; fields: Map<string, string> }> = []
  let groupRow = -1
  let pendingGroup: string | null = null
  const styles: string[] = []
  const writeTable = (header: string[], cells: Array<Array<string | null>>) => {
    body.push(taskTable(header, cells, options).replace(/Col(\d+)/g, `T${styles.length}Col$1`))
    styles.push(columnStyles(header, options.widths).replace(/Col(\d+)/g, `T${styles.length}Col$1`))
  }
  const endTable = () => {
    if (rows.length > 0) {
      // The note's fields present in any task, in the order tables set them.
      const labels = ['牵头单位', '责任单位', '配合单位', '责任领导', '责任人', '完成时限'].filter((l) => rows.some((r) => r.fields.has(l)))
      writeTable(['序号', '重点任务', '具体措施', ...labels], rows.map((r) => [r.number, r.group, r.content, ...labels.map((l) => r.fields.get(l) ?? '')]))
    }
    rows = []
  }
  // Rows of tab-separated cells: a table as it stands (a 重点任务 cell repeating the one above merged with it;
  // units in a cell, set apart by spaces in the text, set apart by "、" as a clerk types them).
  let tabRows: string[][] = []
  const endTabTable = () => {
    const [header, ...cells] = tabRows
    if (header) {
      const group = header.indexOf('重点任务')
      const units = header.flatMap((h, k) => (/单位$/.test(h) ? [k] : []))
      writeTable(header, cells.map((row, r) => row.map((cell, k) => (k === group && r > 0 && cell === cells[r - 1]![k] ? null : units.includes(k) ? cell.replace(/ +/g, '、') : cell))))
    }
    tabRows = []
  }
  lines.forEach((line, i) => {
    if (layout === 'task-table') {
      if (line.includes('\t')) return tabRows.push(line.split('\t'))
      endTabTable()
    }
    if (i < addressees) return body.push(p(line, 'Centred'))
    if (signed && i >= date - 1) return body.push(p(line, 'Right'))
    const marker = readMarker(line)
    const note = marker?.kind === 'arabic' ? splitNote(line) : null
    if (layout === 'task-table') {
      // A heading followed by a task is a measure: its title is the 重点任务 cell of its tasks.
      if (marker && marker.kind !== 'arabic' && readMarker(lines[i + 1] ?? '')?.kind === 'arabic') {
        pendingGroup = marker.rest
        return
      }
      if (note && (pendingGroup !== null || groupRow >= 0)) {
        rows.push({ number: String(marker!.number), group: pendingGroup, content: readMarker(note.body)!.rest, fields: new Map(note.fields) })
        if (pendingGroup !== null) groupRow = rows.length - 1
        pendingGroup = null
        return
      }
      endTable()
      groupRow = -1
      // A heading over a task that is no row (it has no note) stays a heading.
      if (pendingGroup !== null) body.push(p(lines[i - 1]!))
      pendingGroup = null
      return body.push(p(line))
    }
    if (layout === 'note-tables' && note) {
      body.push(p(note.body))
      body.push(options.fitted ? fittedTable(note.fields) : table(note.fields.map(([k, v]) => [k, v]), 2))
      return
    }
    if (layout !== 'numbered' || marker === null || !['cn', 'cn-paren', 'arabic'].includes(marker.kind)) return body.push(p(line))
    // Automatic numbering: the marker leaves the text and becomes the list's.
    const level = marker.kind === 'cn-paren' ? 2 : 1
    const style = marker.kind === 'arabic' ? (options.hanging ? 'HangingTasks' : 'Tasks') : 'PlanOutline'
    let start = ''
    if (marker.kind === 'arabic') {
      if (marker.number !== tasks + 1) start = ` text:start-value="${marker.number}"`
      tasks = marker.number
    } else {
      const next = outline[level - 1]! + 1
      if (marker.number !== next) start = ` text:start-value="${marker.number}"`
      outline = level === 1 ? [marker.number, 0] : [outline[0]!, marker.number]
    }
    const item = `<text:list-item${start}>${p(marker.rest, style === 'HangingTasks' ? 'HangingItem' : 'Standard')}</text:list-item>`
    const nested = level === 2 ? `<text:list-item><text:list>${item}</text:list></text:list-item>` : item
    // A list goes on from the last one of its style (text:continue-list), as LibreOffice writes a list broken by other paragraphs.
    const id = `list${body.length}`
    const from = lastList.get(style)
    lastList.set(style, id)
    body.push(`<text:list xml:id="${id}" text:style-name="${style}"${from ? ` text:continue-list="${from}"` : ''}>${nested}</text:list>`)
  })
  endTable()
  endTabTable()
  return document(body.join('\n'), footer, styles.join('\n'))
}

/** Has LibreOffice save each .fodt as `format` (pdf, odt, docx, doc): one soffice run for all. */
/** `ext`: the ending of the files made, where `format` carries a filter and its options ("pdf:writer_pdf_Export:{…}"). */
export function convert(files: Record<string, string>, format: string, ext = format): Record<string, Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'office-'))
  try {
    for (const [name, fodt] of Object.entries(files)) writeFileSync(join(dir, `${name}.fodt`), fodt)
    const run = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', format, '--outdir', dir, ...Object.keys(files).map((n) => join(dir, `${n}.fodt`))], { encoding: 'utf8', timeout: 120_000 })
    if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`)
    return Object.fromEntries(Object.keys(files).map((name) => [name, new Uint8Array(readFileSync(join(dir, `${name}.${ext}`)))]))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
