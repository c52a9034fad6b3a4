// Paragraphs → the document's outline, inferred from the markers present
// (一、 （一） 1. （1） ①, whichever occur): one stack-based walk, so a plan
// with a level more or less, or a level skipped, takes the same path.
// Paragraphs without a marker belong to the item above them. Roles (section,
// measure, task) are given later, by what the items carry.
//
// Which kind of marker stands above which is read from the document: a kind
// first written inside an item of another is below it (a plan that puts "1."
// above "（一）" nests its （一） under its 1.). Where the order of first
// appearance says nothing (two kinds never open one inside the other) the
// conventional rank decides (GB/T 9704: 一、 → （一） → 1. → （1） → ①, the
// row of MARKERS). Each placement is checked by named rules (siblings share a
// kind, a sequence continues, gaps are limited); the document's order is taken
// only where the plan writes it more than once and it breaks fewer of them than
// the conventional one, and the first marker the rules cannot place then is a
// located warning.

import type { Problem } from '../model/plan.ts'
import { breaksRule, Levels, type Misplaced } from './levels.ts'
import { MARKERS, readMarker, type Marker, type MarkerKind } from './markers.ts'
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
 * the seed plan), not a tenth section after "二、". A kind not met yet is
 * compared by its conventional rank ("三、" after "（二）" in a plan that has
 * not written "一、").
 */
function misleveled(marker: Marker, stack: OutlineItem[], top: OutlineItem[], levels: Levels): Marker {
  const level = levels.of(marker.kind)
  const own = level < 0 ? undefined : stack.find((s) => levels.of(s.marker.kind) === level)
  const previousOwn = own ? own.marker.number : top.filter((t) => t.marker.kind === marker.kind).at(-1)?.marker.number ?? 0
  if (previousOwn + 1 === marker.number) return marker
  const continued = stack.find((open) => levels.below(open.marker.kind, marker.kind) && open.marker.number + 1 === marker.number)
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

/** The outline as one walk over the paragraphs reads it with these levels; how many placements the rules refuse, and the first. */
function walk(paragraphs: Paragraph[], levels: Levels): { outline: Outline; refusals: number; first: Misplaced | null } {
  const head: Paragraph[] = []
  const top: OutlineItem[] = []
  const stack: OutlineItem[] = []
  let refusals = 0
  let first: Misplaced | null = null
  const lastOfKind = new Map<MarkerKind, number>()
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
    // A marker read as the level it continues is no kind met; any other is (where its kind is new).
    const marker = misleveled(found, stack, top, levels)
    if (marker.kind === found.kind) levels.meet(found.kind, current ?? null)
    const level = levels.of(marker.kind)
    while (stack.length > 0 && levels.of(stack[stack.length - 1]!.marker.kind) >= level) stack.pop()
    const parent = stack[stack.length - 1] ?? null
    const item: OutlineItem = { marker, line: p.line, paragraphs: [marker.rest], lines: [p.line], children: [], parent }
    if (pendingHeading) item.heading = pendingHeading
    pendingHeading = undefined
    const siblings = parent ? parent.children : top
    const refused = breaksRule(item, siblings.at(-1), lastOfKind.get(marker.kind))
    if (refused) {
      refusals++
      first ??= refused
    }
    lastOfKind.set(marker.kind, marker.number)
    siblings.push(item)
    stack.push(item)
  })
  return { outline: { head, items: top }, refusals, first }
}

/**
 * The plan's order is its own only where it writes it more than once: two
 * items or more each hold an item of a kind conventionally above theirs ("1."
 * over "（一）" in each part). Once is a lone item ahead of its level's (an
 * intro "①" above the measures, a "（1）" before the tasks, a "（一）" above
 * "一、"): the convention reads it.
 */
function invertedTwice(items: readonly OutlineItem[]): boolean {
  let holders = 0
  const visit = (item: OutlineItem): boolean => {
    if (item.children.some((c) => rank(c.marker) < rank(item.marker))) holders++
    return holders >= 2 || item.children.some(visit)
  }
  return items.some(visit)
}

/**
 * The outline of the paragraphs, with the levels the document gives its
 * markers by their first appearance. Where those differ from the conventional
 * ones, the walk by convention is read too, and the document's is kept only if
 * it writes its order more than once and breaks fewer rules: a "1." or "（一）"
 * written once above the sections (a preamble's item) does not turn the plan's
 * hierarchy over. The first marker
 * the kept reading by the document's order cannot place goes to `problems`;
 * in a reading by convention the numbering checks report the slips.
 */
export function buildOutline(paragraphs: Paragraph[], problems: Problem[] = []): Outline {
  const levels = new Levels(true)
  const byDocument = walk(paragraphs, levels)
  if (levels.conventional()) return byDocument.outline
  const byConvention = walk(paragraphs, new Levels(false))
  if (!invertedTwice(byDocument.outline.items) || byDocument.refusals >= byConvention.refusals) return byConvention.outline
  if (byDocument.first) problems.push(byDocument.first)
  return byDocument.outline
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
