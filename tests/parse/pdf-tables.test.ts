// Task tables in a PDF's runs (scripts/parse/pdf-tables.ts), on lines made up here: runs at their places, rules
// where a table is ruled. The tables LibreOffice sets are read in tests/parse/office.test.ts and layouts.test.ts.
import { describe, expect, it } from 'vitest'
import { readTables, type PdfLine, type Rule } from '../../scripts/parse/pdf-tables.ts'
import { withoutLayoutSpaces } from '../../scripts/parse/pdf.ts'

/** A line of runs, each [x, text], in type of `size` (a glyph as wide as the type is high, a space a quarter of it). */
function line(page: number, y: number, runs: Array<[number, string]>, size = 12): PdfLine {
  const made = runs.map(([x, raw]) => ({ x, y, w: [...raw].reduce((w, c) => w + (c === ' ' ? size / 4 : size), 0), h: size, raw }))
  return { page, y, x: made[0]!.x, right: Math.max(...made.map((r) => r.x + r.w)), size, text: runs.map(([, t]) => withoutLayoutSpaces(t)).join(''), runs: made }
}

const read = (lines: PdfLine[], rules: Rule[] = []) => readTables(lines, () => rules, withoutLayoutSpaces).map((l) => l.text)

// Columns at 90 (序号), 130 (重点任务), 210 (具体措施), 400 (责任单位), 470 (完成时限).
const HEADER = line(1, 700, [[90, '序号'], [130, '重点任务'], [210, '具体措施'], [400, '责任单位'], [470, '完成时限']])

describe('a task table in a PDF', () => {
  it('is read a row a line, its cells set apart by tabs, wrapped lines joined, up to the text after it', () => {
    expect(read([
      line(1, 740, [[90, '二、细化措施']], 15),
      HEADER,
      line(1, 682, [[90, '1'], [130, '压实责任'], [210, '落实包保责任。各村要落实'], [400, '各村'], [470, '长期坚持']]),
      line(1, 664, [[210, '村干部包保责任。']]),
      line(1, 646, [[90, '2'], [210, '完善应急预案。'], [400, '镇政府、'], [470, '6月底前']]),
      line(1, 628, [[400, '各站所']]),
      line(1, 600, [[90, '三、阶段划分安排和工作要求如下']], 15),
    ])).toEqual([
      '二、细化措施',
      '序号\t重点任务\t具体措施\t责任单位\t完成时限',
      '1\t压实责任\t落实包保责任。各村要落实村干部包保责任。\t各村\t长期坚持',
      '2\t\t完善应急预案。\t镇政府、各站所\t6月底前',
      '三、阶段划分安排和工作要求如下',
    ])
  })

  it('goes on over a page break, its header repeated or not', () => {
    const rows = (repeat: boolean) => read([
      HEADER,
      line(1, 682, [[90, '1'], [130, '压实责任'], [210, '落实包保责任。'], [400, '各村'], [470, '长期坚持']]),
      ...(repeat ? [{ ...HEADER, page: 2, y: 760 }] : []),
      line(2, 742, [[210, '每月检查一次。']]),
      line(2, 724, [[90, '2'], [210, '完善应急预案。'], [400, '镇政府'], [470, '年底前']]),
    ])
    for (const repeat of [true, false]) {
      expect(rows(repeat)).toEqual(['序号\t重点任务\t具体措施\t责任单位\t完成时限', '1\t压实责任\t落实包保责任。每月检查一次。\t各村\t长期坚持', '2\t\t完善应急预案。\t镇政府\t年底前'])
    }
  })

  it('ruled: a merged 重点任务 cell holds its lines beside the next rows, a centred 序号 its row', () => {
    // Rows 1 and 2 between rules at 694, 670 and 640 (the 重点任务 column not ruled at 670: merged); the table's sides.
    const across = (y: number, from = 85, to = 540): Rule => ({ x1: from, y1: y, x2: to, y2: y })
    const rules: Rule[] = [across(715), across(694), across(670, 85, 128), across(670, 205, 540), across(640),
      ...[85, 128, 205, 395, 465, 540].map((x) => ({ x1: x, y1: 640, x2: x, y2: 715 }))]
    expect(read([
      HEADER,
      line(1, 682, [[130, '严格落实党'], [210, '树牢理念。'], [400, '各村'], [470, '长期坚持']]),
      line(1, 676, [[90, '1']]),
      line(1, 658, [[90, '2'], [130, '组织责任'], [210, '强化考评。'], [400, '各站所'], [470, '长期坚持']]),
      line(1, 600, [[90, '三、阶段划分']], 15),
    ], rules)).toEqual([
      '序号\t重点任务\t具体措施\t责任单位\t完成时限',
      '1\t严格落实党组织责任\t树牢理念。\t各村\t长期坚持',
      '2\t\t强化考评。\t各站所\t长期坚持',
      '三、阶段划分',
    ])
  })

  it('finds a header whose cells wrap, and rows by the rules where there is no 序号', () => {
    const across = (y: number): Rule => ({ x1: 85, y1: y, x2: 540, y2: y })
    const rules: Rule[] = [across(715), across(676), across(640), across(604), ...[85, 205, 395, 465, 540].map((x) => ({ x1: x, y1: 604, x2: x, y2: 715 }))]
    expect(read([
      line(1, 700, [[90, '重点任'], [210, '具体措施'], [400, '责任单'], [470, '完成时']]),
      line(1, 686, [[90, '务'], [400, '位'], [470, '限']]),
      line(1, 662, [[90, '压实责任'], [210, '落实包保责任。'], [400, '各村'], [470, '长期坚持']]),
      line(1, 644, [[90, '到人'], [210, '每月检查。']]),
      line(1, 626, [[90, '完善预案'], [210, '修订预案。'], [400, '镇政府'], [470, '年底前']]),
    ], rules)).toEqual([
      '重点任务\t具体措施\t责任单位\t完成时限',
      '压实责任到人\t落实包保责任。每月检查。\t各村\t长期坚持',
      '完善预案\t修订预案。\t镇政府\t年底前',
    ])
  })

  it('keeps the space between two units of a unit cell, not those pdf.js puts between glyphs set apart', () => {
    expect(read([
      HEADER,
      line(1, 682, [[90, '1'], [210, '落实责任。'], [400, '各村 各站所'], [470, '6 月底前']]),
      line(1, 664, [[90, '2'], [210, '完 善 预 案 。'], [400, '各 村 、 县 交'], [470, '年底前']]),
      line(1, 646, [[400, '通局']]),
      line(1, 628, [[90, '3'], [210, '强化考评。'], [400, '镇政府'], [441, '镇党委'], [476, '长期坚持']]),
    ]).slice(1)).toEqual(['1\t\t落实责任。\t各村 各站所\t6月底前', '2\t\t完善预案。\t各村、县交通局\t年底前', '3\t\t强化考评。\t镇政府 镇党委\t长期坚持'])
  })

  it.each([
    ['a line of text naming columns', [line(1, 700, [[90, '明确'], [150, '工作任务'], [230, '、'], [260, '责任单位'], [330, '、'], [360, '完成时限'], [430, '和要求']], 15)]],
    ['a header with no rows under it', [HEADER, line(1, 660, [[90, '各村、各站所要按照本方案的要求，认真组织实施，确保各项任务落到实处。']], 12)]],
  ])('is not found in %s', (_what, lines) => {
    expect(read(lines)).toEqual(lines.map((l) => l.text))
  })
})

