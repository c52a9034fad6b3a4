// The plan as offered for download: a Word file carries what its author
// removed or hid (tracked deletions, the names of reviewers, comments, hidden
// text, who wrote and last saved it), which the reader of the site must not
// get. The copy published is the document as it reads: tracked changes
// accepted (deletions removed, insertions kept), comments and hidden text
// removed, personal document properties blanked; with a list of what was
// found. A file in which nothing was found is published as received. A .doc
// or a PDF cannot be cleaned safely (its text and its record are interleaved
// in a binary layout): what it holds of its author's record is listed, and
// the file is published as received or, by the administrator's choice
// (WITHHOLD_ORIGINALS=1), not at all.

import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom'
import JSZip from 'jszip'
import { extname } from 'node:path'
import { readDocRecord } from '../parse/doc.ts'
import { readPart } from '../parse/docx.ts'
import { LIMITS } from '../parse/limits.ts'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

export interface PublishedOriginal {
  /** The file to publish (unless withheld). */
  data: Buffer
  /** Not to be published: a .doc or PDF that holds its author's record, withheld by the administrator's choice. */
  withheld: boolean
  /** What was removed from the copy, for the administrator ("2 tracked deletions", …); [] when published as received. */
  removed: string[]
  /**
   * What a .doc or PDF holds of its author's record, which cannot be removed safely from those formats ("the
   * document's author", "3 runs of tracked changes", "2 annotations"): published as received with it, or withheld.
   */
  found: string[]
}

/** Whether a .doc or PDF that holds its author's record is published (as received) or withheld: the administrator's choice. */
export type RecordPolicy = 'publish' | 'withhold'

/** The parts of a .docx whose text a reader sees: the body, headers and footers, foot- and endnotes. */
const TEXT_PART = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/
/** Comments live in parts of their own; people.xml lists the reviewers' names. */
const COMMENT_PART = /^word\/(comments|commentsExtended|commentsIds|commentsExtensible|people)\.xml$/

/** Removed with what they hold: text deleted or moved away in review. */
const DROPPED = new Set(['del', 'moveFrom'])
/** Unwrapped (their content kept): text inserted or moved here in review. */
const ACCEPTED = new Set(['ins', 'moveTo'])
/** Markers with no text of their own: the record of a change (old formatting, author, date), comment anchors. */
const MARKERS = new Set(['moveFromRangeStart', 'moveFromRangeEnd', 'moveToRangeStart', 'moveToRangeEnd', 'rPrChange', 'pPrChange', 'sectPrChange',
  'tblPrChange', 'tblPrExChange', 'trPrChange', 'tcPrChange', 'tblGridChange', 'numberingChange', 'commentRangeStart', 'commentRangeEnd', 'commentReference'])

/**
 * Author names that say nothing of a person: left as they are (they are no
 * disclosure, and blanking them would make every such file "cleaned"): the
 * defaults of the programs that write .docx files.
 */
const PLACEHOLDER_NAMES = new Set(['', 'Un-named', 'Unknown', 'Administrator', 'Author', 'User'])

const elements = (parent: Document | Element): Element[] => Array.from(parent.getElementsByTagNameNS(W, '*'))

/** Whether a w:vanish (or w:del, w:ins in a paragraph mark's properties) is on: no w:val, or one that is not false. */
const isOn = (el: Element) => !['0', 'false', 'off'].includes(el.getAttributeNS(W, 'val') ?? '')

interface Counts {
  deletions: number
  insertions: number
  moves: number
  formatChanges: number
  comments: number
  hidden: number
}

/** Whether an element is still in its document (not inside something removed before it). */
function attached(doc: Document, el: Element): boolean {
  let node: Node = el as unknown as Node
  while (node.parentNode) node = node.parentNode as unknown as Node
  return node === (doc as unknown as Node)
}

