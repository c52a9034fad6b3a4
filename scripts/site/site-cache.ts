// The built pages kept between builds, one entry a group of pages (a plan's,
// or the shared ones: home, units, sectors, with the theme's assets), keyed by
// what determines them: the group's Markdown in docs/ and the site key (the
// pipeline's and theme's code, the base, the menus every page carries). A
// rebuild builds with VitePress only the groups whose key is not in the cache
// (after one plan changed: that plan and the shared pages) and assembles the
// site from the entries. Each entry holds its pages as they are published:
// HTML pointed at the group's own metadata script (metadata.ts), page
// chunks, that script; so an entry never changes once written. An entry
// records the digest of each file it holds and is checked against them before
// it is used: a damaged entry is built again, never published.

import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { copyOwn, digest, fileDigest, moveFile, syncFolder, writeSynced } from './durable.ts'
import { SHARED, splitPageMap } from './page-maps.ts'
import { metadataScript, pointAtMetadata, readMetadata } from './metadata.ts'
import type { BuildPart } from './batches.ts'
import { ROOT } from '../paths.ts'

/** Where built pages are kept between builds (ignored by git). */

/** Raise when what an entry holds changes: every entry is then built again. */
const CACHE_VERSION = 2

const METADATA = /^metadata\.[\w-]+\.js$/

/** sha256 (hex) of the parts, each ended by a NUL: the keys of the build's caches. */
export const sha256 = (...parts: (string | Buffer)[]) => {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\0')
  return hash.digest('hex')
}

