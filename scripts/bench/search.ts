// Search in chromium, for the benchmark:
// - engine: the time of one query, with the index, engine and options the
//   search box uses, in a page of its own (the site's engine: MiniSearch with
//   scripts/search/engine.ts; the baseline's: MiniSearch with VitePress's
//   default options);
// - site: what a person sees on the built site — which files the first load
//   fetches, that the index is not among them, and how long the first search
//   takes from opening the box to the first result shown.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import type { Browser } from 'playwright-core'
import { ROOT } from '../site/load.ts'
import { serve } from '../site/serve.ts'
import { gzipSize } from './sizes.ts'

/** Words people look for: sectors, units, deadlines, duties; Chinese, synonyms, pinyin. */
export const QUERIES = [
  '安全生产', '隐患', '消防', '燃气', '危险化学品', '危化品', '电动自行车', '充电桩', '挂牌督办', '打非治违',
  '各村', '镇政府', '责任清单', '长期坚持', '6月底', '执法检查', '举报奖励', '事故', '培训', '述职',
  'xiaofang', 'aqsc',
] as const

export type Engine = 'site' | 'baseline'

// VitePress 1.6's search box (VPLocalSearchBox.vue) loads its default index with these options.
const VITEPRESS_OPTIONS = {
  fields: ['title', 'titles', 'text'],
  storeFields: ['title', 'titles'],
  searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 4, text: 2, titles: 1 } },
}

export interface EngineTiming {
  /** MiniSearch.loadJSON of the index: what opening the search box costs once the file is there. */
  loadMs: number
  /** One query, each query of QUERIES timed in several rounds after a warm-up round. */
  medianMs: number
  p95Ms: number
  samples: number
  /** Results shown (at most 16 a query, as the search box) over QUERIES: both engines really searched. */
  results: number
}

const ORIGIN = 'http://bench.invalid'

export async function timeEngine(browser: Browser, engine: Engine, indexJson: string, rounds = 5, repeat = 3): Promise<EngineTiming> {
  const page = await browser.newPage()
  try {
    const files: Record<string, { type: string; body: string }> = {
      '/': { type: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>bench</title>' },
      '/minisearch.js': { type: 'text/javascript', body: readFileSync(join(ROOT, 'node_modules/minisearch/dist/es/index.js'), 'utf8') },
      '/engine.js': { type: 'text/javascript', body: engineModule() },
      '/index.json': { type: 'application/json', body: indexJson },
    }
    await page.route(`${ORIGIN}/**`, (route) => {
      const file = files[new URL(route.request().url()).pathname]
      return file ? route.fulfill({ contentType: `${file.type}; charset=utf-8`, body: file.body }) : route.fulfill({ status: 404 })
    })
    await page.goto(`${ORIGIN}/`)
    const measured = await page.evaluate(async ({ engine, queries, rounds, repeat, vitepressOptions }) => {
      const { default: MiniSearch } = await import(`${location.origin}/minisearch.js`)
      const options = engine === 'site' ? (await import(`${location.origin}/engine.js`)).INDEX_OPTIONS : vitepressOptions
      const json = await (await fetch('/index.json')).text()
      const loadStart = performance.now()
      const index = MiniSearch.loadJSON(json, options)
      const loadMs = performance.now() - loadStart
      const samples: number[] = []
      let results = 0
      // Round 0 warms up the JIT and counts results; each sample is the mean of `repeat` runs,
      // since performance.now() is coarse (0.1 ms) in a page that is not cross-origin isolated.
      for (let round = 0; round <= rounds; round++) {
        for (const query of queries) {
          const start = performance.now()
          let found = 0
          for (let i = 0; i < repeat; i++) found = index.search(query).slice(0, 16).length
          if (round === 0) results += found
          else samples.push((performance.now() - start) / repeat)
        }
      }
      return { loadMs, samples, results }
    }, { engine, queries: [...QUERIES], rounds, repeat, vitepressOptions: VITEPRESS_OPTIONS })
    const sorted = [...measured.samples].sort((a, b) => a - b)
    return { loadMs: measured.loadMs, medianMs: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95), samples: sorted.length, results: measured.results }
  } finally {
    await page.close()
  }
}

/** The engine settings module as the browser bundle gets it: engine.ts has no imports, so it only needs its types removed. */
function engineModule(): string {
  const source = readFileSync(join(ROOT, 'scripts/search/engine.ts'), 'utf8')
  return ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
}

/** The value below which a share q of the sorted values lie (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values')
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

export interface Asset {
  path: string
  bytes: number
  gzipBytes: number
}

export interface FirstLoad {
  /** Scripts and stylesheets a page loads before anyone touches it (prefetches of other pages excluded). */
  js: Asset[]
  css: Asset[]
}

export interface SiteSearch {
  home: FirstLoad
  task: FirstLoad
  /** Files holding a search index that were fetched before the search box was opened (should be none). */
  indexBeforeOpen: string[]
  /** Files holding a search index fetched once the box opened and a word was typed. */
  indexAfterOpen: string[]
  /** From pressing Ctrl+K to the first result on screen, the word typed at once (includes the box's 200 ms debounce). */
  firstSearchMs: number
}

/** Opens the built site (served at "/") as a person would and watches what it fetches. */
export async function visitSite(browser: Browser, dir: string, taskPage: string, indexFiles: string[], query = '安全生产'): Promise<SiteSearch> {
  const server = await serve(dir, '/')
  try {
    const firstLoad = async (path: string): Promise<{ load: FirstLoad; fetched: string[] }> => {
      const context = await browser.newContext()
      const page = await context.newPage()
      const fetched: string[] = []
      const pending: Promise<void>[] = []
      const load: FirstLoad = { js: [], css: [] }
      page.on('response', (response) => {
        const request = response.request()
        const path = new URL(request.url()).pathname
        fetched.push(path)
        const kind = request.resourceType()
        if ((kind !== 'script' && kind !== 'stylesheet') || request.headers()['sec-purpose']?.includes('prefetch')) return
        pending.push(response.body().then((body) => { (kind === 'script' ? load.js : load.css).push({ path, bytes: body.length, gzipBytes: gzipSize(body) }) }))
      })
      await page.goto(server.url(path), { waitUntil: 'networkidle' })
      await Promise.all(pending)
      await context.close()
      return { load, fetched }
    }
    const home = await firstLoad('')
    const task = await firstLoad(taskPage)

    const context = await browser.newContext()
    const page = await context.newPage()
    const fetched: string[] = []
    page.on('request', (request) => { fetched.push(new URL(request.url()).pathname) })
    await page.goto(server.url(''), { waitUntil: 'networkidle' })
    const before = fetched.length
    const start = performance.now()
    await page.keyboard.press('Control+k')
    // The site's own search box, or VitePress's in the baseline.
    const input = page.locator('#policy-search-input, .VPLocalSearchBox input')
    await input.waitFor()
    await input.fill(query)
    await page.locator('.policy-search .result, .VPLocalSearchBox .result').first().waitFor()
    const firstSearchMs = performance.now() - start
    await context.close()

    const isIndex = (path: string) => indexFiles.some((file) => path.endsWith(`/${file}`))
    return {
      home: home.load,
      task: task.load,
      indexBeforeOpen: [...home.fetched, ...task.fetched, ...fetched.slice(0, before)].filter(isIndex),
      indexAfterOpen: fetched.slice(before).filter(isIndex),
      firstSearchMs,
    }
  } finally {
    await server.close()
  }
}