/** Cleans one text part in place, counting what it removed. */
function cleanPart(doc: Document, counts: Counts): void {
  for (const el of elements(doc)) {
    if (!el.parentNode || !attached(doc, el)) continue
    const name = el.localName ?? ''
    if (DROPPED.has(name) && el.parentNode && (el.parentNode as Element).localName !== 'rPr') {
      if (name === 'del') counts.deletions++
      else counts.moves++
      el.parentNode.removeChild(el)
    } else if (ACCEPTED.has(name) && (el.parentNode as Element).localName !== 'rPr') {
      if (name === 'ins') counts.insertions++
      const parent = el.parentNode
      while (el.firstChild) parent.insertBefore(el.firstChild, el)
      parent.removeChild(el)
    } else if (MARKERS.has(name)) {
      if (name === 'commentReference') counts.comments++
      else if (name.endsWith('Change')) counts.formatChanges++
      el.parentNode.removeChild(el)
    }
  }
  // A paragraph mark's own revision marks (w:rPr/w:ins, w:rPr/w:del): the record of who split or joined paragraphs.
  // Removed; a deleted mark keeps its paragraphs apart (joining them is Word's to do, the text is the same).
  for (const el of elements(doc)) {
    if ((el.localName === 'ins' || el.localName === 'del') && (el.parentNode as Element | null)?.localName === 'rPr') {
      if (el.localName === 'del') counts.deletions++
      else counts.insertions++
      el.parentNode!.removeChild(el)
    }
  }
  // Hidden text: a run whose properties hide it is removed; a hidden paragraph mark is shown.
  for (const el of elements(doc)) {
    if (el.localName !== 'vanish' || !el.parentNode || !isOn(el) || !attached(doc, el)) continue
    const rPr = el.parentNode as Element
    const run = rPr.parentNode as Element | null
    if (run?.localName === 'r') {
      if ((run.textContent ?? '') !== '') counts.hidden++
      run.parentNode?.removeChild(run)
    } else rPr.removeChild(el)
  }
}

/** Blanks the named properties whose value names a person; returns the labels of those blanked. */
function blankProperties(doc: Document, names: Record<string, string>, keep: ReadonlySet<string>): string[] {
  const blanked: string[] = []
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    const label = names[el.localName ?? '']
    const value = (el.textContent ?? '').trim()
    if (!label || keep.has(value)) continue
    while (el.firstChild) el.removeChild(el.firstChild)
    blanked.push(label)
  }
  return blanked
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/**
 * The copy of a plan's file to publish: for a .docx, cleaned (above) when it
 * holds anything to clean; any other file as received. `issuer`: the plan's
 * issuer, which as a document's author names no person.
 */
export async function publishedOriginal(source: string, bytes: Buffer, issuer: string, policy: RecordPolicy = 'publish'): Promise<PublishedOriginal> {
  const ext = extname(source).toLowerCase()
  if (ext === '.doc' || ext === '.pdf') {
    const found = ext === '.doc' ? await docRecord(bytes, issuer) : await pdfRecord(bytes, issuer)
    return { data: bytes, withheld: found.length > 0 && policy === 'withhold', removed: [], found }
  }
  if (ext !== '.docx') return { data: bytes, withheld: false, removed: [], found: [] }
  const zip = await JSZip.loadAsync(bytes)
  const counts: Counts = { deletions: 0, insertions: 0, moves: 0, formatChanges: 0, comments: 0, hidden: 0 }
  const rewritten = new Map<string, string>()
  const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml')
  const serialize = (doc: Document) => new XMLSerializer().serializeToString(doc)
  for (const name of Object.keys(zip.files).sort()) {
    if (!TEXT_PART.test(name)) continue
    const xml = (await readPart(zip, name))!
    const before = { ...counts }
    const doc = parse(xml)
    cleanPart(doc, counts)
    if (JSON.stringify(before) !== JSON.stringify(counts)) rewritten.set(name, serialize(doc))
  }
  const commentParts = Object.keys(zip.files).filter((name) => COMMENT_PART.test(name))
  const keep = new Set([...PLACEHOLDER_NAMES, issuer])
  const properties: string[] = []
  for (const [part, names] of [
    ['docProps/core.xml', { creator: 'author', lastModifiedBy: 'last saved by' }],
    ['docProps/app.xml', { Company: 'company', Manager: 'manager' }],
  ] as const) {
    const xml = await readPart(zip, part)
    if (!xml) continue
    const doc = parse(xml)
    const blanked = blankProperties(doc, names, keep)
    if (blanked.length > 0) {
      properties.push(...blanked)
      rewritten.set(part, serialize(doc))
    }
  }
  const removed = [
    counts.deletions && plural(counts.deletions, 'tracked deletion', 'tracked deletions'),
    counts.insertions && `${plural(counts.insertions, 'tracked insertion', 'tracked insertions')} (accepted)`,
    counts.moves && `${plural(counts.moves, 'tracked move', 'tracked moves')} (accepted)`,
    counts.formatChanges && plural(counts.formatChanges, 'tracked format change', 'tracked format changes'),
    (counts.comments || commentParts.some((p) => p.endsWith('comments.xml'))) && plural(Math.max(counts.comments, 1), 'comment', 'comments'),
    counts.hidden && plural(counts.hidden, 'run of hidden text', 'runs of hidden text'),
    commentParts.some((p) => p.endsWith('people.xml')) && 'the list of reviewers (people.xml)',
    properties.length > 0 && `the document's ${properties.join(', ')}`,
  ].filter((item): item is string => typeof item === 'string' && item !== '')
  if (removed.length === 0) return { data: bytes, withheld: false, removed, found: [] }
  // Written with each part's own date: the same file gives the same copy, build after build.
  for (const [name, xml] of rewritten) zip.file(name, xml, { date: zip.files[name]!.date })
  for (const name of commentParts) zip.remove(name)
  if (commentParts.length > 0) {
    const removedTargets = new Set(commentParts.map((p) => p.slice('word/'.length)))
    const rels = 'word/_rels/document.xml.rels'
    const relsXml = await readPart(zip, rels)
    if (relsXml) {
      const doc = parse(relsXml)
      for (const rel of Array.from(doc.getElementsByTagName('Relationship'))) if (removedTargets.has(rel.getAttribute('Target') ?? '')) rel.parentNode!.removeChild(rel)
      zip.file(rels, serialize(doc), { date: zip.files[rels]!.date })
    }
    const typesXml = await readPart(zip, '[Content_Types].xml')
    if (typesXml) {
      const doc = parse(typesXml)
      for (const o of Array.from(doc.getElementsByTagName('Override'))) if (commentParts.includes((o.getAttribute('PartName') ?? '').slice(1))) o.parentNode!.removeChild(o)
      zip.file('[Content_Types].xml', serialize(doc), { date: zip.files['[Content_Types].xml']!.date })
    }
  }
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } })
  return { data, withheld: false, removed, found: [] }
}

