// OpenDocument text (.odt, as LibreOffice and WPS save it) → the plan's text,
// one line a paragraph, as the office suite shows it: list numbers
// ("一、", "（一）", "1.") are not in the paragraphs' text but rendered from
// the list style's level (num-format, prefix, suffix, display-levels, or
// LibreOffice's loext:num-list-format "%1%、"), counted as LibreOffice counts:
// a list goes on from the one it names (text:continue-list) or from the list
// just before it when that has the same style (text:continue-numbering); an
// item's text:start-value sets its number; a level starts again under a
// higher one. Headings numbered by the outline style (text:h with an outline
// level) are numbered the same way. Tables become lines as cells.ts says.
// Line N of the text is the Nth paragraph of the document: errors say "第N段".

import { DOMParser, type Element } from '@xmldom/xmldom'
import JSZip from 'jszip'
import { tableLines } from './cells.ts'
import { chineseCounting } from '../text/numerals.ts'
import { Refusal } from './limits.ts'

const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0'
const STYLE = 'urn:oasis:names:tc:opendocument:xmlns:style:1.0'
const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0'
const XML = 'http://www.w3.org/XML/1998/namespace'
const LOEXT = 'urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0'

export interface OdtText {
  text: string
  /** Paragraph number (1-based, in document order) of each line of `text`. */
  paragraphOf: number[]
  /** Text left out of `text` (footnotes, which stand elsewhere on the page), with its paragraph. */
  dropped: Array<{ paragraph: number; text: string }>
}

interface Level {
  format: string
  prefix: string
  suffix: string
  /** How many levels the number shows ("1.2" shows two). */
  display: number
  start: number
  /** LibreOffice's own form of the label, "%1%、", when it wrote one. */
  listFormat: string | null
}

const elements = (el: Element): Element[] => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1) as Element[]
const named = (el: Element, ns: string, name: string) => el.namespaceURI === ns && el.localName === name
const attr = (el: Element, ns: string, name: string): string | null => (el.hasAttributeNS(ns, name) ? el.getAttributeNS(ns, name) : null)

/** A counter in an OpenDocument num-format: "1", "a", "A", "i", "I", "一, 二, 三, ...", "①, ②, ③, ...", "１, ２, ３, ..."; "" shows none. */
export function formatOdfNumber(n: number, format: string): string {
  if (format === '') return ''
  if (format === 'a' || format === 'A') {
    const letter = String.fromCharCode(97 + ((n - 1) % 26))
    return format === 'A' ? letter.toUpperCase() : letter
  }
  if (format === 'i' || format === 'I') {
    const roman = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']] as const
    let rest = n
    let out = ''
    for (const [value, digits] of roman) while (rest >= value) { out += digits; rest -= value }
    return format === 'I' ? out.toUpperCase() : out
  }
  const first = format[0]!
  if (first === '一' || first === '壹') return chineseCounting(n)
  if (first === '①') return n >= 1 && n <= 20 ? String.fromCodePoint(0x245f + n) : String(n)
  if (first === '１') return [...String(n)].map((d) => String.fromCodePoint(0xff10 + Number(d))).join('')
  return String(n)
}

/** List styles by name: the document's own (styles.xml) and the automatic ones (content.xml). */
function readListStyles(roots: Element[]): { lists: Map<string, Level[]>; outline: Level[] } {
  const lists = new Map<string, Level[]>()
  let outline: Level[] = []
  const levelsOf = (style: Element): Level[] => {
    const levels: Level[] = []
    for (const level of elements(style)) {
      const n = Number(attr(level, TEXT, 'level') ?? 1)
      const numbered = level.localName === 'list-level-style-number' || level.localName === 'outline-level-style'
      levels[n - 1] = {
        format: numbered ? (attr(level, STYLE, 'num-format') ?? '') : '',
        prefix: attr(level, STYLE, 'num-prefix') ?? '',
        suffix: attr(level, STYLE, 'num-suffix') ?? '',
        display: Number(attr(level, TEXT, 'display-levels') ?? 1),
        start: Number(attr(level, TEXT, 'start-value') ?? 1),
        listFormat: numbered ? attr(level, LOEXT, 'num-list-format') : null,
      }
    }
    return levels
  }
  const walk = (el: Element) => {
    for (const e of elements(el)) {
      if (named(e, TEXT, 'list-style')) lists.set(attr(e, STYLE, 'name') ?? '', levelsOf(e))
      else if (named(e, TEXT, 'outline-style')) outline = levelsOf(e)
      else if (e.localName === 'styles' || e.localName === 'automatic-styles') walk(e)
    }
  }
  for (const root of roots) walk(root)
  return { lists, outline }
}

