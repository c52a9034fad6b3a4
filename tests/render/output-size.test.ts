// Output that grows linearly with a plan's tasks: one plan of 200 and one of
// 800 tasks, all of a few units, rendered to Markdown; the bytes per task stay
// within 1.5× (listing every task of a task's units on every task page made
// them grow with the tasks: 1,000 tasks gave 190 MB).
import { describe, expect, it } from 'vitest'
import { toMarkdown } from '../../scripts/render/markdown.ts'
import { loadReference } from '../../scripts/data/load.ts'
import { parsePlan } from '../../scripts/parse/index.ts'
import { RELATED_LIST_MAX } from '../../scripts/render/plan.ts'
import { SIDEBAR_TASKS_MAX } from '../../scripts/site/nav.ts'
import { sitePages } from '../../scripts/site/pages.ts'
import { makeSite } from '../../scripts/views/site.ts'
import { chineseNumeral } from '../../scripts/render/common.ts'
import { registry } from '../helpers/plans.ts'

const UNITS = ['各村', '镇政府', '镇党委', '各站所']
const PER_MEASURE = 10

/** A plan of `tasks` tasks in measures of ten, each task of two of four units. */
function planText(tasks: number): string {
  const lines = ['某某镇人民政府', '关于加强安全生产的实施方案', '各村，各站所：', `为加强安全生产，细化为${tasks}项具体任务，制定本方案：`, '一、指导思想', '坚持安全发展。', '二、细化措施']
  for (let n = 1; n <= tasks; n++) {
    if ((n - 1) % PER_MEASURE === 0) lines.push(`（${chineseNumeral((n - 1) / PER_MEASURE + 1)}）第${(n - 1) / PER_MEASURE + 1}项措施`)
    lines.push(`${n}.任务${n}。开展第${n}项安全检查，建立台账。（责任单位：${UNITS[n % 4]}、${UNITS[(n + 1) % 4]}。完成时限：长期坚持。）`)
  }
  lines.push('', '某某镇人民政府', '2023年5月8日', '')
  return lines.join('\n')
}

function markdownBytes(tasks: number): number {
  const text = planText(tasks)
  const result = parsePlan({ id: 'big', source: 'big.txt', text, registry })
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}: ${p.message}`).join('\n'))
  expect(result.plan.tasks).toHaveLength(tasks)
  const pages = sitePages(makeSite([result.plan]), new Map([['big', text]]), loadReference().knowledge, { pdf: false })
  return pages.reduce((sum, page) => sum + Buffer.byteLength(toMarkdown(page)), 0)
}

describe('Markdown per task', () => {
  // Both past the lengths at which the sidebar and the related lists stop listing every task.
  it(`stays bounded as one plan grows from 200 to 800 tasks`, () => {
    expect(SIDEBAR_TASKS_MAX).toBeLessThan(200)
    const small = markdownBytes(200) / 200
    const large = markdownBytes(800) / 800
    expect(large / small, `${small.toFixed(0)} vs ${large.toFixed(0)} bytes per task`).toBeLessThan(1.5)
  }, 120_000)

  it('a task page links its units\' pages once their lists are long, and lists short ones', () => {
    expect(RELATED_LIST_MAX).toBeGreaterThanOrEqual(22) // the seed's longest list, shown whole
    const text = planText(100)
    const result = parsePlan({ id: 'big', source: 'big.txt', text, registry })
    if (!result.ok) throw new Error('parse')
    const page = sitePages(makeSite([result.plan]), new Map([['big', text]]), loadReference().knowledge, { pdf: false }).find((p) => p.path === 'big/tasks/1.md')!
    const md = toMarkdown(page)
    expect(md).toContain('其他措施中另有')
    expect(md).toContain('/units/')
  }, 60_000)
})
