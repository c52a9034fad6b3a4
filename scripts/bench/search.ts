// Search in chromium, for the benchmark:
// - engine: the time of one query once the files it needs are there, with
//   the engine the search box uses, in a page of its own (the site's: the
//   sharded index, scripts/search/query.ts; the baseline's: MiniSearch with
//   VitePress's default options);
// - cold: one query from nothing in the cache over a throttled link (20 Mbit/s,
//   20 ms), as a person on an intranet meets it: the site's box (Ctrl+K to the
//   first result on screen), Pagefind's JS API on the same built site, or the
//   site's engine alone (where no site was built): time, bytes, requests, heap;
// - site: what a person sees on the built site — which files the first load
//   fetches, that the index is not among them, and how long the first search
//   takes from opening the box to the first result shown.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, normalize } from 'node:path'
import ts from 'typescript'
import type { Browser, Page } from 'playwright-core'
import { serve } from '../site/serve.ts'
import { gzipSize } from './sizes.ts'
import { FIRST, SHOWN } from '../search/query.ts'
import { ROOT } from '../paths.ts'

/** Words people look for: sectors, units, deadlines, duties; Chinese, synonyms, pinyin. */
export const QUERIES = [
  '安全生产', '隐患', '消防', '燃气', '危险化学品', '危化品', '电动自行车', '充电桩', '挂牌督办', '打非治违',
  '各村', '镇政府', '责任清单', '长期坚持', '6月底', '执法检查', '举报奖励', '事故', '培训', '述职',
  'xiaofang', 'aqsc',
] as const

/** The site's engine over its index folder (search/ of a built site), or MiniSearch over VitePress's index. */
/** Searched cold: the word (a sector, hundreds of tasks), and a phrase in nearly every task (long postings). */
export const COLD_QUERIES = ['消防', '安全生产'] as const

export type EngineSpec = { engine: 'site'; searchDir: string } | { engine: 'baseline'; indexJson: string }

// VitePress 1.6's search box (VPLocalSearchBox.vue) loads its default index with these options.
const VITEPRESS_OPTIONS = {
  fields: ['title', 'titles', 'text'],
  storeFields: ['title', 'titles'],
  searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 4, text: 2, titles: 1 } },
}

export interface EngineTiming {
  /** Opening the index: the site's manifest read, or MiniSearch.loadJSON of VitePress's whole index. */
  loadMs: number
  /** One query (ranking and the display data of the results shown), each of QUERIES timed in several rounds after a warm-up round that fetched every file. */
  medianMs: number
  p95Ms: number
  samples: number
  /** Results shown (at most 16 a query) over QUERIES: both engines really searched. */
  results: number
}

const ORIGIN = 'http://bench.invalid'

type Files = Record<string, { type: string; body: string | Buffer }>

/** Serves `files`, and the files below `dir` at /search/, to a page of its own origin. */
async function benchPage(browser: Browser, files: Files, searchDir?: string): Promise<Page> {
  const page = await browser.newPage()
  await page.addInitScript(KEEP_NAMES)
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname
    const file = files[path]
    if (file) return route.fulfill({ contentType: `${file.type}; charset=utf-8`, body: file.body })
    const onDisk = searchDir && path.startsWith('/search/') ? normalize(join(searchDir, path.slice('/search/'.length))) : null
    if (onDisk && onDisk.startsWith(normalize(searchDir!)) && existsSync(onDisk)) return route.fulfill({ contentType: 'application/json; charset=utf-8', body: readFileSync(onDisk) })
    return route.fulfill({ status: 404 })
  })
  return page
}

/** tsx (esbuild, keepNames) wraps functions declared in the callbacks given to page.evaluate in __name(): the page needs one. */
const KEEP_NAMES = 'window.__name = (f) => f'

