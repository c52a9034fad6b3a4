// VitePress's metadata script (metaChunk: true) holds the map of every page to
// its chunk's hash and the site data. Each group of pages (a plan's, or the
// shared ones: scripts/site/page-maps.ts) gets a script of its own, holding its
// part of the map and the site data as VitePress wrote it, and its pages'
// HTML points at it. Pure.

import { createHash } from 'node:crypto'

const HASH_MAP = /^window\.__VP_HASH_MAP__=JSON\.parse\(("(?:[^"\\]|\\.)*")\);/
const REFERENCE = /\/assets\/chunks\/metadata\.[\w-]+\.js"/g

/**
 * VitePress's metadata script read as its two parts: the page map, and the
 * rest (the site data, the same on every page). `file` names it in errors.
 */
export function readMetadata(content: string, file: string): { map: Record<string, string>; siteData: string } {
  const match = HASH_MAP.exec(content)
  if (!match) throw new Error(`${file}: VitePress's page hash map not found; scripts/site/metadata.ts must follow its new format`)
  const map: unknown = JSON.parse(JSON.parse(match[1]!))
  if (typeof map !== 'object' || map === null || Array.isArray(map) || !Object.values(map).every((v) => typeof v === 'string')) {
    throw new Error(`${file}: the page hash map is not an object of strings`)
  }
  return { map: map as Record<string, string>, siteData: content.slice(match[0].length) }
}

/** A group's metadata script, named by its content as VitePress names its own. */
export function metadataScript(map: Record<string, string>, siteData: string): { name: string; content: string } {
  const sorted = Object.fromEntries(Object.keys(map).sort().map((k) => [k, map[k]!]))
  const content = `window.__VP_HASH_MAP__=JSON.parse(${JSON.stringify(JSON.stringify(sorted))});${siteData}`
  return { name: `metadata.${createHash('sha256').update(content).digest('hex').slice(0, 8)}.js`, content }
}

/** A page's HTML pointed at the metadata script `name` (in assets/chunks) instead of the one VitePress wrote. */
export function pointAtMetadata(html: string, name: string): string {
  return html.replace(REFERENCE, `/assets/chunks/${name}"`)
}
