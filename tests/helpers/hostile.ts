// The hostile corpus (tests/fixtures/hostile/payloads.lines) as a plan: every
// payload in every field the model has. Where the plan's own syntax leaves less
// room (a title ends at the first full stop; units are split at "、"; a note
// ends at the first parenthesis) the payload goes in with those characters
// taken out, and verbatim into the fields that take any text: the first
// paragraph of a task's text (the first cell of a ledger's 具体内容), the preamble, the guiding ideology, phases, requirements.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chineseNumeral } from '../../scripts/render/common.ts'
import type { Plan } from '../../scripts/model/plan.ts'
import { ROOT } from './plans.ts'

export const CORPUS_FILE = join(ROOT, 'tests/fixtures/hostile/payloads.lines')
export const CORPUS_PLAN_ID = 'hostile-corpus'

export function payloads(text = readFileSync(CORPUS_FILE, 'utf8')): string[] {
  return text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '' && !l.startsWith(';;'))
}

/** The payload as it can stand in a title: the first full stop would end the title. */
export const inTitle = (p: string) => p.replace(/[。．.]/g, '')
/** As a unit name: no separators, no spaces, no parentheses (they end the note). */
export const inUnit = (p: string) => p.replace(/[\s、，,；;。.()（）]/g, '')
/** As a deadline: no parentheses (they end the note), no separators. */
export const inDeadline = (p: string) => p.replace(/[()（）;；]/g, '').trim()

/** Payloads a task carries: three, so the site stays small enough to open every page of it in the browser twice. */
export const PER_TASK = 3

/** The payloads of task n (1-based). */
export const groupOf = (list: string[], n: number) => list.slice((n - 1) * PER_TASK, n * PER_TASK)

export const unitName = (n: number, group: string[]) => `单位${n}${group.map(inUnit).join('')}`
/** Each kind of deadline in turn, so the payloads reach deadline pages and calendar events. */
export const deadlineText = (n: number, group: string[]) => `${['长期坚持', '6月底前', '每月'][n % 3]}${group.map(inDeadline).join(' ')}`
const titleOf = (group: string[]) => group.map(inTitle).join(' ')

export function corpusPlanText(list: string[] = payloads()): string {
  const tasks = Math.ceil(list.length / PER_TASK)
  const lines = [
    `某某镇人民政府${inTitle(list[0]!)}`,
    `关于测试${list.map(inTitle).join(' ')}的实施方案`,
    '各村，各站所：',
    `为检验页面安全，将“三条措施”细化为${tasks}项具体任务，制定本方案：`,
    ...list,
    '一、指导思想',
    ...list,
    '二、细化措施',
  ]
  for (let n = 1; n <= tasks; n++) {
    const group = groupOf(list, n)
    const last = group[group.length - 1]!
    lines.push(
      `（${chineseNumeral(n)}）措施${n}${titleOf(group)}`,
      `${n}.任务${n}${titleOf(group)}。${group[0]}`,
      // Each payload of the task on a line of its own: a paragraph's start and end.
      ...group.slice(1),
      `正文引用《${inTitle(last)}》与“${inTitle(last)}”，涉及消防。`,
      `（责任单位：各村、${unitName(n, group)}。完成时限：${deadlineText(n, group)}。）`,
    )
  }
  lines.push('三、阶段划分')
  list.forEach((p, i) => lines.push(`（${chineseNumeral(i + 1)}）阶段${i + 1}${inTitle(p)}。即日起至2023年6月30日。${p}`))
  lines.push('四、工作要求')
  list.forEach((p, i) => lines.push(`（${chineseNumeral(i + 1)}）要求${i + 1}${inTitle(p)}。${p}`))
  lines.push('', '某某镇人民政府', '2023年5月8日', '')
  return lines.join('\n')
}

/** Where each payload must be in the model: the check that the fixture really puts it everywhere. */
export function misplaced(plan: Plan, list: string[] = payloads()): string[] {
  const wrong: string[] = []
  const expect = (ok: boolean, what: string) => { if (!ok) wrong.push(what) }
  expect(plan.issuer === `某某镇人民政府${inTitle(list[0]!)}`, 'issuer')
  list.forEach((raw, i) => {
    // A line's indentation is layout, not text: the parser drops it.
    const p = raw.trim()
    const n = Math.floor(i / PER_TASK) + 1
    const group = groupOf(list, n)
    const task = plan.tasks.find((t) => t.number === n)
    const measure = plan.measures.find((m) => m.number === n)
    expect(plan.title.includes(inTitle(raw)), `title ${i + 1}`)
    expect(plan.preamble.split('\n').includes(p), `preamble ${i + 1}`)
    expect(plan.guidingIdeology.split('\n').includes(p), `guiding ideology ${i + 1}`)
    expect(measure?.title === `措施${n}${titleOf(group)}`, `measure of payload ${i + 1}`)
    expect(task?.title === `任务${n}${titleOf(group)}`, `task title of payload ${i + 1}`)
    expect(task?.text.split('\n').includes(p) ?? false, `task text of payload ${i + 1}`)
    expect(task?.units.includes(unitName(n, group)) ?? false, `task units of payload ${i + 1}`)
    expect(task?.deadline.text === deadlineText(n, group), `task deadline of payload ${i + 1}`)
    expect(plan.phases[i]?.title === `阶段${i + 1}${inTitle(raw)}` && plan.phases[i]?.text === p, `phase ${i + 1}`)
    expect(plan.requirements[i]?.title === `要求${i + 1}${inTitle(raw)}` && plan.requirements[i]?.text === p, `requirement ${i + 1}`)
  })
  return wrong
}
