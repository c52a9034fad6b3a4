// Sizes of a built site, for the benchmark.

import { readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { filesBelow } from '../site/site-cache.ts'
import { gzipSync } from 'node:zlib'

export interface SiteSize {
  files: number
  bytes: number
  /** Of which PDFs (全文打印, 职责清单): the baseline has none. */
  pdfBytes: number
}

/** Every file below dir (full paths). */
export function walk(dir: string): string[] {
  return filesBelow(dir).map((file) => join(dir, file))
}

export function siteSize(dir: string): SiteSize {
  let bytes = 0
  let pdfBytes = 0
  const files = walk(dir)
  for (const file of files) {
    const size = statSync(file).size
    bytes += size
    if (file.endsWith('.pdf')) pdfBytes += size
  }
  return { files: files.length, bytes, pdfBytes }
}

export interface FolderSize { files: number; rawBytes: number; gzipBytes: number }

/** Files, bytes and gzip bytes (each file compressed on its own, as a server sends it) below a folder. */
export function folderSize(dir: string): FolderSize {
  const files = walk(dir)
  let rawBytes = 0
  let gzipBytes = 0
  for (const file of files) {
    const data = readFileSync(file)
    rawBytes += data.length
    gzipBytes += gzipSize(data)
  }
  return { files: files.length, rawBytes, gzipBytes }
}

/** Bytes after gzip at level 6 (zlib's default, and a common server setting). */
export function gzipSize(data: string | Buffer): number {
  return gzipSync(data, { level: 6 }).length
}

/** A MiniSearch index serialised as JSON, inside a script (as a string literal, quotes escaped or not). */
const SERIALISED_INDEX = /\\?"documentCount\\?":/

/**
 * The scripts of a built site that carry a search index, relative to the site:
 * "assets/chunks/…js" (VitePress's local search compiles its index into one;
 * this site's index is data files below search/, and no script holds one).
 */
export function indexFiles(dir: string): string[] {
  return walk(join(dir, 'assets'))
    .filter((file) => file.endsWith('.js') && SERIALISED_INDEX.test(readFileSync(file, 'utf8')))
    .map((file) => relative(dir, file))
    .sort()
}
