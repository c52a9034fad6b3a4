// The build's child processes (generate, each VitePress part): run with a
// heap limit that reaches the process doing the work, their messages passed
// on as they come and the last of them kept (to say why one failed), and
// stopped with the build when it is interrupted.

import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { ROOT } from '../paths.ts'

export const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs')

/**
 * The environment of a child with a heap limit of `heapMb`. In NODE_OPTIONS,
 * not on the command line: tsx starts the script in a process of its own,
 * which a flag given to the first process never reaches (it then ran with
 * V8's default, 4 GB on this machine); NODE_OPTIONS every Node process of the
 * child reads. A limit already in NODE_OPTIONS is replaced.
 */
export function heapEnv(heapMb: number, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const others = (env.NODE_OPTIONS ?? '').split(/\s+/).filter((o) => o && !o.startsWith('--max-old-space-size'))
  return { ...env, NODE_OPTIONS: [...others, `--max-old-space-size=${heapMb}`].join(' ') }
}

/** A TypeScript script of the project run by tsx, with its arguments. */
export const tsxArgs = (script: string, args: readonly string[] = []) => [TSX, join(ROOT, script), ...args]

export interface Finished {
  /** The exit code, or null when a signal ended it. */
  status: number | null
  signal: NodeJS.Signals | null
  /** The end of what it wrote to stderr (also passed on to the build's stderr as it came). */
  stderrTail: string
}

const TAIL = 16 * 1024

/** The children running now: stopped when the build is (stopChildren). */
const running = new Set<ChildProcess>()

/** Runs `node args` in the project folder; its stdout is passed on when `stdout` is set, its stderr always. */
export function runNode(args: readonly string[], options: { env?: NodeJS.ProcessEnv; stdout?: boolean } = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: options.env ?? process.env, stdio: ['ignore', options.stdout ? 'inherit' : 'ignore', 'pipe'] })
    running.add(child)
    let tail = ''
    child.stderr!.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk)
      tail = (tail + chunk.toString('utf8')).slice(-TAIL)
    })
    child.on('error', (error) => {
      running.delete(child)
      reject(error)
    })
    child.on('close', (status, signal) => {
      running.delete(child)
      resolve({ status, signal, stderrTail: tail })
    })
  })
}

/** Sends `signal` to every child running (the build was interrupted: its children stop with it). */
export function stopChildren(signal: NodeJS.Signals): void {
  for (const child of running) child.kill(signal)
}

/** Why a child failed, in words for the administrator, from what it wrote last. */
export function failureCause(stderr: string): 'disk' | 'memory' | null {
  if (/ENOSPC|no space left on device|the disk is full/i.test(stderr)) return 'disk'
  if (/heap out of memory|Allocation failed|ERR_WORKER_OUT_OF_MEMORY|Reached heap limit/i.test(stderr)) return 'memory'
  return null
}
