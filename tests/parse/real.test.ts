// Real plans published by other governments (../shared/plans/real: page
// openings as a public store of web pages holds them, most cut at the end),
// read as a careful reader counts them (expected.json there): every one is
// published, each cut task marked and reported, every character in the model.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decode } from '../../scripts/parse/decode.ts'
import { parsePlan } from '../../scripts/parse/index.ts'
import { ROOT, registry } from '../helpers/plans.ts'

const REAL = join(ROOT, '../shared/plans/real')

interface Expected { file: string; measures: number; tasks: number; tasks_with_units: number; tasks_with_deadline: number }
const expected: Expected[] = existsSync(join(REAL, 'expected.json')) ? JSON.parse(readFileSync(join(REAL, 'expected.json'), 'utf8')) : []

// What each file's frame says, read by hand (SOURCES.md there): the title, issuer and date the text gives.
const FRAMES: Record<string, { title: string; issuer: string; date: string | null }> = {
  '01': { title: '2021年安康市安全生产专项整治三年行动工作任务清单', issuer: '安康市安全生产委员会办公室', date: '2021-01-18' },
  '02': { title: '徐庄镇2017年度安全生产专项整治工作计划', issuer: '', date: '2017-02-24' },
  '03': { title: '以控制成本为核心优化营商环境的具体措施', issuer: '', date: '2023-06-30' },
  '04': { title: '立山区政府2023年重点工作任务分解和责任分工方案', issuer: '鞍山市立山区人民政府', date: '2023-03-28' },
  '05': { title: '2023年区《政府工作报告》确定的主要目标任务责任分解方案', issuer: '蔡甸区人民政府办公室', date: '2023-01-03' },
  '06': { title: '2023年区政府工作报告重点任务分解', issuer: '区人民政府办公室', date: '2022-12-27' },
  '07': { title: '2007年《政府工作报告》要求重点做好的工作事项', issuer: '广州市人民政府', date: '2007-04-04' },
  '08': { title: '2006年《政府工作报告》要求重点做好的工作事项', issuer: '广州市人民政府办公厅', date: '2006-04-28' },
  '09': { title: '市安委会2023年工作要点', issuer: '咸宁市安全生产委员会', date: '2023-05-04' },
  '10': { title: '', issuer: '', date: null },
}

function read(file: string) {
  const decoded = decode(readFileSync(join(REAL, file)))
  if (!decoded.ok) throw new Error(decoded.message)
  return parsePlan({ id: 'real', source: file, text: decoded.text, registry })
}

describe.runIf(expected.length > 0)('real plans of other governments', () => {
  it.each(expected.map((e) => [e.file, e] as const))('%s is published with a careful reader\'s counts', (file, e) => {
    const result = read(file)
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}: ${p.message}`).join('\n'))
    const { plan, warnings } = result
    expect(plan.measures).toHaveLength(e.measures)
    expect(plan.tasks).toHaveLength(e.tasks)
    expect(plan.tasks.filter((t) => t.deadline.kind !== 'unspecified')).toHaveLength(e.tasks_with_deadline)
    // A task the end of the file cuts may name no unit (its note is not there, or its last name is cut short).
    const withUnits = plan.tasks.filter((t) => t.units.length > 0).length
    const cut = plan.tasks.filter((t) => t.truncated)
    expect(withUnits === e.tasks_with_units || (withUnits === e.tasks_with_units - 1 && cut.length === 1 && cut[0]!.units.length === 0)).toBe(true)
    // Every file but 02 (its text ends with a section of requirements, complete) stops inside its last task.
    for (const t of cut) expect(warnings).toContainEqual(expect.objectContaining({ line: t.line, kind: 'cut' }))
    expect(plan.tasks.slice(0, -1).every((t) => !t.truncated)).toBe(true)
    const frame = FRAMES[file.slice(0, 2)]!
    expect({ title: plan.title, issuer: plan.issuer, date: plan.date }).toEqual(frame)
  })

  it('each file that stops inside a task has it marked', () => {
    const cut = expected.filter((e) => read(e.file).ok && (read(e.file) as { ok: true; plan: { tasks: Array<{ truncated?: boolean }> } }).plan.tasks.at(-1)!.truncated)
    expect(cut.map((e) => e.file.slice(0, 2))).toEqual(['01', '03', '04', '05', '06', '07', '08', '09', '10'])
  })

  it('a unit list never gains a level that belongs to no department: a company keeps its name', () => {
    const result = read('06-xialu-2023-zhengfu-gongzuo-renwu-fenjie.txt')
    expect(result.ok && result.plan.tasks[0]!.units).toEqual(['老街办', '区招商服务中心', '长乐投资有限公司'])
    const gz = read('07-guangzhou-2007-zhengfu-gongzuo-shixiang.txt')
    // "市发改委、财政局、信息办": the 市 written once holds for each department.
    expect(gz.ok && gz.plan.tasks[1]!.units).toEqual(['市科技局', '市发改委', '市财政局', '市信息办'])
  })
})
