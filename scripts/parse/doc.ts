// Word 97–2003 (.doc) → its text with its automatic numbering, as Word shows
// it. word-extractor reads the text (the piece table of the OLE compound
// file) but not the list numbers, which are not in the text: a paragraph
// names its list in its properties (sprmPIlfo: an LFO of the PlfLfo, which
// names an LSTF of the PlfLst by lsid; sprmPIlvl: the level), and the level's
// LVL holds the start, the number format (nfc) and the label ("\u0000、"
// where \u0000 stands for level 1's number). Layout after [MS-DOC] 2.9.131
// (LSTF), 2.9.150 (LVL), 2.9.151 (LVLF), 2.9.131 (LFO), 2.9.132 (LFOData),
// 2.9.133 (LFOLVL), 2.4.6.6 (determining list formatting).
// The label is put before the paragraph's first character, and the text is
// then cleaned as word-extractor cleans it, so that lines are its lines.
// Tables as cells.ts says, as in .docx: a note table its fields, a line each;
// any other a line a row, its cells set apart by tabs.

import { createRequire } from 'node:module'
import { tableLines } from './cells.ts'
import { formatNumber } from './docx.ts'
import { Refusal } from './limits.ts'

const require = createRequire(import.meta.url)

// word-extractor's own parts (CommonJS, untyped): its OLE reader and its .doc extractor, whose piece table we need.
interface Piece { startCp: number; endCp: number; startFilePos: number; endFilePos: number; bpc: number; text: string }
interface OleExtractor {
  _pieces: Piece[]
  _boundaries: { ccpText: number }
  extract(reader: unknown): Promise<unknown>
  documentStream(document: unknown, name: string): Promise<unknown>
  streamBuffer(stream: unknown): Promise<Buffer>
  extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown>
}
const WordOleExtractor: new () => OleExtractor = require('word-extractor/lib/word-ole-extractor.js')
const BufferReader: new (buffer: Buffer) => { open(): Promise<unknown>; close(): Promise<unknown> } = require('word-extractor/lib/buffer-reader.js')
const { clean }: { clean: (text: string) => string } = require('word-extractor/lib/filters.js')

/** MS-DOC 2.9.158 MSONFC → the OOXML name docx.ts renders. */
const NFC: Readonly<Record<number, string>> = {
  0x00: 'decimal', 0x01: 'upperRoman', 0x02: 'lowerRoman', 0x03: 'upperLetter', 0x04: 'lowerLetter', 0x0e: 'decimalFullWidth',
  0x12: 'decimalEnclosedCircle', 0x13: 'decimalFullWidth2', 0x16: 'decimalZero', 0x17: 'bullet', 0x1c: 'decimalEnclosedCircleChinese',
  0x1e: 'ideographTraditional', 0x21: 'taiwaneseCounting', 0x23: 'taiwaneseCountingThousand', 0x25: 'chineseCounting',
  0x26: 'chineseLegalSimplified', 0x27: 'chineseCountingThousand', 0xff: 'none',
}

interface Level { start: number; format: string; label: string; noRestart: boolean }
interface Lfo { lsid: number; overrides: Map<number, { start: number | null; level: Level | null }> }

/** A LVL at `at`: its LVLF, grpprls and label (xst). Returns the level and where the next one starts. */
function readLevel(table: Buffer, at: number): { level: Level; next: number } {
  const start = table.readInt32LE(at)
  const nfc = table.readUInt8(at + 4)
  const flags = table.readUInt8(at + 5)
  const cbChpx = table.readUInt8(at + 24)
  const cbPapx = table.readUInt8(at + 25)
  let p = at + 28 + cbPapx + cbChpx
  const cch = table.readUInt16LE(p)
  p += 2
  let label = ''
  for (let i = 0; i < cch; i++) label += String.fromCharCode(table.readUInt16LE(p + i * 2))
  return { level: { start, format: NFC[nfc] ?? 'decimal', label, noRestart: (flags & 0x08) !== 0 }, next: p + cch * 2 }
}

