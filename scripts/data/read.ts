// The reference data of scripts/data/, checked where it enters: each reader takes parsed JSON and returns the
// typed value or throws naming the file and what was expected. No file access here (scripts/data/load.ts reads).

import type { KnowledgeData, NationalData, Sector } from '../views/knowledge.ts'

function fail(file: string, what: string): never {
  throw new Error(`scripts/data/${file}: ${what}`)
}
const isText = (v: unknown): v is string => typeof v === 'string' && v !== ''
const field = (o: unknown, key: string): unknown => (typeof o === 'object' && o !== null && key in o ? (o as Record<string, unknown>)[key] : undefined)
const texts = (v: unknown): string[] | null => (Array.isArray(v) && v.every(isText) ? v.map(String) : null)

export function readNational(json: unknown, file = 'national-measures.json'): NationalData {
  const title = field(json, 'title')
  const measures = field(json, 'measures')
  const equivalents = field(json, 'equivalents')
  const overrides = field(json, 'overrides')
  if (!isText(title)) fail(file, '"title" must be text')
  if (!Array.isArray(measures)) fail(file, '"measures" must be a list')
  if (!Array.isArray(equivalents)) fail(file, '"equivalents" must be a list of [local, national] pairs')
  if (!Array.isArray(overrides)) fail(file, '"overrides" must be a list')
  return {
    title,
    measures: measures.map((m, i) => {
      const number = field(m, 'number')
      const heading = field(m, 'heading')
      if (number !== i + 1 || !isText(heading)) fail(file, `measures[${i}] must be {"number": ${i + 1}, "heading": "…"}`)
      return { number: i + 1, heading }
    }),
    equivalents: equivalents.map((pair, i): [string, string] => {
      const words = texts(pair)
      if (!words || words.length !== 2) fail(file, `equivalents[${i}] must be ["local word", "national word"]`)
      return [words[0]!, words[1]!]
    }),
    overrides: overrides.map((o, i) => {
      const plan = field(o, 'plan')
      const measure = field(o, 'measure')
      const national = field(o, 'national')
      if (!isText(plan) || typeof measure !== 'number' || !(national === null || typeof national === 'number')) {
        fail(file, `overrides[${i}] must be {"plan": "plan-id", "measure": n, "national": n or null}`)
      }
      return { plan, measure, national }
    }),
  }
}

export function readSectors(json: unknown, file = 'sectors.json'): Sector[] {
  const sectors = field(json, 'sectors')
  if (!Array.isArray(sectors)) fail(file, '"sectors" must be a list')
  return sectors.map((s, i) => {
    const name = field(s, 'name')
    const slug = field(s, 'slug')
    const words = texts(field(s, 'words'))
    if (!isText(name) || !isText(slug) || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || !words || words.length === 0) {
      fail(file, `sectors[${i}] must be {"name": "…", "slug": "ascii-words", "words": ["…", …]}`)
    }
    return { name, slug, words }
  })
}

export function readTerms(json: unknown, file = 'terms.json'): string[] {
  const mechanisms = texts(field(json, 'mechanisms'))
  if (!mechanisms) fail(file, '"mechanisms" must be a list of names')
  return mechanisms
}

export function readKnowledge(national: unknown, terms: unknown, sectors: unknown): KnowledgeData {
  return { national: readNational(national), mechanisms: readTerms(terms), sectors: readSectors(sectors) }
}

export function readSynonyms(json: unknown, file = 'synonyms.json'): string[][] {
  const groups = typeof json === 'object' && json !== null && 'groups' in json ? json.groups : undefined
  const problem = `scripts/data/${file}: expected {"groups": [["名称", "别称", …], …]}, each group of two names or more`
  if (!Array.isArray(groups)) throw new Error(problem)
  return groups.map((group: unknown, i) => {
    if (!Array.isArray(group) || group.length < 2) throw new Error(`${problem}; groups[${i}] is not`)
    return group.map((name: unknown) => {
      if (typeof name !== 'string' || name === '') throw new Error(`${problem}; groups[${i}] has a name that is not text`)
      return name
    })
  })
}
