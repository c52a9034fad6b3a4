// The seed plan, read by a person: every task's measure, title, units and
// deadline as the document gives them (table written by reading the source).
import { describe, expect, it } from 'vitest'
import { planOf, SEED } from '../helpers/plans.ts'

const plan = await planOf(SEED)

type Row = [number, number, string, string[], string, 'ongoing' | 'due' | 'recurring', string?]
const 长期 = '长期坚持'
// [task, measure, title, canonical units, deadline as written, kind, date or period]
const TASKS: Row[] = [
  [1, 1, '树牢安全发展理念', ['各村'], 长期, 'ongoing'],
  [2, 1, '强化履职考评措施', ['各村', '各站所'], 长期, 'ongoing'],
  [3, 1, '压实党组织领导职责', ['各村'], 长期, 'ongoing'],
  [4, 1, '强化表彰奖励', ['镇党委', '镇政府', '各村'], 长期, 'ongoing'],
  [5, 2, '制定职责任务清单', ['镇党委', '镇政府'], '5月底前完成', 'due', '2022-05-31'],
  [6, 2, '压实属地管理责任', ['各村'], '每月至少一次', 'recurring', 'month'],
  [7, 2, '设立专业委员会', ['镇党委', '镇政府', '各站所'], 长期, 'ongoing'],
  [8, 2, '强化安全生产统筹协调', ['镇政府'], 长期, 'ongoing'],
  [9, 2, '健全完善目标考核', ['镇政府'], 长期, 'ongoing'],
  [10, 3, '推行挂牌责任制', ['镇政府'], '6月底前完成', 'due', '2022-06-30'],
  [11, 3, '健全完善权责清单', ['各站所'], '6月底前完成', 'due', '2022-06-30'],
  [12, 3, '强化新业态安全监管', ['负有安全监管职责的站所'], '8月底前完成', 'due', '2022-08-31'],
  [13, 3, '压实全链条监管责任', ['负有安全监管职责的站所'], 长期, 'ongoing'],
  [14, 4, '落实通报约谈制度', ['镇党委', '镇政府'], 长期, 'ongoing'],
  [15, 4, '严格追究生产安全事故责任', ['镇纪委监委'], 长期, 'ongoing'],
  [16, 5, '压实企业主体责任', ['各生产经营单位'], '12月底前完成', 'due', '2022-12-31'],
  [17, 5, '强化企业实际控制人追责', ['各生产经营单位'], 长期, 'ongoing'],
  [18, 5, '推行安全生产责任保险', ['各生产经营单位'], 长期, 'ongoing'],
  [19, 6, '扎实开展安全生产大检查', ['负有安全监管职责的站所'], 长期, 'ongoing'],
  [20, 6, '狠抓问题隐患整改', ['镇政府'], 长期, 'ongoing'],
  [21, 6, '统筹疫情防控和公共安全', ['各村'], '6月底前完成', 'due', '2022-06-30'],
  [22, 7, '严禁违法分包专包', ['负有安全监管职责的站所'], 长期, 'ongoing'],
  [23, 8, '紧盯重点领域', ['各村', '各站所'], 长期, 'ongoing'],
  [24, 8, '依法精准打击', ['各村', '各站所'], 长期, 'ongoing'],
  [25, 8, '坚持“一案双查”', ['镇纪委监委'], 长期, 'ongoing'],
  [26, 9, '开展联合执法检查', ['各站所'], 长期, 'ongoing'],
  [27, 9, '规范执法检查', ['各站所'], 长期, 'ongoing'],
  [28, 10, '配齐建强执法队伍', ['镇政府'], '9月底前完成', 'due', '2022-09-30'],
  [29, 10, '优化执法力量', ['镇政府'], 长期, 'ongoing'],
  [30, 10, '加强执法保障', ['镇政府'], 长期, 'ongoing'],
  [31, 10, '强化基层网格化服务管理', ['镇政府', '各生产经营单位'], 长期, 'ongoing'],
  [32, 11, '健全举报奖励制度机制', ['镇政府', '各企业'], 长期, 'ongoing'],
  [33, 12, '严格落实事故直报制度', ['各村', '负有安全监管职责的站所', '各生产经营单位'], 长期, 'ongoing'],
  [34, 12, '严肃追究责任', ['镇政府'], 长期, 'ongoing'],
  [35, 13, '提高统筹意识', ['镇政府', '各村'], 长期, 'ongoing'],
]

const MEASURES = [
  '严格落实党组织安全生产责任',
  '严格落实政府安全生产责任',
  '严格落实部门安全监管责任',
  '严肃追究领导责任和监管责任',
  '企业主要负责人必须严格履行第一责任人责任',
  '深入扎实开展全镇安全生产大检查',
  '严厉查处违法分包转包和挂靠资质行为',
  '重拳出击开展“打非治违”',
  '坚决整治执法检查宽松软问题',
  '着力加强安全监管执法队伍建设',
  '重奖激励安全生产隐患举报',
  '严肃查处瞒报谎报迟报漏报事故行为',
  '统筹做好经济发展、疫情防控和安全生产工作',
]

