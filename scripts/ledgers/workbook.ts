// A small reader of .xlsx workbooks as Excel, WPS and LibreOffice save them:
// each sheet's cells as text (shared and inline strings, numbers, booleans,
// formulas' cached values), and the day the file was last saved. Just what a
// ledger sent back needs (scripts/ledgers/ledger.ts); no formatting, no
// formulas evaluated.

import JSZip from 'jszip'
import { DOMParser, type Element } from '@xmldom/xmldom'

export interface Cell {
  /** The cell's value as text: a string as written, a number as Excel stores it ("45000", "0.5"). */
  text: string
  /** Whether the cell holds a number (an Excel date is one). */
  number: boolean
}

export interface Sheet {
  name: string
  /** Row number (1-based) → column number (1-based) → cell; empty cells absent. */
  rows: Map<number, Map<number, Cell>>
}

export interface Workbook {
  sheets: Sheet[]
  /** dcterms:modified of docProps/core.xml, as written (an ISO 8601 time), or null. */
  modified: string | null
  /** Excel's 1904 date system (old Mac workbooks): serial dates count from 1904-01-01. */
  date1904: boolean
}

export type WorkbookResult = { ok: true; workbook: Workbook } | { ok: false; message: string }

const elements = (el: Element, name: string): Element[] =>
  Array.from(el.getElementsByTagNameNS('*', name)) as unknown as Element[]
const children = (el: Element, name: string): Element[] =>
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name) as Element[]

function parseXml(xml: string): Element | null {
  let failed = false
  const doc = new DOMParser({ onError: (level) => { if (level !== 'warning') failed = true } }).parseFromString(xml, 'text/xml')
  return failed ? null : doc.documentElement
}

/** "AB12" → 28. */
function columnOf(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? ''
  let n = 0
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64)
  return n
}

/** The text of a string item (<si> or <is>): its runs' <t>, without phonetic guides (<rPh>). */
function stringItem(el: Element): string {
  const direct = children(el, 't')
  if (direct.length > 0) return direct.map((t) => t.textContent ?? '').join('')
  return children(el, 'r').flatMap((r) => children(r, 't')).map((t) => t.textContent ?? '').join('')
}

export async function readWorkbook(data: Uint8Array): Promise<WorkbookResult> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(data)
  } catch {
    return { ok: false, message: 'not an .xlsx workbook (not a zip archive): save it from Excel, WPS or LibreOffice as .xlsx' }
  }
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? null
  const workbookXml = await text('xl/workbook.xml')
  const book = workbookXml === null ? null : parseXml(workbookXml)
  if (book === null) return { ok: false, message: 'not an .xlsx workbook (no readable xl/workbook.xml): save it from Excel, WPS or LibreOffice as .xlsx' }
  const relsXml = await text('xl/_rels/workbook.xml.rels')
  const rels = relsXml === null ? null : parseXml(relsXml)
  const targets = new Map<string, string>()
  for (const rel of rels ? elements(rels, 'Relationship') : []) {
    const target = rel.getAttribute('Target') ?? ''
    targets.set(rel.getAttribute('Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`)
  }
  const sharedXml = await text('xl/sharedStrings.xml')
  const sharedDoc = sharedXml === null ? null : parseXml(sharedXml)
  const shared = sharedDoc ? children(sharedDoc, 'si').map(stringItem) : []
  const sheets: Sheet[] = []
  for (const entry of elements(book, 'sheet')) {
    const name = entry.getAttribute('name') ?? ''
    const id = entry.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id') ?? entry.getAttribute('r:id') ?? ''
    const path = targets.get(id)
    const xml = path === undefined ? null : await text(path)
    const doc = xml === null ? null : parseXml(xml)
    if (doc === null) return { ok: false, message: `its sheet "${name}" cannot be read (${path ?? 'no part'}): save it again as .xlsx` }
    const rows = new Map<number, Map<number, Cell>>()
    let rowNumber = 0
    for (const row of elements(doc, 'row')) {
      rowNumber = Number(row.getAttribute('r') ?? rowNumber + 1)
      const cells = new Map<number, Cell>()
      let column = 0
      for (const c of children(row, 'c')) {
        const ref = c.getAttribute('r')
        column = ref ? columnOf(ref) : column + 1
        const type = c.getAttribute('t') ?? 'n'
        const v = children(c, 'v')[0]?.textContent ?? null
        let cell: Cell | null = null
        if (type === 's') cell = v === null ? null : { text: shared[Number(v)] ?? '', number: false }
        else if (type === 'inlineStr') cell = { text: children(c, 'is').map(stringItem).join(''), number: false }
        else if (type === 'str' || type === 'e') cell = v === null ? null : { text: v, number: false }
        else if (type === 'b') cell = v === null ? null : { text: v === '1' ? 'TRUE' : 'FALSE', number: false }
        else if (type === 'd') cell = v === null ? null : { text: v, number: false }
        else cell = v === null ? null : { text: v, number: true }
        if (cell !== null && cell.text !== '') cells.set(column, cell)
      }
      if (cells.size > 0) rows.set(rowNumber, cells)
    }
    sheets.push({ name, rows })
  }
  const coreXml = await text('docProps/core.xml')
  const core = coreXml === null ? null : parseXml(coreXml)
  const modified = core ? (elements(core, 'modified')[0]?.textContent?.trim() || null) : null
  const pr = elements(book, 'workbookPr')[0]
  const date1904 = pr ? ['1', 'true'].includes(pr.getAttribute('date1904') ?? '') : false
  return { ok: true, workbook: { sheets, modified, date1904 } }
}

/** An Excel serial date → ISO date, or null where it is not a day of years 1900–9999. */
export function serialDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null
  // Day 0 of the 1900 system is 1899-12-30 (Excel counts a 29 February 1900 that never was).
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)
  const d = new Date(epoch + Math.floor(serial) * 86_400_000)
  return d.toISOString().slice(0, 10)
}