function readLists(word: Buffer, table: Buffer): { lists: Map<number, Level[]>; lfos: Lfo[] } {
  const fcPlfLst = word.readUInt32LE(0x2e2)
  const lcbPlfLst = word.readUInt32LE(0x2e6)
  const fcPlfLfo = word.readUInt32LE(0x2ea)
  const lcbPlfLfo = word.readUInt32LE(0x2ee)
  const lists = new Map<number, Level[]>()
  const lfos: Lfo[] = []
  if (lcbPlfLst === 0 || lcbPlfLfo === 0) return { lists, lfos }
  const count = table.readInt16LE(fcPlfLst)
  // The LVLs of every list follow the PlfLst, list by list: nine each, or one for a simple list.
  let at = fcPlfLst + lcbPlfLst
  for (let i = 0; i < count; i++) {
    const lstf = fcPlfLst + 2 + i * 28
    const lsid = table.readInt32LE(lstf)
    const simple = (table.readUInt8(lstf + 26) & 0x01) !== 0
    const levels: Level[] = []
    for (let l = 0; l < (simple ? 1 : 9); l++) {
      const { level, next } = readLevel(table, at)
      levels.push(level)
      at = next
    }
    lists.set(lsid, levels)
  }
  const lfoMac = table.readInt32LE(fcPlfLfo)
  const counts: number[] = []
  for (let i = 0; i < lfoMac; i++) {
    const lfo = fcPlfLfo + 4 + i * 16
    lfos.push({ lsid: table.readInt32LE(lfo), overrides: new Map() })
    counts.push(table.readUInt8(lfo + 12))
  }
  // rgLfoData, parallel to rgLfo: a cp, then clfolvl LFOLVLs, each followed by its LVL when it formats the level.
  at = fcPlfLfo + 4 + lfoMac * 16
  for (let i = 0; i < lfoMac; i++) {
    at += 4
    for (let k = 0; k < counts[i]!; k++) {
      const startAt = table.readInt32LE(at)
      const flags = table.readUInt32LE(at + 4)
      at += 8
      let level: Level | null = null
      if ((flags & 0x20) !== 0) {
        const read = readLevel(table, at)
        level = read.level
        at = read.next
      }
      lfos[i]!.overrides.set(flags & 0x0f, { start: (flags & 0x10) !== 0 ? startAt : null, level })
    }
  }
  return { lists, lfos }
}

/** Paragraphs that are list items: where each starts (file position) and its ilfo and ilvl (PAPX FKPs, sprmPIlfo and sprmPIlvl). */
function listParagraphs(word: Buffer, table: Buffer): Array<{ fc: number; ilfo: number; ilvl: number }> {
  const fcPlcfbtePapx = word.readUInt32LE(0x0102)
  const lcbPlcfbtePapx = word.readUInt32LE(0x0106)
  const n = (lcbPlcfbtePapx - 4) / 8
  const out: Array<{ fc: number; ilfo: number; ilvl: number }> = []
  for (let i = 0; i < n; i++) {
    const page = table.readUInt32LE(fcPlcfbtePapx + (n + 1) * 4 + i * 4)
    const fkp = word.subarray(page * 512, (page + 1) * 512)
    const crun = fkp.readUInt8(511)
    for (let j = 0; j < crun; j++) {
      const fc = fkp.readUInt32LE(j * 4)
      const bx = fkp.readUInt8((crun + 1) * 4 + j * 13) * 2
      if (bx === 0) continue
      const cb = fkp.readUInt8(bx)
      const papx = cb !== 0 ? fkp.subarray(bx + 1, bx + 1 + 2 * cb - 1) : fkp.subarray(bx + 2, bx + 2 + 2 * fkp.readUInt8(bx + 1))
      let ilfo = 0
      let ilvl = 0
      // After the istd (2 bytes), the sprms: operand sizes by spra (MS-DOC 2.2.5.1).
      for (let p = 2; p + 2 <= papx.length;) {
        const sprm = papx.readUInt16LE(p)
        p += 2
        const spra = sprm >> 13
        if (sprm === 0x460b) ilfo = papx.readInt16LE(p)
        if (sprm === 0x260a) ilvl = papx.readUInt8(p)
        if (sprm === 0xc615) p += papx.readUInt8(p) + 1 // sprmPChgTabs: its own length rule
        else p += spra === 0 || spra === 1 ? 1 : spra === 2 || spra === 4 || spra === 5 ? 2 : spra === 3 ? 4 : spra === 7 ? 3 : papx.readUInt8(p) + 1
      }
      if (ilfo > 0) out.push({ fc, ilfo, ilvl })
    }
  }
  return out
}

