// Every common form of a responsibility note (issue: "Responsibility notes in
// every common form"), read into labelled fields.
import { describe, expect, it } from 'vitest'
import { findNote, repeatedLabels, type FieldRole } from '../../scripts/parse/notes.ts'

const fields = (text: string) => findNote(text)?.fields.map((f) => [f.role, f.value] as [FieldRole, string]) ?? null

describe('findNote', () => {
  it.each<[string, string, Array<[FieldRole, string]>]>([
    ['the seed', '做好工作。（责任单位：各村、各站所。完成时限：长期坚持。）', [['responsible', '各村、各站所'], ['deadline', '长期坚持']]],
    ['semicolon between fields', '做好工作。（责任单位：A、B；完成时限：6月底前）', [['responsible', 'A、B'], ['deadline', '6月底前']]],
    ['comma between fields', '做好工作。（责任单位：A，完成时限：6月底前）', [['responsible', 'A'], ['deadline', '6月底前']]],
    ['half-width', '做好工作.(责任单位:A;完成时限:6月底前)', [['responsible', 'A'], ['deadline', '6月底前']]],
    ['mixed brackets', '做好工作。(责任单位：A。完成时限：6月底前）', [['responsible', 'A'], ['deadline', '6月底前']]],
    ['lead and support', '做好工作。（牵头单位：A；配合单位：B）', [['lead', 'A'], ['support', 'B']]],
    ['lead and responsible', '做好工作。（牵头单位：A，责任单位：B）', [['lead', 'A'], ['responsible', 'B']]],
    ['square brackets', '做好工作。[责任单位：A；完成时限：年底前]', [['responsible', 'A'], ['deadline', '年底前']]],
    ['lenticular brackets', '做好工作。【责任单位：A】', [['responsible', 'A']]],
    ['unlabelled lead and support', '做好工作。（A牵头，B配合）', [['lead', 'A'], ['support', 'B']]],
    ['unlabelled, two leads', '做好工作。（A、B牵头，C分工负责）', [['lead', 'A、B'], ['responsible', 'C']]],
    ['unlabelled, one lead', '做好工作。（市应急局牵头）', [['lead', '市应急局']]],
    ['a unit with its own parentheses', '做好工作。（责任单位：市安委办（工作专班办公室）、市应急局）', [['responsible', '市安委办（工作专班办公室）、市应急局']]],
    ['leader and person kept', '做好工作。（责任领导：张三；责任单位：A；责任人：李四；完成时限：持续推进）',
      [['leader', '张三'], ['responsible', 'A'], ['person', '李四'], ['deadline', '持续推进']]],
    ['own lines, no brackets', '做好工作。\n牵头单位：X\n责任单位：Y', [['lead', 'X'], ['responsible', 'Y']]],
    ['after the text, no brackets', '做好工作。责任单位：A。完成时限：2023年6月30日前。', [['responsible', 'A'], ['deadline', '2023年6月30日前']]],
    ['a final stop after the note', '做好工作。（责任单位：A。）。', [['responsible', 'A']]],
    ['a task table\'s progress, apart from the deadline', '做好工作（责任单位：A；完成时限：5月底前；完成进展：已完成）', [['responsible', 'A'], ['deadline', '5月底前'], ['progress', '已完成']]],
    ['a remark, apart from the units', '做好工作（责任单位：A、B；备注：需报县局）', [['responsible', 'A、B'], ['progress', '需报县局']]],
  ])('%s', (_name, text, expected) => expect(fields(text)).toEqual(expected))

  it.each([
    ['no note', '做好工作，加强领导。'],
    ['a parenthesis that is no note', '设立专委会（以下简称专委会）。'],
    ['a remark alone is no note', '做好工作（备注：需报县局）'],
    ['a remark on its own line is no note', '做好工作。\n备注：需报县局'],
    ['a label inside a sentence is no note', '明确责任单位：各村要做好。然后继续。'.replace('。然后继续。', '，然后继续')],
  ])('%s', (_name, text) => expect(findNote(text)).toBeNull())

  it('keeps the note as written and where it starts', () => {
    const text = '做好工作。（责任单位：各村。完成时限：长期坚持。）'
    expect(findNote(text)).toMatchObject({ raw: '（责任单位：各村。完成时限：长期坚持。）', at: 5, closed: true })
  })

  it('finds a note cut short', () => {
    expect(findNote('做好工作。（责任单位：各村。完成时限：长期')).toMatchObject({ closed: false, raw: '（责任单位：各村。完成时限：长期' })
  })

  it('reports a label written twice', () => {
    expect(repeatedLabels(findNote('做好工作。（责任单位：A；责任单位：B）')!)).toEqual(['责任单位'])
    expect(repeatedLabels(findNote('做好工作。（责任单位：A；完成时限：长期坚持）')!)).toEqual([])
  })
})
