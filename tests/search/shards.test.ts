// The sharded index (scripts/search/shards.ts, query.ts) against the engine it
// replaced: MiniSearch over the whole index with the same settings. Every
// query must return the same results in the same order, whatever the block
// and shard sizes, while reading only the files the query names.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import MiniSearch, { type SearchResult } from 'minisearch'
import { loadSite } from '../../scripts/site/load.ts'
import { searchData } from '../../scripts/search/build-index.ts'
import { loadReference } from '../../scripts/data/load.ts'
import { SEEDS_DIR } from '../../scripts/paths.ts'
import { searchDocuments, type SearchDocument } from '../../scripts/search/documents.ts'
import { INDEX_OPTIONS } from '../../scripts/search/engine.ts'
import { SHARD_OPTIONS, blockStarts, shardFiles, writeIndex, type ShardOptions } from '../../scripts/search/shards.ts'
import { openIndex, type Searcher } from '../../scripts/search/query.ts'
import { syntheticCorpus } from '../../scripts/bench/corpus.ts'
import { QUERIES } from '../../scripts/bench/search.ts'
import { SEED } from '../helpers/plans.ts'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const SHOWN = 30
const ref = loadReference()
const data = searchData(ref.knowledge.sectors, ref.synonyms)

/** The previous engine: MiniSearch over everything, a page titled exactly as typed first. */
function reference(documents: SearchDocument[]): (query: string) => string[] {
  const index = new MiniSearch(INDEX_OPTIONS)
  index.addAll(documents)
  return (query) => {
    const q = query.trim()
    const all = index.search(q)
    const named = (r: SearchResult) => r['title'] === q
    return [...all.filter(named), ...all.filter((r) => !named(r))].slice(0, SHOWN).map((r) => String(r.id))
  }
}

interface Opened { searcher: Searcher; files: Map<string, string>; read: string[] }

async function sharded(documents: SearchDocument[], options?: ShardOptions, partition?: number): Promise<Opened> {
  const files = shardFiles(documents, data.synonyms, ['消防'], options, partition)
  const read: string[] = []
  const searcher = await openIndex(async (path) => {
    const text = files.get(path)
    if (text === undefined) throw new Error(`no file ${path}`)
    read.push(path)
    return JSON.parse(text)
  })
  return { searcher, files, read }
}

async function ids(searcher: Searcher, query: string): Promise<string[]> {
  return (await searcher.documents(await searcher.rank(query, SHOWN))).map((d) => d[0])
}

async function siteDocuments(seeds?: string): Promise<SearchDocument[]> {
  const loaded = await loadSite(seeds ?? SEEDS_DIR, ref)
  if (!loaded.ok) throw new Error(loaded.report.join('\n'))
  return searchDocuments(loaded.site, '/', data)
}

const seedDocuments = await siteDocuments()
const seedText = seedDocuments.map((d) => `${d.title}\n${d.text}`)

/** Queries people type: the benchmark's, every title, and pieces of the plans' text, pinyin prefixes. */
const QUERY_SET = [...QUERIES, ...seedDocuments.map((d) => d.title), 'cdz', 'chongdianzhuang', 'xiaof', 'jbjl', '核电站', '6月底', '2022']

describe('the sharded index answers as MiniSearch did', () => {
  const expected = reference(seedDocuments)

  it('for the benchmark queries and every title, in the same order (seeds)', async () => {
    const { searcher } = await sharded(seedDocuments)
    for (const q of QUERY_SET) expect(await ids(searcher, q), q).toEqual(expected(q))
  })

  it('for any piece of the plans\' text, with blocks of 2 entries and tiny shards (many reads a query), built in many passes', async () => {
    const { searcher } = await sharded(seedDocuments, { block: 2, chunk: 3, shardChars: 500 }, 1000)
    const piece = fc.tuple(fc.integer({ min: 0, max: seedText.length - 1 }), fc.nat(), fc.integer({ min: 1, max: 6 }))
      .map(([d, at, n]) => { const t = seedText[d]!; const i = at % t.length; return t.slice(i, i + n) })
    await fc.assert(fc.asyncProperty(piece, async (q) => {
      expect(await ids(searcher, q), q).toEqual(expected(q))
    }), { numRuns: 300 })
    for (const q of QUERY_SET) expect(await ids(searcher, q), q).toEqual(expected(q))
  })

  it('with ties: twelve near-identical plans (the benchmark\'s corpus), small blocks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shards-'))
    for (const plan of syntheticCorpus(readFileSync(SEED, 'utf8'), 12)) writeFileSync(join(dir, plan.file), plan.text)
    const documents = await siteDocuments(dir)
    const want = reference(documents)
    for (const options of [SHARD_OPTIONS, { block: 4, chunk: 5, shardChars: 4000 }]) {
      const { searcher } = await sharded(documents, options)
      for (const q of [...QUERIES, '指导思想', '安平镇', 'cdz', 'xiaof']) expect(await ids(searcher, q), q).toEqual(want(q))
    }
  }, 60_000)
})