/** Paragraph styles that carry a list style (style:list-style-name), by name. */
function readParagraphListStyles(roots: Element[]): Map<string, string> {
  const map = new Map<string, string>()
  const walk = (el: Element) => {
    for (const e of elements(el)) {
      if (named(e, STYLE, 'style') && attr(e, STYLE, 'family') === 'paragraph') {
        const list = attr(e, STYLE, 'list-style-name')
        if (list) map.set(attr(e, STYLE, 'name') ?? '', list)
      } else if (e.localName === 'styles' || e.localName === 'automatic-styles') walk(e)
    }
  }
  for (const root of roots) walk(root)
  return map
}

/** The numbers of one list as it goes on through the document. */
class Chain {
  counts: Array<number | undefined> = []
  constructor(readonly levels: Level[]) {}

  /** Counts an item at `level` (0-based) and renders its label. */
  label(level: number, startValue: number | null): string {
    const style = this.levels[level]
    this.counts[level] = startValue ?? (this.counts[level] ?? (style?.start ?? 1) - 1) + 1
    // A level starts again under a higher one.
    this.counts.length = level + 1
    if (!style || style.format === '') return ''
    const number = (l: number) => formatOdfNumber(this.counts[l] ?? this.levels[l]?.start ?? 1, this.levels[l]?.format || '1')
    if (style.listFormat !== null) return style.listFormat.replace(/%(\d+)%/g, (_, d: string) => number(Number(d) - 1))
    const shown = Array.from({ length: Math.min(style.display, level + 1) }, (_, i) => number(level + 1 - Math.min(style.display, level + 1) + i))
    return `${style.prefix}${shown.join('.')}${style.suffix}`
  }
}

/** The text of a paragraph: spans, spaces (text:s), tabs and line breaks; footnotes, deleted text and fields' hidden parts left out. */
function paragraphText(p: Element, notes: string[]): string {
  let text = ''
  const walk = (el: Element) => {
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === 3 || node.nodeType === 4) { text += node.nodeValue ?? ''; continue }
      if (node.nodeType !== 1) continue
      const e = node as Element
      if (e.namespaceURI === TEXT) {
        if (e.localName === 's') { text += ' '.repeat(Math.min(100, Number(attr(e, TEXT, 'c') ?? 1))); continue }
        if (e.localName === 'tab') { text += '\t'; continue }
        if (e.localName === 'line-break') { text += '\n'; continue }
        if (e.localName === 'note') {
          const body = elements(e).find((c) => named(c, TEXT, 'note-body'))
          if (body) notes.push(elements(body).map((c) => paragraphText(c, notes)).join('\n'))
          continue
        }
      }
      // Frames and drawings hold their own paragraphs (read where the frame stands, below); annotations are not the plan's.
      if (e.localName === 'annotation' || e.localName === 'frame' || e.localName === 'custom-shape') continue
      walk(e)
    }
  }
  walk(p)
  return text
}

