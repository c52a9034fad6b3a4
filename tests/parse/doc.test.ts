// Word 97–2003 (.doc). The fixtures were made by LibreOffice (tests/fixtures/office/make.ts; the two of
// tests/fixtures/word from Word files this project writes, `soffice --headless --convert-to doc`): typed-numbers.doc
// has its numbers typed as text (as WPS users often write them), the others Word's automatic numbering, which
// scripts/parse/doc.ts reads from the file's list tables. NAME.doc.txt is the text LibreOffice shows when it opens
// NAME.doc, numbers included: the reader must read the same.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readSource } from '../../scripts/parse/formats.ts'
import { parsePlan } from '../../scripts/parse/index.ts'
import { reportLines } from '../../scripts/views/report.ts'
import { content, FIXTURES, planOf, registry, SEED } from '../helpers/plans.ts'

const file = (name: string) => `${FIXTURES}${name}`

async function read(name: string) {
  const source = await readSource('plan.doc', readFileSync(file(name)))
  if (!source.ok) throw new Error(source.message)
  return { source, result: parsePlan({ id: 'plan', source: 'plan.doc', text: source.text, registry }) }
}

/** Lines without white space (LibreOffice's text export sets a space after a number, and indents). */
const words = (text: string) => text.replace(/^\ufeff/, '').split(/\r?\n/).map((l) => l.replace(/[\s\u3000]+/g, '')).filter((l) => l !== '')

describe('a .doc file', () => {
  it('with numbers typed as text reads as the plan it holds', async () => {
    const { source, result } = await read('word/typed-numbers.doc')
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'))
    expect(content(result.plan)).toEqual(content(await planOf(`${FIXTURES}plans/lead-support/input.txt`)))
    expect(source.where(11)).toBe(': 第11段')
  })

  it.each(['office/seed-numbered.doc', 'office/canonical-numbered.doc', 'office/lead-support-numbered.doc', 'word/automatic-numbering.doc'])(
    '%s, with automatic numbering, reads with the numbers LibreOffice shows', async (name) => {
      const { source } = await read(name)
      expect(words(source.text)).toEqual(words(readFileSync(file(`${name}.txt`), 'utf8')))
      expect(source.text).toMatch(/^一、/m)
    })

  it.each(['canonical', 'lead-support'])('%s with automatic numbering reads to the model of its .txt', async (name) => {
    const { result } = await read(`office/${name}-numbered.doc`)
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'))
    expect(content(result.plan)).toEqual(content(await planOf(`${FIXTURES}plans/${name}/input.txt`)))
  })

  it('the first plan saved as .doc numbers on after its restarted items as LibreOffice shows it, and the report says where', async () => {
    // LibreOffice writes a list item given its own start value (十、, （十一）) as a list of its own in a .doc, so
    // the measures after it number on from （九）: （十）严肃查处… stands at 第54段, as LibreOffice shows it.
    const { source, result } = await read('office/seed-numbered.doc')
    expect(source.text.split('\n')[53]).toBe('（十）严肃查处瞒报谎报迟报漏报事故行为')
    expect(reportLines('plan.doc', result, source.where).join('\n')).toMatch(/第54段/)
  })
})

describe('a .doc with tables', () => {
  it('a note written as a small table under its task is the task\'s note, its fields a line each, as in .docx', async () => {
    const { source, result } = await read('office/seed-note-tables.doc')
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'))
    expect(content(result.plan)).toEqual(content(await planOf(SEED)))
    expect(result.warnings).toEqual([])
    // Read as "责任单位\t各村\t" in the task's text, and "完成时限\t…" as a heading, before.
    expect(result.plan.tasks[0]!.note).toBe('责任单位：各村\n完成时限：长期坚持')
    const lines = source.text.split('\n')
    expect(lines.slice(9, 12)).toEqual([expect.stringMatching(/^1\.树牢安全发展理念。/), '责任单位：各村', '完成时限：长期坚持'])
    expect(source.where(11)).toBe(': 第11段')
  })

  it('a task table stays a line a row, its cells set apart by tabs', async () => {
    const { source, result } = await read('office/seed-task-table.doc')
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'))
    expect(content(result.plan)).toEqual(content(await planOf(SEED)))
    expect(source.text).toMatch(/^序号\t重点任务\t具体措施\t责任单位\t完成时限\t?$/m)
  })
})

describe('a .doc whose list tables cannot be read', () => {
  it('is refused saying to save it as .docx, never read with numbers guessed', async () => {
    const bytes = new Uint8Array(readFileSync(file('office/canonical-numbered.doc')))
    // The WordDocument stream starts at a 512-byte sector with the FIB's magic number 0xA5EC; fcPlfLst is at 0x2E2 in it.
    let fib = -1
    for (let at = 512; at < bytes.length; at += 512) if (bytes[at] === 0xec && bytes[at + 1] === 0xa5) { fib = at; break }
    expect(fib).toBeGreaterThan(0)
    new DataView(bytes.buffer).setUint32(fib + 0x2e2, 0x7ffffff0, true)
    expect(await readSource('plan.doc', bytes)).toEqual({
      ok: false, where: ': 第1段', message: '此 Word 97–2003 文件（.doc）使用了自动编号，但其编号列表无法读取；请用 Word 或 WPS 打开，另存为 .docx',
    })
  })
})
