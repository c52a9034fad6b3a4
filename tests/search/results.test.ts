// What a search result shows and what a fruitless query is offered: the pure
// functions the search box runs (scripts/search/results.ts).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { marked, markedWords, passage, suggestions } from '../../scripts/search/results.ts'
import { wordBoundaries } from '../../scripts/search/build-index.ts'

const SYNONYMS = [['电动自行车', '电动车'], ['教育文旅', '学校', '校园']]

describe('markedWords', () => {
  it('marks the typed runs and the other names of a synonym group, longest first', () => {
    expect(markedWords('电动车 停放', SYNONYMS)).toEqual(['电动自行车', '电动车', '停放'])
    expect(markedWords('xiaofang', SYNONYMS)).toEqual(['xiaofang'])
  })
})

describe('marked and passage', () => {
  it('cut a text into pieces that join back to it', () => {
    fc.assert(fc.property(fc.string(), fc.array(fc.string({ minLength: 1, maxLength: 3 })), (text, words) => {
      expect(marked(text, words).map((s) => s.text).join('')).toBe(text)
    }))
  })

  it('shows the passage around the first match, marked, from its sentence', () => {
    const text = '加强培训。推进电动自行车充电桩建设，规范停放充电。其他内容'.repeat(3)
    const segments = passage(text, ['充电桩'], 30)
    const shown = segments.map((s) => s.text).join('')
    expect(shown.startsWith('…推进电动自行车充电桩建设')).toBe(true)
    expect(shown.endsWith('…')).toBe(true)
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['充电桩'])
  })

  it('shows the text from its start when no word is in it (a pinyin query)', () => {
    expect(passage('甲乙丙', ['cdz']).map((s) => s.text).join('')).toBe('甲乙丙')
  })
})

describe('suggestions', () => {
  const vocabulary = ['各站所', '电力', '充电桩', '消防']
  const finds = async (q: string) => ['电站', '电力', '充电桩', '消防', '各站所'].some((w) => w.includes(q) || q.includes(w))
  it('offers parts of the query that find something, then the names sharing most characters, shortest first', async () => {
    expect(await suggestions('核电站', vocabulary, finds)).toEqual(['电站', '电力', '充电桩', '各站所'])
  })
  it('offers nothing it has not checked', async () => {
    expect(await suggestions('核电站', vocabulary, async () => false)).toEqual([])
  })
})

describe('wordBoundaries', () => {
  it('takes a run of single characters ICU cannot place as one unknown word', () => {
    // ICU: 督促/企业/彻底/整/改 — 整改 is one word, so 彻底整 spans words.
    const cuts = wordBoundaries('督促企业彻底整改')
    expect(cuts.has(6)).toBe(true)
    expect(cuts.has(7)).toBe(false)
    expect(cuts.has(8)).toBe(true)
  })
})
