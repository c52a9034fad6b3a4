// Searches the sharded index (format.ts) reading only the files a query
// names: the shard of each query term, further blocks of a term's postings
// only while a document in them could still reach the results shown, and the
// display data of the results shown. Ranks as MiniSearch ranked the whole
// index (engine.ts settings: AND over query terms, prefix matches for Latin
// terms of three letters or more, scores summed). Pure but for `load`, which
// the caller gives (fetch in the browser, the file system in tests).

import { prefixFor, prefixWeight, shardOf, titleKey, tokenizeQuery } from './engine.ts'
import { isBlockPack, isDocumentChunk, isManifest, isShard, isVocabulary, paths, type Block, type Manifest, type StoredDocument, type TermEntry } from './format.ts'

/** Results shown for one query: more are never read. */
export const SHOWN = 30
/**
 * Results whose display data is fetched first: about what a phone or the
 * desktop box shows before scrolling, and no more files than a browser asks
 * one host for at once over HTTP/1.1 (six), so they come in one round trip.
 */
export const FIRST = 5

/** Reads a file of the index (a path under search/) as parsed JSON. */
export type Load = (path: string) => Promise<unknown>

export interface Searcher {
  manifest: Manifest
  /** The documents (by number) that answer the query, best first, at most `limit`; pages titled exactly as typed first. */
  rank: (query: string, limit: number) => Promise<number[]>
  /** What results show of these documents, in the order given. */
  documents: (docs: number[]) => Promise<StoredDocument[]>
  /** Names offered when a query finds nothing. */
  vocabulary: () => Promise<string[]>
}

interface ShardTerm { entry: TermEntry; ordinal: number }

/** One postings list a query term reads: its own, or a longer term it is a prefix of. */
interface List {
  weight: number
  shard: number
  ordinal: number
  maxes: number[]
  /** Blocks read so far. */
  read: number
  scores: Map<number, number>
}

function addBlock(list: List, [gaps, scores]: Block): void {
  let doc = 0
  gaps.forEach((gap, i) => {
    doc += gap
    list.scores.set(doc, scores[i]!)
  })
  list.read++
}

/** The best score an entry of the list not yet read can have (0 when all is read). */
const next = (list: List) => (list.read < list.maxes.length ? list.maxes[list.read]! : 0)

