// From document to knowledge: layers over the model, keyed by stable ids —
// the national measures each plan measure refines, the terms the plan uses
// (and defines), the documents it cites, the sectors its tasks concern.
// Pure functions; the reference data (scripts/data/*.json) is passed in.
// `knowledgeOf` computes them once for a site; renderers read that view and
// never the plan's text.

import { createHash } from 'node:crypto'
import type { Plan, Task } from '../model/plan.ts'
import type { Site } from './site.ts'

export interface NationalMeasure { number: number; heading: string }
export interface NationalData {
  title: string
  measures: NationalMeasure[]
  /** Words a local plan writes for a national word ("党组织" for "地方党委"). */
  equivalents: Array<[local: string, national: string]>
  overrides: Array<{ plan: string; measure: number; national: number | null }>
}
export interface Sector { name: string; slug: string; words: string[] }

/** The reference data the knowledge views read (scripts/data/load.ts). */
export interface KnowledgeData {
  national: NationalData
  mechanisms: string[]
  sectors: Sector[]
}

// --- National measures ----------------------------------------------------------

function bigrams(text: string): string[] {
  const chars = [...text.replace(/[^\u4e00-\u9fff]/g, '')]
  return chars.slice(1).map((c, i) => chars[i] + c)
}

/** Dice similarity of two headings' character pairs, 0 … 1. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a)
  const y = bigrams(b)
  if (x.length === 0 || y.length === 0) return 0
  const pool = [...y]
  let shared = 0
  for (const g of x) {
    const i = pool.indexOf(g)
    if (i >= 0) { shared++; pool.splice(i, 1) }
  }
  return (2 * shared) / (x.length + y.length)
}

export interface MeasureMatch {
  measure: number
  national: number | null
  score: number
  /** True where scripts/data/national-measures.json fixes the match by hand. */
  overridden: boolean
}

/** Below this similarity a heading refines no national measure. */
export const MATCH_THRESHOLD = 0.35
/** From this similarity on, the two titles say the same (对应); between the two, 部分对应. */
export const FULL_MATCH = 0.8

/**
 * Each plan measure's national counterpart: the most similar heading, each
 * national measure taken once (best pairs first), after replacing the local
 * words by their national equivalents; overrides win.
 */
export function nationalMatches(plan: Plan, data: NationalData): MeasureMatch[] {
  const localised = (title: string) => data.equivalents.reduce((t, [local, national]) => t.split(local).join(national), title)
  const pairs = plan.measures.flatMap((m) =>
    data.measures.map((n) => ({ measure: m.number, national: n.number, score: similarity(localised(m.title), n.heading) })),
  )
  pairs.sort((a, b) => b.score - a.score || a.measure - b.measure || a.national - b.national)
  const result = new Map<number, MeasureMatch>()
  const taken = new Set<number>()
  for (const o of data.overrides.filter((o) => o.plan === plan.id)) {
    result.set(o.measure, { measure: o.measure, national: o.national, score: 0, overridden: true })
    if (o.national !== null) taken.add(o.national)
  }
  for (const p of pairs) {
    if (result.has(p.measure) || taken.has(p.national) || p.score < MATCH_THRESHOLD) continue
    result.set(p.measure, { ...p, score: Math.round(p.score * 100) / 100, overridden: false })
    taken.add(p.national)
  }
  return plan.measures.map((m) => result.get(m.number) ?? { measure: m.number, national: null, score: 0, overridden: false })
}

export function uncoveredNational(matches: MeasureMatch[], data: NationalData): NationalMeasure[] {
  const covered = new Set(matches.map((m) => m.national))
  return data.measures.filter((n) => !covered.has(n.number))
}

// --- Where text occurs ----------------------------------------------------------

export type Place = { kind: 'task'; task: number } | { kind: 'section'; label: string; anchor: 'preamble' | 'guidance' | 'measures' | 'phases' | 'requirements' }

export interface PlanText { place: Place; text: string }

