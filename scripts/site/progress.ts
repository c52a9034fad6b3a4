// The build's progress through a long phase (pages rendered, PDFs printed):
// "build: PDFs 12 of 120". On a terminal the line is redrawn in place; piped
// into a file or a log, a line about every tenth of the way is enough (and
// keeps the log short). A phase that shares the terminal with a spinner of
// its own (VitePress's "rendering pages...") asks for lines, never a redraw:
// the spinner would clear a line that has no end.

import type { Writable } from 'node:stream'

/** The counts after which a piped progress prints a line: about every tenth of total, and always total. */
export function progressMarks(total: number, parts = 10): Set<number> {
  const marks = new Set<number>()
  if (total < 1) return marks
  for (let k = 1; k <= parts; k++) marks.add(Math.max(1, Math.round((total * k) / parts)))
  return marks
}

/** "PDFs 12 of 120" */
export function progressText(label: string, done: number, total: number): string {
  return `${label} ${done} of ${total}`
}

export interface ProgressOptions {
  /** Where to write (stdout by default). */
  out?: Writable & { isTTY?: boolean }
  /** Redraw one line on a terminal (true by default); false: lines at the marks even on a terminal. */
  redraw?: boolean
  /** Written before each line, e.g. "build: ". */
  prefix?: string
}

/** A counter for a phase of total steps: call it once a step is done. */
export function progress(label: string, total: number, options: ProgressOptions = {}): () => void {
  const out = options.out ?? process.stdout
  const prefix = options.prefix ?? 'build: '
  const redraw = (options.redraw ?? true) && out.isTTY === true
  const marks = progressMarks(total)
  let done = 0
  return () => {
    done++
    if (done > total) return
    const text = prefix + progressText(label, done, total)
    if (redraw) out.write(`\r\x1b[K${text}${done === total ? '\n' : ''}`)
    else if (marks.has(done)) out.write(`${out.isTTY ? '\r\x1b[K' : ''}${text}\n`)
  }
}

/** A build's time as a person reads it: "8 s", "1 min 42 s", "1 h 3 min". */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`
}

/**
 * What was made and what was kept, in words that are true on a first build too:
 * "all 3 built", "1 of 3 built, 2 unchanged from .cache/site", "none built, all 3 unchanged from .cache/site".
 */
export function madeAndKept(made: number, total: number, verb: string, cache: string): string {
  if (total === 0) return 'none'
  if (made === total) return total === 1 ? `1 ${verb}` : `all ${total} ${verb}`
  if (made === 0) return `none ${verb}, ${total === 1 ? '1' : `all ${total}`} unchanged from ${cache}`
  return `${made} of ${total} ${verb}, ${total - made} unchanged from ${cache}`
}