describe('a header cell that wraps while the others do not', () => {
  it('is read whole where it stands above and below the others\' line (centred from top to bottom), the heading above apart', () => {
    expect(read([
      line(1, 740, [[90, '（三）道路交通安全']], 15),
      line(1, 712, [[400, '责任单']]),
      line(1, 700, [[90, '序号'], [130, '具体措施'], [470, '完成时限']]),
      line(1, 688, [[400, '位']]),
      line(1, 664, [[90, '1'], [130, '整治农用车违法载人。'], [400, '镇派出所'], [470, '10月底前']]),
      line(1, 630, [[90, '三、保障措施']], 15),
    ])).toEqual([
      '（三）道路交通安全',
      '序号\t具体措施\t责任单位\t完成时限',
      '1\t整治农用车违法载人。\t镇派出所\t10月底前',
      '三、保障措施',
    ])
  })
})

describe('a line just above a header', () => {
  it('is not read into it where the header reads as well without it, even with its words over the header\'s cells', () => {
    expect(read([
      line(1, 722, [[130, '重点'], [210, '安排']], 12),
      HEADER,
      line(1, 682, [[90, '1'], [130, '压实责任'], [210, '落实包保责任。'], [400, '各村'], [470, '长期坚持']]),
    ])).toEqual(['重点安排', '序号\t重点任务\t具体措施\t责任单位\t完成时限', '1\t压实责任\t落实包保责任。\t各村\t长期坚持'])
  })
})

describe('a note set as a small table under its task', () => {
  it('reads as its fields, a line each, a value wrapped in its cell joined', () => {
    expect(read([
      line(1, 700, [[90, '1.树牢安全发展理念。']], 15),
      line(1, 680, [[90, '责任单位'], [300, '镇党委、镇政府，'], [420, '各']], 15),
      line(1, 662, [[300, '村']], 15),
      line(1, 640, [[90, '完成时限'], [300, '长期坚持']], 15),
      line(1, 610, [[120, '2.强化考评。']], 15),
    ])).toEqual(['1.树牢安全发展理念。', '责任单位：镇党委、镇政府，各村', '完成时限：长期坚持', '2.强化考评。'])
  })

  it('is not a line of text that begins with a label, its glyphs set apart', () => {
    // 10 pt apart, less than a glyph: a justified line's glyphs, not cells.
    const text = line(1, 680, [[90, '责任单位：'], [175, '镇政府']], 15)
    expect(read([text])).toEqual(['责任单位：镇政府'])
  })

  it('in columns only as wide as its words is read too: its value a cell\'s padding from its label, nearer than a glyph', () => {
    // The label's glyphs at their width (4 × 15 pt), its value 7 pt after it: a ruled cell's padding.
    const lines = [
      line(1, 700, [[90, '3.开展九小场所排查。']], 15),
      line(1, 680, [[90, '责任单位'], [157, '镇消防所、各村（社区）']], 15),
      line(1, 650, [[90, '完成时限'], [157, '2024年6月底前']], 15),
    ]
    expect(read(lines)).toEqual(['3.开展九小场所排查。', '责任单位：镇消防所、各村（社区）', '完成时限：2024年6月底前'])
    // The same words in a justified line: the label's glyphs 7.5 pt apart, as far as the value is from it.
    expect(read([line(1, 680, [[90, '责  任  单  位'], [180, '镇消防所']], 15)])).toEqual(['责任单位镇消防所'])
  })
})