/** Every text of the plan with the place it stands. */
export function planTexts(plan: Plan): PlanText[] {
  const sectionIntro = (kind: string) => plan.sections.filter((s) => s.kind === kind).map((s) => s.intro).join('\n')
  return [
    { place: { kind: 'section', label: '前言', anchor: 'preamble' }, text: plan.preamble },
    { place: { kind: 'section', label: '指导思想', anchor: 'guidance' }, text: plan.guidingIdeology },
    { place: { kind: 'section', label: '细化措施', anchor: 'measures' }, text: [sectionIntro('measures'), ...plan.measures.map((m) => `${m.title}\n${m.intro ?? ''}`)].join('\n') },
    ...plan.tasks.map((t) => ({ place: { kind: 'task' as const, task: t.number }, text: `${t.title}。${t.text}` })),
    { place: { kind: 'section', label: '阶段划分', anchor: 'phases' }, text: plan.phases.map((p) => `${p.title}。${p.timeText}。${p.text}`).join('\n') },
    { place: { kind: 'section', label: '工作要求', anchor: 'requirements' }, text: plan.requirements.map((r) => `${r.title}。${r.text}`).join('\n') },
  ]
}

// --- Terms ----------------------------------------------------------------------

export interface Term {
  term: string
  /** Stable anchor: "term-" and the first 8 hex digits of the term's SHA-1. */
  id: string
  /** The plan's own words defining it, verbatim; absent where the plan does not define it. */
  definition?: string
  places: Place[]
  tasks: number[]
}

export const termId = (term: string) => `term-${createHash('sha1').update(term).digest('hex').slice(0, 8)}`

const CN_COUNT: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }

/**
 * The plan's own definition of a term, where it gives one, in the forms plans use:
 * "“八有”，即有场所、…"; "…“一闭环、…”工作保障机制（以下简称“12341”工作保障机制）";
 * "问题清单、措施清单、责任清单“三个清单”" (a list of as many items as the term counts);
 * "…安全生产专业委员会（以下简称专委会）".
 */
export function definitionOf(term: string, text: string): string | undefined {
  const esc = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const namely = new RegExp(`“${esc}”[，,]?即([^。；]+)`).exec(text)
  if (namely) return namely[1]
  const abbreviated = new RegExp(`“([^”]+)”[^（“”]{0,12}（以下简称“${esc}”`).exec(text)
  if (abbreviated) return abbreviated[1]
  const plainAbbreviation = new RegExp(`([^，。；、]+?)（以下简称${esc}）`).exec(text)
  if (plainAbbreviation) {
    const phrase = plainAbbreviation[1]!
    return phrase.includes('等') ? phrase.slice(phrase.lastIndexOf('等') + 1) : phrase
  }
  // "…问题清单、措施清单、责任清单“三个清单”": as many items as counted, each
  // ending in the counted noun; the first item loses the verb before it.
  const count = /^([一两二三四五六七八九十])个(.+)$/.exec(term)
  if (count) {
    const list = new RegExp(`((?:[\\u4e00-\\u9fff]{2,8}、)+[\\u4e00-\\u9fff]{2,8})“${esc}”`).exec(text)
    const items = list ? list[1]!.split('、') : []
    if (items.length === CN_COUNT[count[1]!] && items.every((item) => item.endsWith(count[2]!))) {
      items[0] = items[0]!.slice(-items[1]!.length)
      return items.join('、')
    }
  }
  return undefined
}

/** Quoted terms (“…”, up to 30 characters) and the named mechanisms of the data list that the plan uses. */
export function glossary(plan: Plan, mechanisms: string[]): Term[] {
  const texts = planTexts(plan)
  const all = texts.map((t) => t.text).join('\n')
  const names = new Set<string>()
  for (const m of all.matchAll(/“([^“”]{1,30})”/g)) names.add(m[1]!)
  for (const m of mechanisms) if (all.includes(m)) names.add(m)
  // "以下简称专委会" names a term without quotes.
  for (const m of all.matchAll(/（以下简称([^“”）]{1,10})）/g)) names.add(m[1]!)
  return [...names]
    .map((term) => {
      const places = texts.filter((t) => t.text.includes(term)).map((t) => t.place)
      const definition = definitionOf(term, all)
      const entry: Term = { term, id: termId(term), places, tasks: places.flatMap((p) => (p.kind === 'task' ? [p.task] : [])) }
      if (definition) entry.definition = definition
      return entry
    })
    .sort((a, b) => a.term.localeCompare(b.term, 'zh-Hans-CN'))
}

// --- Cited documents ------------------------------------------------------------

export interface Citation { document: string; places: Place[]; tasks: number[] }

