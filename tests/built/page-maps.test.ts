// Each plan's pages carry the page map of that plan only, the shared pages that
// of the shared pages (scripts/site/page-maps.ts, site-cache.ts): checked against the map
// VitePress wrote for the whole built site (hashmap.json) and the built HTML.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { groupOf, hasPage, pageKey, SHARED, splitPageMap } from '../../scripts/site/page-maps.ts'
import { filesBelow } from '../helpers/html.ts'
import { PLAN_ID, SITE_BASE, SITE_DIR } from '../helpers/site.ts'

const whole: Record<string, string> = JSON.parse(readFileSync(join(SITE_DIR, 'hashmap.json'), 'utf8'))
const PLANS = [PLAN_ID, 'yincheng-2023-fire-safety']
const pages = filesBelow(SITE_DIR).filter((f) => f.endsWith('.html') && !f.startsWith('assets/'))

function mapOfPage(path: string): Record<string, string> {
  const html = readFileSync(join(SITE_DIR, path), 'utf8')
  const src = /<script type="module" src="[^"]*\/assets\/chunks\/(metadata\.[\w-]+\.js)"><\/script>/.exec(html)?.[1]
  if (!src) throw new Error(`${path}: no metadata script`)
  const script = readFileSync(join(SITE_DIR, 'assets/chunks', src), 'utf8')
  return JSON.parse(JSON.parse(/^window\.__VP_HASH_MAP__=JSON\.parse\(("(?:[^"\\]|\\.)*")\);/.exec(script)![1]!))
}

describe('page maps', () => {
  it('name every built page as VitePress\'s router does (pageKey against hashmap.json)', () => {
    expect(pages.length).toBeGreaterThan(100)
    for (const path of pages.filter((p) => p !== '404.html')) expect(hasPage(whole, pageKey(`${SITE_BASE}${path}`, SITE_BASE)), path).toBe(true)
    expect(pageKey(`${SITE_BASE}${PLAN_ID}/`, SITE_BASE)).toBe(`${PLAN_ID}_index.md`)
    expect(pageKey(SITE_BASE, SITE_BASE)).toBe('index.md')
  })

  it('split the whole map into each plan\'s pages, and the shared pages', () => {
    const groups = splitPageMap(whole, PLANS)
    expect([...groups.keys()]).toEqual([SHARED, ...[...PLANS].sort()])
    const shared = Object.keys(groups.get(SHARED)!)
    expect(shared).toContain('units_140404102-villages.md')
    expect(shared.every((k) => groupOf(k, PLANS) === SHARED)).toBe(true)
    for (const plan of PLANS) {
      const keys = Object.keys(groups.get(plan)!)
      expect(keys.every((k) => k.startsWith(`${plan}_`))).toBe(true)
      expect(keys).toEqual(Object.keys(whole).filter((k) => k.startsWith(`${plan}_`)).sort())
    }
  })

  it('are what each built page loads: its own page and its group\'s (its plan, or the shared pages), no other', () => {
    const scripts = readdirSync(join(SITE_DIR, 'assets/chunks')).filter((n) => n.startsWith('metadata.'))
    expect(scripts).toHaveLength(PLANS.length + 1)
    for (const path of pages) {
      const map = mapOfPage(path)
      const group = groupOf(path, PLANS)
      if (path !== '404.html') expect(hasPage(map, pageKey(`${SITE_BASE}${path}`, SITE_BASE)), path).toBe(true)
      expect(Object.keys(map).filter((k) => groupOf(k, PLANS) !== group), path).toEqual([])
      expect(hasPage(map, 'units_140404102-villages.md'), path).toBe(group === SHARED)
    }
  })
})
