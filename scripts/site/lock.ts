// One build at a time per project folder: builds share docs/, .cache/ and
// VitePress's .vitepress/.temp, so two at once publish a site with missing
// pages. The lock is a file holding its holder's pid, start time and command,
// created whole in one step (a link of a finished file, which fails when the
// name exists); a lock whose holder is no longer running is taken over.

import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { isCode } from './durable.ts'
import { ROOT } from '../paths.ts'

/** The build's lock (ignored by git). */

/** Set to "1" in the environment of a build's children: their parent holds the lock. */
export const LOCK_HELD_ENV = 'SITE_BUILD_LOCK_HELD'

export interface LockHolder {
  pid: number
  /** When it took the lock (ISO). */
  started: string
  command: string
  /** The process's start time as the kernel counts it (/proc/PID/stat), where known: tells a reused pid from the holder. */
  since?: string
}

/** The kernel's start time of a process (Linux), or undefined where it cannot be read. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Field 22, counted after the command name, which is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

/** Whether the process that took a lock is still running (not a later process given the same pid). */
export function holderRunning(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0)
  } catch (error) {
    if (!isCode(error, 'EPERM')) return false
  }
  const since = processStart(holder.pid)
  return holder.since === undefined || since === undefined || since === holder.since
}

function parseHolder(text: string): LockHolder | null {
  try {
    const held: unknown = JSON.parse(text)
    if (typeof held === 'object' && held !== null && 'pid' in held && Number.isInteger(held.pid) && 'started' in held && typeof held.started === 'string' &&
      'command' in held && typeof held.command === 'string') {
      return { pid: held.pid as number, started: held.started, command: held.command, ...('since' in held && typeof held.since === 'string' ? { since: held.since } : {}) }
    }
  } catch {
    // Not readable: treated as a lock of nobody (below).
  }
  return null
}

export const describeHolder = (holder: LockHolder) => `pid ${holder.pid}, started ${holder.started}: ${holder.command}`

export type Taken =
  | { taken: true; release: () => void; tookOver: LockHolder | null }
  | { taken: false; holder: LockHolder }

/**
 * Takes the lock at `file` for this process, once: taken (with a release that
 * removes it only while it is still this process's), or the running holder.
 * A lock of a process no longer running, or one not readable as a lock, is
 * taken over (tookOver says whose).
 */
export function tryLock(file: string, command: string): Taken {
  mkdirSync(dirname(file), { recursive: true })
  const me: LockHolder = { pid: process.pid, started: new Date().toISOString(), command, ...(processStart(process.pid) ? { since: processStart(process.pid)! } : {}) }
  const mine = JSON.stringify(me)
  const temp = `${file}.${process.pid}.new`
  writeFileSync(temp, mine)
  let tookOver: LockHolder | null = null
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(temp, file)
        const release = () => {
          if (existsSync(file) && readFileSync(file, 'utf8') === mine) rmSync(file, { force: true })
        }
        return { taken: true, release, tookOver }
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw error
      }
      let seen: string
      try {
        seen = readFileSync(file, 'utf8')
      } catch (error) {
        if (isCode(error, 'ENOENT')) continue
        throw error
      }
      const holder = parseHolder(seen)
      if (holder && holderRunning(holder)) return { taken: false, holder }
      // Stale: moved aside under a name of this process's, and removed only if it is still the stale lock read above
      // (another build may have taken it over in between: then it is put back).
      const aside = `${file}.${process.pid}.stale`
      try {
        renameSync(file, aside)
      } catch (error) {
        if (isCode(error, 'ENOENT')) continue
        throw error
      }
      if (readFileSync(aside, 'utf8') === seen) {
        rmSync(aside, { force: true })
        tookOver = holder ?? { pid: 0, started: 'unknown', command: 'a lock file that could not be read' }
      } else {
        try {
          linkSync(aside, file)
        } catch {
          // Someone took the lock meanwhile: theirs stands; the next attempt reads it.
        }
        rmSync(aside, { force: true })
      }
    }
    throw new Error(`${file}: the lock kept changing hands; try again`)
  } finally {
    rmSync(temp, { force: true })
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Takes the lock, waiting while another build holds it when `wait` is set
 * (`onWait` is told once whom it waits for); without `wait`, the holder.
 */
export async function lock(file: string, command: string, wait: boolean, onWait: (holder: LockHolder) => void, pollMs = 500): Promise<Taken> {
  let told = false
  for (;;) {
    const taken = tryLock(file, command)
    if (taken.taken || !wait) return taken
    if (!told) onWait(taken.holder)
    told = true
    await sleep(pollMs)
  }
}
