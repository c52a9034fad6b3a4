// The outline (scripts/parse/outline.ts): levels by the order in which marker kinds first appear in the body,
// convention where that order says nothing or breaks more rules, the first marker that cannot be placed reported.
import { describe, expect, it } from 'vitest'
import type { Problem } from '../../scripts/model/plan.ts'
import { buildOutline, type OutlineItem } from '../../scripts/parse/outline.ts'

/** The outline of these lines as a tree of markers ("1.（一）" under "1."), its head's lines, and the problems. */
function tree(lines: string[]) {
  const problems: Problem[] = []
  const outline = buildOutline(lines.map((text, i) => ({ text, line: i + 1 })), problems)
  const show = (item: OutlineItem): unknown => (item.children.length === 0 ? item.marker.text : { [item.marker.text]: item.children.map(show) })
  return { items: outline.items.map(show), head: outline.head.map((p) => p.line), problems }
}

describe('buildOutline', () => {
  it('1. above （一）: the （一） under each 1.', () => {
    expect(tree(['方案', '1.总体要求', '（一）指导思想。', '（二）工作目标。', '2.主要任务', '（一）强化管控。', '（1）巡山。', '（二）排查隐患。', '3.工作要求'])).toEqual({
      items: [{ '1.': ['（一）', '（二）'] }, { '2.': [{ '（一）': ['（1）'] }, '（二）'] }, '3.'],
      head: [1],
      problems: [],
    })
  })

  it('（一） as the top level', () => {
    expect(tree(['方案', '（一）指导思想', '（二）主要任务', '1.排查。', '2.整治。', '（三）工作要求']).items).toEqual(['（一）', { '（二）': ['1.', '2.'] }, '（三）'])
  })

  it('the conventional hierarchy, as before', () => {
    expect(tree(['方案', '一、主要任务', '（一）管控', '1.巡山。', '（1）细项', '①要点', '二、工作要求']).items).toEqual([
      { '一、': [{ '（一）': [{ '1.': [{ '（1）': ['①'] }] }] }] }, '二、',
    ])
  })

  it('a lower kind first, in a preamble\'s place, does not turn the hierarchy over', () => {
    const lines = ['方案', '为做好工作，一是排查，二是整治，制定本方案。', '（一）本方案适用于全镇。', '一、主要任务', '（一）落实责任', '1.包保。', '2.预案。', '（二）强化排查', '3.检查。', '二、工作要求', '（一）加强领导。']
    expect(tree(lines)).toEqual({
      items: ['（一）', { '一、': [{ '（一）': ['1.', '2.'] }, { '（二）': ['3.'] }] }, { '二、': ['（一）'] }],
      head: [1, 2],
      problems: [],
    })
  })

  it('head paragraphs without markers do not count, nor markers inside their sentences', () => {
    const lines = ['关于落实（一）号文件的实施方案', '根据县委（2023）3号文件，1.5亿元资金，一是排查隐患，制定本方案。', '1.总体要求', '（一）指导思想。', '2.主要任务', '（一）管控。']
    expect(tree(lines)).toEqual({ items: [{ '1.': ['（一）'] }, { '2.': ['（一）'] }], head: [1, 2], problems: [] })
  })

  it('a kind first met in one section and another in the next: convention places them', () => {
    // ① under 一、 before any （一）: the order of first appearance says nothing of ① and （一）.
    expect(tree(['方案', '一、指导思想', '①以人为本。', '②预防为主。', '二、主要任务', '（一）管控', '1.巡山。', '①重点时段。']).items).toEqual([
      { '一、': ['①', '②'] }, { '二、': [{ '（一）': [{ '1.': ['①'] }] }] },
    ])
  })

  it.each([
    ['an intro ① above the measures', ['方案', '一、主要任务', '①说明。', '（一）管控', '1.巡山。', '（二）排查', '2.检查。'], [{ '一、': ['①', { '（一）': ['1.'] }, { '（二）': ['2.'] }] }]],
    ['a （1） before the tasks', ['方案', '一、主要任务', '（一）管控', '（1）说明。', '1.巡山。', '2.查火。'], [{ '一、': [{ '（一）': ['（1）', '1.', '2.'] }] }]],
    ['one 1. over （一）', ['方案', '1.主要任务', '（一）管控', '（二）排查'], ['1.', '（一）', '（二）']],
  ])('the plan\'s order written once is no order: %s reads by convention', (_what, lines, items) => {
    expect(tree(lines).items).toEqual(items)
  })

  it('a sequence continues: "十、" right after "（九）" is the tenth of the （） items; "三、" after "（二）" where 一、 was never written', () => {
    const conventional = ['方案', '一、主要任务', '（八）a', '（九）b', '十、c', '二、工作要求']
    expect(tree(conventional).items).toEqual([{ '一、': ['（八）', '（九）', '十、'] }, '二、'])
    const byDocument = ['方案', '1.主要任务', '（一）a', '（二）b', '三、c', '2.工作要求', '（一）d']
    expect(tree(byDocument)).toEqual({ items: [{ '1.': ['（一）', '（二）', '三、'] }, { '2.': ['（一）'] }], head: [1], problems: [] })
  })

  it('reports the first marker the document\'s order cannot place, with its line and what was expected', () => {
    const lines = ['方案', '1.总体要求', '（一）指导思想。', '2.主要任务', '（一）管控。', '（二）排查。', '（七）整治。', '3.工作要求', '（一）领导。']
    expect(tree(lines)).toEqual({
      items: [{ '1.': ['（一）'] }, { '2.': ['（一）', '（二）', '（七）'] }, { '3.': ['（一）'] }],
      head: [1],
      problems: [{ line: 7, message: '“（七）”的编号比同一层的上一条“（二）”（第6行）跳过了4个，无法确定它属于哪一层：此处应为“（三）”；已按原文保留，请核对层次' }],
    })
  })

  it('reports nothing where the convention reads the plan (its numbering checks report the slips)', () => {
    expect(tree(['方案', '一、主要任务', '（一）a', '（一）b', '（九）c']).problems).toEqual([])
  })
})