/** Files below `dir`, as paths relative to it with "/", sorted; [] when it does not exist. */
export function filesBelow(dir: string, skip: (name: string) => boolean = () => false): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  const walk = (at: string) => {
    for (const entry of readdirSync(join(dir, at), { withFileTypes: true })) {
      if (skip(entry.name)) continue
      const path = at ? `${at}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(path)
      else out.push(path)
    }
  }
  walk('')
  return out.sort()
}

/**
 * The hash of code and of what it reads: the files of `dirs` (below the
 * project; temporary folders left out), the locked dependencies, Node itself,
 * and `inputs`.
 */
export function codeKey(dirs: readonly string[], inputs: readonly string[]): string {
  const hash = createHash('sha256').update(`${CACHE_VERSION}\0${process.version}\0`)
  // Left out: what builds write there (the default output folder, and its dist.next, dist.next.part-N and dist.old of a
  // build that was killed), which are no code and would change the key from one build to the next.
  const skip = (name: string) => ['.temp', 'cache', 'dist', 'node_modules'].includes(name) || name.startsWith('dist.') || name.endsWith('.tmp')
  for (const dir of dirs) {
    for (const file of filesBelow(join(ROOT, dir), skip)) hash.update(`${dir}/${file}\0`).update(readFileSync(join(ROOT, dir, file))).update('\0')
  }
  for (const file of ['package-lock.json', 'tsconfig.json']) hash.update(`${file}\0`).update(readFileSync(join(ROOT, file))).update('\0')
  for (const input of inputs) hash.update(input).update('\0')
  return hash.digest('hex')
}

/**
 * The code a built page depends on: the theme and config (.vitepress), the
 * pipeline they import (scripts/), the locked dependencies (VitePress, Vue),
 * Node; and `inputs`, what the config reads from the plans (the menus every
 * page carries) and the base.
 */
export function siteKey(inputs: readonly string[]): string {
  return codeKey(['.vitepress', 'scripts'], inputs)
}

/** The docs/ files of the shared pages: every file outside the plans' folders and public/. */
export function sharedFiles(docs: string, planIds: readonly string[]): string[] {
  const plans = new Set(planIds)
  return filesBelow(docs, (name) => name.startsWith('.')).filter((f) => !plans.has(f.split('/')[0]!) && !f.startsWith('public/') && f.endsWith('.md'))
}

/** Each group's key (SHARED first, then the plans): its Markdown in docs/, path and content, and the site key. */
export function groupKeys(docs: string, planIds: readonly string[], site: string): Map<string, string> {
  const keyOf = (group: string, files: string[]) => sha256(site, group, ...files.flatMap((f) => [f, readFileSync(join(docs, f))]))
  const keys = new Map<string, string>([[SHARED, keyOf(SHARED, sharedFiles(docs, planIds))]])
  for (const id of planIds) keys.set(id, keyOf(id, filesBelow(join(docs, id)).map((f) => `${id}/${f}`)))
  return keys
}

interface EntryInfo {
  group: string
  /** The group's part of VitePress's page map (for hashmap.json). */
  map: Record<string, string>
  /** sha256 of the site data its metadata script holds: the same in every entry of a site. */
  siteData: string
  /** sha256 of each file the entry holds, by its path below files/: what it is checked against before use. */
  files: Record<string, string>
}

const entryDir = (cache: string, key: string) => join(cache, key)

export type EntryState = { state: 'ok' } | { state: 'absent' } | { state: 'damaged'; why: string }

/**
 * Whether the cache holds a group's entry whole: its entry.json readable, and
 * every file it records there with the digest recorded, and no other. A
 * damaged entry is removed (the build builds the group again).
 */
export function checkEntry(cache: string, key: string): EntryState {
  const dir = entryDir(cache, key)
  if (!existsSync(dir)) return { state: 'absent' }
  const why = entryProblem(dir)
  if (why === null) return { state: 'ok' }
  rmSync(dir, { recursive: true, force: true })
  return { state: 'damaged', why }
}

function entryProblem(dir: string): string | null {
  const info = readInfo(dir)
  if (typeof info === 'string') return info
  const held = filesBelow(join(dir, 'files'))
  const recorded = Object.keys(info.files).sort()
  const extra = held.filter((f) => !(f in info.files))
  if (extra.length > 0) return `${extra[0]} is not one of its files`
  const lost = recorded.filter((f) => !held.includes(f))
  if (lost.length > 0) return `${lost[0]} is missing`
  for (const file of recorded) if (fileDigest(join(dir, 'files', file)) !== info.files[file]) return `${file} is not as it was written`
  return null
}
/**
 * Takes a part's VitePress build (`out`) into the cache, one entry a group it
 * built; `out` is consumed. The theme's assets it built beside its pages must
 * be the shared entry's, byte for byte (checked: the premise of building in parts).
 */
export function harvest(out: string, part: BuildPart, planIds: readonly string[], keys: ReadonlyMap<string, string>, cache: string): void {
  const chunks = join(out, 'assets/chunks')
  const found = readdirSync(chunks).filter((name) => METADATA.test(name))
  if (found.length !== 1) throw new Error(`${chunks}: expected one VitePress metadata script (metaChunk: true), found ${found.length}`)
  const { map, siteData } = readMetadata(readFileSync(join(chunks, found[0]!), 'utf8'), found[0]!)
  const maps = splitPageMap(map, planIds)
  const all = filesBelow(out)
  const taken = new Set([`assets/chunks/${found[0]}`, 'hashmap.json'])
  for (const id of part.plans) {
    const own = maps.get(id)!
    const files = all.filter((f) => f.startsWith(`${id}/`))
    for (const [key, hash] of Object.entries(own)) files.push(`assets/${key}.${hash}.js`, `assets/${key}.${hash}.lean.js`)
    for (const f of files) taken.add(f)
    writeEntry(out, files, { group: id, map: own, siteData: sha256(siteData) }, siteData, join(cache, keys.get(id)!))
  }
  const rest = all.filter((f) => !taken.has(f))
  const shared = join(cache, keys.get(SHARED)!)
  if (part.shared) writeEntry(out, rest, { group: SHARED, map: maps.get(SHARED)!, siteData: sha256(siteData) }, siteData, shared)
  else {
    for (const f of rest.filter((f) => f.startsWith('assets/') || f === 'vp-icons.css')) {
      const theirs = join(shared, 'files', f)
      if (!existsSync(theirs) || !readFileSync(theirs).equals(readFileSync(join(out, f)))) {
        throw new Error(`${f}: built differently from the shared pages' build (${shared}): the parts of the build were not built alike`)
      }
    }
  }
  rmSync(out, { recursive: true, force: true })
}

/**
 * Writes an entry whole: each file written and flushed to disk in a folder
 * beside it, entry.json (their digests) last, then the folder renamed into
 * place. HTML is pointed at the group's metadata script, written beside.
 */
