// Fixture plans: each folder of tests/fixtures/plans holds input.txt and the
// expected model; each file of tests/fixtures/bad has its expected report
// beside it (NAME.expected). UPDATE=1 npx vitest run tests/fixtures.test.ts
// rewrites the expected files (never in CI, where a missing one fails).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readPlan } from '../../scripts/site/load.ts'
import { reportLines } from '../../scripts/views/report.ts'
import { content, FIXTURES, fixtureNames, planOf, registry } from '../helpers/plans.ts'
import { expectFile } from '../helpers/expect-file.ts'

const canonical = content(await planOf(`${FIXTURES}plans/canonical/input.txt`))

describe('fixture plans', () => {
  it.each(fixtureNames('plans'))('%s', async (name) => {
    const plan = await planOf(`${FIXTURES}plans/${name}/input.txt`)
    expectFile(`${FIXTURES}plans/${name}/expected.json`, JSON.stringify(plan, null, 2) + '\n')
  })

  it.each(['utf8-bom', 'gb18030', 'crlf', 'halfwidth-indent', 'note-own-line', 'enumerated-comma', 'hard-wrapped'])(
    '%s reads as the same plan as canonical',
    async (name) => {
      expect(content(await planOf(`${FIXTURES}plans/${name}/input.txt`))).toEqual(canonical)
    },
  )

  it('records lead and supporting units separately, both responsible', async () => {
    const task = (await planOf(`${FIXTURES}plans/lead-support/input.txt`)).tasks[1]!
    expect(task.lead).toEqual(['镇政府'])
    expect(task.support).toEqual(['各村', '各站所'])
    expect(task.units).toEqual(['镇政府', '各村', '各站所'])
  })

  it('keeps the note as written in half-width punctuation', async () => {
    const task = (await planOf(`${FIXTURES}plans/halfwidth-indent/input.txt`)).tasks[0]!
    expect(task.note).toBe('(责任单位:各村.完成时限:长期坚持.)')
  })
})

describe('notes in other forms', () => {
  it('reads each form into units, roles, leaders and deadlines', async () => {
    const tasks = (await planOf(`${FIXTURES}plans/note-forms/input.txt`)).tasks
    expect(tasks.map((t) => [t.units, t.lead ?? null, t.support ?? null, t.deadline.kind])).toEqual([
      [['各村'], null, null, 'ongoing'],
      [['镇政府', '各村', '各站所'], ['镇政府'], ['各村', '各站所'], 'unspecified'],
      [['镇党委', '镇政府', '各站所'], ['镇党委', '镇政府'], null, 'due'],
      [['各站所'], null, null, 'recurring'],
      [['镇政府', '各村'], ['镇政府'], null, 'unspecified'],
    ])
    expect(tasks[3]).toMatchObject({ leader: '分管副镇长', person: '站所长' })
    expect(tasks[2]!.note).toBe('牵头单位：镇党委、政府\n责任单位：各站所\n完成时限：6月15日前')
    expect(tasks[2]!.text).toBe('对河道、水库、地质灾害隐患点开展全面检查，建立隐患台账。')
  })
})