/** Every document cited in 《》, with where it is cited. */
export function citations(plan: Plan): Citation[] {
  const texts = planTexts(plan)
  const names = new Set<string>()
  for (const t of texts) for (const m of t.text.matchAll(/《([^《》]{2,60})》/g)) names.add(m[1]!)
  return [...names]
    .map((document) => {
      const places = texts.filter((t) => t.text.includes(`《${document}》`)).map((t) => t.place)
      return { document, places, tasks: places.flatMap((p) => (p.kind === 'task' ? [p.task] : [])) }
    })
    .sort((a, b) => a.document.localeCompare(b.document, 'zh-Hans-CN'))
}

// --- Sectors --------------------------------------------------------------------

/** The tasks whose title or text names the sector or one of its words. */
export function sectorTasks(plan: Plan, sector: Sector): Task[] {
  return plan.tasks.filter((t) => sector.words.some((w) => `${t.title}。${t.text}`.includes(w)))
}

// --- The layers of a site, computed once ----------------------------------------

/** What the pages show of a plan's knowledge, keyed by task and measure numbers and sector slugs. */
export interface PlanKnowledge {
  /** The glossary (glossary()), in pinyin order. */
  readonly terms: Term[]
  /** By task number, the terms of the glossary the task uses, in glossary order; a task that uses none is absent. */
  readonly termsByTask: ReadonlyMap<number, Term[]>
  /** The documents cited in 《》 (citations()), in pinyin order. */
  readonly citations: Citation[]
  /** Each measure's national counterpart (nationalMatches()), in measure order. */
  readonly nationalMatches: MeasureMatch[]
  /** By measure number, its national counterpart. */
  readonly nationalByMeasure: ReadonlyMap<number, MeasureMatch>
  /** The national measures none of the plan's measures refines. */
  readonly uncoveredNational: NationalMeasure[]
  /** By sector slug, for every sector of the data, the tasks that name it (sectorTasks()), in task order. */
  readonly sectorTasks: ReadonlyMap<string, Task[]>
}

/** The knowledge layers of a site's plans, and the reference data they were computed from. */
export interface Knowledge {
  readonly data: KnowledgeData
  /** By plan id. */
  readonly plans: ReadonlyMap<string, PlanKnowledge>
}

/** A value computed the first time it is asked for, then kept. */
function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined
  return () => (value ??= { v: compute() }).v
}

/**
 * A plan's layers. The sector tasks are computed at once (the sector pages, shared, list every plan's); the glossary,
 * citations and national matches, which only the plan's own pages show, the first time they are read: a build that
 * keeps a plan's pages from the last one (scripts/site/generate.ts) never reads its text for them.
 */
function planKnowledge(plan: Plan, data: KnowledgeData): PlanKnowledge {
  const sectors = new Map(data.sectors.map((sector) => [sector.slug, sectorTasks(plan, sector)]))
  const terms = once(() => {
    const all = glossary(plan, data.mechanisms)
    const byTask = new Map<number, Term[]>()
    for (const term of all) {
      for (const task of term.tasks) {
        const list = byTask.get(task) ?? []
        if (list.at(-1) !== term) list.push(term)
        byTask.set(task, list)
      }
    }
    return { all, byTask }
  })
  const cited = once(() => citations(plan))
  const national = once(() => {
    const matches = nationalMatches(plan, data.national)
    return { matches, byMeasure: new Map(matches.map((m) => [m.measure, m])), uncovered: uncoveredNational(matches, data.national) }
  })
  return {
    get terms() { return terms().all },
    get termsByTask() { return terms().byTask },
    get citations() { return cited() },
    get nationalMatches() { return national().matches },
    get nationalByMeasure() { return national().byMeasure },
    get uncoveredNational() { return national().uncovered },
    sectorTasks: sectors,
  }
}

/** The knowledge layers of every plan of the site: computed once a build, passed to the renderers as a value. */
export function knowledgeOf(site: Pick<Site, 'plans'>, data: KnowledgeData): Knowledge {
  return { data, plans: new Map(site.plans.map((plan) => [plan.id, planKnowledge(plan, data)])) }
}

/** The layers of one of the site's plans. */
export function layersOf(knowledge: Knowledge, plan: Plan): PlanKnowledge {
  const layers = knowledge.plans.get(plan.id)
  if (!layers) throw new Error(`no knowledge of plan ${plan.id}`)
  return layers
}