describe('what a query reads', () => {
  it('reads the manifest, one shard per term and the display data of the results shown, each once', async () => {
    const { searcher, read } = await sharded(seedDocuments)
    expect(read).toEqual(['manifest.json'])
    read.length = 0
    const docs = await searcher.rank('充电桩', SHOWN)
    // 充电, 电桩 and the title key: at most three shards, no further block (few postings).
    expect(read.length).toBeLessThanOrEqual(3)
    expect(read.every((p) => /\/t\/\d+\.json$/.test(p))).toBe(true)
    read.length = 0
    await searcher.documents(docs)
    expect(read.every((p) => /\/d\/\d+\.json$/.test(p))).toBe(true)
    expect(read.length).toBeLessThanOrEqual(docs.length)
    const before = read.length
    await searcher.rank('充电桩', SHOWN)
    await searcher.documents(docs)
    expect(read.length).toBe(before)
  })

  it('stops reading blocks once no unread document can reach the results shown', async () => {
    const { searcher, read } = await sharded(seedDocuments, { block: 2, chunk: 4, shardChars: 24_000 })
    read.length = 0
    await searcher.rank('安全', 3)
    // 安全 is in most documents: hundreds of postings, blocks of 2, 4, 8, …; the top three need the first few.
    const blocks = read.filter((p) => p.includes('/b/'))
    expect(blocks.length).toBeLessThan(blockStarts(seedDocuments.length, 2).length)
  })
})

describe('the files', () => {
  it('are the same for the same documents, and live in a folder named by their content', () => {
    const a = shardFiles(seedDocuments, data.synonyms, ['消防'])
    const b = shardFiles(seedDocuments, data.synonyms, ['消防'])
    expect([...a]).toEqual([...b])
    const changed = seedDocuments.map((d, i) => (i === 0 ? { ...d, text: `${d.text}补充` } : d))
    const c = shardFiles(changed, data.synonyms, ['消防'])
    const folder = (files: Map<string, string>) => JSON.parse(files.get('manifest.json')!).folder
    expect(folder(c)).not.toBe(folder(a))
    for (const path of a.keys()) expect(path === 'manifest.json' || path.startsWith(`${folder(a)}/`), path).toBe(true)
  })

  it('are the same whether scored in one pass or in many (a pass holding a few hundred postings), from documents read in batches', () => {
    const whole = shardFiles(seedDocuments, data.synonyms, ['消防'])
    for (const partition of [1, 300, 5000]) expect([...shardFiles(seedDocuments, data.synonyms, ['消防'], SHARD_OPTIONS, partition)], String(partition)).toEqual([...whole])
    const files = new Map<string, string>()
    const half = Math.floor(seedDocuments.length / 2)
    writeIndex([seedDocuments.slice(0, half), seedDocuments.slice(half)], data.synonyms, ['消防'], (path, content) => files.set(path, content), SHARD_OPTIONS, 300)
    const folder = JSON.parse(files.get('manifest.json')!).folder
    expect([...files.keys()].map((p) => (p === 'manifest.json' ? p : `${folder}${p}`)).sort()).toEqual([...whole.keys()].sort())
    for (const [path, content] of files) expect(content, path).toBe(whole.get(path === 'manifest.json' ? path : `${folder}${path}`))
  })

  it('hold terms that are names of object properties as plain terms', async () => {
    const hostile: SearchDocument = { ...seedDocuments[0]!, id: '/x.html#title', title: '__proto__ constructor', text: 'toString hasOwnProperty' }
    const { searcher } = await sharded([...seedDocuments, hostile])
    for (const q of ['__proto__', 'constructor', 'tostring', 'hasownproperty']) expect(await ids(searcher, q), q).toEqual(['/x.html#title'])
    expect(await ids(searcher, 'valueOf'), 'absent').toEqual([])
  })

  it('make a site\'s index of a few hundred files, none large', () => {
    const files = shardFiles(seedDocuments, data.synonyms, ['消防'])
    expect(files.size).toBeLessThan(200)
    for (const [path, text] of files) expect(text.length, path).toBeLessThan(120_000)
  })
})
