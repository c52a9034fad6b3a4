// The search engine's settings, shared by the index builder (Node) and the
// search box (browser): one module, bundled into both, so they tokenize alike.
// No imports: the browser bundle gets exactly this code.

/** Fields indexed for each document, and their weight in ranking. */
export const FIELDS = ['title', 'text', 'units', 'deadline', 'words', 'extra'] as const
/**
 * Pinyin of a whole word (words) ranks like the text; pinyin whose letters
 * span words (extra: "cdz" as 次的专) ranks far below, so 充电桩 comes first.
 */
export const BOOST: Record<(typeof FIELDS)[number], number> = { title: 4, text: 1, units: 2, deadline: 2, words: 1, extra: 0.1 }
/** Shown in the results, as text (scripts/search/documents.ts). */
export const STORE_FIELDS = ['kind', 'title', 'meta', 'text'] as const

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/

/**
 * Index terms: every CJK character and every pair of neighbouring CJK
 * characters (so any Chinese string is found without a word list), and
 * lower-cased runs of ASCII letters and digits (pinyin, numbers, dates).
 */
export function tokenizeIndex(text: string): string[] {
  const terms: string[] = []
  let ascii = ''
  let previous = ''
  for (const ch of text.toLowerCase()) {
    if (CJK.test(ch)) {
      if (ascii) { terms.push(ascii); ascii = '' }
      terms.push(ch)
      if (previous) terms.push(previous + ch)
      previous = ch
    } else if (/[a-z0-9]/.test(ch)) {
      ascii += ch
      previous = ''
    } else {
      if (ascii) { terms.push(ascii); ascii = '' }
      previous = ''
    }
  }
  if (ascii) terms.push(ascii)
  return terms
}

/**
 * Query terms: a lone CJK character as itself, a longer CJK run as its
 * pairs (all must match: the search combines terms with AND), ASCII runs whole.
 */
export function tokenizeQuery(text: string): string[] {
  const terms: string[] = []
  for (const run of text.toLowerCase().match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g) ?? []) {
    if (!CJK.test(run[0]!) || run.length === 1) { terms.push(run); continue }
    const chars = [...run]
    for (let i = 1; i < chars.length; i++) terms.push(chars[i - 1]! + chars[i]!)
  }
  return [...new Set(terms)]
}

/**
 * Prefix matching only for ASCII terms of three letters or more: "xiaof" finds
 * "xiaofang", while two letters ("aq") would match far too many initials.
 */
export function prefixFor(term: string): boolean {
  return term.length >= 3 && /^[a-z0-9]+$/.test(term)
}

/**
 * Tasks are what people look for: a task ranks a little above another page
 * with the same match, a sector page (a short list of words) below; a page
 * named exactly as typed still comes first (the search box sees to that).
 */
export function boostDocument(id: string): number {
  return id.includes('/tasks/') ? 1.5 : id.includes('/sectors/') ? 0.5 : 1
}

export const SEARCH_OPTIONS = {
  boostDocument,
  combineWith: 'AND' as const,
  prefix: prefixFor,
  fuzzy: false as const,
  boost: BOOST,
  tokenize: tokenizeQuery,
}

export const INDEX_OPTIONS = {
  fields: [...FIELDS],
  storeFields: [...STORE_FIELDS],
  tokenize: tokenizeIndex,
  // Terms are already lower-cased; nothing is stemmed or dropped.
  processTerm: (term: string) => term,
  searchOptions: SEARCH_OPTIONS,
}

/** BM25+ as MiniSearch 7 computes it (its defaults k 1.2, b 0.7, d 0.5), for the sharded index (scripts/search/shards.ts). */
export function bm25(termFreq: number, matching: number, documents: number, fieldLength: number, averageFieldLength: number): number {
  const k = 1.2, b = 0.7, d = 0.5
  const invDocFreq = Math.log(1 + (documents - matching + 0.5) / (matching + 0.5))
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / averageFieldLength)))
}

/** MiniSearch's weight of a prefix match: "xiaof" matching "xiaofang". */
export function prefixWeight(query: string, term: string): number {
  return (0.375 * term.length) / (term.length + 0.3 * (term.length - query.length))
}

/**
 * Which group of the sharded index holds a term: a Latin term by its first
 * three letters (so every term a prefix query can reach is in one file), any
 * other by the whole term; FNV-1a over UTF-16 code units, modulo the number
 * of groups.
 */
export function shardOf(term: string, shards: number): number {
  const key = /^[a-z0-9]+$/.test(term) ? term.slice(0, 3) : term
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash % shards
}

/** The key under which a page titled exactly as typed is found (the box puts it first). */
export function titleKey(title: string): string {
  return `=${title}`
}
