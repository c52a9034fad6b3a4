// The levels of the outline: which kind of marker stands above which, and
// the named rules that check each placement of the walk (outline.ts).
//
// A kind first written inside an item of another is below it (a plan that
// puts "1." above "（一）" nests its （一） under its 1.); where the order of
// first appearance says nothing, the conventional rank decides (GB/T 9704:
// 一、 → （一） → 1. → （1） → ①, the rows of MARKERS).

import { MARKERS, writeMarker, type Marker, type MarkerKind } from './markers.ts'

/** An item as the rules see it: its marker and line. */
export interface Placed {
  marker: Marker
  line: number
}

/** The marker kinds of the table, top first: the conventional hierarchy. */
const CONVENTIONAL: readonly MarkerKind[] = MARKERS.map((m) => m.kind)

/**
 * The levels of a walk: marker kinds, top first. Conventional: the table's
 * order from the start. By first appearance: empty at first; a kind seen for
 * the first time goes below the item it is written in, and, among the kinds
 * already known below that item's (which it was never written inside of), at
 * its conventional place.
 */
export class Levels {
  readonly order: MarkerKind[]
  constructor(private readonly learning: boolean) {
    this.order = learning ? [] : [...CONVENTIONAL]
  }

  of(kind: MarkerKind): number {
    return this.order.indexOf(kind)
  }

  /** Learns the level of a kind first written under `open` (the innermost open item; null at the top). */
  meet(kind: MarkerKind, open: Placed | null): void {
    if (!this.learning || this.order.includes(kind)) return
    const below = open ? this.of(open.marker.kind) + 1 : 0
    const conventional = CONVENTIONAL.indexOf(kind)
    const after = this.order.findIndex((k, i) => i >= below && CONVENTIONAL.indexOf(k) > conventional)
    this.order.splice(after < 0 ? this.order.length : after, 0, kind)
  }

  /**
   * Whether an item of kind `open` stands below items of `kind`: by their levels, or, for a kind not met
   * yet, by the conventional rank (what the walk by convention would say of it).
   */
  below(open: MarkerKind, kind: MarkerKind): boolean {
    const level = this.of(kind)
    return level >= 0 ? this.of(open) > level : CONVENTIONAL.indexOf(open) > CONVENTIONAL.indexOf(kind)
  }

  /** Whether the order agrees with the conventional one for the kinds it holds. */
  conventional(): boolean {
    return this.order.every((k, i) => i === 0 || CONVENTIONAL.indexOf(this.order[i - 1]!) < CONVENTIONAL.indexOf(k))
  }
}

/** How far an item's number may run past the one before it: a plan skips an item or two, not more (a slip, warned by the numbering checks). */
export const MAX_GAP = 3

/** A placement the rules refuse: the item, and the message for the administrator. */
export interface Misplaced {
  line: number
  message: string
}

/**
 * Siblings share a kind: the items of one parent are written with one marker
 * ("（一）（二）" under "一、"); an item beside one of another kind stands at a
 * level its marker does not say.
 */
export function sameKindAsSibling(item: Placed, previous: Placed | undefined): Misplaced | null {
  if (!previous || previous.marker.kind === item.marker.kind) return null
  const expected = writeMarker(previous.marker.kind, previous.marker.number + 1)
  return { line: item.line, message: `“${item.marker.text}”与同一层的上一条“${previous.marker.text}”（第${previous.line}行）编号方式不同，无法确定它属于哪一层：此处应为“${expected}”；已按原文保留，请核对层次` }
}

/**
 * A sequence continues: an item's number follows its previous sibling's;
 * the first item under a parent starts at 1 or runs on from the last item of
 * its kind (tasks numbered 1–35 across measures). A number that goes back or
 * repeats starts a sequence the outline did not open.
 */
export function continuesSequence(item: Placed, previous: Placed | undefined, lastOfKind: number | undefined): Misplaced | null {
  const number = item.marker.number
  if (previous) {
    if (number > previous.marker.number) return null
    return { line: item.line, message: `“${item.marker.text}”接在同一层的“${previous.marker.text}”（第${previous.line}行）之后，编号没有接续，无法确定它属于哪一层：此处应为“${writeMarker(item.marker.kind, previous.marker.number + 1)}”；已按原文保留，请核对层次` }
  }
  if (number === 1 || (lastOfKind !== undefined && number > lastOfKind)) return null
  return { line: item.line, message: `“${item.marker.text}”是这一层的第一条，编号却不从1起、也不接续前文，无法确定它属于哪一层：此处应为“${writeMarker(item.marker.kind, 1)}”；已按原文保留，请核对层次` }
}

/**
 * Gaps are limited: a number far past the one before it (its previous
 * sibling's, or for the first item under a parent the last of its kind, or 0)
 * is not the next item of that sequence.
 */
export function limitedGap(item: Placed, previous: Placed | undefined, lastOfKind: number | undefined): Misplaced | null {
  const number = item.marker.number
  const before = previous?.marker.number ?? (number === 1 ? 0 : lastOfKind ?? 0)
  if (number - before <= MAX_GAP) return null
  const after = previous ? `同一层的上一条“${previous.marker.text}”（第${previous.line}行）` : before === 0 ? '这一层的开头' : `前一个同类编号${writeMarker(item.marker.kind, before)}`
  return { line: item.line, message: `“${item.marker.text}”的编号比${after}跳过了${number - before - 1}个，无法确定它属于哪一层：此处应为“${writeMarker(item.marker.kind, before + 1)}”；已按原文保留，请核对层次` }
}


/**
 * The first rule a placement breaks, or null: beside `previous` (the item
 * before it under the same parent, of any kind), after `lastOfKind` (the
 * number of the last item of its kind anywhere before it).
 */
export function breaksRule(item: Placed, previous: Placed | undefined, lastOfKind: number | undefined): Misplaced | null {
  const sibling = previous?.marker.kind === item.marker.kind ? previous : undefined
  return sameKindAsSibling(item, previous) ?? continuesSequence(item, sibling, lastOfKind) ?? limitedGap(item, sibling, lastOfKind)
}
