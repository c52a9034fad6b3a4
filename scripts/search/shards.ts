// The search index as many small files (format.ts), from the search documents:
// each term's postings scored at build time exactly as MiniSearch would score
// them (BM25+ per field, field and document boosts of engine.ts), sorted best
// first and cut into growing blocks; terms grouped into shards by shardOf;
// what results show in chunks of CHUNK documents. Pure: returns the files.

import { createHash } from 'node:crypto'
import { BOOST, FIELDS, bm25, boostDocument, shardOf, titleKey, tokenizeIndex } from './engine.ts'
import { FORMAT, SCALE, paths, type Block, type BlockPack, type DocumentChunk, type Manifest, type Shard, type TermEntry } from './format.ts'
import type { SearchDocument } from './documents.ts'

export interface ShardOptions {
  /** Entries of a term's first block; block k holds BLOCK·2^k. */
  block: number
  /** Documents per chunk of display data. */
  chunk: number
  /** About how large (JSON characters) a shard should be: the number of shards follows from it. */
  shardChars: number
}

export const SHARD_OPTIONS: ShardOptions = { block: 64, chunk: 4, shardChars: 24_000 }

/** A term's postings, best first: document and score (thousandths). */
interface Postings { docs: number[]; scores: number[] }

/**
 * Every term's postings with its score, as MiniSearch computes a term's
 * score for a document (summed over fields: boost × BM25+ of the field, times
 * the document's boost); field lengths count distinct terms, as MiniSearch does.
 */
export function scorePostings(documents: SearchDocument[]): Map<string, Postings> {
  const n = documents.length
  // term → flat [document, field, frequency, …]
  const raw = new Map<string, number[]>()
  const lengths = FIELDS.map(() => new Float64Array(n))
  documents.forEach((doc, d) => {
    FIELDS.forEach((field, f) => {
      const counts = new Map<string, number>()
      for (const term of tokenizeIndex(doc[field])) counts.set(term, (counts.get(term) ?? 0) + 1)
      lengths[f]![d] = counts.size
      for (const [term, count] of counts) {
        let list = raw.get(term)
        if (!list) raw.set(term, (list = []))
        list.push(d, f, count)
      }
    })
  })
  const average = lengths.map((l) => l.reduce((a, b) => a + b, 0) / Math.max(1, n))
  const boosts = documents.map((doc) => boostDocument(doc.id))
  const postings = new Map<string, Postings>()
  for (const [term, list] of raw) {
    const matching = FIELDS.map(() => 0)
    for (let i = 0; i < list.length; i += 3) matching[list[i + 1]!]!++
    const score = new Map<number, number>()
    for (let i = 0; i < list.length; i += 3) {
      const [d, f, freq] = [list[i]!, list[i + 1]!, list[i + 2]!]
      const field = FIELDS[f]!
      const s = BOOST[field] * boosts[d]! * bm25(freq, matching[f]!, n, lengths[f]![d]!, average[f]!)
      score.set(d, (score.get(d) ?? 0) + s)
    }
    const ranked = [...score].map(([d, s]) => [d, Math.round(s * SCALE)] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0])
    postings.set(term, { docs: ranked.map((r) => r[0]), scores: ranked.map((r) => r[1]) })
    // Let the raw list go as soon as it is scored: at a thousand plans the lists are most of the memory.
    raw.delete(term)
  }
  // A page titled exactly as typed comes first: its title is a key of its own (no score).
  documents.forEach((doc, d) => {
    const key = titleKey(doc.title)
    const list = postings.get(key) ?? { docs: [], scores: [] }
    list.docs.push(d)
    list.scores.push(0)
    postings.set(key, list)
  })
  return postings
}

/** Block k of a postings list: its entries ordered by document, documents written as gaps. */
function block(p: Postings, from: number, to: number): Block {
  const entries = p.docs.slice(from, to).map((d, i) => [d, p.scores[from + i]!] as const).sort((a, b) => a[0] - b[0])
  return [entries.map(([d], i) => d - (i === 0 ? 0 : entries[i - 1]![0])), entries.map(([, s]) => s)]
}

/** Where each block of a list of `count` entries begins: 0, BLOCK, 3·BLOCK, 7·BLOCK, … */
export function blockStarts(count: number, size: number): number[] {
  const starts: number[] = []
  for (let at = 0, k = 0; at < count; at += size * 2 ** k, k++) starts.push(at)
  return starts
}

/** The files of the sharded index, by path under search/. */
export function shardFiles(documents: SearchDocument[], synonyms: string[][], vocabulary: string[], options = SHARD_OPTIONS): Map<string, string> {
  const postings = scorePostings(documents)
  const terms = [...postings.keys()].sort()
  // Estimate each term's first block, to choose how many shards make files of about shardChars.
  const firstChars = (term: string) => term.length + 8 * Math.min(options.block, postings.get(term)!.docs.length) + 16
  const total = terms.reduce((sum, t) => sum + firstChars(t), 0)
  const shards = 2 ** Math.max(0, Math.ceil(Math.log2(total / options.shardChars)))

  const grouped: string[][] = Array.from({ length: shards }, () => [])
  for (const term of terms) grouped[shardOf(term, shards)]!.push(term)
  const files = new Map<string, string>()
  grouped.forEach((group, s) => {
    const packs: BlockPack[] = []
    const shard: Shard = group.map((term, i) => {
      const p = postings.get(term)!
      const starts = blockStarts(p.docs.length, options.block)
      const blocks = starts.map((from, k) => block(p, from, starts[k + 1] ?? p.docs.length))
      blocks.slice(1).forEach((b, k) => (packs[k] ??= []).push([i, ...b]))
      const entry: TermEntry = [p.docs.length, starts.map((from) => p.scores[from]!), ...blocks[0]!]
      return [term, entry]
    })
    files.set(paths.shard('', s), `${JSON.stringify(shard)}\n`)
    packs.forEach((pack, k) => files.set(paths.blocks('', s, k + 1), `${JSON.stringify(pack)}\n`))
  })
  for (let c = 0; c * options.chunk < documents.length; c++) {
    const chunk: DocumentChunk = documents.slice(c * options.chunk, (c + 1) * options.chunk).map((d) => [d.id, d.kind, d.title, d.meta, d.text])
    files.set(paths.chunk('', c), `${JSON.stringify(chunk)}\n`)
  }
  files.set(paths.vocabulary(''), `${JSON.stringify(vocabulary)}\n`)

  // The folder is named by the files' content, so a browser can keep them for good.
  const hash = createHash('sha256')
  const sorted = [...files.keys()].sort()
  for (const path of sorted) hash.update(`${path}\0${files.get(path)}\0`)
  const folder = hash.digest('hex').slice(0, 16)
  const out = new Map<string, string>()
  for (const path of sorted) out.set(`${folder}${path}`, files.get(path)!)
  const manifest: Manifest = { format: FORMAT, folder, documents: documents.length, shards, chunk: options.chunk, synonyms }
  out.set(paths.manifest, `${JSON.stringify(manifest)}\n`)
  return out
}
