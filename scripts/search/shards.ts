// The search index as many small files (format.ts), from the search documents:
// each term's postings scored at build time exactly as MiniSearch would score
// them (BM25+ per field, field and document boosts of engine.ts), sorted best
// first and cut into growing blocks; terms grouped into shards by shardOf;
// what results show in chunks of CHUNK documents. Pure: the files go to the
// writer it is given (or into a Map).

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

/** The documents, in order, in batches (a plan's): read once. */
export type DocumentSource = Iterable<readonly SearchDocument[]>

/**
 * What the first pass learns of every document and term: enough to score any
 * term and to size the shards; and each document's terms, as numbers (the
 * term's id, its field and count; -1 ends a document), so that the passes
 * that score a partition of the terms need neither the documents nor the
 * tokenizer again. About 8 bytes a distinct term of a field of a document.
 */
interface Statistics {
  documents: number
  /** Per field, per document: distinct terms (MiniSearch's field length). */
  lengths: number[][]
  /** Per document: its boost. */
  boosts: number[]
  /** Term → id; names[id] → term. Title keys are terms of their own (titleKey). */
  ids: Map<string, number>
  names: string[]
  /** Per field, per term id: documents holding it in that field. */
  matching: number[][]
  /** Per term id: documents holding it at all, and the last that did (+1). */
  holding: number[]
  last: number[]
  /** Per term id: documents titled so (for title keys). */
  titled: number[]
  /** Per document: the id of its title key. */
  titleIds: number[]
  /** Pairs [term id, field << 24 | count], [-1, 0] after each document. */
  stream: Int32Array[]
}

const STREAM_CHUNK = 1 << 20
const END = -1

/** Each field of a document as its terms and counts (MiniSearch's tokenizer). */
function fieldCounts(doc: SearchDocument): Map<string, number>[] {
  return FIELDS.map((field) => {
    const counts = new Map<string, number>()
    for (const term of tokenizeIndex(doc[field])) counts.set(term, (counts.get(term) ?? 0) + 1)
    return counts
  })
}

function statistics(source: DocumentSource, eachDocument: (doc: SearchDocument, d: number) => void): Statistics {
  const stats: Statistics = {
    documents: 0, lengths: FIELDS.map(() => []), boosts: [], ids: new Map(), names: [], matching: FIELDS.map(() => []),
    holding: [], last: [], titled: [], titleIds: [], stream: [],
  }
  let chunk = new Int32Array(STREAM_CHUNK)
  let at = 0
  const put = (a: number, b: number) => {
    if (at === chunk.length) {
      stats.stream.push(chunk)
      chunk = new Int32Array(STREAM_CHUNK)
      at = 0
    }
    chunk[at++] = a
    chunk[at++] = b
  }
  const idOf = (term: string) => {
    let id = stats.ids.get(term)
    if (id === undefined) {
      stats.ids.set(term, (id = stats.names.length))
      stats.names.push(term)
      for (const m of stats.matching) m.push(0)
      stats.holding.push(0)
      stats.last.push(0)
      stats.titled.push(0)
    }
    return id
  }
  for (const batch of source) {
    for (const doc of batch) {
      const d = stats.documents++
      eachDocument(doc, d)
      stats.boosts.push(boostDocument(doc.id))
      fieldCounts(doc).forEach((counts, f) => {
        stats.lengths[f]!.push(counts.size)
        for (const [term, count] of counts) {
          const id = idOf(term)
          stats.matching[f]![id]!++
          if (stats.last[id] !== d + 1) {
            stats.holding[id]!++
            stats.last[id] = d + 1
          }
          put(id, (f << 24) | count)
        }
      })
      put(END, 0)
      const title = idOf(titleKey(doc.title))
      stats.titleIds.push(title)
      stats.titled[title]!++
    }
  }
  stats.stream.push(chunk.subarray(0, at))
  return stats
}

/**
 * The postings of the terms `wanted` accepts (by id), with their scores, as
 * MiniSearch computes a term's score for a document (summed over fields:
 * boost × BM25+ of the field, times the document's boost); field lengths
 * count distinct terms, as MiniSearch does. One pass over the stream.
 */
