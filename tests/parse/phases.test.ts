// Phases and steps (阶段划分, 实施步骤): a title, the time span the plan states, the text.
import { describe, expect, it } from 'vitest'
import { readPhase } from '../../scripts/parse/phases.ts'
import type { Problem } from '../../scripts/model/plan.ts'

const read = (paragraph: string) => {
  const problems: Problem[] = []
  const phase = readPhase(1, [paragraph], 7, '2024-01-10', 2024, problems)
  return { phase, problems }
}

describe('a phase', () => {
  it.each([
    ['动员部署阶段。即日起至2024年3月31日。各村开展宣传。', '动员部署阶段', '即日起至2024年3月31日', { start: '2024-01-10', end: '2024-03-31' }, '各村开展宣传。'],
    ['集中整治阶段。2024年4月1日至9月30日。全面排查整治隐患。', '集中整治阶段', '2024年4月1日至9月30日', { start: '2024-04-01', end: '2024-09-30' }, '全面排查整治隐患。'],
    ['总结提升阶段。2024年10月以后。总结经验。', '总结提升阶段', '2024年10月以后', { start: '2024-10' }, '总结经验。'],
  ])('%s: its span read', (paragraph, title, timeText, span, text) => {
    const { phase, problems } = read(paragraph)
    expect(phase).toEqual({ number: 1, title, timeText, ...span, text, line: 7 })
    expect(problems).toEqual([])
  })

  it('a step that states no time keeps its sentence as its text, with no span and no warning', () => {
    for (const paragraph of ['动员部署。召开动员会议，部署任务。', '组织实施。各责任单位按照分工推进落实。', '加强督导。']) {
      const { phase, problems } = read(paragraph)
      expect(phase.timeText).toBe('')
      expect(phase.start ?? phase.end ?? null).toBeNull()
      expect(phase.title + '。' + phase.text).toBe(paragraph)
      expect(problems).toEqual([])
    }
  })

  it.each(['近期。各村开展宣传动员。', '汛期前后。加强巡查。', '2024年下旬。开展检查。'])('a time it cannot read is kept as written, with a warning: %s', (rest) => {
    const { phase, problems } = read(`动员部署阶段。${rest}`)
    expect(phase.timeText).toBe(rest.split('。')[0])
    expect(problems).toHaveLength(1)
    expect(problems[0]!.message).toMatch(/^阶段1：无法读取时间范围/)
  })
})
