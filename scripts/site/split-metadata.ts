// After the VitePress build: one metadata script a plan instead of one for
// the whole site (scripts/site/page-maps.ts says why), each page's HTML
// pointed at its plan's. The site data in every script stays as VitePress wrote it.

import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { createHash } from 'node:crypto'
import { groupOf, splitPageMap } from './page-maps.ts'

const METADATA = /^metadata\.[\w-]+\.js$/
const HASH_MAP = /^window\.__VP_HASH_MAP__=JSON\.parse\(("(?:[^"\\]|\\.)*")\);/

/**
 * VitePress's metadata script read as its two parts: the page map, and the
 * rest (the site data, the same on every page). `file` names it in errors.
 */
export function readMetadata(content: string, file: string): { map: Record<string, string>; siteData: string } {
  const match = HASH_MAP.exec(content)
  if (!match) throw new Error(`${file}: VitePress's page hash map not found; scripts/site/split-metadata.ts must follow its new format`)
  const map: unknown = JSON.parse(JSON.parse(match[1]!))
  if (typeof map !== 'object' || map === null) throw new Error(`${file}: the page hash map is not an object`)
  return { map: map as Record<string, string>, siteData: content.slice(match[0].length) }
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'assets' ? [] : htmlFiles(path)
    return entry.name.endsWith('.html') ? [path] : []
  })
}

/**
 * Splits the built site's metadata script by plan; returns how many scripts
 * replaced it. A site merged from batched builds has one script a batch: their
 * maps are joined first (their site data must be the same). hashmap.json, the
 * whole map, is rewritten with its keys sorted, so a batched build writes what
 * a whole one does.
 */
export function splitMetadata(siteDir: string, planIds: readonly string[]): number {
  const chunks = join(siteDir, 'assets/chunks')
  const found = readdirSync(chunks).filter((name) => METADATA.test(name)).sort()
  if (found.length === 0) throw new Error(`${chunks}: expected VitePress's metadata script (metaChunk: true), found none`)
  const map: Record<string, string> = {}
  let rest: string | undefined
  for (const original of found) {
    const { map: part, siteData: data } = readMetadata(readFileSync(join(chunks, original), 'utf8'), original)
    Object.assign(map, part)
    if (rest !== undefined && data !== rest) throw new Error(`${original}: site data differs from ${found[0]}'s: the batches were not built alike`)
    rest = data
  }
  const ids = new Set(planIds)
  const names = new Map<string, string>()
  for (const [group, part] of splitPageMap(map, planIds)) {
    const script = `window.__VP_HASH_MAP__=JSON.parse(${JSON.stringify(JSON.stringify(part))});${rest}`
    const name = `metadata.${createHash('sha256').update(script).digest('hex').slice(0, 8)}.js`
    writeFileSync(join(chunks, name), script)
    names.set(group, name)
  }
  const reference = new RegExp(`/assets/chunks/(?:${found.map((f) => f.replace(/\./g, '\\.')).join('|')})"`, 'g')
  for (const file of htmlFiles(siteDir)) {
    const html = readFileSync(file, 'utf8')
    const next = html.replace(reference, `/assets/chunks/${names.get(groupOf(relative(siteDir, file), ids))}"`)
    if (next !== html) writeFileSync(file, next)
  }
  for (const original of found) if (![...names.values()].includes(original)) rmSync(join(chunks, original))
  const sorted = Object.fromEntries(Object.keys(map).sort().map((k) => [k, map[k]!]))
  writeFileSync(join(siteDir, 'hashmap.json'), JSON.stringify(sorted))
  return names.size
}
