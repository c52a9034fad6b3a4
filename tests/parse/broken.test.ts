// Broken copies of the seed, the ways a file gets damaged on its way to the
// administrator: each is published, with a located warning that names the
// task and its line, never refused and never silently wrong.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parsePlan } from '../../scripts/parse/index.ts'
import { registry, SEED } from '../helpers/plans.ts'
import type { ParseResult, Problem } from '../../scripts/model/plan.ts'

const lines = readFileSync(SEED, 'utf8').split('\n')
const at = (n: number) => lines.findIndex((l) => l.startsWith(`${n}.`))
const parse = (text: string[]): Extract<ParseResult, { ok: true }> => {
  const result = parsePlan({ id: 'broken', source: 'broken.txt', text: text.join('\n'), registry })
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'))
  return result
}
const ofKind = (warnings: Problem[], kind: string) => warnings.filter((w) => w.kind === kind)

describe('a broken copy of the seed is published', () => {
  it('a task missing from the numbering: one warning at the next task, and the count', () => {
    const { plan, warnings } = parse(lines.filter((_, i) => i !== at(7)))
    expect(plan.tasks).toHaveLength(34)
    expect(ofKind(warnings, 'numbering')).toEqual([{ line: at(8), kind: 'numbering', message: '编号不连续：此处应为任务7（接在任务6之后），实为任务8；缺任务7' }])
    expect(ofKind(warnings, 'count')).toHaveLength(1)
    expect(warnings).toHaveLength(2)
  })

  it('a task without its note: one warning at its line, and the task says 未注明', () => {
    const text = [...lines]
    text[at(8)] = text[at(8)]!.replace(/（责任单位[^）]*）/, '')
    const { plan, warnings } = parse(text)
    expect(plan.tasks).toHaveLength(35)
    expect(plan.tasks[7]!.units).toEqual([])
    expect(warnings).toEqual([{ line: at(8) + 1, kind: 'note', message: expect.stringMatching(/^任务8未写明责任单位/) }])
  })

  it('a task whose final bracket is not read as a note: the warning quotes the bracket and says what a note looks like', () => {
    const text = [...lines]
    text[at(8)] = text[at(8)]!.replace(/（责任单位[^）]*）/, '（县市场监管局督办，各乡镇）')
    const { plan, warnings } = parse(text)
    expect(plan.tasks[7]!.units).toEqual([])
    expect(plan.tasks[7]!.text).toContain('（县市场监管局督办，各乡镇）')
    expect(warnings).toEqual([{
      line: at(8) + 1,
      kind: 'note',
      message: '任务8末尾的括号“（县市场监管局督办，各乡镇）”未能读作责任单位说明：说明应写成“（责任单位：…；完成时限：…）”或“（A牵头，B配合）”这样；显示为“责任单位：未注明”',
    }])
  })

  it('a task pasted twice: one warning at the copy (a number written twice counts once against 细化为35项)', () => {
    const text = [...lines.slice(0, at(8) + 1), lines[at(8)]!, ...lines.slice(at(8) + 1)]
    const { plan, warnings } = parse(text)
    expect(plan.tasks).toHaveLength(36)
    expect(warnings).toEqual([{ line: at(8) + 2, kind: 'numbering', message: `任务8重复出现（首次在第${at(8) + 1}行）` }])
  })

  it('the file cut in half: the tasks before the cut, the last one marked and reported at its line', () => {
    const half = lines.join('\n').slice(0, Math.floor(lines.join('\n').length / 2))
    const { plan, warnings } = parse(half.split('\n'))
    const last = plan.tasks.at(-1)!
    expect(last.truncated).toBe(true)
    expect(plan.tasks.slice(0, -1).every((t) => !t.truncated && t.units.length > 0)).toBe(true)
    expect(ofKind(warnings, 'cut')).toEqual([expect.objectContaining({ line: last.line, message: expect.stringMatching(new RegExp(`^任务${last.number}：文件在本任务中间结束`)) })])
    // What else it says is true of a cut file: no date at its end (so "6月底前" of no known year), fewer tasks than it states.
    expect(new Set(warnings.map((w) => w.kind))).toEqual(new Set(['cut', 'count', 'frame', 'deadline']))
    for (const w of ofKind(warnings, 'deadline')) expect(w.message).toMatch(/无法确定完成时限.*方案未写成文日期/)
  })
})