function scorePartition(stats: Statistics, wanted: (id: number) => boolean): Map<number, Postings> {
  const n = stats.documents
  const average = stats.lengths.map((l) => l.reduce((a, b) => a + b, 0) / Math.max(1, n))
  // term id → flat [document, field, frequency, …], by document
  const raw = new Map<number, number[]>()
  let d = 0
  for (const chunk of stats.stream) {
    for (let i = 0; i < chunk.length; i += 2) {
      const id = chunk[i]!
      if (id === END) {
        d++
        continue
      }
      if (!wanted(id)) continue
      let list = raw.get(id)
      if (!list) raw.set(id, (list = []))
      list.push(d, chunk[i + 1]! >>> 24, chunk[i + 1]! & 0xffffff)
    }
  }
  const postings = new Map<number, Postings>()
  for (const [id, list] of raw) {
    // A document's fields come one after another: summed as they come.
    const docs: number[] = []
    const scores: number[] = []
    for (let i = 0; i < list.length; i += 3) {
      const [doc, f, freq] = [list[i]!, list[i + 1]!, list[i + 2]!]
      const s = BOOST[FIELDS[f]!] * stats.boosts[doc]! * bm25(freq, stats.matching[f]![id]!, n, stats.lengths[f]![doc]!, average[f]!)
      if (docs.at(-1) === doc) scores[scores.length - 1]! += s
      else {
        docs.push(doc)
        scores.push(s)
      }
    }
    const rounded = scores.map((s) => Math.round(s * SCALE))
    const order = docs.map((_, i) => i).sort((a, b) => rounded[b]! - rounded[a]! || docs[a]! - docs[b]!)
    postings.set(id, { docs: order.map((i) => docs[i]!), scores: order.map((i) => rounded[i]!) })
    // Let the raw list go as soon as it is scored: the lists are most of the memory.
    raw.delete(id)
  }
  // A page titled exactly as typed comes first: its title is a key of its own (no score).
  stats.titleIds.forEach((id, doc) => {
    if (!wanted(id)) return
    const list = postings.get(id) ?? { docs: [], scores: [] }
    list.docs.push(doc)
    list.scores.push(0)
    postings.set(id, list)
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

/** Postings entries a pass holds at most (about 100 MB): the shards are built in as many passes as they need. */
export const PARTITION_ENTRIES = 2_000_000

/**
 * Writes the sharded index through `write` (path below search/, content):
 * display chunks as the documents are read (once), then the shards in passes
 * of at most `partition` postings entries each. Files go under the folder
 * named by their content, known at the end; `write` is given paths below that
 * folder ("/t/0.json"), then the manifest ("manifest.json"), which names the
 * folder. Returns the manifest.
 */
export function writeIndex(
  source: DocumentSource, synonyms: string[][], vocabulary: string[], write: (path: string, content: string) => void,
  options = SHARD_OPTIONS, partition = PARTITION_ENTRIES,
): Manifest {
  const digests = new Map<string, string>()
  const put = (path: string, content: string) => {
    digests.set(path, createHash('sha256').update(content).digest('hex'))
    write(path, content)
  }
  let chunk: DocumentChunk = []
  let chunks = 0
  const stats = statistics(source, (d) => {
    chunk.push([d.id, d.kind, d.title, d.meta, d.text])
    if (chunk.length === options.chunk) {
      put(paths.chunk('', chunks++), `${JSON.stringify(chunk)}\n`)
      chunk = []
    }
  })
  if (chunk.length > 0) put(paths.chunk('', chunks++), `${JSON.stringify(chunk)}\n`)

  // Each term's first block, estimated, chooses how many shards make files of about shardChars.
  const entries = (id: number) => stats.holding[id]! + stats.titled[id]!
  const firstChars = (id: number) => stats.names[id]!.length + 8 * Math.min(options.block, entries(id)) + 16
  let total = 0
  for (let id = 0; id < stats.names.length; id++) total += firstChars(id)
  const shards = 2 ** Math.max(0, Math.ceil(Math.log2(total / options.shardChars)))
  const grouped: string[][] = Array.from({ length: shards }, () => [])
  const shardIds = new Int32Array(stats.names.length)
  stats.names.forEach((term, id) => {
    shardIds[id] = shardOf(term, shards)
    grouped[shardIds[id]!]!.push(term)
  })
  for (const group of grouped) group.sort()

  // Consecutive shards in partitions of at most `partition` entries (a shard larger than that alone).
  const partitionOf = new Int32Array(shards)
  let held = 0
  let partitions = 1
  grouped.forEach((group, s) => {
    const size = group.reduce((sum, term) => sum + entries(stats.ids.get(term)!), 0)
    if (held + size > partition && held > 0) {
      partitions++
      held = 0
    }
    partitionOf[s] = partitions - 1
    held += size
  })
  for (let p = 0, first = 0; p < partitions; p++) {
    const postings = scorePartition(stats, (id) => partitionOf[shardIds[id]!] === p)
    for (let s = first; s < shards && partitionOf[s] === p; s++, first++) {
      const packs: BlockPack[] = []
      const shard: Shard = grouped[s]!.map((term, i) => {
        const post = postings.get(stats.ids.get(term)!)!
        const starts = blockStarts(post.docs.length, options.block)
        const blocks = starts.map((from, k) => block(post, from, starts[k + 1] ?? post.docs.length))
        blocks.slice(1).forEach((b, k) => (packs[k] ??= []).push([i, ...b]))
        const entry: TermEntry = [post.docs.length, starts.map((from) => post.scores[from]!), ...blocks[0]!]
        return [term, entry]
      })
      put(paths.shard('', s), `${JSON.stringify(shard)}\n`)
      packs.forEach((pack, k) => put(paths.blocks('', s, k + 1), `${JSON.stringify(pack)}\n`))
    }
  }
  put(paths.vocabulary(''), `${JSON.stringify(vocabulary)}\n`)

  // The folder is named by the files' content, so a browser can keep them for good.
  const hash = createHash('sha256')
  for (const path of [...digests.keys()].sort()) hash.update(`${path}\0${digests.get(path)}\0`)
  const manifest: Manifest = { format: FORMAT, folder: hash.digest('hex').slice(0, 16), documents: stats.documents, shards, chunk: options.chunk, synonyms }
  write(paths.manifest, `${JSON.stringify(manifest)}\n`)
  return manifest
}

/** The files of the sharded index, by path under search/ (held in memory: for tests and small sites). */
export function shardFiles(documents: SearchDocument[], synonyms: string[][], vocabulary: string[], options = SHARD_OPTIONS, partition = PARTITION_ENTRIES): Map<string, string> {
  const files = new Map<string, string>()
  const manifest = writeIndex([documents], synonyms, vocabulary, (path, content) => files.set(path, content), options, partition)
  const out = new Map<string, string>()
  for (const path of [...files.keys()].filter((p) => p !== paths.manifest).sort()) out.set(`${manifest.folder}${path}`, files.get(path)!)
  out.set(paths.manifest, files.get(paths.manifest)!)
  return out
}