export async function readOdt(bytes: Uint8Array): Promise<OdtText> {
  const zip = await JSZip.loadAsync(bytes)
  const contentXml = await zip.file('content.xml')?.async('string')
  if (!contentXml) throw new Refusal('这是一个压缩包，但不是 OpenDocument 文本（.odt）：其中没有 content.xml；请用 LibreOffice 或 WPS 打开后重新保存')
  const stylesXml = await zip.file('styles.xml')?.async('string')
  const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml').documentElement!
  const content = parse(contentXml)
  const roots = [...(stylesXml ? [parse(stylesXml)] : []), content]
  const { lists, outline } = readListStyles(roots)
  const paragraphLists = readParagraphListStyles(roots)

  const lines: string[] = []
  const paragraphOf: number[] = []
  const dropped: OdtText['dropped'] = []
  let paragraph = 0
  const chains = new Map<string, Chain>() // xml:id of a list → its chain
  let previousList: { style: string; chain: Chain } | null = null
  const outlineChain = new Chain(outline)

  const pushParagraph = (p: Element, label: string): string => {
    paragraph++
    const notes: string[] = []
    const text = label + paragraphText(p, notes)
    for (const note of notes) dropped.push({ paragraph, text: note })
    return text
  }
  const emit = (text: string, at: number) => {
    for (const line of text.split('\n')) {
      lines.push(line)
      paragraphOf.push(at)
    }
  }

  /** A list: each item's first paragraph numbered at the item's level, nested lists one level deeper. */
  const readList = (list: Element, chain: Chain, level: number) => {
    for (const item of elements(list)) {
      const header = named(item, TEXT, 'list-header')
      if (!header && !named(item, TEXT, 'list-item')) continue
      const startValue = attr(item, TEXT, 'start-value')
      let numbered = header
      for (const part of elements(item)) {
        if (named(part, TEXT, 'list')) {
          readList(part, chain, level + 1)
        } else if (named(part, TEXT, 'p') || named(part, TEXT, 'h')) {
          // The item's first paragraph carries its number; the paragraphs after it continue the item.
          const label = numbered ? '' : chain.label(level, startValue === null ? null : Number(startValue))
          numbered = true
          emit(pushParagraph(part, label), paragraph)
        } else block(part)
      }
    }
  }

  const block = (el: Element): void => {
    if (named(el, TEXT, 'p') || named(el, TEXT, 'h')) {
      const outlineLevel = named(el, TEXT, 'h') ? Number(attr(el, TEXT, 'outline-level') ?? 0) : 0
      // A heading numbered by the outline style (not in a list of its own), unless it says it is not numbered.
      const label = outlineLevel > 0 && attr(el, TEXT, 'is-list-header') !== 'true' && outline[outlineLevel - 1]?.format
        ? outlineChain.label(outlineLevel - 1, attr(el, TEXT, 'restart-numbering') === 'true' ? Number(attr(el, TEXT, 'start-value') ?? 1) : null)
        : ''
      emit(pushParagraph(el, label), paragraph)
      readFrames(el)
    } else if (named(el, TEXT, 'list')) {
      const style = attr(el, TEXT, 'style-name') ?? paragraphLists.get(firstParagraphStyle(el) ?? '') ?? ''
      const continues = attr(el, TEXT, 'continue-list')
      let chain: Chain
      if (continues !== null && chains.has(continues)) chain = chains.get(continues)!
      else if (attr(el, TEXT, 'continue-numbering') === 'true' && previousList?.style === style) chain = previousList.chain
      else chain = new Chain(lists.get(style) ?? [])
      const id = attr(el, XML, 'id')
      if (id) chains.set(id, chain)
      previousList = { style, chain }
      readList(el, chain, 0)
    } else if (named(el, TABLE, 'table')) {
      const firstOf: number[] = []
      const rows = tableRows(el).map((row) => {
        firstOf.push(paragraph + 1)
        return row.map((cell) => {
          if (named(cell, TABLE, 'covered-table-cell')) return ''
          const text = elements(cell).map((part) => (named(part, TEXT, 'p') || named(part, TEXT, 'h') ? pushParagraph(part, '') : '')).filter((t) => t !== '').join(' ')
          // A cell merged across columns is followed by the covered cells it spans: the columns stay in place.
          return text
        })
      })
      for (const { row, text } of tableLines(rows)) emit(text, firstOf[row]!)
    } else if (named(el, TEXT, 'section') || named(el, TEXT, 'soft-page-break') || named(el, TEXT, 'index-body') || el.localName === 'table-of-content') {
      for (const e of elements(el)) block(e)
    }
  }

  /** Text boxes anchored in a paragraph: their paragraphs follow it. */
  const readFrames = (p: Element) => {
    const walk = (el: Element) => {
      for (const e of elements(el)) {
        if (e.localName === 'text-box') for (const b of elements(e)) block(b)
        else if (e.localName === 'frame' || e.localName === 'span' || e.localName === 'a' || e.localName === 'custom-shape' || e.localName === 'g') walk(e)
      }
    }
    walk(p)
  }

  const body = elements(content).find((e) => e.localName === 'body')
  const text = body && elements(body).find((e) => e.localName === 'text')
  for (const el of text ? elements(text) : []) block(el)
  return { text: lines.join('\n'), paragraphOf, dropped }
}

function firstParagraphStyle(list: Element): string | null {
  for (const item of elements(list)) for (const p of elements(item)) if (p.localName === 'p' || p.localName === 'h') return attr(p, TEXT, 'style-name')
  return null
}

/** A table's rows, header rows and row groups included; a repeated row or cell stands as often as it is repeated (up to a bound: office suites repeat empty ones to the sheet's end). */
function tableRows(table: Element): Element[][] {
  const rows: Element[][] = []
  const walk = (el: Element) => {
    for (const e of elements(el)) {
      if (named(e, TABLE, 'table-row')) {
        const cells = elements(e).filter((c) => named(c, TABLE, 'table-cell') || named(c, TABLE, 'covered-table-cell'))
          .flatMap((c) => Array<Element>(Math.min(64, Number(attr(c, TABLE, 'number-columns-repeated') ?? 1))).fill(c))
        const times = Math.min(64, Number(attr(e, TABLE, 'number-rows-repeated') ?? 1))
        for (let i = 0; i < times; i++) rows.push(cells)
      } else if (e.localName === 'table-header-rows' || e.localName === 'table-rows' || e.localName === 'table-row-group') walk(e)
    }
  }
  walk(table)
  return rows
}
