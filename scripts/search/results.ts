// What the search box shows of a result, and what it offers when nothing is
// found: pure functions of the query and the stored text, shared by the box
// (bundled for the browser) and the tests. No imports: the browser gets this code.

/** A piece of a passage: marked where it is a word of the query. */
export interface Segment { text: string; mark: boolean }

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g
const LATIN_RUN = /[a-z0-9]+/gi

/**
 * The words to mark in a result for a query: its Chinese runs and Latin runs
 * as typed, and every other name of a synonym group the query names (电动车
 * finds and marks 电动自行车). Longest first, so the longest match wins.
 */
export function markedWords(query: string, synonyms: string[][]): string[] {
  const typed = [...(query.match(CJK_RUN) ?? []), ...(query.match(LATIN_RUN) ?? [])]
  const others = synonyms.filter((group) => group.some((name) => typed.some((w) => name.includes(w) || w.includes(name)))).flat()
  return [...new Set([...typed, ...others])].sort((a, b) => b.length - a.length)
}

/** The text cut into marked and unmarked pieces (case-insensitive for Latin words). */
export function marked(text: string, words: string[]): Segment[] {
  const segments: Segment[] = []
  const lower = text.toLowerCase()
  let plain = ''
  for (let i = 0; i < text.length;) {
    const word = words.find((w) => w !== '' && lower.startsWith(w.toLowerCase(), i))
    if (word) {
      if (plain) segments.push({ text: plain, mark: false })
      plain = ''
      segments.push({ text: text.slice(i, i + word.length), mark: true })
      i += word.length
    } else {
      plain += text[i]
      i++
    }
  }
  if (plain) segments.push({ text: plain, mark: false })
  return segments
}

/**
 * The passage of a text around its first marked word, at most `length`
 * characters, cut at a sentence start where one is near, with "…" where text
 * was left out; the text's beginning when no word is in it (a pinyin query).
 */
export function passage(text: string, words: string[], length = 80): Segment[] {
  const flat = text.replace(/\s*\n\s*/g, ' ')
  const lower = flat.toLowerCase()
  const hits = words.map((w) => lower.indexOf(w.toLowerCase())).filter((i) => i >= 0)
  const at = hits.length > 0 ? Math.min(...hits) : 0
  let start = Math.max(0, at - Math.floor(length / 4))
  // Begin at the sentence the word is in, when that sentence starts close by.
  const sentence = Math.max(flat.lastIndexOf('。', at - 1), flat.lastIndexOf('；', at - 1))
  if (sentence >= 0 && at - sentence <= length / 2) start = sentence + 1
  if (at - start > length / 2) start = at - Math.floor(length / 4)
  const end = Math.min(flat.length, start + length)
  const cut = `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`
  return marked(cut, words)
}

/**
 * What to offer for a query that finds nothing: the parts of its Chinese runs
 * that find something (核电站 → 电站), then names from the vocabulary sharing
 * the most characters with it; each checked with `finds`, in that order. At most `limit`.
 */
export async function suggestions(query: string, vocabulary: string[], finds: (q: string) => Promise<boolean>, limit = 5): Promise<string[]> {
  const candidates: string[] = []
  for (const run of query.match(CJK_RUN) ?? []) {
    const chars = [...run]
    for (let n = chars.length - 1; n >= 2; n--) {
      for (let i = 0; i + n <= chars.length; i++) candidates.push(chars.slice(i, i + n).join(''))
    }
  }
  const typed = new Set([...query].filter((c) => /[\u3400-\u9fff]/.test(c)))
  const scored = vocabulary
    .map((name) => ({ name, shared: [...new Set(name)].filter((c) => typed.has(c)).length }))
    .filter((s) => s.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.name.length - b.name.length || (a.name < b.name ? -1 : 1))
  candidates.push(...scored.map((s) => s.name))
  const out: string[] = []
  for (const q of candidates) {
    if (out.length >= limit) break
    if (!out.includes(q) && q !== query.trim() && (await finds(q))) out.push(q)
  }
  return out
}
