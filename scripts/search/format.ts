// The sharded search index as files: what scripts/search/shards.ts writes and
// scripts/search/query.ts reads. No imports: the browser bundle gets this code.
//
// search/manifest.json      Manifest: counts, the folder of this build's files, synonyms
// search/<folder>/t/<n>.json Shard: the terms whose shardOf is n, each with its first block of postings
// search/<folder>/b/<n>-<k>.json  BlockPack: block k (≥ 1) of every term of shard n that has one
// search/<folder>/d/<c>.json DocumentChunk: what results show, CHUNK documents a file
// search/<folder>/vocabulary.json  names offered when a query finds nothing
//
// A term's postings are sorted by score, best first, and cut into blocks of
// BLOCK, 2·BLOCK, 4·BLOCK, … entries: a query reads the next block of a term
// only while a document there could still reach the results shown.

export const FORMAT = 1

export interface Manifest {
  format: typeof FORMAT
  /** The folder of this build's files, named by their content: files in it never change. */
  folder: string
  documents: number
  shards: number
  /** Documents per DocumentChunk. */
  chunk: number
  /** Synonym groups: the box marks a group's other names in results. */
  synonyms: string[][]
}

/**
 * One term: how many documents hold it, the best score of each block, and the
 * first block (documents ascending, each written as the gap from the one before;
 * scores in thousandths, in the same order).
 */
export type TermEntry = [count: number, maxes: number[], gaps: number[], scores: number[]]
/** A shard: its terms, sorted, each with its entry. */
export type Shard = [term: string, entry: TermEntry][]
/** A later block of a term: gaps and scores, as in TermEntry. */
export type Block = [gaps: number[], scores: number[]]
/**
 * Block k of the terms of one shard that have one, each with the term's place
 * in the shard: one file a shard and level, not one a term (tens of thousands
 * of tiny files), at the cost of the shard's other terms' blocks.
 */
export type BlockPack = [term: number, gaps: number[], scores: number[]][]
/** What a result shows of a document: its link, kind, title, meta line and text (all plain text). */
export type StoredDocument = [id: string, kind: string, title: string, meta: string, text: string]
export type DocumentChunk = StoredDocument[]

export const paths = {
  manifest: 'manifest.json',
  shard: (folder: string, shard: number) => `${folder}/t/${shard}.json`,
  blocks: (folder: string, shard: number, block: number) => `${folder}/b/${shard}-${block}.json`,
  chunk: (folder: string, chunk: number) => `${folder}/d/${chunk}.json`,
  vocabulary: (folder: string) => `${folder}/vocabulary.json`,
}

/** Scores are stored as integers: thousandths. */
export const SCALE = 1000

const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => typeof n === 'number')
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string')

export function isManifest(v: unknown): v is Manifest {
  if (typeof v !== 'object' || v === null) return false
  const m = v as Record<string, unknown>
  return m.format === FORMAT && typeof m.folder === 'string' && /^[0-9a-f]+$/.test(m.folder) && typeof m.documents === 'number' &&
    typeof m.shards === 'number' && m.shards >= 1 && typeof m.chunk === 'number' && m.chunk >= 1 &&
    Array.isArray(m.synonyms) && m.synonyms.every(isStrings)
}

export function isBlock(v: unknown): v is Block {
  return Array.isArray(v) && v.length === 2 && isNumbers(v[0]) && isNumbers(v[1]) && v[0].length === v[1].length
}

export function isBlockPack(v: unknown): v is BlockPack {
  return Array.isArray(v) && v.every((b) => Array.isArray(b) && b.length === 3 && typeof b[0] === 'number' && isBlock([b[1], b[2]]))
}

export function isShard(v: unknown): v is Shard {
  return Array.isArray(v) && v.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' &&
    Array.isArray(pair[1]) && pair[1].length === 4 && typeof pair[1][0] === 'number' && isNumbers(pair[1][1]) && isBlock([pair[1][2], pair[1][3]]))
}

export function isDocumentChunk(v: unknown): v is DocumentChunk {
  return Array.isArray(v) && v.every((d) => isStrings(d) && d.length === 5)
}

export { isStrings as isVocabulary }
