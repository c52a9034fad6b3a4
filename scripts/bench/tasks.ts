// The bench's one-plan sizes (npm run bench -- --tasks 1000,2000,10000): what
// the site's output and its time come to per task as one plan grows. Output
// that grows with the square of the tasks (every task page listing every task
// of its units: 190 MB of Markdown at 1,000 tasks, out of memory at 4,000)
// shows here as bytes per task rising with the size; linear output keeps them
// level. The arithmetic and the table; the runs are in scripts/cli/bench.ts.

import type { Machine } from './report.ts'
import type { Run } from './measure.ts'

export interface TaskScaling {
  tasks: number
  /** Pages generated (Markdown files in docs/). */
  pages: number
  /** What generate wrote: docs/ with its public/ (downloads, search index), in bytes. */
  outputBytes: number
  /** Of which Markdown pages. */
  markdownBytes: number
  /** npm run generate from outside (parse, pages, downloads, search index), and its stages from inside. */
  generate: Run & { parseMs: number; generateMs: number }
  /** With --site: npm run build -- --no-pdf --no-cache, and the built site's bytes. */
  site?: Run & { bytes: number; vitepressMs: number }
}

export interface TasksResult {
  date: string
  machine: Machine
  command: string
  sizes: TaskScaling[]
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`
const perTask = (value: number, s: TaskScaling) => value / s.tasks

/**
 * Each figure per task at each size, and its ratio to the same figure at the
 * smallest size: near 1× is linear; a square law doubles it with each doubling
 * of the tasks (10× at ten times the tasks).
 */
export function tasksMarkdown(result: TasksResult): string[] {
  const sizes = [...result.sizes].sort((a, b) => a.tasks - b.tasks)
  const first = sizes[0]!
  const head = ['figure', ...sizes.flatMap((s) => [`${s.tasks.toLocaleString('en-US')} tasks`, '× per task'])]
  const lines = [`Run ${result.date} on ${machineText(result.machine)}: \`${result.command}\`.`, '', row(head), row(head.map(() => '---'))]
  const add = (label: string, value: (s: TaskScaling) => number | undefined, format: (v: number) => string, per = true) => {
    if (sizes.some((s) => value(s) === undefined)) return
    const base = per ? perTask(value(first)!, first) : value(first)!
    lines.push(row([label, ...sizes.flatMap((s) => {
      const v = value(s)!
      const mine = per ? perTask(v, s) : v
      return [format(v) + (per ? ` (${format(mine)} a task)` : ''), `${(mine / base).toFixed(2)}×`]
    })]))
  }
  add('pages generated', (s) => s.pages, (v) => v.toLocaleString('en-US'))
  add('output of generate (docs/ and its public/)', (s) => s.outputBytes, bytes)
  add('  of which Markdown pages', (s) => s.markdownBytes, bytes)
  add('generate, whole command', (s) => s.generate.wallMs, ms)
  add('  parse (file → model)', (s) => s.generate.parseMs, ms)
  add('  generate (model → docs/)', (s) => s.generate.generateMs, ms)
  add('  peak memory (process tree, RssAnon)', (s) => s.generate.peakMemoryBytes, bytes, false)
  add('site build (npm run build -- --no-pdf --no-cache)', (s) => s.site?.wallMs, ms)
  add('  VitePress', (s) => s.site?.vitepressMs, ms)
  add('  built site', (s) => s.site?.bytes, bytes)
  add('  peak memory', (s) => s.site?.peakMemoryBytes, bytes, false)
  return lines
}

function machineText(m: Machine): string {
  return `${m.cpus} × ${m.cpuModel}, ${(m.memoryBytes / 2 ** 30).toFixed(0)} GiB, ${m.os}, Node ${m.node}`
}

function bytes(v: number): string {
  if (v >= 1e6) return `${(v / 1e6).toFixed(1)} MB`
  if (v >= 1e3) return `${(v / 1e3).toFixed(1)} kB`
  return `${Math.round(v)} B`
}

function ms(v: number): string {
  return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 10 ? `${Math.round(v)} ms` : `${v.toFixed(2)} ms`
}