describe('the seed plan', () => {
  it('has the document facts', () => {
    expect(plan.issuer).toBe('荫城镇人民政府')
    expect(plan.title).toBe('关于贯彻落实国务院安委会全面加强安全生产十五条措施的实施方案')
    expect(plan.addressees).toEqual(['各村', '各站所'])
    expect(plan.addresseesText).toBe('各村，各站所')
    expect(plan.date).toBe('2022-05-10')
    expect(plan.statedTaskCount).toBe(35)
    expect(plan.nationalMeasureCount).toBe(15)
    expect(plan.guidingIdeology).toMatch(/^以习近平新时代中国特色社会主义思想为指导，/)
    expect(plan.guidingIdeology).toMatch(/为我镇全方位推进高质量发展营造安全稳定环境。$/)
    expect(plan.preamble).toMatch(/^为深入贯彻.*制定本实施方案：$/)
    expect(plan.otherSections).toEqual([])
  })

  it('has the 13 measures, titles verbatim without a final "。"', () => {
    expect(plan.measures.map((m) => [m.number, m.title])).toEqual(MEASURES.map((t, i) => [i + 1, t]))
    expect(plan.measures.flatMap((m) => m.tasks)).toEqual(TASKS.map((r) => r[0]))
  })

  it.each(TASKS)('task %i (measure %i) %s', (number, measure, title, units, deadlineText, kind, value) => {
    const task = plan.tasks.find((t) => t.number === number)!
    expect(task.measure).toBe(measure)
    expect(task.title).toBe(title)
    expect(task.units).toEqual(units)
    expect(task.deadline.text).toBe(deadlineText)
    expect(task.deadline.kind).toBe(kind)
    if (kind === 'due') expect(task.deadline.date).toBe(value)
    if (kind === 'recurring') expect(task.deadline.period).toBe(value)
    expect(task.lead).toBeUndefined()
    expect(task.note).toMatch(/^（责任单位：.*完成时限：.*。）$/)
    expect(task.text).not.toContain('责任单位')
  })

  it('keeps the text exactly, typos and the units as written included', () => {
    const t = (n: number) => plan.tasks[n - 1]!
    expect(t(22).title).toBe('严禁违法分包专包')
    expect(t(22).note).toBe('（责任单位： 负有安全监管职责的站所。完成时限：长期坚持。）')
    expect(t(22).unitRefs).toEqual([{ text: '负有安全监管职责的站所', unit: '负有安全监管职责的站所' }])
    expect(t(14).unitRefs.map((r) => r.text)).toEqual(['镇党委', '政府'])
    expect(t(30).unitRefs).toEqual([{ text: '在镇政府', unit: '镇政府' }])
    expect(t(8).note).toBe('（责任单位：镇政府，完成时限：长期坚持。）')
    expect(t(1).text).toBe(
      '将习近平总书记关于安全生产重要论述纳入党组织理论学习重要议题，党组织理论学习中心组每季度至少组织一次集体学习，跟进学习贯彻习近平总书记关于安全生产重要论述，牢牢树立发展不能以牺牲人的生命为代价的红线意识。',
    )
    // Notes in a paragraph of their own (tasks 7 and 16) are not part of the text.
    expect(t(7).text).toMatch(/组织开展本行业领域安全生产专项整治。$/)
    expect(t(16).text).toMatch(/其他企业推行向行业安全监管部门述职。$/)
    expect(t(18).title).toBe('推行安全生产责任保险')
  })

  it('has the unit registry of the plan', () => {
    expect(plan.units.map((u) => [u.name, u.memberOf])).toEqual([
      ['镇党委', []],
      ['镇政府', []],
      ['镇纪委监委', []],
      ['各村', []],
      ['各站所', []],
      ['负有安全监管职责的站所', ['各站所']],
      ['各生产经营单位', []],
      ['各企业', ['各生产经营单位']],
    ])
    const supervising = plan.units.find((u) => u.name === '负有安全监管职责的站所')!
    expect(supervising.aliases).toEqual(expect.arrayContaining(['镇负有安全监管职责的站所', '各负有安全监管职责的站所']))
  })

  it('has the 3 phases with their dates', () => {
    expect(plan.phases.map((p) => [p.title, p.timeText, p.start, p.end])).toEqual([
      ['认真学习自查自纠阶段', '即日起至2022年6月30日', '2022-05-10', '2022-06-30'],
      ['全面整改督导抽查阶段', '2022年5月15日至8月31日', '2022-05-15', '2022-08-31'],
      ['长效坚持巩固提升阶段', '2022年8月以后', '2022-08', undefined],
    ])
  })

  it('has the 5 work requirements, title and text split at the first "。"', () => {
    expect(plan.requirements.map((r) => r.title)).toEqual(['提高政治站位', '加强组织领导', '细化措施任务', '强化督导督办', '严格问效问责'])
    expect(plan.requirements[0]!.text).toMatch(/^各村、各站所要从践行“两个维护”/)
    expect(plan.requirements[4]!.text).toMatch(/推动我镇全方位高质量发展。$/)
  })

  it('finds the recurring duties written in the task texts', () => {
    expect(plan.obligations.map((o) => [o.task, o.period, o.times, o.text])).toEqual([
      [1, 'quarter', 1, '党组织理论学习中心组每季度至少组织一次集体学习'],
      [6, 'month', 1, '每月至少组织召开一次会议'],
      [16, 'year', undefined, '重点行业领域企业每年向行业安全监管部门进行安全述职'],
      [31, 'year', 2, '每年组织不少于2次的专项培训'],
    ])
  })
})