/**
 * A .doc's record (scripts/parse/doc.ts readDocRecord): its properties naming a person, its revision marks, comments
 * and hidden text. Removing them means rewriting the file's piece table and property sets, which is not done: the
 * list says what the copy would carry.
 */
async function docRecord(bytes: Buffer, issuer: string): Promise<string[]> {
  const record = await readDocRecord(bytes, new Set([...PLACEHOLDER_NAMES, issuer]))
  return [
    record.properties.length > 0 && `the document's ${record.properties.join(', ')}`,
    record.revisions && plural(record.revisions, 'run of tracked changes (revision marks)', 'runs of tracked changes (revision marks)'),
    record.comments && plural(record.comments, 'comment', 'comments'),
    record.hidden && plural(record.hidden, 'run of hidden text', 'runs of hidden text'),
  ].filter((item): item is string => typeof item === 'string' && item !== '')
}

/** A PDF's record: its Info dictionary's /Author and its XMP dc:creator (a person's name, not the issuer's or a program's default), annotations. */
async function pdfRecord(bytes: Buffer, issuer: string): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise
  try {
    const { info, metadata } = await pdf.getMetadata()
    const person = (name: string) => name !== '' && !PLACEHOLDER_NAMES.has(name) && name !== issuer
    const author = typeof info === 'object' && info !== null && 'Author' in info && typeof info.Author === 'string' ? info.Author.trim() : ''
    // XMP metadata (a PDF/A carries it always: its program and dates, no finding) that names a person: dc:creator.
    const creators = metadata?.get('dc:creator') as unknown
    const xmpNames = (Array.isArray(creators) ? creators : typeof creators === 'string' ? [creators] : []).map((c) => String(c).trim()).filter(person)
    let annotations = 0
    // Within the reader's page limit (parse/limits.ts): the file was read before it is published.
    for (let page = 1; page <= Math.min(pdf.numPages, LIMITS.pdfPages); page++) annotations += (await (await pdf.getPage(page)).getAnnotations()).filter((a: { subtype?: string }) => a.subtype !== 'Link').length
    return [
      person(author) && "the document's author (/Author)",
      xmpNames.length > 0 && 'XMP metadata naming its author (dc:creator)',
      annotations && plural(annotations, 'annotation (a comment or mark on a page)', 'annotations (comments or marks on its pages)'),
    ].filter((item): item is string => typeof item === 'string' && item !== '')
  } finally {
    await pdf.destroy()
  }
}
