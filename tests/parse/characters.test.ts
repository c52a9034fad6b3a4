// Invisible characters: a unit written with one is the unit a reader sees,
// the text keeps it, and the administrator is told where it is.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { describeCharacter, invisibleCharacterWarnings, matchKey, visibleForm } from '../../scripts/parse/characters.ts'
import { parsePlan } from '../../scripts/parse/index.ts'
import type { Plan } from '../../scripts/model/plan.ts'
import { registry, SEED } from '../helpers/plans.ts'

const seedText = readFileSync(SEED, 'utf8')

function parse(text: string) {
  const result = parsePlan({ id: 'seed', source: 'seed.txt', text, registry })
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}: ${p.message}`).join('\n'))
  return result
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1

describe('look-alike units', () => {
  const clean = parse(seedText).plan
  // Task 1 (各村), task 5 (镇党委、镇政府) and task 8 (镇政府), each written with an invisible character.
  it.each([
    ['各村\u200b', '（责任单位：各村。完成时限：长期坚持。）', 'U+200B（零宽空格）', 1],
    ['镇\u202e政府', '（责任单位：镇政府，完成时限：长期坚持。）', 'U+202E（从右到左强制）', 8],
    ['镇党委\u2060', '（责任单位：镇党委、镇政府。完成时限：5月底前完成。）', 'U+2060（词连接符）', 5],
    ['各村\ufe0f', '（责任单位：各村。完成时限：长期坚持。）', 'U+FE0F（异体字选择符16）', 1],
  ])('%j is the unit a reader sees', (written, note, described, taskNumber) => {
    const unit = visibleForm(written)
    const text = seedText.replace(note, note.replace(unit, written))
    expect(text).not.toBe(seedText)
    const { plan, warnings } = parse(text)
    const task = plan.tasks.find((t) => t.number === taskNumber)!
    const before = clean.tasks.find((t) => t.number === taskNumber)!
    // The same units, the same unit pages: the duty stays on the unit's page.
    expect(task.units).toEqual(before.units)
    expect(plan.units).toEqual(clean.units)
    // The text as written is kept.
    expect(task.unitRefs.map((r) => r.text)).toContain(written)
    expect(task.note).toContain(written)
    // Located and named.
    const line = lineOf(text, written)
    expect(warnings).toContainEqual({ line, kind: 'text', message: expect.stringContaining(described) })
    expect(warnings.find((w) => w.line === line)!.message).toMatch(/^“[^”]+”之后有看不见的字符/)
  })

  it('a unit the registry does not know is one unit however it is written', () => {
    const note = '（责任单位：镇政府，完成时限：长期坚持。）'
    const text = seedText
      .replace(note, '（责任单位：镇应急办\u200b，完成时限：长期坚持。）')
      .replace('（责任单位：各站所。完成时限：6月底前完成。）', '（责任单位：镇应急办。完成时限：6月底前完成。）')
    const plan: Plan = parse(text).plan
    const named = plan.units.filter((u) => u.name.startsWith('镇应急办'))
    expect(named.map((u) => u.name)).toEqual(['镇应急办'])
  })

  it('the seed holds no invisible character, and gets no such warning', () => {
    expect(invisibleCharacterWarnings(seedText.split('\n'))).toEqual([])
  })
})

describe('the match key', () => {
  it.each([
    ['各村\u200b', '各村'],
    ['\u2066镇政府\u2069', '镇政府'],
    ['镇\u00ad政府', '镇政府'],
    // Compatibility forms fold for matching: full-width letters, a Kangxi radical.
    ['ＡＢ局', 'AB局'],
    ['\u2f08民政府', '人民政府'],
    // NFC: a decomposed letter is the composed one.
    ['e\u0301', '\u00e9'],
  ])('%j → %j', (written, key) => expect(matchKey(written)).toBe(key))

  it('shows full-width letters as written, and only compares them folded', () => {
    expect(visibleForm('ＡＢ局\u200b')).toBe('ＡＢ局')
  })

  it('names each character', () => {
    expect(describeCharacter('\u200b')).toBe('U+200B（零宽空格）')
    expect(describeCharacter('\u{e0100}')).toBe('U+E0100（异体字选择符17）')
  })

  it('warns for at most twenty lines, then counts the rest', () => {
    const warnings = invisibleCharacterWarnings(Array.from({ length: 50 }, () => 'a\u200bb'))
    expect(warnings).toHaveLength(21)
    expect(warnings.at(-1)!.message).toContain('另有 30 行')
  })
})