export async function openIndex(load: Load): Promise<Searcher> {
  const loaded = await load(paths.manifest)
  if (!isManifest(loaded)) throw new Error('search index: manifest.json is not the file the site writes')
  const manifest: Manifest = loaded
  const { folder, shards } = manifest
  const cache = new Map<string, Promise<unknown>>()
  const read = <T>(path: string, check: (v: unknown) => v is T): Promise<T> => {
    let pending = cache.get(path)
    if (!pending) {
      pending = load(path).then((v) => {
        if (!check(v)) throw new Error(`search index: ${path} is not the file the site writes`)
        return v
      })
      // A failed read may be retried by the next query.
      pending.catch(() => cache.delete(path))
      cache.set(path, pending)
    }
    return pending as Promise<T>
  }
  const shardTerms = new Map<number, Promise<Map<string, ShardTerm>>>()
  const shardOfTerm = (term: string) => {
    const s = shardOf(term, shards)
    let terms = shardTerms.get(s)
    if (!terms) {
      terms = read(paths.shard(folder, s), isShard).then((shard) => new Map(shard.map(([t, entry], ordinal) => [t, { entry, ordinal }])))
      shardTerms.set(s, terms)
    }
    return { shard: s, terms }
  }
  const list = (weight: number, shard: number, { entry, ordinal }: ShardTerm): List => {
    const l: List = { weight, shard, ordinal, maxes: entry[1], read: 0, scores: new Map() }
    addBlock(l, [entry[2], entry[3]])
    return l
  }

  /** For each query term, the lists that answer it: the term itself and, for a prefix, the longer terms it begins. */
  async function lists(terms: string[]): Promise<List[][]> {
    return Promise.all(terms.map(async (term) => {
      const { shard, terms: inShard } = shardOfTerm(term)
      const found = await inShard
      const own = found.get(term)
      const out = own ? [list(1, shard, own)] : []
      if (prefixFor(term)) {
        for (const [t, st] of found) if (t !== term && t.startsWith(term)) out.push(list(prefixWeight(term, t), shard, st))
      }
      return out
    }))
  }

  async function ranked(terms: string[], limit: number): Promise<number[]> {
    const groups = await lists(terms)
    if (groups.some((g) => g.length === 0)) return []
    for (;;) {
      // Each document seen: the score known so far and the most it can still gain.
      const docs = new Set<number>()
      for (const g of groups) for (const l of g) for (const d of l.scores.keys()) docs.add(d)
      const known: { doc: number; low: number; high: number; confirmed: boolean }[] = []
      for (const doc of docs) {
        let low = 0
        let high = 0
        let confirmed = true
        let possible = true
        for (const g of groups) {
          let seen = false
          let missing = 0
          for (const l of g) {
            const s = l.scores.get(doc)
            if (s === undefined) missing += l.weight * next(l)
            else { seen = true; low += l.weight * s }
          }
          high += missing
          if (!seen) { confirmed = false; if (missing === 0) possible = false }
        }
        if (possible) known.push({ doc, low, high: low + high, confirmed })
      }
      const top = known.filter((k) => k.confirmed).sort((a, b) => b.low - a.low || a.doc - b.doc).slice(0, limit)
      const threshold = top.length === limit ? top[top.length - 1]!.low : -Infinity
      const inTop = new Set(top.map((k) => k.doc))
      const unseen = groups.every((g) => g.some((l) => next(l) > 0)) ? groups.reduce((sum, g) => sum + g.reduce((s, l) => s + l.weight * next(l), 0), 0) : -Infinity
      const settled = unseen <= threshold &&
        known.every((k) => (inTop.has(k.doc) ? k.high === k.low : k.high <= threshold))
      if (settled) return top.map((k) => k.doc)
      const more = groups.flat().filter((l) => next(l) > 0)
      const packs = await Promise.all(more.map((l) => read(paths.blocks(folder, l.shard, l.read), isBlockPack)))
      more.forEach((l, i) => {
        const found = packs[i]!.find(([term]) => term === l.ordinal)
        if (!found) throw new Error(`search index: block ${l.read} of a term of shard ${l.shard} is missing`)
        addBlock(l, [found[1], found[2]])
      })
    }
  }

  async function rank(query: string, limit: number): Promise<number[]> {
    const q = query.trim()
    const terms = tokenizeQuery(q)
    if (terms.length === 0 || limit <= 0) return []
    const { terms: inShard } = shardOfTerm(titleKey(q))
    const [found, named] = await Promise.all([ranked(terms, limit), inShard.then((t) => t.get(titleKey(q)))])
    if (!named) return found
    // The first block of the title key: pages titled so, in document order.
    let doc = 0
    const titled = named.entry[2].map((gap) => (doc += gap))
    const first = [...found.filter((d) => titled.includes(d)), ...titled.filter((d) => !found.includes(d))]
    return [...first, ...found.filter((d) => !titled.includes(d))].slice(0, limit)
  }

  async function documents(docs: number[]): Promise<StoredDocument[]> {
    const chunks = [...new Set(docs.map((d) => Math.floor(d / manifest.chunk)))]
    const loaded = new Map(await Promise.all(chunks.map(async (c) => [c, await read(paths.chunk(folder, c), isDocumentChunk)] as const)))
    return docs.map((d) => {
      const stored = loaded.get(Math.floor(d / manifest.chunk))?.[d % manifest.chunk]
      if (!stored) throw new Error(`search index: document ${d} is missing`)
      return stored
    })
  }

  return { manifest, rank, documents, vocabulary: () => read(paths.vocabulary(folder), isVocabulary) }
}