describe('notes in the forms real plans write them (issue 25)', () => {
  it('unlabelled clauses with a deadline, 由/会同/分别负责/指导, short labels; on its own line after sub-items; a measure note with a deadline; a remark stays text', async () => {
    const plan = await planOf(`${FIXTURES}plans/note-clauses/input.txt`)
    expect(plan.tasks.map((t) => [t.units, t.lead ?? null, t.support ?? null, t.deadline.text])).toEqual([
      [['县商务局'], null, null, '年内持续推进'],
      [['县住建局', '各乡镇'], ['县住建局'], ['各乡镇'], '2024年6月底前完成'],
      [['县委宣传部', '县教育局', '各乡镇'], null, null, ''],
      [['县市场监管局', '各乡镇'], null, null, ''],
      [['县应急局', '县公安局'], ['县应急局'], ['县公安局'], ''],
      [['县交通局'], null, null, '2024年12月'],
      [['县消防救援大队', '县应急局'], ['县消防救援大队'], ['县应急局'], ''],
      [['县市场监管局', '县公安局'], ['县市场监管局'], ['县公安局'], ''],
      [['县住建局', '各乡镇'], ['县住建局'], ['各乡镇'], ''],
      [['县应急局'], null, null, '年内持续推进'],
      [['县公安局', '县交通局', '各乡镇'], ['县公安局'], ['县交通局', '各乡镇'], '2024年11月底前完成'],
      [['县公安局', '县交通局', '各乡镇'], ['县公安局'], ['县交通局', '各乡镇'], '2024年11月底前完成'],
      [[], null, null, ''],
      [['县消防救援大队', '各乡镇'], ['县消防救援大队'], ['各乡镇'], '2024年9月底前完成'],
      [['县消防救援大队', '各乡镇'], null, null, '年底前'],
    ])
    expect(plan.tasks[13]!.text).toBe('重点排查以下场所：\n（1）人员密集场所；\n（2）“九小场所”。')
    expect(plan.measures[1]).toMatchObject({ title: '道路交通安全整治', note: '（县公安局牵头，县交通局、各乡镇配合，2024年11月底前完成）' })
    expect(plan.tasks[12]!.text).toBe('排查校园周边隐患（含农村地区）。')
  })

  it('under a stated convention, bare unit lists are notes and their first unit leads; a remark in brackets stays text', async () => {
    const plan = await planOf(`${FIXTURES}plans/lead-convention-bare-list/input.txt`)
    expect(plan.tasks.map((t) => [t.units, t.lead ?? null, t.leadByConvention ?? false])).toEqual([
      [['区教育局', '区发改局', '区财政局'], ['区教育局'], true],
      [['区教育局', '区市场监管局'], ['区教育局'], true],
      [['区卫健委', '区住建局', '长乐投资有限公司'], ['区卫健委'], true],
      [['区卫健委', '各镇街'], ['区卫健委'], true],
      [[], null, false],
    ])
  })

  it('a convention in a footnote at the end reaches every task', async () => {
    const plan = await planOf(`${FIXTURES}plans/lead-convention-footnote/input.txt`)
    expect(plan.leadConvention).toBe('责任单位中排在第一位的为牵头单位')
    expect(plan.tasks.map((t) => [t.lead, t.leadByConvention ?? false])).toEqual([
      [['区发改局'], true], [['区商务局'], true], [['区商务局'], false], [['区政务服务中心'], true],
    ])
  })
})

// Other outline layouts (issue: "Outline depth varies"), each read to the tasks
// and measures a reader sees; their whole models are in expected.json.
const outlineOf = async (name: string) => {
  const plan = await planOf(`${FIXTURES}plans/${name}/input.txt`)
  return {
    measures: plan.measures.map((m) => [m.marker ?? null, m.title, m.tasks]),
    tasks: plan.tasks.map((t) => [t.number, t.marker ?? null, t.title, t.units, t.deadline.kind]),
  }
}