/** Counts list items as Word does (per list, a level restarting under a higher one) and renders each one's label. */
function labels(paragraphs: Array<{ ilfo: number; ilvl: number }>, lists: Map<number, Level[]>, lfos: Lfo[]): string[] {
  const counts = new Map<number, number[]>()
  const overridden = new Set<number>()
  return paragraphs.map(({ ilfo, ilvl }) => {
    const lfo = lfos[ilfo - 1]
    const base = lfo && lists.get(lfo.lsid)
    if (!lfo || !base) return ''
    const levelOf = (l: number) => lfo.overrides.get(l)?.level ?? base[l]
    const level = levelOf(ilvl)
    if (!level) return ''
    const count = counts.get(lfo.lsid) ?? []
    // An LFO that overrides a level's start restarts the list there the first time it is used.
    if (!overridden.has(ilfo)) {
      overridden.add(ilfo)
      for (const [l, o] of lfo.overrides) if (o.start !== null) count[l] = o.start - 1
    }
    count[ilvl] = (count[ilvl] ?? level.start - 1) + 1
    for (let l = ilvl + 1; l < 9; l++) if (!levelOf(l)?.noRestart) count[l] = undefined as unknown as number
    counts.set(lfo.lsid, count)
    if (level.format === 'bullet' || level.format === 'none') return ''
    return [...level.label].map((c) => {
      const l = c.charCodeAt(0)
      return l < 9 ? formatNumber(count[l] ?? levelOf(l)?.start ?? 1, levelOf(l)?.format ?? 'decimal') : c
    }).join('')
  })
}

/**
 * Rows of tables in the text as word-extractor gives it: each cell closed by its mark (\x07), each row by the
 * row's end (a line break), the first row at a paragraph's start. A cell of several paragraphs is not matched
 * whole (its first paragraphs stand before the row): such a table stays as read.
 */
const TABLE_ROWS = /(?<=^|[\r\n])(?:(?:[^\x07\r\n]*\x07)+\n)+/g

/**
 * A task's note written as a small table under it (责任单位 | 各村 / 完成时限 | 长期坚持) becomes its fields, a
 * paragraph each ("责任单位：各村"), as docx.ts and odt.ts read it (cells.ts); any other table stays as read
 * (cells set apart by tabs, tables.ts reads them).
 */
function noteTables(raw: string): string {
  return raw.replace(TABLE_ROWS, (table) => {
    const rows = table.split('\n').slice(0, -1).map((row) => row.split('\x07').slice(0, -1).map(clean))
    const lines = tableLines(rows)
    const asRows = rows.map((cells) => cells.map((c) => c.replace(/[\t\n]+/g, ' ').trim()).join('\t'))
    return lines.length > 0 && lines.some((l, k) => l.text !== asRows[k]) ? lines.map((l) => `${l.text}\r`).join('') : table
  })
}

/** The file's list tables cannot be read: its automatic numbers would be guessed. */
export class DocNumberingError extends Refusal {
  constructor() {
    super('此 Word 97–2003 文件（.doc）使用了自动编号，但其编号列表无法读取；请用 Word 或 WPS 打开，另存为 .docx')
  }
}

/**
 * The text of a .doc, one line a paragraph, with its list numbers; and how
 * many paragraphs had automatic numbers.
 */