const HTML = { type: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>bench</title>' }

export async function timeEngine(browser: Browser, spec: EngineSpec, rounds = 5, repeat = 3): Promise<EngineTiming> {
  const files: Files = spec.engine === 'site'
    ? { '/': HTML, ...engineModules() }
    : { '/': HTML, '/minisearch.js': { type: 'text/javascript', body: readFileSync(join(ROOT, 'node_modules/minisearch/dist/es/index.js'), 'utf8') }, '/index.json': { type: 'application/json', body: spec.indexJson } }
  const page = await benchPage(browser, files, spec.engine === 'site' ? spec.searchDir : undefined)
  try {
    await page.goto(`${ORIGIN}/`)
    const measured = await page.evaluate(async ({ engine, queries, rounds, repeat, vitepressOptions }) => {
      type Search = (query: string) => Promise<number>
      let search: Search
      let loadMs: number
      if (engine === 'site') {
        const { openIndex } = await import(`${location.origin}/engine/query.js`)
        const loadStart = performance.now()
        const searcher = await openIndex(async (path: string) => (await fetch(`/search/${path}`)).json())
        loadMs = performance.now() - loadStart
        search = async (query) => (await searcher.documents(await searcher.rank(query, 16))).length
      } else {
        const { default: MiniSearch } = await import(`${location.origin}/minisearch.js`)
        const json = await (await fetch('/index.json')).text()
        const loadStart = performance.now()
        const index = MiniSearch.loadJSON(json, vitepressOptions)
        loadMs = performance.now() - loadStart
        search = async (query) => index.search(query).slice(0, 16).length
      }
      const samples: number[] = []
      let results = 0
      // Round 0 warms up the JIT, fetches the files and counts results; each sample is the mean of `repeat` runs,
      // since performance.now() is coarse (0.1 ms) in a page that is not cross-origin isolated.
      for (let round = 0; round <= rounds; round++) {
        for (const query of queries) {
          const start = performance.now()
          let found = 0
          for (let i = 0; i < repeat; i++) found = await search(query)
          if (round === 0) results += found
          else samples.push((performance.now() - start) / repeat)
        }
      }
      return { loadMs, samples, results }
    }, { engine: spec.engine, queries: [...QUERIES], rounds, repeat, vitepressOptions: VITEPRESS_OPTIONS })
    const sorted = [...measured.samples].sort((a, b) => a - b)
    return { loadMs: measured.loadMs, medianMs: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95), samples: sorted.length, results: measured.results }
  } finally {
    await page.close()
  }
}

/**
 * The site's engine as browser modules: scripts/search/query.ts and the two
 * modules it imports (none of which imports anything else), types removed.
 */
function engineModules(): Files {
  const modules: Files = {}
  for (const name of ['query', 'engine', 'format']) {
    const source = readFileSync(join(ROOT, `scripts/search/${name}.ts`), 'utf8')
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
    modules[`/engine/${name}.js`] = { type: 'text/javascript', body: js.replace(/from '\.\/(\w+)\.ts'/g, "from './$1.js'") }
  }
  return modules
}

/** A folder holding a blank page, the engine's modules (engine/) and the index (search/, a link to searchDir). */
function enginePage(searchDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-engine-'))
  writeFileSync(join(dir, 'index.html'), HTML.body)
  mkdirSync(join(dir, 'engine'))
  for (const [path, file] of Object.entries(engineModules())) writeFileSync(join(dir, path), file.body)
  symlinkSync(searchDir, join(dir, 'search'))
  return dir
}

/** The link of issue 16's measurements: an intranet at 20 Mbit/s with 20 ms latency. */
export const LINK = { latencyMs: 20, bitsPerSecond: 20e6 }

export type ColdHow =
  /** The site's search box on the built site's home page: Ctrl+K, the query typed, the first result on screen. */
  | { how: 'box'; siteDir: string }
  /** Pagefind's JS API on the home page of the same built site: search, then the first result's data (no web worker: see coldSearch). */
  | { how: 'pagefind'; siteDir: string; bundle: string }
  /** The site's engine alone in a page of its own over the index folder: rank, then the first screenful's display data. */
  | { how: 'engine'; searchDir: string }

