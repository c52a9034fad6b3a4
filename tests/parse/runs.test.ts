// Tasks written without markers, each closed by its own note (scripts/parse/runs.ts):
// one paragraph a task under a heading, or several tasks in one paragraph.
import { describe, expect, it } from 'vitest'
import { parsePlan } from '../../scripts/parse/index.ts'
import { buildOutline, fullText } from '../../scripts/parse/outline.ts'
import { splitNotedRuns, splitRunTogetherItems } from '../../scripts/parse/runs.ts'
import { FIXTURES, planOf, registry } from '../helpers/plans.ts'

const tasksOf = (name: string) => planOf(`${FIXTURES}plans/${name}/input.txt`)

/** The items under each top-level item after the split, as their text. */
function split(lines: string[]): string[][] {
  const outline = buildOutline(lines.map((text, i) => ({ text, line: i + 1 })))
  splitNotedRuns(outline.items)
  return outline.items.map((item) => item.children.map((c) => c.marker.text + fullText(c)))
}

describe('unnumbered noted runs', () => {
  it.each([
    ['one paragraph a task', ['（一）强化管控', '加强巡查。（责任单位：A站）', '严查用火。（责任单位：B所）'], [['加强巡查。（责任单位：A站）', '严查用火。（责任单位：B所）']]],
    ['several in one paragraph, after the heading\'s sentence', ['（一）深化整治。开展检查（牵头单位：A局）。推进整治（牵头单位：B局）。'], [['开展检查（牵头单位：A局）。', '推进整治（牵头单位：B局）。']]],
    ['several in one paragraph, separated by semicolons', ['（一）深化整治。开展检查（牵头单位：A局）；推进整治（牵头单位：B局）；加强管理（责任单位：C局）。'], [['开展检查（牵头单位：A局）；', '推进整治（牵头单位：B局）；', '加强管理（责任单位：C局）。']]],
    ['a note on its own line closes the run above it', ['（一）强化管控', '加强巡查。', '（责任单位：A站）', '严查用火。（责任单位：B所）'], [['加强巡查。\n（责任单位：A站）', '严查用火。（责任单位：B所）']]],
    ['牵头单位 then 责任单位, a paragraph each, close one run', ['（一）强化管控', '排查隐患。', '牵头单位：A办', '责任单位：各村', '清理杂物。（责任单位：各村）'], [['排查隐患。\n牵头单位：A办\n责任单位：各村', '清理杂物。（责任单位：各村）']]],
    // Not split: each keeps its text as one item.
    ['a task with one note', ['1.开展检查。对隐患逐一排查。（责任单位：A站）'], [[]]],
    ['text after the last note', ['（一）强化管控', '加强巡查。（责任单位：A站）', '严查用火（责任单位：B所），并做好记录。'], [[]]],
    ['a heading that is a sentence with the first note in it', ['（一）开展检查（牵头单位：A局）。推进整治（牵头单位：B局）。'], [[]]],
    ['an item with numbered items under it (they stay its items)', ['（一）强化管控', '1.加强巡查。（责任单位：A站）'], [['1.加强巡查。（责任单位：A站）']]],
  ])('%s', (_what, lines, expected) => {
    expect(split(lines)).toEqual(expected)
  })

  it('tasks a paragraph holds, separated by semicolons: each its own title, the semicolon kept with its note', () => {
    const result = parsePlan({
      id: 'p', source: 'p.txt', registry,
      text: '某某市人民政府\n关于做好安全生产工作的实施方案\n为做好安全生产工作，制定本方案。\n一、主要任务\n'
        + '（一）深化专项整治。开展危化品检查（牵头单位：市应急局）；推进燃气整治（牵头单位：市住建局）；加强道路交通管理（责任单位：市公安局、市交通局）。\n'
        + '（二）强化宣传教育\n1.开展安全宣传（责任单位：市委宣传部）；\n2.组织应急演练（责任单位：市应急局）。\n'
        + '二、工作要求\n（一）加强领导。各单位要加强领导。\n\n某某市人民政府\n2023年5月8日\n',
    })
    if (!result.ok) throw new Error(result.problems[0]!.message)
    expect(result.warnings).toEqual([])
    expect(result.plan.tasks.map((t) => [t.measure, t.title, t.units, t.note])).toEqual([
      [1, '开展危化品检查', ['市应急局'], '（牵头单位：市应急局）；'],
      [1, '推进燃气整治', ['市住建局'], '（牵头单位：市住建局）；'],
      [1, '加强道路交通管理', ['市公安局', '市交通局'], '（责任单位：市公安局、市交通局）'],
      // Numbered items of a list, each closed by "；" after its note.
      [2, '开展安全宣传', ['市委宣传部'], '（责任单位：市委宣传部）；'],
      [2, '组织应急演练', ['市应急局'], '（责任单位：市应急局）'],
    ])
  })

  it('one paragraph a task, with notes at the end, on their own line, or as 牵头单位 and 责任单位 lines', async () => {
    const plan = await tasksOf('unnumbered-tasks')
    expect(plan.measures.map((m) => [m.title, m.tasks])).toEqual([['强化火源管控', [1, 2]], ['开展隐患排查', [3, 4]]])
    expect(plan.tasks.map((t) => [t.marker, t.title, t.units, t.lead ?? null, t.deadline.text])).toEqual([
      ['', '加强巡山护林，在清明、春节等重点时段加密巡查频次', ['镇林业站'], null, '长期坚持'],
      ['', '严查野外用火，对违规用火行为依法查处', ['镇派出所', '各村'], null, '长期坚持'],
      ['', '排查林区坟地、农事用火点等隐患，建立台账', ['镇应急办', '各村'], ['镇应急办'], ''],
      ['', '清理林缘、道路两侧可燃物', ['各村'], null, '5月底前'],
    ])
  })

  it('several tasks in one paragraph, each closed by its note; a sibling with one such task is read alike', async () => {
    const plan = await tasksOf('tasks-in-one-paragraph')
    expect(plan.measures.map((m) => [m.title, m.tasks])).toEqual([
      ['压实党政领导责任', [1, 2]], ['压实部门监管责任', [3, 4]], ['危险化学品', [5, 6]], ['道路交通', [7]],
    ])
    expect(plan.tasks.map((t) => [t.title, t.units, t.line])).toEqual([
      ['将安全生产纳入党委常委会议事日程', ['县委办'], 6],
      ['每季度召开一次安委会全体会议，研究解决重大问题', ['县安委办', '县安委会各成员单位'], 6],
      ['修订县安委会成员单位安全生产工作职责', ['县安委办'], 7],
      ['开展部门履职情况督导检查', ['县安委办', '县应急局'], 7],
      ['开展重大危险源企业专项检查', ['县应急局', '县公安局'], 9],
      ['推进化工园区安全整治提升', ['县工信局'], 9],
      ['整治“两客一危”车辆违法行为', ['县公安局'], 10],
    ])
  })

  it('unnumbered tasks are counted against the plan\'s stated count, without numbering warnings', async () => {
    const text = '某某镇人民政府\n关于做好防汛工作的实施方案\n各村：\n细化为3项具体任务。\n一、主要任务\n（一）强化管控\n加强巡查。（责任单位：镇水利站）\n严查隐患。（责任单位：各村）\n（二）做好保障\n储备物资。（责任单位：镇政府）\n\n某某镇人民政府\n2023年5月8日\n'
    const result = parsePlan({ id: 'p', source: 'p.txt', text, registry })
    expect(result.ok && result.plan.tasks.length).toBe(3)
    expect(result.warnings).toEqual([])
  })
})

