// Units are bodies of a government: 镇政府 in 荫城镇's plan is 荫城镇's town
// government, not 西火镇's. A plan's unit names are read in the plan's division:
// a relative name (镇政府, 各村, 区应急管理局) is the body of the plan's own
// division or of the division above it that its first word names; an absolute
// name (长治市应急管理局, 荫城镇人民政府) is the body of the division it names.
// A plan whose division is not known (区划未定) keeps its bodies to itself. Pure.

import type { Division, Place, Plan, Unit } from '../model/plan.ts'
import { fallbackSlug } from '../parse/units.ts'
import { chain } from './table.ts'

export interface Body extends Unit {
  /** `<scope>|<name>`: one body, whichever plans name it. */
  key: string
  /** The division code of the body's government, or `plan:<id>` for a plan of 区划未定 (its bodies are its own). */
  scope: string
  /** The body's division (with those above it); null for a plan of 区划未定. */
  place: Division | null
  /** As pages title it: "荫城镇 · 镇政府"; for a plan of 区划未定, "镇政府（区划未定：…）". */
  title: string
  /** Ids of the plans that name it (directly or as a group of one they name), sorted. */
  plans: string[]
}

/** Turns a name relative to a level (镇人民政府) into the registry's canonical name (镇政府), where it knows it. */
export type Canonical = (name: string) => { name: string; slug: string } | undefined

// A first word that names a level of government: 区应急管理局 is the county's, 镇政府 the township's.
const LEVEL_WORDS = ['街道', '省', '市', '县', '区', '镇', '乡'] as const
// Words that begin with a level's character and name no level: 市场监管所 is a township's station.
const NOT_A_LEVEL = /^(市场|市容|市政|市民|区域|县域|镇村|乡村|省道|县道|乡道)/

function levelWord(place: Place): string {
  return place.name.endsWith('街道') ? '街道' : place.name.slice(-1)
}

function levelMatches(word: (typeof LEVEL_WORDS)[number], place: Place): boolean {
  switch (word) {
    case '省': return place.level === 'province'
    // A county-level city (登封市) is the 市 nearest a township; above a county it is the prefecture.
    case '市': return place.name.endsWith('市') && place.level !== 'province'
    case '县': return place.level === 'county'
    case '区': return place.level === 'county' && place.name.endsWith('区')
    default: return place.level === 'township'
  }
}

/**
 * The division a unit name of a plan of `division` belongs to, and its name
 * relative to that division's level. A name no place or level word begins
 * with (各村, 各站所, 各生产经营单位) is the plan's own division's.
 */
export function placeOfName(division: Division, name: string, canonical: Canonical, below: Division[] = []): { place: Division; name: string; slug?: string } {
  const places = chain(division)
  const at = (place: Place): Division => ({ ...place, parents: places.slice(0, places.findIndex((p) => p.code === place.code)) })
  // The divisions above and the plan's own, and those below it that the site holds plans of (上党区's plan
  // may name 荫城镇人民政府).
  const named = [...places.map(at), ...below.filter((d) => d.parents.some((p) => p.code === division.code))]
  // 长治市上党区应急管理局: each place name in turn, down to the last (上党区's).
  let found: Division | undefined
  let rest = name
  for (;;) {
    const next = named.find((d) => rest.startsWith(d.name) && rest.length > d.name.length && (!found || d.parents.some((p) => p.code === found!.code)))
    if (!next) break
    found = next
    rest = rest.slice(next.name.length)
  }
  if (found) {
    const relative = levelWord(found) + rest
    const known = canonical(relative)
    return known ? { place: found, name: known.name, slug: known.slug } : { place: found, name: relative }
  }
  if (!NOT_A_LEVEL.test(name)) {
    const word = LEVEL_WORDS.find((w) => name.startsWith(w) && name.length > w.length)
    if (word) {
      const place = [...places].reverse().find((p) => levelMatches(word, p))
      if (place) return { place: at(place), name }
    }
  }
  return { place: division, name }
}

export interface Bodies {
  /** Every body, in the order of its division's code, then as the registry lists units. */
  bodies: Body[]
  /** By plan id, the body each unit name of the plan stands for. */
  ofPlan: Map<string, Map<string, Body>>
  /**
   * By body key, the body and every group body whose tasks it owes, in that order: its groups in its own
   * plans (荫城镇's 各站所), and a higher plan's group of lower governments it is one of (上党区's 各乡镇人民政府).
   */
  reach: Map<string, Body[]>
}

/**
 * A higher plan's group of lower governments ("各乡镇人民政府", "各乡镇（街道）", "各县（市、区）"): the level of
 * the governments it names. Its tasks reach the government of each division of that level below the plan's
 * that the site holds a plan of.
 */