export interface ColdSearch {
  query: string
  /** From the query (or Ctrl+K) to the first result: on screen (box), or its data in hand (pagefind, engine). */
  firstResultMs: number
  /** Requests and bytes on the wire (compressed as served) from that moment on. */
  requests: number
  transferBytes: number
  /** The tab's JavaScript heap in use once the first result is there, after a garbage collection. */
  heapBytes: number
  /** Results found: at most what is shown (site), or all (Pagefind). */
  results: number
}

/** One query from a cold cache over the throttled link, in a context of its own. */
export async function coldSearch(browser: Browser, query: string, target: ColdHow): Promise<ColdSearch> {
  // Served over HTTP in every case (responses a driver fulfils itself would not be throttled).
  const pageDir = target.how === 'engine' ? enginePage(target.searchDir) : null
  const server = await serve(target.how === 'engine' ? pageDir! : target.siteDir, '/')
  const context = await browser.newContext()
  await context.addInitScript(KEEP_NAMES)
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: LINK.latencyMs, downloadThroughput: LINK.bitsPerSecond / 8, uploadThroughput: LINK.bitsPerSecond / 8,
    })
    let counting = false
    let requests = 0
    let transferBytes = 0
    cdp.on('Network.loadingFinished', (event) => {
      if (!counting) return
      requests++
      transferBytes += event.encodedDataLength
    })
    await page.goto(server.url(''), { waitUntil: 'networkidle' })
    counting = true
    // Timed in the page: from the first event to the first result, without the driver's round trips.
    let measured: { ms: number; results: number }
    if (target.how === 'box') {
      measured = await page.evaluate((query) => new Promise<{ ms: number; results: number }>((resolve) => {
        const start = performance.now()
        const observer = new MutationObserver(() => {
          const results = document.querySelectorAll('.policy-search .result').length
          if (results > 0) { observer.disconnect(); resolve({ ms: performance.now() - start, results }) }
        })
        observer.observe(document.body, { childList: true, subtree: true })
        // Ctrl+K, then the query typed as soon as the box is there.
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }))
        const type = () => {
          const input = document.querySelector<HTMLInputElement>('#policy-search-input')
          if (!input) { requestAnimationFrame(type); return }
          input.value = query
          input.dispatchEvent(new Event('input'))
        }
        type()
      }), query)
    } else if (target.how === 'pagefind') {
      measured = await page.evaluate(async ({ bundle, query }) => {
        const start = performance.now()
        const pagefind = await import(`${location.origin}/${bundle}/pagefind.js`)
        // On the page's thread: a worker's requests would escape the page's throttling and counting.
        await pagefind.options({ noWorker: true })
        const search = await pagefind.search(query)
        await search.results[0]?.data()
        return { ms: performance.now() - start, results: search.results.length as number }
      }, { bundle: target.bundle, query })
    } else {
      measured = await page.evaluate(async ({ query, shown, first }) => {
        const start = performance.now()
        const { openIndex } = await import(`${location.origin}/engine/query.js`)
        const searcher = await openIndex(async (path: string) => (await fetch(`/search/${path}`)).json())
        const docs: number[] = await searcher.rank(query, shown)
        await searcher.documents(docs.slice(0, first))
        return { ms: performance.now() - start, results: docs.length }
      }, { query, shown: SHOWN, first: FIRST })
    }
    const { ms: firstResultMs, results } = measured
    counting = false
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    return { query, firstResultMs, requests, transferBytes, heapBytes: usedSize, results }
  } finally {
    await context.close()
    await server.close()
    if (pageDir) rmSync(pageDir, { recursive: true, force: true })
  }
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

    // A file, or every file below a folder ("search/").
    const isIndex = (path: string) => indexFiles.some((file) => (file.endsWith('/') ? path.includes(`/${file}`) : path.endsWith(`/${file}`)))
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
