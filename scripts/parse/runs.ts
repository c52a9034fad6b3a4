// Tasks the plan writes without markers, each closed by its own note: under a
// heading, one paragraph a task ("加强巡山护林。（责任单位：镇林业站）" then
// "严查野外用火。（责任单位：镇派出所）"), or several in one paragraph
// ("深化专项整治。开展危化品检查（牵头单位：市应急局）。推进燃气整治（牵头单位：市住建局）。").
// The notes are where the tasks end: an item whose own text is a heading and
// then two or more runs of text each ending with a note is a heading over
// those runs, each an unnumbered item under it. Pure: the outline in, the
// outline with those items out; every character stays where it was read.

import { MARKERS, readMarker } from './markers.ts'
import type { Paragraph } from './paragraphs.ts'
import { bracketNotes, findNote, NO_CONTEXT, type NoteContext } from './notes.ts'
import type { OutlineItem } from './outline.ts'
import { isSpace, splitTitle, trimSpaceEnd } from '../text/prose.ts'

/** Characters that may stand between a note and the next task: a full stop, a semicolon ("…（牵头单位：…）；推进…") and white space (kept out of the model as they are out of notes). */
const BETWEEN = (c: string) => c === '。' || c === '．' || c === '；' || c === ';' || isSpace(c)

/** A paragraph that is a note and nothing else ("（责任单位：…）", "责任单位：…"). */
const isNoteParagraph = (text: string, context: NoteContext) => findNote(text, context)?.at === 0

interface Run {
  paragraphs: string[]
  lines: number[]
}

/**
 * The runs of an item's own paragraphs after its heading, each ending with a
 * note; null unless there are two or more and they cover the text to its end.
 * `first` is where the runs start in the first paragraph.
 */
function runsOf(paragraphs: readonly string[], lines: readonly number[], start: { paragraph: number; offset: number }, context: NoteContext): Run[] | null {
  const runs: Run[] = []
  let current: Run = { paragraphs: [], lines: [] }
  for (let p = start.paragraph; p < paragraphs.length; p++) {
    const text = paragraphs[p]!
    let from = p === start.paragraph ? start.offset : 0
    // Notes that end a run inside the paragraph, then the paragraph's own end.
    const ends = bracketNotes(text, context).map((n) => {
      let end = n.end
      while (end < text.length && BETWEEN(text[end]!)) end++
      return end
    }).filter((end) => end > from)
    for (const end of ends) {
      const part = text.slice(from, end)
      if (end === text.length) break
      current.paragraphs.push(part)
      current.lines.push(lines[p]!)
      runs.push(current)
      current = { paragraphs: [], lines: [] }
      from = end
    }
    const rest = text.slice(from)
    if (rest.trim() === '') continue
    current.paragraphs.push(rest)
    current.lines.push(lines[p]!)
    // The paragraph ends a run where it ends with a note, unless the next paragraph is a note too (牵头单位 then 责任单位).
    const closed = ends.at(-1) === text.length || (findNote(rest, context)?.closed ?? false)
    if (closed && !(p + 1 < paragraphs.length && isNoteParagraph(paragraphs[p + 1]!, context))) {
      runs.push(current)
      current = { paragraphs: [], lines: [] }
    }
  }
  if (current.paragraphs.length > 0 || runs.length === 0) return null
  // Each run is a task: words, then its note.
  if (runs.some((r) => isNoteParagraph(r.paragraphs.join('\n'), context) || findNote(r.paragraphs.join('\n'), context) === null)) return null
  return runs
}

/** Where the runs start: after a heading paragraph with no note, or after the first sentence of the first paragraph when it comes before the first note. */
function headingEnd(first: string, context: NoteContext): { paragraph: number; offset: number } | null {
  const notes = bracketNotes(first, context)
  if (notes.length === 0 && findNote(first, context) === null) return { paragraph: 1, offset: 0 }
  const { title, rest } = splitTitle(first)
  if (rest === '' || title.trim() === '') return null
  const offset = first.length - rest.length
  if (notes.length > 0 && notes[0]!.at < offset) return null
  return { paragraph: 0, offset }
}

const DEPTH = MARKERS.length + 1

/**
 * The outline with each item that heads unnumbered noted runs given them as
 * its items. Two runs make a heading over tasks; one run does where a sibling
 * of the same marker is such a heading ("（二）道路交通。整治…（牵头单位：…）"
 * beside "（一）危险化学品。…（…）。…（…）。"): the same parent, the same kind.
 */
export function splitNotedRuns(items: readonly OutlineItem[], context: NoteContext = NO_CONTEXT): void {
  const found = items.map((item) => {
    if (item.children.length > 0) return null
    const start = headingEnd(item.paragraphs[0]!, context)
    return start ? { start, runs: runsOf(item.paragraphs, item.lines, start, context) } : null
  })
  const headingKinds = new Set(items.filter((_, i) => (found[i]?.runs?.length ?? 0) >= 2).map((item) => item.marker.kind))
  items.forEach((item, i) => {
    if (item.children.length > 0) {
      splitNotedRuns(item.children, context)
      return
    }
    const split = found[i]
    if (!split?.runs || (split.runs.length < 2 && !headingKinds.has(item.marker.kind))) return
    const { start, runs } = split
    const heading = item.paragraphs[0]!.slice(0, start.paragraph === 0 ? start.offset : undefined)
    item.paragraphs = [heading]
    item.lines = [item.lines[0]!]
    item.children = runs.map((run, i) => ({
      marker: { kind: 'unnumbered', depth: DEPTH, number: i + 1, text: '', rest: run.paragraphs[0]! },
      line: run.lines[0]!,
      paragraphs: run.paragraphs,
      lines: run.lines,
      children: [],
      parent: item,
    }))
  })
}

/**
 * Numbered items run together in one paragraph, each closed by its note ("2.开展防火宣传。…（乡宣传办负责）；3.加强
 * 扑火队伍建设。…（…负责）"): the paragraph is split where, after a note (and a "；" or "。"), the next item of
 * the same kind begins — the number after the one before. Each part keeps the paragraph's line; every character
 * stays (white space between the parts aside).
 */
export function splitRunTogetherItems(paragraphs: readonly Paragraph[]): Paragraph[] {
  return paragraphs.flatMap((p) => {
    const parts: Paragraph[] = []
    let text = p.text
    let marker = readMarker(text)
    while (marker) {
      const current = marker
      const next = bracketNotes(text).map((n) => {
        let at = n.end
        while (at < text.length && BETWEEN(text[at]!)) at++
        const found = at < text.length ? readMarker(text.slice(at)) : null
        return found && found.kind === current.kind && found.number === current.number + 1 ? { at, found } : null
      }).find((x) => x !== null)
      if (!next) break
      parts.push({ ...p, text: trimSpaceEnd(text.slice(0, next.at)) })
      text = text.slice(next.at)
      marker = next.found
    }
    return parts.length === 0 ? [p] : [...parts, { ...p, text }]
  })
}
