// File writing that a kill, a power cut or another file system cannot turn
// into a wrong site: a file is written whole under a temporary name, flushed
// to disk, then renamed into place (a reader sees the old file or the new one,
// never half of one); a file moved to another file system is copied; a file
// published from a cache is a copy of its own, so damage to one never reaches
// the other.

import { createHash } from 'node:crypto'
import { closeSync, constants, copyFileSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'

/** sha256 (hex) of a file's bytes or of a buffer: the digest an entry records of each file it holds. */
export const digest = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

export const fileDigest = (file: string) => digest(readFileSync(file))

/**
 * A full disk, for the tests (no unprivileged way to fill a small file system
 * here): SITE_TEST_DISK_FULL set to "write" (writeSynced, writeWhole), "copy"
 * (copyOwn, moveFile's copy) or both, comma-separated, makes those fail as a
 * full disk does (ENOSPC) once they have written to `file`; unset, nothing.
 */
function diskFullFault(operation: 'write' | 'copy', file: string): void {
  const full = process.env.SITE_TEST_DISK_FULL
  if (!full || !full.split(',').includes(operation)) return
  throw Object.assign(new Error(`ENOSPC: no space left on device, ${operation} '${file}'`), { code: 'ENOSPC', errno: -28, syscall: operation, path: file })
}

/** Writes `data` to `file` and flushes it to disk before returning. */
export function writeSynced(file: string, data: string | Buffer): void {
  diskFullFault('write', file)
  const fd = openSync(file, 'w')
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Flushes a folder's list of names, so a rename into it survives a power cut. */
export function syncFolder(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // Some file systems cannot open or flush a folder; the digests checked on use still catch a lost file.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** Writes `file` whole: under a temporary name beside it, flushed, then renamed to its name. */
export function writeWhole(file: string, data: string | Buffer): void {
  const temp = `${file}.${process.pid}.tmp`
  try {
    writeSynced(temp, data)
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
  syncFolder(dirname(file))
}

/** Moves a file; to another file system (where rename fails with EXDEV) by a copy, then the original removed. */
export function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to)
  } catch (error) {
    if (!isCode(error, 'EXDEV')) throw error
    diskFullFault('copy', to)
    copyFileSync(from, to)
    rmSync(from, { force: true })
  }
}

/**
 * Copies a file to be published: storage of its own (a reflink where the file
 * system shares blocks copy-on-write, else a plain copy), never a hard link,
 * which would let a change to the cache change the live site.
 */
export function copyOwn(from: string, to: string): void {
  diskFullFault('copy', to)
  copyFileSync(from, to, constants.COPYFILE_FICLONE)
}

export function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code
}

/** The words for a full disk, wherever the build meets one (children.ts reads them back from a child's output). */
export const DISK_FULL = 'the disk is full (磁盘已满: free some space and build again)'

/**
 * What a failed file operation means for the administrator, in their words,
 * or null when it is none of the failures the build knows (then its own
 * message is shown).
 */
export function failureWords(error: unknown): string | null {
  if (isCode(error, 'ENOSPC') || isCode(error, 'EDQUOT')) return DISK_FULL
  if (isCode(error, 'EROFS')) return 'the file system is read-only'
  if (isCode(error, 'EACCES') || isCode(error, 'EPERM')) return 'a file or folder may not be written by this user (its permissions)'
  if (isCode(error, 'EXDEV')) return 'a file could not be moved to another file system'
  if (isCode(error, 'ENOENT') || isCode(error, 'ENOTEMPTY') || isCode(error, 'EEXIST')) {
    return 'a file of the build changed under it while it ran (something else is writing docs/, .cache/ or the output folder: npm run dev, or a build of another copy of the code)'
  }
  return null
}

/** An error as one line: the failure's words where known, with the file it names. */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error)
  const words = failureWords(error)
  if (!words) return message
  const path = typeof error === 'object' && error !== null && 'path' in error && typeof error.path === 'string' ? ` (${error.path})` : ''
  return `${words}${path}`
}