describe('outline layouts', () => {
  it('sections that are the topics themselves, tasks numbered again under each (in a notice)', async () => {
    const plan = await planOf(`${FIXTURES}plans/sections-as-measures/input.txt`)
    expect((await outlineOf('sections-as-measures')).measures).toEqual([
      ['一、', '强化责任落实', [1, 2]], ['二、', '深化专项整治', [3, 4, 5]], ['三、', '夯实基层基础', [6]],
    ])
    expect(plan.tasks.map((t) => t.marker ?? `${t.number}.`)).toEqual(['1.', '2.', '1.', '2.', '3.', '1.'])
    expect(plan.tasks[3]).toMatchObject({ lead: ['县公安局', '县交通运输局'], units: ['县公安局', '县交通运输局', '各乡镇人民政府'] })
    expect(plan).toMatchObject({ issuer: '某某县人民政府办公室', title: '2023年安全生产工作要点', date: '2023-03-02' })
    expect(plan.notice).toMatchObject({ title: '关于印发2023年安全生产工作要点的通知', date: '2023-03-02', issuer: '某某县人民政府办公室' })
  })

  it('（一） items directly under 一、 are the tasks', async () => {
    expect(await outlineOf('cn-paren-tasks')).toEqual({
      measures: [['二、', '主要任务', [1, 2, 3]]],
      tasks: [
        [1, '（一）', '加强火源管控', ['各村'], 'ongoing'],
        [2, '（二）', '开展隐患排查', ['镇林业站'], 'due'],
        [3, '（三）', '强化宣传教育', ['各村', '镇宣传办'], 'recurring'],
      ],
    })
  })

  it('1. directly under 一、, numbered on across sections; 市 written once; a unit with its own parentheses', async () => {
    const { tasks } = await outlineOf('numbered-on')
    expect(tasks.map((t) => t[0])).toEqual([1, 2, 3, 4, 5])
    expect(tasks.map((t) => t[1])).toEqual([null, null, null, null, null])
    expect(tasks[0]![3]).toEqual(['市委组织部', '市委宣传部'])
    expect(tasks[1]![3]).toEqual(['市安委办'])
    expect(tasks[2]![3]).toEqual(['市应急局', '市发改委', '市工信局'])
    expect((await planOf(`${FIXTURES}plans/numbered-on/input.txt`)).tasks[3]!.deadline).toEqual({ text: '明年7月', kind: 'due', date: '2024-07-31' })
  })

  it('（1） and ① sub-items stay in their task; an unnumbered sub-heading is kept above its task', async () => {
    const plan = await planOf(`${FIXTURES}plans/sub-items/input.txt`)
    expect(plan.tasks[0]!.text).toBe('重点检查以下内容：\n（1）是否使用不合格气瓶；\n（2）是否安装可燃气体报警器；\n①报警器是否有效；\n②报警器是否联网。')
    expect(plan.tasks[3]).toMatchObject({ heading: '入户检查', title: '开展入户检查' })
    expect(plan.measures.map((m) => m.title)).toEqual(['餐饮场所', '居民用户'])
  })

  it('four levels: a heading over measures is kept with each measure it groups', async () => {
    expect(await outlineOf('four-levels')).toEqual({
      measures: [['1.', '压实党政领导责任', [1, 2]], ['2.', '压实部门监管责任', [3]], ['3.', '危险化学品专项整治', [4]]],
      tasks: [
        [1, '（1）', '将安全生产纳入县委常委会议事日程', ['县委办'], 'ongoing'],
        [2, '（2）', '每季度召开一次安委会全体会议', ['县安委办'], 'recurring'],
        [3, '（3）', '修订县安委会成员单位职责清单', ['县安委办'], 'due'],
        [4, '（4）', '开展重大危险源企业专项检查', ['县应急局', '县公安局'], 'unspecified'],
      ],
    })
    expect((await planOf(`${FIXTURES}plans/four-levels/input.txt`)).measures.map((m) => m.group)).toEqual(['（一）强化责任落实', '（一）强化责任落实', '（二）深化专项整治'])
  })

  it('work points without notes: the deepest items are the tasks, with no units and no deadline', async () => {
    expect(await outlineOf('work-points')).toEqual({
      measures: [[null, '强化风险防控', [1, 2]], [null, '提升应急能力', [3]]],
      tasks: [[1, null, '开展危化品风险排查', [], 'unspecified'], [2, null, '推进尾矿库治理', [], 'unspecified'], [3, null, '修订总体应急预案', [], 'unspecified']],
    })
  })

  it('no letterhead, a title on two lines, the date under it, no signature', async () => {
    const plan = await planOf(`${FIXTURES}plans/no-letterhead-date-top/input.txt`)
    expect(plan).toMatchObject({ issuer: '', title: '关于做好2023年汛期安全生产工作的实施方案', date: '2023-05-20' })
    expect(plan.tasks.map((t) => t.deadline.date)).toEqual(['2023-05-31', '2023-06-15'])
  })
})

describe('what the plans leave out', () => {
  it('a task without a deadline has an unspecified one', async () => {
    const plan = await planOf(`${FIXTURES}plans/no-deadline/input.txt`)
    expect(plan.tasks[3]!.deadline).toEqual({ text: '', kind: 'unspecified' })
    expect(plan.tasks[3]!.note).toBe('（责任单位：各站所。）')
  })

  it('a unit the registry does not know is a unit of its own, with a pinyin slug', async () => {
    const plan = await planOf(`${FIXTURES}plans/unknown-unit/input.txt`)
    expect(plan.tasks[3]!.units).toEqual(['镇应急办'])
    expect(plan.units.find((u) => u.name === '镇应急办')).toMatchObject({ registered: false, slug: expect.stringMatching(/^zhen-ying-ji-ban-[0-9a-f]{6}$/) })
  })
})

describe('bad plans', () => {
  const inputs = fixtureNames('bad').filter((name) => !name.endsWith('.expected'))
  it.each(inputs)('%s gives a clear report', async (name) => {
    const file = `tests/fixtures/bad/${name}`
    const { result, where } = await readPlan(`${FIXTURES}bad/${name}`, registry)
    const lines = reportLines(file, result, where)
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect(line).toMatch(/^tests\/fixtures\/bad\/[\w.-]+:\d+: \S/)
    expectFile(`${FIXTURES}bad/${name}.expected`, lines.join('\n') + '\n')
  })
})
