// Conventions a plan states once for all its notes: "列第一位者为牵头单位，下同".
import { describe, expect, it } from 'vitest'
import { parsePlan } from '../../scripts/parse/index.ts'
import { LEAD_CONVENTION, leadConventionIn } from '../../scripts/parse/notes.ts'
import { FIXTURES, planOf, registry } from '../helpers/plans.ts'

const plan = (preamble: string, notes: string[]) => {
  const tasks = notes.map((n, i) => `${i + 1}.开展第${i + 1}项工作。${n}`).join('\n')
  const text = `某某县人民政府\n关于做好安全生产工作的实施方案\n各乡镇：\n${preamble}\n一、主要任务\n（一）强化责任\n${tasks}\n\n某某县人民政府\n2023年5月8日\n`
  const result = parsePlan({ id: 'p', source: 'p.txt', text, registry })
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'))
  return result
}

describe('a lead-unit convention', () => {
  it.each(['列第一位者为牵头单位，下同', '排在第一位的为牵头单位', '责任单位中列首位的为牵头部门', '排第1位的单位为牵头单位', '责任单位中排在第一位的为牵头单位',
    '第一个为牵头单位', '排名第一的为牵头单位', '首位为牵头单位', '排在首位的为牵头单位', '排名第一位的单位为牵头单位', '第一家为牵头单位'])('%s reads as one', async (text) => {
    expect(LEAD_CONVENTION.exec(`（注：${text}。）`)?.[0]).toBe(text)
  })

  it('stated in a note, applies from that task on; a unit list keeps no part of it; labelled roles stay as written', async () => {
    const p = await planOf(`${FIXTURES}plans/lead-convention/input.txt`)
    expect(p.leadConvention).toBe('列第一位者为牵头单位，下同')
    expect(p.tasks.map((t) => [t.units, t.lead ?? null, t.support ?? null, t.leadByConvention ?? false])).toEqual([
      [['市发改委', '市财政局', '市自然资源局'], ['市发改委'], null, true],
      [['市商务局', '市文旅局'], ['市商务局'], null, true],
      [['市商务局', '市发改委'], ['市商务局'], ['市发改委'], false],
      [['市政务服务中心'], ['市政务服务中心'], null, true],
      [['市发改委', '市市场监管局'], ['市发改委'], ['市市场监管局'], false],
    ])
    expect(p.tasks[0]!.note).toContain('列第一位者为牵头单位，下同')
  })

  it('stated in the preamble, applies to every task; not stated, no lead is read', async () => {
    const notes = ['（责任单位：县应急局、县公安局）', '（责任单位：县交通局）']
    const stated = plan('现将任务分解如下（责任单位中排在第一位的为牵头单位）。', notes)
    expect(stated.warnings).toEqual([])
    expect(stated.plan.tasks.map((t) => t.lead)).toEqual([['县应急局'], ['县交通局']])
    const silent = plan('现将任务分解如下。', notes)
    expect(silent.plan.tasks.map((t) => t.lead ?? null)).toEqual([null, null])
    expect(silent.plan.leadConvention).toBeUndefined()
  })

  it('stated in a later task, does not reach the tasks before it', async () => {
    const { plan: p } = plan('现将任务分解如下。', ['（责任单位：县应急局、县公安局）', '（责任单位：县交通局、县公安局，列第一位者为牵头单位，下同）', '（责任单位：县住建局、县城管局）'])
    expect(p.tasks.map((t) => [t.units, t.lead ?? null])).toEqual([
      [['县应急局', '县公安局'], null],
      [['县交通局', '县公安局'], ['县交通局']],
      [['县住建局', '县城管局'], ['县住建局']],
    ])
  })
})

describe('how far a convention reaches', () => {
  it.each([
    ['注：责任单位中排在第一位的为牵头单位。', '责任单位中排在第一位的为牵头单位', true],
    ['备注：1.第一个为牵头单位。', '第一个为牵头单位', true],
    ['（列第一位者为牵头单位）', '列第一位者为牵头单位', true],
    ['（列第一位者为牵头单位，下同）', '列第一位者为牵头单位，下同', false],
    ['1.扩大投资。（责任单位：市发改委、市财政局，列第一位者为牵头单位）', '列第一位者为牵头单位', false],
    ['现将任务分解如下（责任单位中排在第一位的为牵头单位）。', '责任单位中排在第一位的为牵头单位', false],
  ] as const)('%s', (line, text, wholePlan) => expect(leadConventionIn(line)).toEqual({ text, wholePlan }))
  it('a line without one', () => expect(leadConventionIn('各牵头单位要主动担当。')).toBeNull())

  it('in a footnote at the end, reaches every task', () => {
    const { plan: p } = plan('现将任务分解如下。', ['（责任单位：县应急局、县公安局）', '（责任单位：县交通局、县公安局）'])
    expect(p.tasks.map((t) => t.lead ?? null)).toEqual([null, null])
    const text = `某某县人民政府\n关于做好安全生产工作的实施方案\n各乡镇：\n现将任务分解如下。\n一、主要任务\n（一）强化责任\n1.开展检查。（责任单位：县应急局、县公安局）\n2.开展整治。（县交通局、县公安局，2024年6月底前）\n二、工作要求\n（一）加强领导。各单位要高度重视。\n注：责任单位中排在第一位的为牵头单位。\n\n某某县人民政府\n2024年5月8日\n`
    const result = parsePlan({ id: 'p', source: 'p.txt', text, registry })
    if (!result.ok) throw new Error('refused')
    expect(result.warnings).toEqual([])
    expect(result.plan.tasks.map((t) => [t.units, t.lead, t.leadByConvention, t.deadline.text])).toEqual([
      [['县应急局', '县公安局'], ['县应急局'], true, ''],
      [['县交通局', '县公安局'], ['县交通局'], true, '2024年6月底前'],
    ])
  })
})