function writeEntry(out: string, files: string[], info: Omit<EntryInfo, 'files'>, siteData: string, dir: string): void {
  const part = `${dir}.part`
  rmSync(part, { recursive: true, force: true })
  const script = metadataScript(info.map, siteData)
  const digests: Record<string, string> = {}
  const put = (file: string, data: string | Buffer) => {
    const target = join(part, 'files', file)
    mkdirSync(dirname(target), { recursive: true })
    writeSynced(target, data)
    digests[file] = digest(data)
  }
  for (const file of files) {
    if (file.endsWith('.html')) put(file, pointAtMetadata(readFileSync(join(out, file), 'utf8'), script.name))
    else {
      // Moved (the part's build is consumed), then flushed: on another file system than the cache, a copy.
      const target = join(part, 'files', file)
      mkdirSync(dirname(target), { recursive: true })
      moveFile(join(out, file), target)
      const data = readFileSync(target)
      writeSynced(target, data)
      digests[file] = digest(data)
    }
  }
  put(`assets/chunks/${script.name}`, script.content)
  const sorted = Object.fromEntries(Object.keys(digests).sort().map((f) => [f, digests[f]!]))
  writeSynced(join(part, 'entry.json'), JSON.stringify({ ...info, files: sorted }))
  rmSync(dir, { recursive: true, force: true })
  renameSync(part, dir)
  syncFolder(dirname(dir))
}

const isStrings = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string')

/** An entry's entry.json, checked for its shape; or what is wrong with it. */
function readInfo(dir: string): EntryInfo | string {
  let info: unknown
  try {
    info = JSON.parse(readFileSync(join(dir, 'entry.json'), 'utf8'))
  } catch {
    return existsSync(join(dir, 'entry.json')) ? 'its entry.json is not whole (not valid JSON)' : 'its entry.json is missing'
  }
  if (typeof info !== 'object' || info === null || !('group' in info) || typeof info.group !== 'string' || !('map' in info) || !isStrings(info.map) ||
    !('siteData' in info) || typeof info.siteData !== 'string' || !('files' in info) || !isStrings(info.files)) return 'its entry.json is not a cache entry\'s'
  return { group: info.group, map: info.map, siteData: info.siteData, files: info.files }
}

/**
 * The site in `next`: the files offered for download (docs/public), then each
 * group's entry, copied (each published file its own storage: a reflink where
 * the file system has them) and checked again against the entry's digests,
 * and hashmap.json, VitePress's map of every page. Every entry must hold the
 * same site data.
 */
export function assemble(next: string, docsPublic: string, groups: readonly string[], keys: ReadonlyMap<string, string>, cache: string): void {
  mkdirSync(next, { recursive: true })
  if (existsSync(docsPublic)) cpSync(docsPublic, next, { recursive: true })
  const map: Record<string, string> = {}
  let siteData: string | undefined
  for (const group of groups) {
    const dir = entryDir(cache, keys.get(group)!)
    const info = readInfo(dir)
    if (typeof info === 'string') throw new Error(`${relative(ROOT, dir)}: ${info}`)
    if (siteData !== undefined && info.siteData !== siteData) {
      throw new Error(`${dir}: built with other site data than the other groups: a cache key misses an input (scripts/site/site-cache.ts)`)
    }
    siteData = info.siteData
    Object.assign(map, info.map)
    for (const file of Object.keys(info.files).sort()) {
      const target = join(next, file)
      if (existsSync(target)) {
        if (file.startsWith('assets/') && readFileSync(target).equals(readFileSync(join(dir, 'files', file)))) continue
        throw new Error(`${file}: both in ${relative(ROOT, dir)} and in another group or docs/public`)
      }
      mkdirSync(dirname(target), { recursive: true })
      copyOwn(join(dir, 'files', file), target)
      // Checked as published: the entry was checked before the build chose it, and could have changed since.
      if (fileDigest(target) !== info.files[file]) throw new Error(`${relative(ROOT, dir)}: ${file} changed while the site was assembled from it`)
    }
  }
  const sorted = Object.fromEntries(Object.keys(map).sort().map((k) => [k, map[k]!]))
  writeFileSync(join(next, 'hashmap.json'), JSON.stringify(sorted))
}

/** Removes the entries this build did not use (and any left half-written): the cache holds one site. */
export function prune(cache: string, keep: ReadonlySet<string>): number {
  if (!existsSync(cache)) return 0
  let removed = 0
  for (const name of readdirSync(cache)) {
    if (keep.has(name)) continue
    rmSync(join(cache, name), { recursive: true, force: true })
    removed++
  }
  return removed
}
