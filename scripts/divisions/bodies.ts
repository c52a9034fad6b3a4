// Units are bodies of a government: 镇政府 in 荫城镇's plan is 荫城镇's town
// government, not 西火镇's. A plan's unit names are read in the plan's division:
// a relative name (镇政府, 各村, 区应急管理局) is the body of the plan's own
// division or of the division above it that its first word names; an absolute
// name (长治市应急管理局, 荫城镇人民政府) is the body of the division it names.
// A plan whose division is not known (区划未定) keeps its bodies to itself. Pure.

import type { Division, Place, Plan, Unit } from '../model.ts'
import { fallbackSlug } from '../parse/units.ts'
import { chain } from './table.ts'

export interface Body extends Unit {
  /** `<scope>|<name>`: one body, whichever plans name it. */
  key: string
  /** The division code of the body's government, or `plan:<id>` for a plan of 区划未定 (its bodies are its own). */
  scope: string
  /** The body's division; null for a plan of 区划未定. */
  place: Place | null
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
export function placeOfName(division: Division, name: string, canonical: Canonical): { place: Place; name: string; slug?: string } {
  const places = chain(division)
  // The longest division name first: 长治市上党区应急管理局 is 上党区's.
  for (const place of [...places].sort((a, b) => b.name.length - a.name.length)) {
    if (name.startsWith(place.name) && name.length > place.name.length) {
      const relative = levelWord(place) + name.slice(place.name.length)
      const known = canonical(relative)
      return known ? { place, name: known.name, slug: known.slug } : { place, name: relative }
    }
  }
  if (!NOT_A_LEVEL.test(name)) {
    const word = LEVEL_WORDS.find((w) => name.startsWith(w) && name.length > w.length)
    if (word) {
      const place = [...places].reverse().find((p) => levelMatches(word, p))
      if (place) return { place, name }
    }
  }
  return { place: chain(division).at(-1)!, name }
}

export interface Bodies {
  /** Every body, in the order of its division's code, then as the registry lists units. */
  bodies: Body[]
  /** By plan id, the body each unit name of the plan stands for. */
  ofPlan: Map<string, Map<string, Body>>
}

/** The bodies of every plan's units. `canonical` is the registry's (scripts/parse/units.ts), or none. */
export function makeBodies(plans: Plan[], canonical: Canonical = () => undefined): Bodies {
  const byKey = new Map<string, Body>()
  const order = new Map<string, number>()
  const ofPlan = new Map<string, Map<string, Body>>()
  for (const plan of plans) {
    const map = new Map<string, Body>()
    for (const unit of plan.units) {
      const placed = plan.division ? placeOfName(plan.division, unit.name, canonical) : null
      const name = placed?.name ?? unit.name
      const scope = placed ? placed.place.code : `plan:${plan.id}`
      const key = `${scope}|${name}`
      let body = byKey.get(key)
      if (!body) {
        const slug = name === unit.name ? unit.slug : placed?.slug ?? fallbackSlug(name)
        body = {
          name, slug: placed ? `${placed.place.code}-${slug}` : `x-${plan.id}-${slug}`, aliases: [...unit.aliases], memberOf: [], registered: unit.registered,
          key, scope, place: placed?.place ?? null, plans: [],
          title: placed ? `${placed.place.name} · ${name}` : `${name}（区划未定：${plan.issuer || plan.source}）`,
        }
        byKey.set(key, body)
        order.set(key, order.size)
      }
      for (const group of unit.memberOf) if (!body.memberOf.includes(group)) body.memberOf.push(group)
      if (!body.plans.includes(plan.id)) body.plans.push(plan.id)
      map.set(unit.name, body)
    }
    ofPlan.set(plan.id, map)
  }
  const bodies = [...byKey.values()]
  for (const body of bodies) body.plans.sort()
  // Divisions in code order (a province before its cities), 区划未定 last; within one, in the order plans name them (a plan's units as the registry lists them).
  const scopeRank = (b: Body) => (b.place ? `0${b.place.code.padEnd(9, '0')}` : `1${b.scope}`)
  bodies.sort((a, b) => (scopeRank(a) < scopeRank(b) ? -1 : scopeRank(a) > scopeRank(b) ? 1 : order.get(a.key)! - order.get(b.key)!))
  return { bodies, ofPlan }
}

/** The body and the group bodies it belongs to, directly or through another group, in that order. */
export function bodyAndGroups(bodies: Body[], body: Body): Body[] {
  const result: Body[] = []
  const queue = [body]
  while (queue.length > 0) {
    const next = queue.shift()!
    if (result.includes(next)) continue
    result.push(next)
    for (const g of next.memberOf) {
      const group = bodies.find((b) => b.scope === next.scope && b.name === g)
      if (group) queue.push(group)
    }
  }
  return result
}
