// The levels of the outline and the rules that check each placement (scripts/parse/levels.ts).
import { describe, expect, it } from 'vitest'
import { breaksRule, continuesSequence, Levels, limitedGap, MAX_GAP, sameKindAsSibling, type Placed } from '../../scripts/parse/levels.ts'
import { readMarker, writeMarker, type MarkerKind } from '../../scripts/parse/markers.ts'

/** An item of this marker at this line. */
const at = (text: string, line: number): Placed => ({ marker: readMarker(text)!, line })

describe('Levels', () => {
  it('by convention: the rows of the marker table', () => {
    const levels = new Levels(false)
    expect((['cn', 'cn-paren', 'arabic', 'arabic-paren', 'circled'] as const).map((k) => levels.of(k))).toEqual([0, 1, 2, 3, 4])
    expect(levels.conventional()).toBe(true)
  })

  it.each([
    // kind first met, under the kind of the item open then (null: at the top) → the order learned
    ['the conventional order, met in it', [['cn', null], ['cn-paren', 'cn'], ['arabic', 'cn-paren']], ['cn', 'cn-paren', 'arabic'], true],
    ['1. above （一）: （一） first written inside a 1.', [['arabic', null], ['cn-paren', 'arabic']], ['arabic', 'cn-paren'], false],
    ['（一） at the top, 1. inside it', [['cn-paren', null], ['arabic', 'cn-paren']], ['cn-paren', 'arabic'], true],
    // ① met under 一、 before any （一）; （一） met under 一、 later: first appearance says nothing of （一） and ①.
    ['two kinds never one inside the other: by convention', [['cn', null], ['circled', 'cn'], ['cn-paren', 'cn']], ['cn', 'cn-paren', 'circled'], true],
    ['a kind met under the lowest known one goes below it', [['cn', null], ['circled', 'cn'], ['cn-paren', 'circled']], ['cn', 'circled', 'cn-paren'], false],
  ] as const)('%s', (_what, met, order, conventional) => {
    const levels = new Levels(true)
    for (const [kind, under] of met) levels.meet(kind, under === null ? null : { marker: { ...readMarker('一、')!, kind: under as MarkerKind }, line: 1 })
    expect(levels.order).toEqual(order)
    expect(levels.conventional()).toBe(conventional)
  })
})

describe('sameKindAsSibling', () => {
  it('siblings written with one marker pass', () => {
    expect(sameKindAsSibling(at('（二）b', 3), at('（一）a', 2))).toBeNull()
    expect(sameKindAsSibling(at('（一）a', 2), undefined)).toBeNull()
  })
  it('an item beside one of another kind is refused, the marker expected there named', () => {
    expect(sameKindAsSibling(at('一、a', 6), at('（一）a', 5))).toEqual({
      line: 6, message: '“一、”与同一层的上一条“（一）”（第5行）编号方式不同，无法确定它属于哪一层：此处应为“（二）”；已按原文保留，请核对层次',
    })
  })
})

describe('continuesSequence', () => {
  it.each([
    ['the next number', '（二）', '（一）', undefined, true],
    ['a number skipped (the numbering checks warn of it)', '（三）', '（一）', undefined, true],
    ['the first item at 1', '（一）', null, undefined, true],
    ['the first item under a parent running on from the last of its kind (tasks 1–35 across measures)', '8.', null, 7, true],
    ['a repeat', '（一）', '（一）', undefined, false],
    ['going back', '（二）', '（五）', undefined, false],
    ['a first item neither at 1 nor running on', '（三）', null, undefined, false],
  ] as const)('%s', (_what, marker, previous, lastOfKind, passes) => {
    const refused = continuesSequence(at(marker, 9), previous === null ? undefined : at(previous, 8), lastOfKind)
    expect(refused === null).toBe(passes)
  })

  it('says what was expected', () => {
    expect(continuesSequence(at('（一）a', 9), at('（一）a', 5), undefined)?.message).toBe('“（一）”接在同一层的“（一）”（第5行）之后，编号没有接续，无法确定它属于哪一层：此处应为“（二）”；已按原文保留，请核对层次')
    expect(continuesSequence(at('3.a', 9), undefined, undefined)?.message).toBe('“3.”是这一层的第一条，编号却不从1起、也不接续前文，无法确定它属于哪一层：此处应为“1.”；已按原文保留，请核对层次')
  })
})

describe('limitedGap', () => {
  it(`passes a gap of up to ${MAX_GAP}, refuses a longer one`, () => {
    expect(limitedGap(at('（四）', 3), at('（一）', 2), undefined)).toBeNull()
    expect(limitedGap(at('（五）', 3), at('（一）', 2), undefined)?.message).toBe('“（五）”的编号比同一层的上一条“（一）”（第2行）跳过了3个，无法确定它属于哪一层：此处应为“（二）”；已按原文保留，请核对层次')
  })
  it('a first item runs from the last of its kind', () => {
    expect(limitedGap(at('9.', 3), undefined, 7)).toBeNull()
    expect(limitedGap(at('19.', 3), undefined, 7)?.message).toBe('“19.”的编号比前一个同类编号7.跳过了11个，无法确定它属于哪一层：此处应为“8.”；已按原文保留，请核对层次')
  })
})

describe('breaksRule', () => {
  it('the first rule broken: kind, then sequence, then gap', () => {
    expect(breaksRule(at('1.', 3), at('（一）', 2), undefined)?.message).toContain('编号方式不同')
    expect(breaksRule(at('（一）', 3), at('（一）', 2), undefined)?.message).toContain('编号没有接续')
    expect(breaksRule(at('（九）', 3), at('（一）', 2), undefined)?.message).toContain('跳过了7个')
    expect(breaksRule(at('（二）', 3), at('（一）', 2), undefined)).toBeNull()
  })
})

describe('writeMarker', () => {
  it.each([['cn', 12, '十二、'], ['cn-paren', 3, '（三）'], ['arabic', 7, '7.'], ['arabic-paren', 2, '（2）'], ['circled', 4, '④']] as const)('%s %i → %s', (kind, n, text) => {
    expect(writeMarker(kind, n)).toBe(text)
    expect(readMarker(text)).toMatchObject({ kind, number: n })
  })
})
