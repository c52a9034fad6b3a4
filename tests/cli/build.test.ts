// npm run build under faults, in a copy of the project of its own (its own
// docs/, .cache/ and lock): two builds launched together, a third that may
// not wait, damaged cache entries, leftovers of a killed build, a swap killed
// halfway, a stale lock, a build stopped by SIGTERM, an output folder on
// another file system. Each site compared byte for byte with a clean build;
// each failure leaves the old site byte for byte as it was.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { digest } from '../../scripts/site/durable.ts'
import { filesBelow } from '../helpers/html.ts'
import { FIXTURES, ROOT } from '../helpers/plans.ts'

const WORK = join(ROOT, 'tests/output/build-faults')
const PROJECT = join(WORK, 'project')
const SEEDS = join(WORK, 'seeds')
const LOCK = join(PROJECT, '.cache/build.lock')
/** On another file system than the project (tmpfs), where a rename from the project fails with EXDEV. */
const OTHER_FS = '/dev/shm'

interface Run {
  status: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** npm run build in the copy of the project, as a process of its own; `onStdout` sees its output as it comes. */
function build(args: string[], onStdout?: (text: string, pid: number) => void): { pid: number; done: Promise<Run> } {
  const child = spawn(process.execPath, [join(PROJECT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/cli/build.ts', '--no-pdf', ...args], {
    cwd: PROJECT,
    env: { ...process.env, PLAN_SEEDS: SEEDS, SITE_BASE: '/' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    onStdout?.(stdout, child.pid!)
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const done = new Promise<Run>((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })))
  return { pid: child.pid!, done }
}

/** Each file below a folder with its digest: what "byte-identical" compares. */
const contents = (dir: string) => Object.fromEntries(filesBelow(dir).map((f) => [f, digest(readFileSync(join(dir, f)))]))

const until = async (ready: () => boolean, what: string, ms = 60_000) => {
  const start = Date.now()
  while (!ready()) {
    if (Date.now() - start > ms) throw new Error(`waited ${ms} ms for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** A pid no process has: a process started and ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' }).pid!

/** The clean build's site, later healed: on another file system, where its parts' pages move to the cache by a copy. */
const CLEAN = join(OTHER_FS, `build-faults-${process.pid}`)
const WAITED = join(WORK, 'waited')
const REFUSED = join(WORK, 'refused')

beforeAll(() => {
  rmSync(WORK, { recursive: true, force: true })
  mkdirSync(PROJECT, { recursive: true })
  for (const item of ['scripts', '.vitepress', 'package.json', 'package-lock.json', 'tsconfig.json']) cpSync(join(ROOT, item), join(PROJECT, item), { recursive: true })
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(PROJECT, 'node_modules'))
  mkdirSync(SEEDS, { recursive: true })
  cpSync(join(FIXTURES, 'plans/canonical/input.txt'), join(SEEDS, 'canonical.txt'))
  // An old site where the refused build would write.
  mkdirSync(join(REFUSED, 'sub'), { recursive: true })
  writeFileSync(join(REFUSED, 'index.html'), '<p>旧站</p>')
  writeFileSync(join(REFUSED, 'sub/page.html'), '<p>旧页</p>')
})

afterAll(() => {
  for (const name of readdirSync(OTHER_FS)) if (name.startsWith(`build-faults-${process.pid}`)) rmSync(join(OTHER_FS, name), { recursive: true, force: true })
})

describe('npm run build', () => {
  it('one build at a time: a second waits (--wait), a third stops naming the holder; the waited site is the clean one', async () => {
    const first = build(['--no-cache', '--outDir', CLEAN])
    await until(() => existsSync(LOCK), 'the first build to take its lock')
    // The process running the build (tsx runs the script in a child of its own).
    const holder = JSON.parse(readFileSync(LOCK, 'utf8')).pid as number
    const waited = build(['--wait', '--outDir', WAITED])
    const refusedBefore = contents(REFUSED)
    const refused = await build(['--outDir', REFUSED]).done
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain(`another build is running in ${PROJECT}/ (pid ${holder}, started `)
    expect(refused.stderr).toContain(`npm run build -- --no-pdf --no-cache --outDir ${CLEAN}`)
    expect(refused.stderr).toContain('--wait')
    expect(refused.stderr).toContain(`the site in ${REFUSED} was left as it was`)
    expect(contents(REFUSED)).toEqual(refusedBefore)
    const [a, b] = await Promise.all([first.done, waited.done])
    expect(a.status, a.stderr).toBe(0)
    expect(b.status, b.stderr).toBe(0)
    expect(b.stdout).toContain(`build: waiting for the build that holds ${LOCK} (pid ${holder}`)
    expect(existsSync(LOCK)).toBe(false)
    const clean = contents(CLEAN)
    expect(Object.keys(clean)).toContain('canonical/index.html')
    expect(contents(WAITED)).toEqual(clean)
    // Published files are copies of their own: a change to the cache cannot reach the live site.
    for (const file of Object.keys(clean)) expect(statSync(join(CLEAN, file)).nlink, file).toBe(1)
  }, 300_000)

  it('a build stopped by SIGTERM leaves the site as it was and releases its lock', async () => {
    const before = contents(CLEAN)
    // A clean build, stopped while its generate child writes docs/ (the lock taken a moment before).
    const run = build(['--no-cache', '--outDir', CLEAN])
    await until(() => existsSync(LOCK), 'the build to take its lock')
    await new Promise((resolve) => setTimeout(resolve, 1500))
    process.kill(run.pid, 'SIGTERM')
    const stopped = await run.done
    expect(stopped.status, stopped.stderr).toBe(143)
    expect(stopped.stderr).toContain(`build: stopped by SIGTERM; the site in ${CLEAN} was left as it was`)
    expect(stopped.stdout).not.toContain('build: VitePress')
    expect(existsSync(LOCK)).toBe(false)
    expect(contents(CLEAN)).toEqual(before)
  }, 60_000)

  it('a full disk (SITE_TEST_DISK_FULL: writes fail with ENOSPC) while generating, and while putting the site together: stopped in words, the old site byte for byte as it was; the next build whole', async () => {
    const before = contents(CLEAN)
    const seed = join(SEEDS, 'canonical.txt')
    const text = readFileSync(seed, 'utf8')
    const full = (where: string, args: string[] = []) => {
      const child = spawnSync(process.execPath, [join(PROJECT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/cli/build.ts', '--no-pdf', '--outDir', CLEAN, ...args], {
        cwd: PROJECT, encoding: 'utf8', env: { ...process.env, PLAN_SEEDS: SEEDS, SITE_BASE: '/', SITE_TEST_DISK_FULL: where },
      })
      expect(child.status, child.stderr).toBe(1)
      expect(child.stderr).not.toMatch(/\n\s+at /)
      expect(contents(CLEAN)).toEqual(before)
      for (const leftover of [`${CLEAN}.old`, `${CLEAN}.next`]) expect(existsSync(leftover), leftover).toBe(false)
      expect(existsSync(LOCK)).toBe(false)
      return child.stderr
    }
    try {
      // The plan changed (a line added at its end): generate writes its search documents, and the disk is full.
      writeFileSync(seed, `${text}\n`)
      const generating = full('write')
      expect(generating).toMatch(/generate: stopped: the disk is full \(磁盘已满: free some space and build again\) \(.+\.json[^)]*\); docs\/ may be incomplete/)
      expect(generating).toContain(`build: stopped: the disk is full (磁盘已满: free some space and build again); the site in ${CLEAN} was left as it was`)
      // The pages from the cache, copied into the new site, and the disk is full.
      writeFileSync(seed, text)
      const assembling = full('copy')
      expect(assembling).toMatch(new RegExp(`build: stopped: the disk is full \\(磁盘已满: free some space and build again\\) \\(${CLEAN}\\.next/.+\\); the site in ${CLEAN} was left as it was`))
    } finally {
      writeFileSync(seed, text)
    }
    const after = await build(['--outDir', CLEAN]).done
    expect(after.status, after.stderr).toBe(0)
    expect(contents(CLEAN)).toEqual(before)
  }, 240_000)

  it('heals damaged cache entries and search documents, leftovers, a swap killed halfway and a stale lock: the site is the clean one', async () => {
    const clean = contents(WAITED)
    const cache = join(PROJECT, '.cache/site')
    const entries = readdirSync(cache).filter((name) => /^[0-9a-f]{64}$/.test(name))
    expect(entries.length).toBeGreaterThan(0)
    // Every entry damaged a different way: a page cut short, a page removed, entry.json cut short.
    const ways = [
      (dir: string) => {
        const page = filesBelow(join(dir, 'files')).find((f) => f.endsWith('.html'))!
        writeFileSync(join(dir, 'files', page), readFileSync(join(dir, 'files', page)).subarray(0, 50))
      },
      (dir: string) => writeFileSync(join(dir, 'entry.json'), '{"group": "canon'),
    ]
    entries.forEach((name, i) => ways[i % ways.length]!(join(cache, name)))
    // A plan's search documents cut short (its stamp records their digest).
    const search = join(PROJECT, '.cache/search')
    for (const name of readdirSync(search)) writeFileSync(join(search, name), '[{"id": "canonical/ind')
    // What a build killed at its end leaves: parts and the next site beside the site, and the site itself set aside
    // between the two renames of the swap.
    mkdirSync(`${CLEAN}.next.part-0/assets`, { recursive: true })
    writeFileSync(`${CLEAN}.next.part-0/assets/junk.js`, 'junk')
    mkdirSync(`${CLEAN}.next`, { recursive: true })
    renameSync(CLEAN, `${CLEAN}.old`)
    // In the default output folder too, where the code's key is computed: leftovers there are not code.
    mkdirSync(join(PROJECT, '.vitepress/dist.next.part-3'), { recursive: true })
    writeFileSync(join(PROJECT, '.vitepress/dist.next.part-3/x.js'), 'x')
    // The lock of a build that was killed.
    const dead = deadPid()
    writeFileSync(LOCK, JSON.stringify({ pid: dead, started: '2026-01-01T00:00:00.000Z', command: 'npm run build' }))
    const run = await build(['--outDir', CLEAN]).done
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr).toContain(`build: took over the lock of a build that is no longer running (pid ${dead}, started 2026-01-01T00:00:00.000Z: npm run build)`)
    expect(run.stderr).toContain(`build: ${CLEAN} was missing and ${CLEAN.split('/').at(-1)}.old held the site before it`)
    expect(run.stderr).toMatch(/generate: docs\/canonical: its search documents \(.cache\/search\/[0-9a-f]{64}\.json\) is not as it was generated; generated again/)
    expect(run.stderr).toMatch(/build: \.cache\/site\/[0-9a-f]{64} \(the shared pages\) was damaged \(.+\): built again/)
    expect(run.stderr).toMatch(/build: \.cache\/site\/[0-9a-f]{64} \(the pages of plan canonical\) was damaged \(.+\): built again/)
    expect(run.stderr).not.toMatch(/\n\s+at |Unterminated string/)
    expect(run.stdout).toContain('(groups of pages: all 2 built)')
    expect(contents(CLEAN)).toEqual(clean)
    for (const leftover of [`${CLEAN}.old`, `${CLEAN}.next`, `${CLEAN}.next.part-0`]) expect(existsSync(leftover), leftover).toBe(false)
    expect(existsSync(LOCK)).toBe(false)
  }, 240_000)
})
