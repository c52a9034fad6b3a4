// Every warning and refusal is a line for the administrator, who reads Chinese:
// no English sentence of ours, and never a library's own error words.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readSource } from '../../scripts/parse/formats.ts'
import { parsePlan } from '../../scripts/parse/index.ts'
import { readPlan } from '../../scripts/site/load.ts'
import { FIXTURES, fixtureNames, registry, SEED } from '../helpers/plans.ts'

/** Three Latin words in a row: English prose (file endings, "Word 97–2003", "WPS、Word 或 LibreOffice" are not). */
const ENGLISH = /[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}/

function expectChinese(message: string): void {
  expect(message).toMatch(/[\u4e00-\u9fff]/)
  expect(message).not.toMatch(ENGLISH)
}

describe('messages for the administrator', () => {
  it.each(fixtureNames('bad').filter((n) => !n.endsWith('.expected')))('%s: every warning and refusal in Chinese', async (name) => {
    const result = (await readPlan(`${FIXTURES}bad/${name}`, registry)).result
    const messages = [...result.warnings, ...(result.ok ? [] : result.problems)].map((p) => p.message)
    expect(messages.length).toBeGreaterThan(0)
    for (const m of messages) expectChinese(m)
  })

  const seed = readFileSync(SEED, 'utf8')
  it.each([
    ['a task without its note', seed.replace('（责任单位：各村。完成时限：长期坚持。）', '')],
    ['a deadline that cannot be read', seed.replace('完成时限：长期坚持', '完成时限：尽快')],
    ['an invisible character', seed.replace('各村', '各\u200b村')],
    ['a file cut in half', seed.slice(0, Math.floor(seed.length / 2))],
    ['a bracket at the end that is no note', seed.replace('（责任单位：各村。完成时限：长期坚持。）', '（含农村地区）')],
    ['a note followed by text', seed.replace('（责任单位：各村。完成时限：长期坚持。）', '（责任单位：各村。完成时限：长期坚持。）此后还有话')],
    ['a table of cells that do not fill its rows', '一、任务\n序号|\n工作任务|\n责任单位|\n1|\n排查隐患|\n'],
  ])('%s', (_what, text) => {
    const result = parsePlan({ id: 'p', source: 'p.txt', text, registry })
    const messages = [...result.warnings, ...(result.ok ? [] : result.problems)].map((p) => p.message)
    expect(messages.length).toBeGreaterThan(0)
    for (const m of messages) expectChinese(m)
  })

  const bytes = (s: string) => new TextEncoder().encode(s)
  it.each([
    ['plan.docx', bytes('一、总体要求')],
    ['plan.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])],
    ['plan.odt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])],
    ['plan.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
    ['plan.pdf', bytes('%PDF-1.4\n%%EOF')],
    ['plan.pdf', new Uint8Array([0, 1, 2, 3, 0xff, 0xfe, 0])],
    ['plan.wps', bytes('x')],
    ['plan.txt', new Uint8Array([0, 1, 2])],
  ])('%s that cannot be read is refused in Chinese (%#)', async (name, content) => {
    const source = await readSource(name, content)
    expect(source.ok).toBe(false)
    if (!source.ok) expectChinese(source.message)
  })
})