export async function readDocNumbered(bytes: Uint8Array): Promise<{ text: string; numbered: number }> {
  let word: Buffer | null = null
  let table: Buffer | null = null
  class Extractor extends WordOleExtractor {
    override extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown> {
      word = buffer
      const name = (buffer.readUInt16LE(0xa) & 0x0200) !== 0 ? '1Table' : '0Table'
      return this.documentStream(document, name).then((s) => this.streamBuffer(s)).then((t) => { table = t }).then(() => super.extractWordDocument(document, buffer))
    }
  }
  const extractor = new Extractor()
  const reader = new BufferReader(Buffer.from(bytes))
  await reader.open()
  try {
    await extractor.extract(reader)
  } finally {
    await reader.close()
  }
  if (!word || !table) throw new Refusal('无法作为 Word 97–2003 文件（.doc）读取：其中没有 Word 文档内容（WordDocument 流）；请用 Word、WPS 或 LibreOffice 打开后重新保存')
  const pieces = extractor._pieces
  let lists: Map<number, Level[]>
  let lfos: Lfo[]
  let items: Array<{ fc: number; ilfo: number; ilvl: number }>
  try {
    ;({ lists, lfos } = readLists(word, table))
    items = lists.size > 0 ? listParagraphs(word, table) : []
  } catch {
    // List tables that do not read as MS-DOC lays them out: better no reading than numbers guessed.
    throw new DocNumberingError()
  }
  // File position of a paragraph's start → its character position in the text.
  const cpOf = (fc: number) => {
    const piece = pieces.find((p) => fc >= p.startFilePos && fc < p.endFilePos)
    return piece ? piece.startCp + (fc - piece.startFilePos) / piece.bpc : -1
  }
  const placed = items.map((item) => ({ ...item, cp: cpOf(item.fc) })).filter((item) => item.cp >= 0 && item.cp < extractor._boundaries.ccpText).sort((a, b) => a.cp - b.cp)
  const shown = labels(placed, lists, lfos)
  let raw = pieces.map((p) => p.text).join('').slice(0, extractor._boundaries.ccpText)
  for (let i = placed.length - 1; i >= 0; i--) raw = raw.slice(0, placed[i]!.cp) + shown[i] + raw.slice(placed[i]!.cp)
  return { text: clean(noteTables(raw)).replace(/\r\n?/g, '\n').replace(/\n+$/, ''), numbered: shown.filter((s) => s !== '').length }
}

/** What a .doc holds of its author's record (scripts/exports/original.ts lists it before the file is published). */
export interface DocRecord {
  /** Document properties naming a person or a body: "author", "last saved by", "company", "manager". */
  properties: string[]
  /** Runs of text marked as deleted or inserted in review (sprmCFRMarkDel, sprmCFRMarkIns). */
  revisions: number
  /** Comments (annotations: PlcfandRef). */
  comments: number
  /** Runs of hidden text (sprmCFVanish). */
  hidden: number
}

/** The FibRgFcLcb97 pair at index i: [fc, lcb] (MS-DOC 2.5.6; the pairs start at 154). */
const fcLcb = (word: Buffer, i: number): [number, number] => [word.readUInt32LE(154 + i * 8), word.readUInt32LE(158 + i * 8)]

/** Operand bytes of a sprm by its spra (MS-DOC 2.2.5.1); a variable one (6) gives its size in its first byte. */
function operandSize(opcode: number, grpprl: Buffer, at: number): number {
  const spra = opcode >> 13
  if (spra === 6) return 1 + (grpprl[at] ?? 0)
  return [1, 1, 2, 4, 2, 2, 0, 3][spra]!
}

/** ToggleOperand: 1 on, 0x81 the opposite of the style's (taken as on: the mark is there). */
const toggled = (value: number) => value === 1 || value === 0x81

/** Runs whose character properties (CHPX FKPs of PlcBteChpx, MS-DOC 2.8.6, 2.9.36) mark a revision or hidden text. */
function markedRuns(word: Buffer, table: Buffer): { revisions: number; hidden: number } {
  const [fc, lcb] = fcLcb(word, 12)
  let revisions = 0
  let hidden = 0
  if (lcb < 12) return { revisions, hidden }
  const n = (lcb - 4) / 8
  for (let i = 0; i < n; i++) {
    const pn = table.readUInt32LE(fc + (n + 1) * 4 + i * 4) & 0x3fffff
    const fkp = word.subarray(pn * 512, pn * 512 + 512)
    if (fkp.length < 512) continue
    const crun = fkp[511]!
    for (let r = 0; r < crun; r++) {
      const offset = fkp[(crun + 1) * 4 + r]! * 2
      if (offset === 0) continue
      const cb = fkp[offset]!
      const grpprl = fkp.subarray(offset + 1, offset + 1 + cb)
      let revision = false
      let vanish = false
      for (let at = 0; at + 2 <= grpprl.length;) {
        const opcode = grpprl.readUInt16LE(at)
        at += 2
        const size = operandSize(opcode, grpprl, at)
        if ((opcode === 0x0800 || opcode === 0x0801) && toggled(grpprl[at] ?? 0)) revision = true
        if (opcode === 0x083c && toggled(grpprl[at] ?? 0)) vanish = true
        at += size
      }
      if (revision) revisions++
      if (vanish) hidden++
    }
  }
  return { revisions, hidden }
}

