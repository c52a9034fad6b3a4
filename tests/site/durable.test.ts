// Writing that a kill or another file system cannot turn into a wrong site, and failures in words.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyOwn, errorLine, moveFile, writeWhole } from '../../scripts/site/durable.ts'

const dir = mkdtempSync(join(tmpdir(), 'durable-'))

describe('files', () => {
  it('writeWhole leaves the file and no temporary beside it', () => {
    writeWhole(join(dir, 'a.json'), '{"a":1}')
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{"a":1}')
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('copyOwn publishes a copy of its own: a change to the cache does not reach it', () => {
    writeFileSync(join(dir, 'cached.html'), '<p>页</p>')
    copyOwn(join(dir, 'cached.html'), join(dir, 'published.html'))
    expect(statSync(join(dir, 'published.html')).nlink).toBe(1)
    writeFileSync(join(dir, 'cached.html'), 'damaged')
    expect(readFileSync(join(dir, 'published.html'), 'utf8')).toBe('<p>页</p>')
  })

  it('moveFile moves to another file system (tmpfs: rename fails with EXDEV) by a copy', () => {
    const other = mkdtempSync('/dev/shm/durable-')
    try {
      writeFileSync(join(dir, 'page.js'), 'chunk')
      moveFile(join(dir, 'page.js'), join(other, 'page.js'))
      expect(readFileSync(join(other, 'page.js'), 'utf8')).toBe('chunk')
      expect(existsSync(join(dir, 'page.js'))).toBe(false)
    } finally {
      rmSync(other, { recursive: true, force: true })
    }
  })
})

describe('errorLine', () => {
  const failure = (code: string) => Object.assign(new Error(`${code}: something, write`), { code, path: '/site/.cache/site/x' })
  it.each([
    ['ENOSPC', 'the disk is full (磁盘已满: free some space and build again) (/site/.cache/site/x)'],
    ['EXDEV', 'a file could not be moved to another file system (/site/.cache/site/x)'],
    ['ENOENT', expect.stringContaining('a file of the build changed under it while it ran (something else is writing')],
  ])('%s in words', (code, words) => {
    expect(errorLine(failure(code))).toEqual(words)
  })
  it('any other error: its first line', () => {
    expect(errorLine(new Error('x.json: not a cache entry\n    at f (y.ts:1)'))).toBe('x.json: not a cache entry')
  })
})
