// Runs a command and measures it from outside: wall time, and the peak
// memory of its whole process tree (Node, VitePress, chromium), sampled from
// /proc. Memory is anonymous resident memory (RssAnon: heaps, not the program
// files' pages), so chromium's processes, which map the same files, do not
// count those pages once each. (PSS would be exact, but reading smaps_rollup
// walks the whole address space: 30 ms for a 3.6 GB VitePress process, every
// sample, which slowed the builds being measured.) Linux only, like the
// machines the site is built on.

import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

export interface Run {
  wallMs: number
  /** Highest sum of the anonymous resident memory of the process and all its descendants, in bytes. */
  peakMemoryBytes: number
}

const SAMPLE_MS = 100

/** Anonymous resident bytes of pid and its descendants now; processes that end while being read count as 0. */
export function treeMemory(root: number): number {
  const children = new Map<number, number[]>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const stat = readOr(`/proc/${name}/stat`)
    // The command name (field 2) is in parentheses and may hold spaces: fields start after the last ')'.
    const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ')
    const parent = Number(fields?.[1])
    if (!Number.isInteger(parent)) continue
    children.set(parent, [...(children.get(parent) ?? []), Number(name)])
  }
  let total = 0
  const stack = [root]
  while (stack.length > 0) {
    const pid = stack.pop()!
    const anonymous = /^RssAnon:\s+(\d+) kB$/m.exec(readOr(`/proc/${pid}/status`) ?? '')
    total += Number(anonymous?.[1] ?? 0) * 1024
    stack.push(...(children.get(pid) ?? []))
  }
  return total
}

function readOr(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/** A run that may have failed: its exit code and the end of its output. */
export interface Outcome extends Run {
  code: number | null
  output: string
}

/** Runs command with args and resolves with its measurements and how it ended. */
export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-20_000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    let peak = 0
    const sample = () => {
      if (child.pid !== undefined) peak = Math.max(peak, treeMemory(child.pid))
    }
    const timer = setInterval(sample, SAMPLE_MS)
    sample()
    child.on('error', (error) => {
      clearInterval(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearInterval(timer)
      resolve({ wallMs: performance.now() - start, peakMemoryBytes: peak, code, output })
    })
  })
}

/**
 * Runs command with args and resolves with its measurements; rejects with the
 * end of its output if it fails (its output is not shown otherwise).
 */
export async function measure(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Run> {
  const outcome = await run(command, args, options)
  if (outcome.code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${outcome.code}:\n${outcome.output}`)
  return { wallMs: outcome.wallMs, peakMemoryBytes: outcome.peakMemoryBytes }
}
