// Word's automatic numbering, rendered as Word shows it (scripts/parse/docx.ts).
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from 'docx'
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

describe('tables in a Word file (cells.ts)', () => {
  const cell = (text: string, columnSpan?: number) => new TableCell({ children: [new Paragraph(text)], ...(columnSpan ? { columnSpan } : {}) })
  async function tableLinesOf(rows: string[][] | Array<Array<[string, number?]>>): Promise<string[]> {
    const table = new Table({ rows: rows.map((row) => new TableRow({ children: row.map((c) => (Array.isArray(c) ? cell(c[0], c[1]) : cell(c))) })) })
    const doc = new Document({ sections: [{ children: [new Paragraph('1.任务。'), table, new Paragraph('2.下一项。')] }] })
    return (await readDocx(await Packer.toBuffer(doc))).text.split('\n')
  }

  it('a note as two columns, a label and its value a row, is the note on lines of its own', async () => {
    expect(await tableLinesOf([['责任单位', '镇政府、各村'], ['完成时限：', '6月底前完成']])).toEqual(['1.任务。', '责任单位：镇政府、各村', '完成时限：6月底前完成', '2.下一项。'])
  })

  it('a note as a header of labels over a row of values is the note on lines of its own', async () => {
    expect(await tableLinesOf([['牵头单位', '配合单位', '完成时限'], ['镇政府', '各村', '长期坚持']])).toEqual(['1.任务。', '牵头单位：镇政府', '配合单位：各村', '完成时限：长期坚持', '2.下一项。'])
  })

  it('a task table is a line a row, a cell merged across columns followed by the empty cells it covers', async () => {
    expect(await tableLinesOf([[['序号'], ['工作任务'], ['责任单位'], ['完成时限']], [['一、重点工作', 4]], [['1'], ['建立台账'], ['镇政府'], ['6月底前']]])).toEqual([
      '1.任务。', '序号\t工作任务\t责任单位\t完成时限', '一、重点工作\t\t\t', '1\t建立台账\t镇政府\t6月底前', '2.下一项。',
    ])
  })

  it('a table of two columns that is not a note stays a table', async () => {
    expect(await tableLinesOf([['项目', '内容'], ['责任单位', '镇政府']])).toEqual(['1.任务。', '项目\t内容', '责任单位\t镇政府', '2.下一项。'])
  })
})
