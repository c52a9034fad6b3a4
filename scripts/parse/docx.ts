// Word (.docx) → the plan's text, one line a Word paragraph, as Word shows it:
// automatic numbering ("一、", "（一）", "1.") lives in word/numbering.xml, not
// in the paragraph's text, and is rendered here from the level's format and
// text ("%1、"), counting as Word counts (a level restarts under a higher one;
// a w:num with a startOverride restarts its list). Tables become lines as
// cells.ts says: a note table its fields, any other a line a row. Line N of the text is the
// Nth paragraph of the document: errors say "第N段".

import { DOMParser, type Element } from '@xmldom/xmldom'
import JSZip from 'jszip'
import { tableLines } from './cells.ts'
import { chineseCounting } from '../text/numerals.ts'
import { LIMITS, partTooLarge, Refusal, tooManyParagraphs } from './limits.ts'
import { trimBy } from '../text/prose.ts'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

export interface DocxText {
  text: string
  /** Paragraph number (1-based, in document order) of each line of `text`. */
  paragraphOf: number[]
}

interface Level {
  start: number
  format: string
  text: string
}

interface Numbering {
  /** numId → abstractNumId */
  abstractOf: Map<string, string>
  /** abstractNumId → levels */
  levels: Map<string, Level[]>
  /** numId → level → start override */
  overrides: Map<string, Map<number, number>>
}

const children = (el: Element, name: string): Element[] =>
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name) as Element[]
const child = (el: Element, name: string): Element | undefined => children(el, name)[0]
const val = (el: Element | undefined): string | null => el?.getAttributeNS(W, 'val') ?? el?.getAttribute('w:val') ?? null

function readNumbering(xml: string | null): Numbering {
  const numbering: Numbering = { abstractOf: new Map(), levels: new Map(), overrides: new Map() }
  if (!xml) return numbering
  const doc = new DOMParser().parseFromString(xml, 'text/xml').documentElement!
  for (const abs of children(doc, 'abstractNum')) {
    const id = abs.getAttributeNS(W, 'abstractNumId') ?? abs.getAttribute('w:abstractNumId') ?? ''
    const levels: Level[] = []
    for (const lvl of children(abs, 'lvl')) {
      const ilvl = Number(lvl.getAttributeNS(W, 'ilvl') ?? lvl.getAttribute('w:ilvl') ?? 0)
      levels[ilvl] = { start: Number(val(child(lvl, 'start')) ?? 1), format: val(child(lvl, 'numFmt')) ?? 'decimal', text: val(child(lvl, 'lvlText')) ?? '' }
    }
    numbering.levels.set(id, levels)
  }
  for (const num of children(doc, 'num')) {
    const id = num.getAttributeNS(W, 'numId') ?? num.getAttribute('w:numId') ?? ''
    numbering.abstractOf.set(id, val(child(num, 'abstractNumId')) ?? '')
    const overrides = new Map<number, number>()
    for (const o of children(num, 'lvlOverride')) {
      const start = child(o, 'startOverride')
      if (start) overrides.set(Number(o.getAttributeNS(W, 'ilvl') ?? o.getAttribute('w:ilvl') ?? 0), Number(val(start)))
    }
    numbering.overrides.set(id, overrides)
  }
  return numbering
}

/** A counter in a level's number format. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographTraditional':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n)
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x245f + n) : String(n)
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCodePoint(0xff10 + Number(d))).join('')
    case 'lowerLetter':
      return String.fromCharCode(96 + ((n - 1) % 26) + 1)
    case 'upperLetter':
      return String.fromCharCode(64 + ((n - 1) % 26) + 1)
    case 'bullet':
    case 'none':
      return ''
    default:
      return String(n)
  }
}

/** Counts list paragraphs as Word does and renders each one's number. */
class Counter {
  /** abstractNumId → the current number of each level (undefined: not started, or restarted). */
  private counts = new Map<string, Array<number | undefined>>()
  private started = new Set<string>()
  constructor(private readonly numbering: Numbering) {}

  label(numId: string, ilvl: number): string {
    const abstract = this.numbering.abstractOf.get(numId)
    const levels = abstract === undefined ? undefined : this.numbering.levels.get(abstract)
    const level = levels?.[ilvl]
    if (!levels || !level || level.format === 'bullet' || level.format === 'none') return ''
    const counts = this.counts.get(abstract!) ?? []
    // A w:num that overrides its start restarts the list the first time it is used.
    const override = this.numbering.overrides.get(numId)
    if (override && override.size > 0 && !this.started.has(numId)) {
      for (const [l, start] of override) counts[l] = start - 1
    }
    this.started.add(numId)
    counts[ilvl] = (counts[ilvl] ?? levels[ilvl]!.start - 1) + 1
    // A level restarts under a higher one.
    counts.length = ilvl + 1
    this.counts.set(abstract!, counts)
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1
      return formatNumber(counts[l] ?? levels[l]?.start ?? 1, levels[l]?.format ?? 'decimal')
    })
  }
}

/** Whether a run is hidden text (w:rPr/w:vanish, on unless its w:val says off): not part of the text as Word shows it. */
function hidden(run: Element): boolean {
  const vanish = child(child(run, 'rPr') ?? run, 'vanish')
  return vanish !== undefined && !['0', 'false', 'off'].includes(val(vanish) ?? '')
}

