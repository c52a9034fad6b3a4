import { describe, expect, it } from 'vitest'
import { readMarker } from '../../scripts/parse/markers.ts'
import { chineseNumber } from '../../scripts/text/numerals.ts'

describe('readMarker', () => {
  it.each([
    ['一、指导思想', 'cn', 1, 1, '指导思想'],
    ['十、着力加强安全监管执法队伍建设。', 'cn', 1, 10, '着力加强安全监管执法队伍建设。'],
    ['（一）严格落实党组织安全生产责任', 'cn-paren', 2, 1, '严格落实党组织安全生产责任'],
    ['(十三)统筹做好', 'cn-paren', 2, 13, '统筹做好'],
    ['1.树牢安全发展理念。', 'arabic', 3, 1, '树牢安全发展理念。'],
    ['35、提高统筹意识。', 'arabic', 3, 35, '提高统筹意识。'],
    ['12．强化新业态', 'arabic', 3, 12, '强化新业态'],
    ['2. 带空格', 'arabic', 3, 2, '带空格'],
    ['（1）排查', 'arabic-paren', 4, 1, '排查'],
    ['(2)整治', 'arabic-paren', 4, 2, '整治'],
    ['①第一项', 'circled', 5, 1, '第一项'],
    ['⑩第十项', 'circled', 5, 10, '第十项'],
  ] as const)('%s → %s depth %i number %i', (line, kind, depth, number, rest) => {
    expect(readMarker(line)).toMatchObject({ kind, depth, number, rest })
  })

  it.each([
    '十五条措施在全镇落地见效',
    '1.5亿元资金',
    '2022年5月10日',
    '（责任单位：各村。完成时限：长期坚持。）',
    '各村，各站所：',
    '24小时值班',
    '',
  ])('%s is not a heading', (line) => {
    expect(readMarker(line)).toBeNull()
  })
})

describe('chineseNumber', () => {
  it.each([
    ['一', 1], ['九', 9], ['十', 10], ['十三', 13], ['二十', 20], ['二十一', 21], ['一百零五', 105], ['两', 2],
  ] as const)('%s → %i', (text, n) => expect(chineseNumber(text)).toBe(n))
  it.each(['甲', '一一', ''])('%s is not a number', (text) => expect(chineseNumber(text) || NaN).toBeNaN())
})