describe('numbered items run together in one paragraph', () => {
  const split = (text: string) => splitRunTogetherItems([{ text, line: 9 }]).map((p) => [p.text, p.line])
  it.each([
    ['closed by notes and "；"', '2.开展防火宣传。在重点时段开展宣传。（乡宣传办负责）；3.加强扑火队伍建设。（乡应急办、各村负责）',
      [['2.开展防火宣传。在重点时段开展宣传。（乡宣传办负责）；', 9], ['3.加强扑火队伍建设。（乡应急办、各村负责）', 9]]],
    ['three, "。" and a space between', '（1）排查河道（责任单位：A站）。 （2）排查山塘（责任单位：B站）（3）排查水库（责任单位：C站）',
      [['（1）排查河道（责任单位：A站）。', 9], ['（2）排查山塘（责任单位：B站）', 9], ['（3）排查水库（责任单位：C站）', 9]]],
  ])('are split: %s', (_what, text, parts) => {
    expect(split(text)).toEqual(parts)
  })
  it.each([
    ['a number that does not continue', '2.开展宣传（乡宣传办负责）；5.加强队伍（乡应急办负责）'],
    ['another kind of marker', '2.开展宣传（乡宣传办负责）；（3）加强队伍（乡应急办负责）'],
    ['no note before it', '2.开展宣传，包括1.张贴标语和3.发放资料（乡宣传办负责）'],
    ['a paragraph without a marker', '开展宣传（乡宣传办负责）；3.加强队伍（乡应急办负责）'],
  ])('are not split: %s', (_what, text) => {
    expect(split(text)).toEqual([[text, 9]])
  })
})