/** The text of a paragraph's runs as a reader sees it: tracked changes accepted (inserted and moved-to text in, deleted and moved-from out), hidden runs out. */
function paragraphText(p: Element): string {
  let text = ''
  const walk = (el: Element) => {
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType !== 1) continue
      const e = node as Element
      const name = e.localName
      if (name === 'del' || name === 'moveFrom' || name === 'instrText' || name === 'pPr' || name === 'rPr' || (name === 'r' && hidden(e))) continue
      if (name === 't') text += e.textContent ?? ''
      else if (name === 'tab') text += '\t'
      else if (name === 'br' || name === 'cr') text += '\n'
      else walk(e)
    }
  }
  walk(p)
  return text
}

function styleNumbering(stylesXml: string | null): Map<string, { numId: string; ilvl: number }> {
  const map = new Map<string, { numId: string; ilvl: number }>()
  if (!stylesXml) return map
  const doc = new DOMParser().parseFromString(stylesXml, 'text/xml').documentElement!
  for (const style of children(doc, 'style')) {
    const numPr = child(child(style, 'pPr') ?? style, 'numPr')
    const numId = val(numPr && child(numPr, 'numId'))
    if (numId) map.set(style.getAttributeNS(W, 'styleId') ?? style.getAttribute('w:styleId') ?? '', { numId, ilvl: Number(val(child(numPr!, 'ilvl')) ?? 0) })
  }
  return map
}

/**
 * A part of the package as text, unpacked no further than LIMITS.partBytes: the
 * sizes a zip declares can lie, so the bytes are counted as they come.
 */
export function readPart(zip: JSZip, name: string): Promise<string | null> {
  const file = zip.file(name)
  if (!file) return Promise.resolve(null)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stream = file.nodeStream('nodebuffer')
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > LIMITS.partBytes) {
        stream.pause()
        stream.removeAllListeners('data')
        reject(partTooLarge(name))
        return
      }
      chunks.push(chunk)
    })
    stream.on('error', reject)
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
  })
}

/** Paragraphs in document.xml, counted on the text before the DOM is built (8 million empty ones fit in a megabyte of zip). */
function checkParagraphCount(xml: string): void {
  let found = 0
  for (const m of xml.matchAll(/<w:p[\s>/]/g)) {
    void m
    if (++found > LIMITS.paragraphs) throw tooManyParagraphs(found)
  }
}

/**
 * Every part of the package unpacks within LIMITS.partBytes, counted as it
 * unpacks and let go: the parts this reader does not read (headers, footers,
 * comments) are read when the file is published (scripts/exports/original.ts),
 * where a part of 400 MB ended the build with "Invalid string length".
 */
async function checkPartSizes(zip: JSZip): Promise<void> {
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.files[name]!
    if (file.dir) continue
    await new Promise<void>((resolve, reject) => {
      let size = 0
      const stream = file.nodeStream('nodebuffer')
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > LIMITS.partBytes) {
          stream.pause()
          stream.removeAllListeners('data')
          reject(partTooLarge(name))
        }
      })
      stream.on('error', reject)
      stream.on('end', () => resolve())
    })
  }
}

export async function readDocx(bytes: Uint8Array): Promise<DocxText> {
  const zip = await JSZip.loadAsync(bytes)
  await checkPartSizes(zip)
  const documentXml = await readPart(zip, 'word/document.xml')
  if (!documentXml) throw new Refusal('这是一个压缩包，但不是 Word 文件（.docx）：其中没有 word/document.xml；请用 Word、WPS 或 LibreOffice 打开后另存为 .docx')
  checkParagraphCount(documentXml)
  const counter = new Counter(readNumbering(await readPart(zip, 'word/numbering.xml')))
  const styles = styleNumbering(await readPart(zip, 'word/styles.xml'))
  const body = child(new DOMParser().parseFromString(documentXml, 'text/xml').documentElement!, 'body')
  const lines: string[] = []
  const paragraphOf: number[] = []
  let paragraph = 0
  const numbered = (p: Element): string => {
    const pPr = child(p, 'pPr')
    const numPr = pPr && child(pPr, 'numPr')
    const fromStyle = styles.get(val(pPr && child(pPr, 'pStyle')) ?? '')
    const numId = val(numPr && child(numPr, 'numId')) ?? fromStyle?.numId
    if (!numId || numId === '0') return paragraphText(p)
    const ilvl = Number(val(numPr && child(numPr, 'ilvl')) ?? fromStyle?.ilvl ?? 0)
    return counter.label(numId, ilvl) + paragraphText(p)
  }
  for (const block of body ? Array.from(body.childNodes) : []) {
    if (block.nodeType !== 1) continue
    const el = block as Element
    if (el.localName === 'p') {
      paragraph++
      // A CR typed into a paragraph ends a line as LF does (characters.ts: one rule for every format).
      for (const line of numbered(el).split(/\r\n?|\n/)) {
        lines.push(line)
        paragraphOf.push(paragraph)
      }
    } else if (el.localName === 'tbl') {
      const firstOf: number[] = []
      const rows = children(el, 'tr').map((row) => {
        firstOf.push(paragraph + 1)
        return children(row, 'tc').flatMap((cell) => {
          const text = children(cell, 'p').map((p) => { paragraph++; return numbered(p) }).join(' ')
          // A cell merged across columns stands once, followed by the empty cells it covers.
          const span = Math.min(64, Math.max(1, Number(val(child(child(cell, 'tcPr') ?? cell, 'gridSpan')) ?? 1)))
          return [text, ...Array<string>(span - 1).fill('')]
        })
      })
      for (const { row, text } of tableLines(rows)) {
        lines.push(text)
        paragraphOf.push(firstOf[row]!)
      }
    }
  }
  return { text: lines.join('\n'), paragraphOf }
}
