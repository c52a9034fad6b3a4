import { describe, expect, it } from 'vitest'
import { readRegistry, resolveUnit, splitUnits } from '../../scripts/parse/units.ts'
import { unitAndGroups } from '../../scripts/views/units.ts'
import { registry } from '../helpers/plans.ts'

describe('resolveUnit', () => {
  it.each([
    ['镇政府', null, '镇政府', true],
    ['镇负有安全监管职责的站所', null, '负有安全监管职责的站所', true],
    ['各负有安全监管职责的站所', null, '负有安全监管职责的站所', true],
    ['负有安全监管职责的站所', null, '负有安全监管职责的站所', true],
    // "镇党委、政府": the second item drops the prefix it shares with the first.
    ['政府', '镇党委', '镇政府', true],
    // "在镇政府": a preposition leaked from the sentence.
    ['在镇政府', null, '镇政府', true],
    ['镇应急办', null, '镇应急办', false],
    ['政府', null, '政府', false],
    // "市发改委、财政局、信息办": the level is written once.
    ['财政局', '市发改委', '市财政局', false],
    ['信息办', '市财政局', '市信息办', false],
    ['各县区', '市发改委', '各县区', false],
    ['县应急局', '市发改委', '县应急局', false],
    // "市安委办（工作专班办公室）": the unit before the parentheses.
    ['市安委办（工作专班办公室）', null, '市安委办', false],
    ['镇政府（安监站）', null, '镇政府', true],
    // A word that begins with a level's character names no level: 市场监管局 and 乡村振兴局 take the list's.
    ['市场监管局', '区商务局', '区市场监管局', false],
    ['乡村振兴局', '区农业农村局', '区乡村振兴局', false],
    ['发改局', '区市场监管局', '区发改局', false],
    // The Party committee's departments are its 委's: "区委组织部、宣传部".
    ['宣传部', '区委组织部', '区委宣传部', false],
    ['统战部', '县住建局', '县委统战部', false],
    // A company, a full name or a group stands for itself.
    ['各镇街', '区卫健委', '各镇街', false],
    ['长乐投资有限公司', '区住建局', '长乐投资有限公司', false],
    ['福州市长乐区自来水厂', '区水利局', '福州市长乐区自来水厂', false],
  ] as const)('%s (after %s) → %s', (written, previous, unit, known) => {
    expect(resolveUnit(registry, written, previous)).toEqual({ unit, known })
  })
})

describe('splitUnits', () => {
  it.each([
    ['镇党委、镇政府，各村', ['镇党委', '镇政府', '各村']],
    [' 负有安全监管职责的站所', ['负有安全监管职责的站所']],
    ['镇政府,各村;各站所.', ['镇政府', '各村', '各站所']],
    ['', []],
    ['市安委办（工作专班办公室、应急办）、市应急局', ['市安委办（工作专班办公室、应急办）', '市应急局']],
    // A bare list of a note (区教育局、区发改局，各镇街) splits at both marks.
    ['区教育局、区发改局，各镇街', ['区教育局', '区发改局', '各镇街']],
  ] as const)('%s', (text, items) => expect(splitUnits(text)).toEqual(items))
})

describe('the registry', () => {
  it('gives a unit with the groups it belongs to', () => {
    const units = readRegistry({
      units: [{ name: 'A', slug: 'a' }, { name: 'B', slug: 'b', memberOf: ['A'] }, { name: 'C', slug: 'c', memberOf: ['B'] }],
    }).entries.map((e) => ({ ...e, registered: true }))
    expect(unitAndGroups(units, 'C')).toEqual(['C', 'B', 'A'])
  })
  it.each([
    [{}, 'expected an object with a "units" array'],
    [{ units: [{ name: '' }] }, 'units[0]: "name" must be a non-empty string'],
    [{ units: [{ name: 'A' }] }, '"slug" must be lower-case ASCII words'],
    [{ units: [{ name: 'A', slug: 'a', aliases: 'B' }] }, '"aliases" must be a list of names'],
    [{ units: [{ name: 'A', slug: 'a', memberOf: ['Z'] }] }, 'A is a member of "Z", which is not a unit'],
    [{ units: [{ name: 'A', slug: 'a', aliases: ['X'] }, { name: 'B', slug: 'b', aliases: ['X'] }] }, '"X" already names A'],
    [{ units: [{ name: 'A', slug: 'a' }, { name: 'B', slug: 'a' }] }, 'slug "a" is already A\'s'],
  ])('rejects bad registry data: %j', (json, message) => {
    expect(() => readRegistry(json, 'units.json')).toThrow(message)
  })
})
