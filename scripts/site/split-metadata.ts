// After the VitePress build: one metadata script a plan instead of one for
// the whole site (scripts/site/page-maps.ts says why), each page's HTML
// pointed at its plan's. The site data in every script stays as VitePress wrote it.

import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { createHash } from 'node:crypto'
import { groupOf, splitPageMap } from './page-maps.ts'

const METADATA = /^metadata\.[\w-]+\.js$/
const HASH_MAP = /^window\.__VP_HASH_MAP__=JSON\.parse\(("(?:[^"\\]|\\.)*")\);/

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'assets' ? [] : htmlFiles(path)
    return entry.name.endsWith('.html') ? [path] : []
  })
}

/** Splits the built site's metadata script by plan; returns how many scripts replaced it. */
export function splitMetadata(siteDir: string, planIds: readonly string[]): number {
  const chunks = join(siteDir, 'assets/chunks')
  const found = readdirSync(chunks).filter((name) => METADATA.test(name))
  if (found.length !== 1) throw new Error(`${chunks}: expected one VitePress metadata script (metaChunk: true), found ${found.length}`)
  const original = found[0]!
  const content = readFileSync(join(chunks, original), 'utf8')
  const match = HASH_MAP.exec(content)
  if (!match) throw new Error(`${original}: VitePress's page hash map not found; scripts/site/split-metadata.ts must follow its new format`)
  const map: unknown = JSON.parse(JSON.parse(match[1]!))
  if (typeof map !== 'object' || map === null) throw new Error(`${original}: the page hash map is not an object`)
  const rest = content.slice(match[0].length)
  const names = new Map<string, string>()
  for (const [group, part] of splitPageMap(map as Record<string, string>, planIds)) {
    const script = `window.__VP_HASH_MAP__=JSON.parse(${JSON.stringify(JSON.stringify(part))});${rest}`
    const name = `metadata.${createHash('sha256').update(script).digest('hex').slice(0, 8)}.js`
    writeFileSync(join(chunks, name), script)
    names.set(group, name)
  }
  for (const file of htmlFiles(siteDir)) {
    const html = readFileSync(file, 'utf8')
    if (!html.includes(original)) continue
    writeFileSync(file, html.replaceAll(`/assets/chunks/${original}"`, `/assets/chunks/${names.get(groupOf(relative(siteDir, file), planIds))}"`))
  }
  if (![...names.values()].includes(original)) rmSync(join(chunks, original))
  return names.size
}
