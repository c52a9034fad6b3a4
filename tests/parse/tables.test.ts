// Task tables flattened to text, in every form (issue 25): cells between bars, tabs or runs of spaces, merged
// cells left empty or left out in the rows below, a 完成进展 column, several numbered tasks in one cell. Each
// table is read into the measures and tasks the outline reads (flattenTables), without a warning.
import { describe, expect, it } from 'vitest'
import { flattenTables } from '../../scripts/parse/tables.ts'
import { toParagraphs } from '../../scripts/parse/paragraphs.ts'
import type { Problem } from '../../scripts/model/plan.ts'

function flatten(lines: string[]): { texts: string[]; problems: Problem[] } {
  const problems: Problem[] = []
  return { texts: flattenTables(toParagraphs(lines), problems).map((p) => p.text), problems }
}

const READ = ['（一）危化品安全', '1.开展加油站检查（责任单位：镇安监站、镇派出所；完成时限：5月底前）', '2.整治非法储存（责任单位：镇安监站；完成时限：6月底前）', '（二）消防安全', '3.开展九小场所排查（责任单位：镇消防所；完成时限：长期坚持）']

describe('flattenTables', () => {
  it.each<[string, string[]]>([
    ['bars', ['| 序号 | 重点任务 | 具体措施 | 责任单位 | 完成时限 |', '| 1 | 危化品安全 | 开展加油站检查 | 镇安监站 镇派出所 | 5月底前 |', '| 2 | 危化品安全 | 整治非法储存 | 镇安监站 | 6月底前 |', '| 3 | 消防安全 | 开展九小场所排查 | 镇消防所 | 长期坚持 |']],
    ['bars, a merged cell left empty below', ['| 序号 | 重点任务 | 具体措施 | 责任单位 | 完成时限 |', '| 1 | 危化品安全 | 开展加油站检查 | 镇安监站 镇派出所 | 5月底前 |', '| 2 |  | 整治非法储存 | 镇安监站 | 6月底前 |', '| 3 | 消防安全 | 开展九小场所排查 | 镇消防所 | 长期坚持 |']],
    ['bars, merged cells left out below', ['| 重点任务 | 序号 | 具体措施 | 责任单位 | 完成时限 |', '| 危化品安全 | 1 | 开展加油站检查 | 镇安监站 镇派出所 | 5月底前 |', '| 2 | 整治非法储存 | 镇安监站 | 6月底前 |', '| 消防安全 | 3 | 开展九小场所排查 | 镇消防所 | 长期坚持 |']],
    ['tabs, a merged first cell left empty below', ['重点任务\t具体措施\t责任单位\t完成时限', '危化品安全\t1.开展加油站检查\t镇安监站、镇派出所\t5月底前', '\t2.整治非法储存\t镇安监站\t6月底前', '消防安全\t3.开展九小场所排查\t镇消防所\t长期坚持']],
    ['tabs, the leading tab lost', ['重点任务\t具体措施\t责任单位\t完成时限', '危化品安全\t1.开展加油站检查\t镇安监站、镇派出所\t5月底前', '2.整治非法储存\t镇安监站\t6月底前', '消防安全\t3.开展九小场所排查\t镇消防所\t长期坚持']],
    ['tabs, empty cells at the end of a row', ['重点任务\t具体措施\t责任单位\t完成时限\t完成进展', '危化品安全\t1.开展加油站检查\t镇安监站、镇派出所\t5月底前\t', '\t2.整治非法储存\t镇安监站\t6月底前\t\t', '消防安全\t3.开展九小场所排查\t镇消防所\t长期坚持']],
    ['runs of spaces, aligned', [
      '序号  重点任务    具体措施          责任单位           完成时限',
      '1     危化品安全  开展加油站检查    镇安监站 镇派出所  5月底前',
      '2                 整治非法储存      镇安监站           6月底前',
      '3     消防安全    开展九小场所排查  镇消防所           长期坚持',
    ]],
    ['runs of spaces, a merged first cell left blank', [
      '重点任务    序号  具体措施          责任单位           完成时限',
      '危化品安全  1     开展加油站检查    镇安监站 镇派出所  5月底前',
      '            2     整治非法储存      镇安监站           6月底前',
      '消防安全    3     开展九小场所排查  镇消防所           长期坚持',
    ]],
    ['full-width spaces', ['序号\u3000重点任务\u3000具体措施\u3000责任单位\u3000完成时限', '1\u3000危化品安全\u3000开展加油站检查\u3000镇安监站 镇派出所\u30005月底前', '2\u3000危化品安全\u3000整治非法储存\u3000镇安监站\u30006月底前', '3\u3000消防安全\u3000开展九小场所排查\u3000镇消防所\u3000长期坚持']],
    ['a cell a line, a merged 重点任务 standing once (its measure number keeps it apart from the cells)', ['重点任务', '具体措施', '责任单位', '完成时限', '（一）危化品安全', '1.开展加油站检查', '镇安监站 镇派出所', '5月底前', '2.整治非法储存', '镇安监站', '6月底前', '（二）消防安全', '3.开展九小场所排查', '镇消防所', '长期坚持']],
    ['header words spaced in a narrow column, in another order', ['| 责 任 单 位 | 序  号 | 完成时限 | 重点任务 | 具体措施 |', '| 镇安监站 镇派出所 | 1 | 5月底前 | 危化品安全 | 开展加油站检查 |', '| 镇安监站 | 2 | 6月底前 | 危化品安全 | 整治非法储存 |', '| 镇消防所 | 3 | 长期坚持 | 消防安全 | 开展九小场所排查 |']],
  ])('%s', (_name, table) => {
    const { texts, problems } = flatten(['一、主要任务', ...table, '二、工作要求'])
    expect(texts).toEqual(['一、主要任务', ...READ, '二、工作要求'])
    expect(problems).toEqual([])
  })

  it('keeps a 完成进展 or 备注 cell apart from the task, as a field of its note under the table\'s word', () => {
    expect(flatten(['重点工作\t责任单位\t完成时限\t完成进展', '1.开展加油站检查\t镇安监站\t5月底前\t已完成', '2.整治非法储存\t镇安监站\t6月底前\t']).texts).toEqual([
      '1.开展加油站检查（责任单位：镇安监站；完成时限：5月底前；完成进展：已完成）', '2.整治非法储存（责任单位：镇安监站；完成时限：6月底前）',
    ])
    expect(flatten(['| 序号 | 工作内容 | 责任单位 | 备注 |', '| 1 | 开展加油站检查 | 镇安监站 | 需报县局 |']).texts).toEqual(['1.开展加油站检查（责任单位：镇安监站；备注：需报县局）'])
  })

  it('reads several numbered tasks in one cell as tasks of the row, each with its units and deadline, numbered in order', () => {
    const { texts, problems } = flatten([
      '| 序号 | 工作任务 | 具体措施 | 责任单位 | 完成时限 |',
      '| 1 | 燃气安全 | 1.排查燃气使用情况；2.推广安装报警器；3.整治违规存放钢瓶 | 镇市场所、镇安监站 | 9月底前 |',
      '| 2 | 消防安全 | 开展九小场所排查 | 镇消防所 | 6月底前 |',
    ])
    const note = '（责任单位：镇市场所、镇安监站；完成时限：9月底前）'
    expect(texts).toEqual(['（一）燃气安全', `1.排查燃气使用情况${note}；`, `2.推广安装报警器${note}；`, `3.整治违规存放钢瓶${note}`, '（二）消防安全', '4.开展九小场所排查（责任单位：镇消防所；完成时限：6月底前）'])
    expect(problems).toEqual([])
  })

  it('splits a cell only at the next number of the same kind after a stop', () => {
    expect(flatten(['工作任务\t具体措施\t责任单位', '燃气安全\t1.排查燃气，检查3处。2.推广报警器\t镇市场所', '\t4.整治钢瓶；6.另一项\t镇安监站']).texts).toEqual([
      '（一）燃气安全', '1.排查燃气，检查3处。（责任单位：镇市场所）', '2.推广报警器（责任单位：镇市场所）', '4.整治钢瓶；6.另一项（责任单位：镇安监站）',
    ])
  })

  it('numbers the tasks in order where a merged 序号 numbers the rows of a 重点任务', () => {
    expect(flatten([
      '| 序号 | 民生实事 | 具体措施 | 责任单位 | 完成时限 |',
      '| 1 | 农村公路 | 硬化公路15公里 | 镇交管站 | 11月底前 |',
      '|   |          | 改造危桥2座 | 镇交管站 | 9月底前 |',
      '| 2 | 养老服务 | 新建养老点5个 | 镇民政办 | 年内 |',
    ]).texts).toEqual(['（一）农村公路', '1.硬化公路15公里（责任单位：镇交管站；完成时限：11月底前）', '2.改造危桥2座（责任单位：镇交管站；完成时限：9月底前）', '（二）养老服务', '3.新建养老点5个（责任单位：镇民政办；完成时限：年内）'])
  })

  it('keeps a 重点任务 cell\'s own measure number', () => {
    expect(flatten(['重点任务\t具体措施\t责任单位', '（一）危化品安全\t开展加油站检查\t镇安监站', '（二）消防安全\t开展九小场所排查\t镇消防所']).texts).toEqual([
      '（一）危化品安全', '1.开展加油站检查（责任单位：镇安监站）', '（二）消防安全', '2.开展九小场所排查（责任单位：镇消防所）',
    ])
  })

  it('ends a table of spaces at a sentence with one run of spaces in it', () => {
    const { texts } = flatten(['序号  具体措施        责任单位', '1     开展加油站检查  镇安监站', '（一）加强领导。  各单位要落实。'])
    expect(texts).toEqual(['1.开展加油站检查（责任单位：镇安监站）', '（一）加强领导。  各单位要落实。'])
  })

  it('joins cells beyond the header\'s to the last one, with a warning', () => {
    const { texts, problems } = flatten(['| 序号 | 具体措施 | 责任单位 |', '| 1 | 开展检查 | 镇安监站 | 多余 |'])
    expect(texts).toEqual(['1.开展检查（责任单位：镇安监站、多余）'])
    expect(problems).toEqual([{ line: 2, message: '任务表此行有4个单元格，表头只有3列：多出的单元格并入最后一列' }])
  })
})

describe('flattenTables, a cell it cannot split', () => {
  it('reads a cell whose tasks are not numbered from its start as one task, with a warning', () => {
    const { texts, problems } = flatten(['| 序号 | 具体措施 | 责任单位 |', '| 1 | 排查燃气使用情况；2.推广安装报警器 | 镇市场所 |'])
    expect(texts).toEqual(['1.排查燃气使用情况；2.推广安装报警器（责任单位：镇市场所）'])
    expect(problems).toEqual([{ line: 2, message: '任务表此行的“具体措施”中似写有几项任务（“排查燃气使用情况；2.推广安装报警器”），但编号不是从本格开头依次排列，未能分开：已作为一项任务读取，请核对' }])
  })
})
