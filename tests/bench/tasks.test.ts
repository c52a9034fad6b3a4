// The one-plan table (npm run bench -- --tasks): each figure per task and its
// ratio to the smallest size, on results made up for the purpose: linear
// output reads 1×, output growing with the square of the tasks 10× at ten
// times the tasks.
import { describe, expect, it } from 'vitest'
import { tasksMarkdown, type TaskScaling, type TasksResult } from '../../scripts/bench/tasks.ts'

const machine = { cpus: 2, cpuModel: 'Test CPU', memoryBytes: 8 * 2 ** 30, os: 'Linux 6', node: 'v20.0.0', chromium: 'not used' }

function size(tasks: number, bytesPerTask: (n: number) => number, site = false): TaskScaling {
  return {
    tasks,
    pages: tasks + 50,
    outputBytes: tasks * bytesPerTask(tasks),
    markdownBytes: tasks * bytesPerTask(tasks) * 0.75,
    generate: { wallMs: 1000 + tasks * 10, peakMemoryBytes: 200e6 + tasks * 1e5, parseMs: tasks * 0.3, generateMs: tasks * 10 },
    ...(site ? { site: { wallMs: tasks * 40, peakMemoryBytes: 1e9, bytes: tasks * 3e4, vitepressMs: tasks * 30 } } : {}),
  }
}

const result = (sizes: TaskScaling[]): TasksResult => ({ date: '2026-12-01', machine, command: 'npm run bench -- --tasks 1000,2000,10000', sizes })
const cells = (lines: string[], label: string) => lines.find((l) => l.startsWith(`| ${label} |`))?.split(' | ').slice(1).map((c) => c.replace(/ \|$/, ''))

describe('the one-plan table', () => {
  it('linear output: 1× per task at every size', () => {
    const lines = tasksMarkdown(result([size(10_000, () => 1e4), size(1000, () => 1e4), size(2000, () => 1e4)]))
    expect(lines[0]).toBe('Run 2026-12-01 on 2 × Test CPU, 8 GiB, Linux 6, Node v20.0.0: `npm run bench -- --tasks 1000,2000,10000`.')
    expect(lines[2]).toBe('| figure | 1,000 tasks | × per task | 2,000 tasks | × per task | 10,000 tasks | × per task |')
    expect(cells(lines, 'output of generate (docs/ and its public/)')).toEqual(['10.0 MB (10.0 kB a task)', '1.00×', '20.0 MB (10.0 kB a task)', '1.00×', '100.0 MB (10.0 kB a task)', '1.00×'])
    expect(cells(lines, '  generate (model → docs/)')).toEqual(['10.0 s (10 ms a task)', '1.00×', '20.0 s (10 ms a task)', '1.00×', '100.0 s (10 ms a task)', '1.00×'])
    // Memory is no per-task figure: its ratio is of the whole.
    expect(cells(lines, '  peak memory (process tree, RssAnon)')).toEqual(['300.0 MB', '1.00×', '400.0 MB', '1.33×', '1200.0 MB', '4.00×'])
    // Without --site, no site rows.
    expect(lines.some((l) => l.includes('site build'))).toBe(false)
  })

  it('output growing with the square of the tasks: its bytes per task grow with the tasks', () => {
    const lines = tasksMarkdown(result([1000, 2000, 10_000].map((n) => size(n, (t) => 10 * t))))
    expect(cells(lines, 'output of generate (docs/ and its public/)')?.filter((c) => c.endsWith('×'))).toEqual(['1.00×', '2.00×', '10.00×'])
  })

  it('with --site, the site\'s rows', () => {
    const lines = tasksMarkdown(result([size(1000, () => 1e4, true), size(2000, () => 1e4, true)]))
    expect(cells(lines, 'site build (npm run build -- --no-pdf --no-cache)')).toEqual(['40.0 s (40 ms a task)', '1.00×', '80.0 s (40 ms a task)', '1.00×'])
    expect(cells(lines, '  built site')).toEqual(['30.0 MB (30.0 kB a task)', '1.00×', '60.0 MB (30.0 kB a task)', '1.00×'])
  })
})
