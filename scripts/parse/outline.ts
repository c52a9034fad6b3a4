// Paragraphs → the document's outline, inferred from the markers present
// (一、 → （一） → 1. → （1） → ①, whichever occur): one stack-based walk, so a
// plan with a level more or less, or a level skipped, takes the same path.
// Paragraphs without a marker belong to the item above them. Roles (section,
// measure, task) are given later, by what the items carry.

import { MARKERS, readMarker, type Marker } from './markers.ts'
import type { Paragraph } from './paragraphs.ts'

export interface OutlineItem {
  marker: Marker
  /** Line (or paragraph, or page) of the marker in the source. */
  line: number
  /** The text after the marker, then the unmarked paragraphs under it: "\n"-joined later. */
  paragraphs: string[]
  /** Lines of `paragraphs`, one each. */
  lines: number[]
  children: OutlineItem[]
  parent: OutlineItem | null
  /** An unnumbered sub-heading line standing above the item ("危化品领域" between two tasks), where there is one. */
  heading?: Paragraph
}

/** The rank of a marker kind in the conventional hierarchy: a smaller rank is a higher level. */
export const rank = (m: Marker) => m.depth

export interface Outline {
  /** Paragraphs before the first marker (the document's head). */
  head: Paragraph[]
  /** Top-level items, in document order. */
  items: OutlineItem[]
}

/**
 * A marker of the wrong level that continues the numbering of an open lower
 * level and not its own is read as that level: "十、" right after "（九）" inside
 * the measures is the tenth measure, written with the section's marker (as in
 * the seed plan), not a tenth section after "二、".
 */
function misleveled(marker: Marker, stack: OutlineItem[], top: OutlineItem[]): Marker {
  const own = stack.find((s) => rank(s.marker) === rank(marker))
  const previousOwn = own ? own.marker.number : top.filter((t) => t.marker.kind === marker.kind).at(-1)?.marker.number ?? 0
  if (previousOwn + 1 === marker.number) return marker
  const continued = stack.find((open) => rank(open.marker) > rank(marker) && open.marker.number + 1 === marker.number)
  return continued ? { ...marker, kind: continued.marker.kind, depth: continued.marker.depth } : marker
}

/**
 * "11.121人才梯队项目": a marker glued to the digits of its text ("1.5亿元" is
 * a number, so readMarker refuses it), read as a marker only where it
 * continues the numbering of an open item (item 10 before it).
 */
function gluedMarker(text: string, stack: OutlineItem[]): Marker | null {
  const match = /^(\d{1,3})\.(?=\d)/.exec(text)
  if (!match) return null
  const number = Number(match[1])
  const open = [...stack].reverse().find((s) => s.marker.kind === 'arabic')
  if (!open || open.marker.number + 1 !== number) return null
  return { kind: 'arabic', depth: MARKERS.findIndex((m) => m.kind === 'arabic') + 1, number, text: match[0], rest: text.slice(match[0].length) }
}

/** The text of an item that is complete: it ends with a closing bracket (a responsibility note). */
const COMPLETE = /[）)】\]〕][。．.]?$/
/** A line that can be a sub-heading: short, no sentence in it. */
const HEADING_LINE = /^[^。；;，,：:！？]{2,20}$/

export function buildOutline(paragraphs: Paragraph[]): Outline {
  const head: Paragraph[] = []
  const top: OutlineItem[] = []
  const stack: OutlineItem[] = []
  let pendingHeading: Paragraph | undefined
  paragraphs.forEach((p, i) => {
    const found = readMarker(p.text) ?? gluedMarker(p.text, stack)
    const current = stack[stack.length - 1]
    // An unnumbered line after a complete item and before the next item is a sub-heading over that item.
    if (!found && current && COMPLETE.test(current.paragraphs.at(-1)!) && HEADING_LINE.test(p.text) && readMarker(paragraphs[i + 1]?.text ?? '') !== null) {
      pendingHeading = p
      return
    }
    if (!found) {
      if (current) {
        current.paragraphs.push(p.text)
        current.lines.push(p.line)
      } else {
        head.push(p)
      }
      return
    }
    const marker = misleveled(found, stack, top)
    while (stack.length > 0 && rank(stack[stack.length - 1]!.marker) >= rank(marker)) stack.pop()
    const parent = stack[stack.length - 1] ?? null
    const item: OutlineItem = { marker, line: p.line, paragraphs: [marker.rest], lines: [p.line], children: [], parent }
    if (pendingHeading) item.heading = pendingHeading
    pendingHeading = undefined
    ;(parent ? parent.children : top).push(item)
    stack.push(item)
  })
  return { head, items: top }
}

/** The item's own text: its paragraphs, "\n"-joined (children not included). */
export function ownText(item: OutlineItem): string {
  return item.paragraphs.join('\n')
}

/** The item's whole text as written, its children's markers and text included. */
export function fullText(item: OutlineItem): string {
  return [ownText(item), ...item.children.map((c) => c.marker.text + fullText(c))].join('\n')
}

/** Every item below `item`, in document order. */
export function descendants(item: OutlineItem): OutlineItem[] {
  return item.children.flatMap((c) => [c, ...descendants(c)])
}

/** The items above `item`, nearest first. */
export function ancestors(item: OutlineItem): OutlineItem[] {
  const out: OutlineItem[] = []
  for (let p = item.parent; p; p = p.parent) out.push(p)
  return out
}
