import { describe, expect, it } from 'vitest'
import { clean, toParagraphs, wrapWidth } from '../../scripts/parse/paragraphs.ts'

describe('clean', () => {
  it.each([
    [' 18.推行', '18.推行'],
    ['\u3000\u3000（二）全面', '（二）全面'],
    ['    （二）全面  ', '（二）全面'],
    ['正文 中的 空格', '正文 中的 空格'],
  ])('%j → %j', (line, text) => expect(clean(line)).toBe(text))
})

describe('toParagraphs', () => {
  it('keeps one paragraph per line in a typed file, with source line numbers', () => {
    expect(toParagraphs(['一、标题', '', '正文第一段。', '  正文第二段。'])).toEqual([
      { line: 1, text: '一、标题' },
      { line: 3, text: '正文第一段。' },
      { line: 4, text: '正文第二段。' },
    ])
  })

  it('joins lines hard-wrapped at a fixed width, but not a line that starts a heading', () => {
    const full = '甲'.repeat(20)
    const lines = ['一、标题', full, full, '乙乙。', full, '丙。', '二、下一节', full, '丁。', full, full, '戊。']
    expect(wrapWidth(lines)).toBe(40)
    expect(toParagraphs(lines).map((p) => [p.line, p.text])).toEqual([
      [1, '一、标题'],
      [2, full + full + '乙乙。'],
      [5, full + '丙。'],
      [7, '二、下一节'],
      [8, full + '丁。'],
      [10, full + full + '戊。'],
    ])
  })

  it('keeps a table row set apart by runs of spaces a line of its own in a wrapped file, and the line as written', () => {
    const full = '甲'.repeat(20)
    const rows = ['序号  具体措施  责任单位  完成时限', '      检查全镇  镇安监站  长期坚持']
    const lines = [full, full, '乙。', full, '丙。', full, ...rows, '二、下一节']
    expect(toParagraphs(lines).map((p) => p.text)).toEqual([full + full + '乙。', full + '丙。', full, ...rows.map((r) => r.trim()), '二、下一节'])
    expect(toParagraphs(lines)[3]).toEqual({ line: 7, text: rows[0] })
    expect(toParagraphs(lines)[4]).toEqual({ line: 8, text: rows[1]!.trim(), raw: rows[1] })
  })

  it('does not take a typed file for a wrapped one', () => {
    expect(wrapWidth(['甲'.repeat(30), '乙'.repeat(55), '丙'.repeat(12), '丁'.repeat(80), '戊'.repeat(41), '己'.repeat(66)])).toBeNull()
  })
})
