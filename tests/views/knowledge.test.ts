// From document to knowledge: national mapping, glossary, citations and sectors
// of the seed plan, checked against what a person reads in the plan.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { citations, glossary, knowledgeOf, layersOf, nationalMatches, sectorTasks, similarity, uncoveredNational, definitionOf } from '../../scripts/views/knowledge.ts'
import { makeSite } from '../../scripts/views/site.ts'
import { loadReference } from '../../scripts/data/load.ts'
import { planOf, SEED } from '../helpers/plans.ts'

const plan = await planOf(SEED)
const knowledge = loadReference().knowledge
const source = readFileSync(SEED, 'utf8')

describe('the national measures', () => {
  it('maps each of the 13 measures to the national measure it refines', () => {
    // Read off the headings: the plan drops national 7 and 9, so 7–13 shift.
    const expected = [[1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6], [7, 8], [8, 10], [9, 11], [10, 12], [11, 13], [12, 14], [13, 15]]
    expect(nationalMatches(plan, knowledge.national).map((m) => [m.measure, m.national])).toEqual(expected)
  })
  it('finds the national measures the plan does not cover: 7 and 9', () => {
    expect(uncoveredNational(nationalMatches(plan, knowledge.national), knowledge.national).map((n) => [n.number, n.heading])).toEqual([
      [7, '牢牢守住项目审批安全红线'],
      [9, '切实加强劳务派遣和灵活用工人员安全管理'],
    ])
  })
  it('obeys an override in the data', () => {
    const national = { ...knowledge.national, overrides: [{ plan: plan.id, measure: 13, national: null }] }
    const matches = nationalMatches(plan, national)
    expect(matches.find((m) => m.measure === 13)).toMatchObject({ national: null, overridden: true })
    expect(uncoveredNational(matches, national).map((n) => n.number)).toEqual([7, 9, 15])
  })
  it.each([['严格落实政府安全生产责任', '严格落实地方政府安全生产责任', 0.8], ['重拳出击开展“打非治违”', '牢牢守住项目审批安全红线', 0]] as const)('similarity(%s, %s) ≥ %d', (a, b, min) => {
    expect(similarity(a, b)).toBeGreaterThanOrEqual(min)
    if (min === 0) expect(similarity(a, b)).toBeLessThan(0.2)
  })
})

describe('the glossary', () => {
  const terms = glossary(plan, knowledge.mechanisms)
  const byName = new Map(terms.map((t) => [t.term, t]))

  it('defines terms only with the plan\'s own words', () => {
    expect(byName.get('八有')?.definition).toBe('有场所、有牌子、有印章、有制度、有经费、有装备、有统一服装、有工作档案')
    expect(byName.get('12341')?.definition).toBe('一闭环、两移交、三公开、四考核、一追溯')
    expect(byName.get('三个清单')?.definition).toBe('问题清单、措施清单、责任清单')
    expect(byName.get('专委会')?.definition).toBe('安全生产专业委员会')
    for (const t of terms) if (t.definition) expect(source).toContain(t.definition)
    for (const undefinedTerm of ['三管三必须', '双报告', '一案双查', '打非治违', '两个维护']) expect(byName.get(undefinedTerm)?.definition).toBeUndefined()
  })
  it('lists every quoted term and where it occurs', () => {
    const quoted = new Set([...source.matchAll(/“([^“”]{1,30})”/g)].map((m) => m[1]))
    for (const q of quoted) expect(byName.has(q!), q).toBe(true)
    expect(byName.get('三管三必须')?.tasks).toEqual([7])
    expect(byName.get('双报告')?.tasks).toEqual([20])
    expect(byName.get('一案双查')?.tasks).toEqual([25])
    expect(byName.get('挂牌督办')?.tasks).toEqual([15, 20, 25, 34])
    expect(byName.get('两个维护')?.places).toEqual([{ kind: 'section', label: '工作要求', anchor: 'requirements' }])
  })
  it.each([
    ['八有', '配备不少于3人的监管执法人员，做到“八有”，即有场所、有牌子。', '有场所、有牌子'],
    ['两个维护', '各村、各站所要从践行“两个维护”、捍卫', undefined],
  ])('definitionOf(%s)', (term, text, definition) => expect(definitionOf(term, text)).toBe(definition))
})

describe('cited documents', () => {
  it('lists each document cited in 《》 with the tasks that cite it', () => {
    expect(citations(plan).map((c) => [c.document, c.tasks])).toEqual([
      ['安全生产法', [4, 16]],
      ['长治市安全生产领域举报奖励办法', [32]],
      ['地方党政领导干部安全生产责任制规定', [2, 4]],
      ['山西省生产经营单位主要负责人安全生产责任制规定', [16]],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'zh-Hans-CN')))
  })
})

describe('sectors', () => {
  it.each(knowledge.sectors.map((s) => [s.name, s] as const))('%s lists exactly the tasks that name it or its words', (_name, sector) => {
    const expected = plan.tasks.filter((t) => sector.words.some((w) => t.title.includes(w) || t.text.includes(w))).map((t) => t.number)
    expect(sectorTasks(plan, sector).map((t) => t.number)).toEqual(expected)
  })
  it('gas: every task a station chief for gas safety must see', () => {
    const gas = knowledge.sectors.find((s) => s.slug === 'gas')!
    expect(sectorTasks(plan, gas).map((t) => t.number)).toEqual([10, 13, 23, 24])
    const chemicals = knowledge.sectors.find((s) => s.slug === 'hazardous-chemicals')!
    expect(sectorTasks(plan, chemicals).map((t) => t.number)).toEqual([7, 10, 13, 18, 22, 23, 24])
  })
})

describe('the layers of a site, computed once', () => {
  const layers = layersOf(knowledgeOf(makeSite([plan]), knowledge), plan)

  it('hold what the layer functions give, keyed by task, measure and sector', () => {
    const terms = glossary(plan, knowledge.mechanisms)
    expect(layers.terms).toEqual(terms)
    for (const task of plan.tasks) expect(layers.termsByTask.get(task.number) ?? [], `task ${task.number}`).toEqual(terms.filter((t) => t.tasks.includes(task.number)))
    expect(layers.termsByTask.get(7)?.map((t) => t.term)).toContain('三管三必须')
    expect(layers.citations).toEqual(citations(plan))
    const matches = nationalMatches(plan, knowledge.national)
    expect(layers.nationalMatches).toEqual(matches)
    expect(layers.uncoveredNational).toEqual(uncoveredNational(matches, knowledge.national))
    for (const m of matches) expect(layers.nationalByMeasure.get(m.measure)).toEqual(m)
    expect([...layers.sectorTasks.keys()]).toEqual(knowledge.sectors.map((s) => s.slug))
    for (const sector of knowledge.sectors) expect(layers.sectorTasks.get(sector.slug)).toEqual(sectorTasks(plan, sector))
  })
  it('are computed once: read again, each is the same value', () => {
    for (const name of ['terms', 'termsByTask', 'citations', 'nationalMatches', 'nationalByMeasure', 'uncoveredNational', 'sectorTasks'] as const) expect(layers[name]).toBe(layers[name])
  })
  it('are of the site\'s plans only', () => {
    expect(() => layersOf(knowledgeOf(makeSite([]), knowledge), plan)).toThrow(`no knowledge of plan ${plan.id}`)
  })
})
