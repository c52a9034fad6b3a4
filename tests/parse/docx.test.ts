// Word's automatic numbering, rendered as Word shows it (scripts/parse/docx.ts).
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx'
import { describe, expect, it } from 'vitest'
import { formatNumber, readDocx } from '../../scripts/parse/docx.ts'

const levels = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
  { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
  { level: 3, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%4', alignment: AlignmentType.LEFT },
]

async function lines(paragraphs: Array<[string, number?, number?]>): Promise<string[]> {
  const doc = new Document({
    numbering: { config: [{ reference: 'list', levels }] },
    sections: [{ children: paragraphs.map(([text, level, instance]) => new Paragraph({ text, ...(level === undefined ? {} : { numbering: { reference: 'list', level, ...(instance ? { instance } : {}) } }) })) }],
  })
  return (await readDocx(await Packer.toBuffer(doc))).text.split('\n')
}

describe('readDocx', () => {
  it('renders each level in its format, a level starting again under a higher one', async () => {
    expect(await lines([['甲', 0], ['乙', 1], ['丙', 2], ['丁', 2], ['戊', 3], ['己', 1], ['庚', 2], ['辛', 0], ['壬', 1], ['无编号']])).toEqual([
      '一、甲', '（一）乙', '1.丙', '2.丁', '①戊', '（二）己', '1.庚', '二、辛', '（一）壬', '无编号',
    ])
  })

  it('starts a list again where Word does: a new instance of the list', async () => {
    const out = await lines([['甲', 1], ['乙', 1], ['丙', 1, 2], ['丁', 1, 2]])
    expect(out).toEqual(['（一）甲', '（二）乙', '（一）丙', '（二）丁'])
  })
})

describe('formatNumber', () => {
  it.each([
    [1, 'chineseCounting', '一'], [10, 'chineseCounting', '十'], [13, 'chineseCounting', '十三'], [21, 'chineseCountingThousand', '二十一'],
    [3, 'decimal', '3'], [3, 'decimalEnclosedCircle', '③'], [12, 'decimalFullWidth', '１２'], [2, 'bullet', ''],
  ] as const)('%d in %s → %s', (n, format, shown) => expect(formatNumber(n, format)).toBe(shown))
})
