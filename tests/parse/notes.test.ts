// Every common form of a responsibility note (issue: "Responsibility notes in
// every common form"), read into labelled fields.
import { describe, expect, it } from 'vitest'
import { lookupUnit } from '../../scripts/parse/units.ts'
import { registry } from '../helpers/plans.ts'
import { finalBracketText, findNote, isUnitName, NO_CONTEXT, repeatedLabels, type FieldRole, type NoteContext } from '../../scripts/parse/notes.ts'

const fields = (text: string, context: NoteContext = NO_CONTEXT) => findNote(text, context)?.fields.map((f) => [f.role, f.value] as [FieldRole, string]) ?? null
/** A plan that states a lead-unit convention (列第一位者为牵头单位，下同). */
const underConvention: NoteContext = { unitLists: true, known: () => false }

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

  // The forms real plans write (issue 25, "What real plans do" 1): recognised by what the clauses say.
  it.each<[string, string, Array<[FieldRole, string]>]>([
    ['a deadline after the role', '做好工作。（县商务局负责，年内持续推进）', [['responsible', '县商务局'], ['deadline', '年内持续推进']]],
    ['lead, support and a deadline', '做好工作。（县住建局牵头，各乡镇配合，2024年6月底前完成）',
      [['lead', '县住建局'], ['support', '各乡镇'], ['deadline', '2024年6月底前完成']]],
    ['in lenticular brackets', '做好工作。【县住建局牵头，各乡镇配合，2024年6月底前完成】',
      [['lead', '县住建局'], ['support', '各乡镇'], ['deadline', '2024年6月底前完成']]],
    ['分别负责', '做好工作。（县委宣传部、县教育局、各乡镇分别负责）', [['responsible', '县委宣传部、县教育局、各乡镇']]],
    ['指导 and 落实', '做好工作。（县市场监管局指导，各乡镇落实）', [['responsible', '县市场监管局'], ['responsible', '各乡镇']]],
    ['short labels', '做好工作。（牵头：县应急局；配合：县公安局）', [['lead', '县应急局'], ['support', '县公安局']]],
    ['时限 is a deadline label', '做好工作。（责任单位：县应急局；时限：2024年12月）', [['responsible', '县应急局'], ['deadline', '2024年12月']]],
    ['a deadline among labelled units', '做好工作。（责任单位：县应急局，年内持续推进）', [['responsible', '县应急局'], ['deadline', '年内持续推进']]],
    ['由A牵头', '做好工作。（由县应急局牵头，县公安局配合）', [['lead', '县应急局'], ['support', '县公安局']]],
    ['A会同B', '做好工作。（县应急局会同县公安局负责）', [['lead', '县应急局'], ['support', '县公安局']]],
    ['主责单位 is the lead', '做好工作。（主责单位：县应急局；协办单位：县公安局）', [['lead', '县应急局'], ['support', '县公安局']]],
    ['a bare unit list with a deadline', '做好工作。（区教育局、区发改局、区财政局，2024年12月底前）',
      [['responsible', '区教育局、区发改局、区财政局'], ['deadline', '2024年12月底前']]],
    ['unlabelled roles, then a labelled deadline', '做好工作。（县应急局牵头，县公安局配合；完成时限：2024年6月底前）',
      [['lead', '县应急局'], ['support', '县公安局'], ['deadline', '2024年6月底前']]],
    ['a deadline before the labels', '做好工作。（年内持续推进，责任单位：县应急局）', [['deadline', '年内持续推进'], ['responsible', '县应急局']]],
    ['a company and a group with a deadline', '做好工作。（区住建局、长乐投资有限公司，各镇街，年底前完成）',
      [['responsible', '区住建局、长乐投资有限公司'], ['responsible', '各镇街'], ['deadline', '年底前完成']]],
  ])('%s', (_name, text, expected) => expect(fields(text)).toEqual(expected))

  it.each<[string, string, Array<[FieldRole, string]>]>([
    ['a bare unit list', '做好工作。（区教育局、区市场监管局）', [['responsible', '区教育局、区市场监管局']]],
    ['a bare list in two clauses', '做好工作。（区卫健委，各镇街）', [['responsible', '区卫健委'], ['responsible', '各镇街']]],
    ['units and the convention itself', '做好工作。（区教育局、区财政局，列第一位者为牵头单位，下同）', [['responsible', '区教育局、区财政局']]],
  ])('under a lead-unit convention, %s', (_name, text, expected) => {
    expect(fields(text, underConvention)).toEqual(expected)
    // Without the convention, a bracket of units alone could be a remark: no note.
    expect(findNote(text)).toBeNull()
  })

  it('a registered name counts as a unit', () => {
    const known: NoteContext = { unitLists: true, known: (name) => name === '镇安委会' }
    expect(fields('做好工作。（镇安委会）', known)).toEqual([['responsible', '镇安委会']])
    expect(findNote('做好工作。（镇安委会）', underConvention)).toBeNull()
  })

  it.each([
    ['（含农村地区）', '做好农村工作（含农村地区）'],
    ['（2023年版）', '执行标准（2023年版）'],
    ['（以下简称专委会）', '设立专门委员会（以下简称专委会）'],
    ['a deadline alone', '完成排查（2024年12月底前）'],
    ['a sentence after a date', '完成排查（6月底前完成排查并上报县应急局）'],
    ['a remark ending like a unit', '加强检查（人员密集场所）'],
    ['一个词 before 指导', '开展培训（专家现场指导）'],
    ['a direction', '加快发展（全部）'],
    ['a label inside a remark', '做好工作（按照责任单位：县应急局的要求）'],
    ['a remark before a label', '做好工作（具体见附件，责任单位：县应急局）'],
  ])('%s is no note, even under a convention', (_name, text) => {
    expect(findNote(text)).toBeNull()
    expect(findNote(text, underConvention)).toBeNull()
  })

  it('quotes the bracket that ends a text', () => {
    expect(finalBracketText('做好工作。（县市场监管局督办，各乡镇）')).toBe('（县市场监管局督办，各乡镇）')
    expect(finalBracketText('做好工作。')).toBeNull()
  })
})

describe('isUnitName', () => {
  it.each(['县应急局', '区卫健委', '县委宣传部', '长乐投资有限公司', '区政务服务中心', '乡派出所', '乡交管站', '各村', '各乡镇', '各镇街', '各有关部门',
    '县妇联', '县人民法院', '镇人民政府', '市安委办（工作专班办公室）', '县消防救援大队'])('%s is a unit', (name) => expect(isUnitName(name)).toBe(true))
  it.each(['含农村地区', '2023年版', '以下简称专委会', '全部', '东部', '人员密集场所', '年内持续推进', '县应急局牵头', '张三', ''])(
    '%s is not', (name) => expect(isUnitName(name)).toBe(false))
  it('every unit of the registry is one, by its names or by the registry', () => {
    const known: NoteContext = { unitLists: false, known: (name) => lookupUnit(registry, name) !== undefined }
    for (const entry of registry.entries) for (const name of [entry.name, ...entry.aliases]) expect(isUnitName(name, known)).toBe(true)
  })
})