const LOWER_GROUPS: Array<{ pattern: RegExp; level: 'township' | 'county' }> = [
  { pattern: /^各(乡镇|乡、镇|镇|乡[（(]镇[）)]|乡镇[（(]街道[）)]|乡镇、街道|乡镇街道|镇[（(]街道[）)]|镇、街道|镇街|街道)(人民政府|政府|办事处)?$/, level: 'township' },
  { pattern: /^各(县|区|县区|区县|县市区|县[（(]市、?区[）)]|县[（(]区、?市[）)]|县[（(]区[）)]|县[（(]市[）)]|县市)(人民政府|政府)?$/, level: 'county' },
]

/** The level of the governments a group names, where it is such a group. */
export function lowerGroupLevel(name: string): 'township' | 'county' | undefined {
  return LOWER_GROUPS.find((g) => g.pattern.test(name))?.level
}

/** The name of a division's government as a plan of its own writes it: 镇政府, 乡政府, 街道办事处, 区政府, 县政府, 市政府. */
function governmentName(place: Place, canonical: Canonical): { name: string; slug: string } {
  const word = levelWord(place)
  const written = word === '街道' ? '街道办事处' : `${word}政府`
  return canonical(written) ?? { name: written, slug: fallbackSlug(written) }
}

/** The bodies of every plan's units. `canonical` is the registry's (scripts/parse/units.ts), or none. */
export function makeBodies(plans: Plan[], canonical: Canonical = () => undefined): Bodies {
  const byKey = new Map<string, Body>()
  const order = new Map<string, number>()
  const ofPlan = new Map<string, Map<string, Body>>()
  const bodyFor = (place: Division | null, scope: string, name: string, slug: string, title: string, unit?: Unit): Body => {
    const key = `${scope}|${name}`
    let body = byKey.get(key)
    if (!body) {
      body = { name, slug, aliases: [...(unit?.aliases ?? [])], memberOf: [], registered: unit?.registered ?? canonical(name) !== undefined, key, scope, place, plans: [], title }
      byKey.set(key, body)
      order.set(key, order.size)
    }
    return body
  }
  const held = unique(plans.flatMap((p) => (p.division ? [p.division] : [])))
  for (const plan of plans) {
    const map = new Map<string, Body>()
    for (const unit of plan.units) {
      const placed = plan.division ? placeOfName(plan.division, unit.name, canonical, held) : null
      const name = placed?.name ?? unit.name
      const slug = name === unit.name ? unit.slug : placed?.slug ?? fallbackSlug(name)
      const body = placed
        ? bodyFor(placed.place, placed.place.code, name, `${placed.place.code}-${slug}`, `${placed.place.name} · ${name}`, unit)
        : bodyFor(null, `plan:${plan.id}`, name, `x-${plan.id}-${slug}`, `${name}（区划未定：${plan.issuer || plan.source}）`, unit)
      for (const group of unit.memberOf) if (!body.memberOf.includes(group)) body.memberOf.push(group)
      if (!body.plans.includes(plan.id)) body.plans.push(plan.id)
      map.set(unit.name, body)
    }
    ofPlan.set(plan.id, map)
  }
  // A higher plan's group of lower governments reaches the government of each division below it that has a plan
  // of its own here (its 镇政府 has a page, whether or not its plans name it).
  const above = new Map<string, Body[]>()
  for (const group of [...byKey.values()]) {
    const level = lowerGroupLevel(group.name)
    if (!level || !group.place) continue
    for (const division of held) {
      if (division.level !== level || !division.parents.some((p) => p.code === group.place!.code)) continue
      const place = division
      const government = governmentName(place, canonical)
      const body = bodyFor(place, place.code, government.name, `${place.code}-${government.slug}`, `${place.name} · ${government.name}`)
      above.set(body.key, [...(above.get(body.key) ?? []), group])
    }
  }
  const bodies = [...byKey.values()]
  for (const body of bodies) body.plans.sort()
  // Divisions in code order (a province before its cities), 区划未定 last; within one, in the order plans name them (a plan's units as the registry lists them).
  const scopeRank = (b: Body) => (b.place ? `0${b.place.code.padEnd(9, '0')}` : `1${b.scope}`)
  bodies.sort((a, b) => (scopeRank(a) < scopeRank(b) ? -1 : scopeRank(a) > scopeRank(b) ? 1 : order.get(a.key)! - order.get(b.key)!))
  const reach = new Map<string, Body[]>()
  for (const body of bodies) {
    const result: Body[] = []
    const queue = [body]
    while (queue.length > 0) {
      const next = queue.shift()!
      if (result.includes(next)) continue
      result.push(next)
      for (const g of next.memberOf) {
        const group = byKey.get(`${next.scope}|${g}`)
        if (group) queue.push(group)
      }
      queue.push(...(above.get(next.key) ?? []))
    }
    reach.set(body.key, result)
  }
  return { bodies, ofPlan, reach }
}

function unique(divisions: Division[]): Division[] {
  const seen = new Map(divisions.map((d) => [d.code, d]))
  return [...seen.values()].sort((a, b) => (a.code < b.code ? -1 : 1))
}