/**
 * The string properties of an OLE property set stream (MS-OLEPS 2.21: the
 * first section) by id: VT_LPSTR in the set's code page (UTF-8 for 65001,
 * GBK for 936, else Latin-1) or VT_LPWSTR.
 */
function propertyStrings(stream: Buffer): Map<number, string> {
  const out = new Map<number, string>()
  if (stream.length < 48) return out
  const section = stream.readUInt32LE(44)
  const count = stream.readUInt32LE(section + 4)
  const entries: Array<[number, number]> = []
  for (let i = 0; i < count && section + 8 + i * 8 + 8 <= stream.length; i++) entries.push([stream.readUInt32LE(section + 8 + i * 8), stream.readUInt32LE(section + 12 + i * 8)])
  const codePage = entries.find(([id]) => id === 1)
  const cp = codePage ? stream.readUInt16LE(section + codePage[1] + 4) : 1252
  const decoder = new TextDecoder(cp === 65001 ? 'utf-8' : cp === 936 ? 'gbk' : cp === 1200 ? 'utf-16le' : 'latin1')
  for (const [id, offset] of entries) {
    const at = section + offset
    if (at + 8 > stream.length) continue
    const type = stream.readUInt32LE(at)
    const size = stream.readUInt32LE(at + 4)
    if (type === 0x1e) out.set(id, decoder.decode(stream.subarray(at + 8, at + 8 + size)).replace(/\0+$/, ''))
    else if (type === 0x1f) out.set(id, stream.subarray(at + 8, at + 8 + size * 2).toString('utf16le').replace(/\0+$/, ''))
  }
  return out
}

/**
 * What a .doc holds of its author's record: the properties naming a person
 * (SummaryInformation: author 4, last saved by 8; DocumentSummaryInformation:
 * manager 14, company 15) whose value is not in `keep`, the runs marked as
 * revisions or hidden, the comments.
 */
export async function readDocRecord(bytes: Uint8Array, keep: ReadonlySet<string>): Promise<DocRecord> {
  let word: Buffer | null = null
  let table: Buffer | null = null
  const streams = new Map<string, Buffer>()
  class Extractor extends WordOleExtractor {
    override extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown> {
      word = buffer
      const name = (buffer.readUInt16LE(0xa) & 0x0200) !== 0 ? '1Table' : '0Table'
      const read = async (stream: string) => {
        try {
          streams.set(stream, await this.streamBuffer(await this.documentStream(document, stream)))
        } catch {
          // A file without this property set: nothing of it to list.
        }
      }
      return this.documentStream(document, name).then((s) => this.streamBuffer(s)).then((t) => { table = t })
        .then(() => read('\u0005SummaryInformation')).then(() => read('\u0005DocumentSummaryInformation'))
    }
  }
  const reader = new BufferReader(Buffer.from(bytes))
  await reader.open()
  try {
    await new Extractor().extract(reader)
  } finally {
    await reader.close()
  }
  if (!word || !table) throw new Error('no WordDocument stream')
  const properties: string[] = []
  for (const [stream, ids] of [['\u0005SummaryInformation', { 4: 'author', 8: 'last saved by' }], ['\u0005DocumentSummaryInformation', { 14: 'manager', 15: 'company' }]] as const) {
    const found = streams.has(stream) ? propertyStrings(streams.get(stream)!) : new Map<number, string>()
    for (const [id, label] of Object.entries(ids)) {
      const value = (found.get(Number(id)) ?? '').trim()
      if (value !== '' && !keep.has(value)) properties.push(label)
    }
  }
  const [, lcbAnd] = fcLcb(word, 4)
  const comments = lcbAnd >= 4 ? Math.floor((lcbAnd - 4) / 34) : 0
  return { properties, ...markedRuns(word, table), comments }
}
