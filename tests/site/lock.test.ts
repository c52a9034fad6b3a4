// The build's lock: one holder at a time, a stale lock taken over, a wait that ends when the holder does.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { holderRunning, lock, tryLock } from '../../scripts/site/lock.ts'

const fresh = () => join(mkdtempSync(join(tmpdir(), 'lock-')), 'build.lock')
const deadPid = () => spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' }).pid!

describe('tryLock', () => {
  it('takes a free lock, writing who holds it, and releases it', () => {
    const file = fresh()
    const taken = tryLock(file, 'npm run build')
    expect(taken).toMatchObject({ taken: true, tookOver: null })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, command: 'npm run build', started: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })
    if (taken.taken) taken.release()
    expect(existsSync(file)).toBe(false)
  })

  it('refuses a lock held by a running process, naming it', () => {
    const file = fresh()
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { stdio: 'ignore' })
    try {
      writeFileSync(file, JSON.stringify({ pid: holder.pid, started: '2026-12-01T10:00:00.000Z', command: 'npm run build -- --no-pdf' }))
      expect(tryLock(file, 'npm run build')).toEqual({ taken: false, holder: { pid: holder.pid, started: '2026-12-01T10:00:00.000Z', command: 'npm run build -- --no-pdf' } })
      expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(holder.pid)
    } finally {
      holder.kill()
    }
  })

  it('takes over the lock of a process no longer running, saying whose', () => {
    const file = fresh()
    const dead = deadPid()
    writeFileSync(file, JSON.stringify({ pid: dead, started: '2026-12-01T10:00:00.000Z', command: 'npm run build' }))
    const taken = tryLock(file, 'npm run build -- --wait')
    expect(taken).toMatchObject({ taken: true, tookOver: { pid: dead, started: '2026-12-01T10:00:00.000Z', command: 'npm run build' } })
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid)
  })

  it('takes over a lock that is not readable as one (cut short)', () => {
    const file = fresh()
    writeFileSync(file, '{"pid": 12')
    expect(tryLock(file, 'npm run build')).toMatchObject({ taken: true, tookOver: { command: 'a lock file that could not be read' } })
  })

  it('tells a pid given to a later process from the holder (its start time)', () => {
    expect(holderRunning({ pid: process.pid, started: '', command: '' })).toBe(true)
    expect(holderRunning({ pid: process.pid, started: '', command: '', since: '1' })).toBe(false)
    expect(holderRunning({ pid: deadPid(), started: '', command: '' })).toBe(false)
  })

  it('releases only its own lock', () => {
    const file = fresh()
    const taken = tryLock(file, 'a')
    writeFileSync(file, JSON.stringify({ pid: 1, started: 'x', command: 'another' }))
    if (taken.taken) taken.release()
    expect(existsSync(file)).toBe(true)
  })
})

describe('lock', () => {
  it('with wait: says whom it waits for, and takes the lock once the holder has ended', async () => {
    const file = fresh()
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600)'], { stdio: 'ignore' })
    writeFileSync(file, JSON.stringify({ pid: holder.pid, started: 'then', command: 'npm run build' }))
    const waited: number[] = []
    const taken = await lock(file, 'npm run build -- --wait', true, (h) => waited.push(h.pid), 50)
    expect(waited).toEqual([holder.pid])
    expect(taken).toMatchObject({ taken: true, tookOver: { pid: holder.pid } })
  })

  it('without wait: the holder, at once', async () => {
    const file = fresh()
    writeFileSync(file, JSON.stringify({ pid: process.pid, started: 'now', command: 'npm run build' }))
    expect(await lock(file, 'b', false, () => { throw new Error('no wait') })).toMatchObject({ taken: false, holder: { pid: process.pid } })
  })
})
