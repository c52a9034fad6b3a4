// Unit names: the registry (data/units.json) maps the ways a plan writes a unit
// to one canonical name, and says which groups a unit belongs to.

import { createHash } from 'node:crypto'
import { pinyin } from 'pinyin-pro'
import type { Unit } from '../model/plan.ts'
import { matchKey, visibleForm } from './characters.ts'
import { isSpace, splitOutsideParentheses, trimBy, trimSpaceEnd } from '../text/prose.ts'

export interface RegistryEntry {
  name: string
  slug: string
  aliases: string[]
  memberOf: string[]
}

export interface Registry {
  entries: RegistryEntry[]
  /** Canonical name or alias, by its match key (characters.ts) → canonical name. */
  lookup: Map<string, string>
  /** Length of the longest key: no longer name can be found. */
  longestKey: number
}

/** The canonical name a name as written means, compared as a reader sees it. */
export function lookupUnit(registry: Registry, written: string): string | undefined {
  return registry.lookup.get(matchKey(written))
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '')
}

/** Checks registry JSON where it enters; throws an Error naming the entry at fault. */
export function readRegistry(json: unknown, file = 'units.json'): Registry {
  const units = typeof json === 'object' && json !== null && 'units' in json ? json.units : undefined
  if (!Array.isArray(units)) throw new Error(`${file}: expected an object with a "units" array`)
  const entries: RegistryEntry[] = []
  const lookup = new Map<string, string>()
  let longestKey = 0
  units.forEach((raw: unknown, i: number) => {
    const where = `${file}: units[${i}]`
    if (typeof raw !== 'object' || raw === null) throw new Error(`${where}: expected an object`)
    const name = 'name' in raw ? raw.name : undefined
    const slug = 'slug' in raw ? raw.slug : undefined
    const aliases = 'aliases' in raw ? raw.aliases : []
    const memberOf = 'memberOf' in raw ? raw.memberOf : []
    if (typeof name !== 'string' || name.trim() === '') throw new Error(`${where}: "name" must be a non-empty string`)
    if (typeof slug !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
      throw new Error(`${where} (${name}): "slug" must be lower-case ASCII words joined by "-", e.g. "town-government"`)
    }
    const slugTaken = entries.find((e) => e.slug === slug)
    if (slugTaken) throw new Error(`${where} (${name}): slug "${slug}" is already ${slugTaken.name}'s`)
    if (!isStringArray(aliases)) throw new Error(`${where} (${name}): "aliases" must be a list of names`)
    if (!isStringArray(memberOf)) throw new Error(`${where} (${name}): "memberOf" must be a list of unit names`)
    for (const written of [name, ...aliases]) {
      const key = matchKey(written)
      const taken = lookup.get(key)
      if (taken !== undefined && taken !== name) throw new Error(`${where}: "${written}" already names ${taken}`)
      lookup.set(key, name)
      longestKey = Math.max(longestKey, key.length)
    }
    entries.push({ name, slug, aliases: [...aliases], memberOf: [...memberOf] })
  })
  for (const entry of entries) {
    for (const group of entry.memberOf) {
      if (lookup.get(matchKey(group)) !== group) throw new Error(`${file}: ${entry.name} is a member of "${group}", which is not a unit`)
    }
  }
  return { entries, lookup, longestKey }
}

// Prepositions that leak into a note from the sentence around it: "在镇政府"
// (from "在镇政府下设立…") means 镇政府.
const LEADING_PREPOSITION = /^[在由]/

export type Resolution = { unit: string; known: true } | { unit: string; known: false }

// A list of city or county organs often names the level once: "市发改委、财政局、
// 信息办" means 市发改委, 市财政局 and 市信息办. An item that names no level of its
// own and is an organ's short name takes the level of the item before it.
// Not a level where the character begins a word: 市场监管局, 乡村振兴局, 县域….
const LEVEL = /^(省|市|县|区|镇|乡|街道)(?![场村域])/
// Departments of the Party committee, by their short names: at a level they are its 委's (区委宣传部, not 区宣传部).
const PARTY_ORGANS = new Set(['组织部', '宣传部', '统战部', '政法委', '编办', '网信办', '老干部局', '政研室', '改革办', '深改办', '文明办', '督查室', '党史研究室'])
// Only a department's short name takes the level: a company (长乐投资有限公司) or a full name stands for itself.
const ORGAN = /^.{1,6}(局|委|办|厅|院|所|站|中心|部|队|会|处|科|室)$/
const GROUP = /^(各|全|有关|相关|负有)/

/**
 * The canonical unit for one item of a unit list. `previous` is the canonical
 * unit of the item written before it: an item may drop the prefix it shares
 * with the one before ("镇党委、政府" means 镇党委 and 镇政府), so an unknown item
 * is tried again with each leading part of the previous item put in front. A
 * unit followed by another name in parentheses ("市安委办（工作专班办公室）") is
 * the unit before them.
 */
export function resolveUnit(registry: Registry, written: string, previous: string | null): Resolution {
  const direct = lookupUnit(registry, written)
  if (direct) return { unit: direct, known: true }
  const bare = written.replace(LEADING_PREPOSITION, '')
  const withoutPreposition = bare !== written ? lookupUnit(registry, bare) : undefined
  if (withoutPreposition) return { unit: withoutPreposition, known: true }
  const parenthesised = /^(.+?)[（(][^（()）]+[）)]$/.exec(written)
  // "市安委办 (工作专班办公室)": the space before the parenthesis is no part of the name (trimmed by a loop: linear).
  if (parenthesised) return resolveUnit(registry, trimSpaceEnd(parenthesised[1]!), previous)
  if (previous) {
    // Only a prefix no longer than a registered name is tried: a long name is not cut a thousand times.
    const longest = matchKey(written).length >= registry.longestKey ? 0 : Math.min(previous.length - 1, registry.longestKey)
    for (let cut = longest; cut > 0; cut--) {
      const elided = lookupUnit(registry, previous.slice(0, cut) + written)
      if (elided) return { unit: elided, known: true }
    }
    const level = LEVEL.exec(previous)
    if (level && !LEVEL.test(written) && !GROUP.test(written) && ORGAN.test(written)) {
      const unit = visibleForm(written)
      return { unit: (PARTY_ORGANS.has(unit) ? `${level[1]}委` : level[1]) + unit, known: false }
    }
  }
  // A unit the registry does not know is named as a reader sees it: "镇应急办" + U+200B is 镇应急办.
  return { unit: visibleForm(written), known: false }
}

const SEPARATORS = new Set([...'、，,；;'])

/** Splits a unit list at "、", "，" and their half-width or semicolon kin, not inside parentheses. */
export function splitUnits(text: string): string[] {
  return splitOutsideParentheses(text, (c) => SEPARATORS.has(c)).map((item) => trimBy(item, isSpace, (c) => isSpace(c) || c === '。' || c === '.')).filter((item) => item !== '')
}

/**
 * The units a plan uses, with the groups they belong to, in registry order
 * (unknown units last, in order of appearance).
 */
export function planUnits(registry: Registry, used: Iterable<string>): Unit[] {
  const wanted = new Set(used)
  // A group a used unit belongs to is part of the plan too: its tasks reach the member.
  let grew = true
  while (grew) {
    grew = false
    for (const entry of registry.entries) {
      if (!wanted.has(entry.name)) continue
      for (const group of entry.memberOf) if (!wanted.has(group)) { wanted.add(group); grew = true }
    }
  }
  const units: Unit[] = registry.entries
    .filter((entry) => wanted.has(entry.name))
    .map((entry) => ({ name: entry.name, slug: entry.slug, aliases: entry.aliases, memberOf: entry.memberOf, registered: true }))
  const registered = new Set(registry.entries.map((entry) => entry.name))
  for (const name of wanted) {
    if (!registered.has(name)) units.push({ name, slug: fallbackSlug(name), aliases: [], memberOf: [], registered: false })
  }
  return units
}

/** Longest pinyin part of a slug: a name can be a sentence, a file name cannot. */
const SLUG_PINYIN_MAX = 48
/** Characters of a name read for its pinyin: far more than SLUG_PINYIN_MAX syllables take. */
const PINYIN_READ = 4096

/**
 * A stable ASCII slug for a unit the registry does not know: the name in
 * pinyin (市发改委 → shi-fa-gai-wei), cut at a syllable, then a short hash of
 * the whole name, so that names that read alike (同音字) or share a long
 * beginning still get pages of their own, whatever other plans the site holds.
 */
export function fallbackSlug(name: string): string {
  // Only the slug's first syllables are kept: a name of a million characters is not read whole.
  const syllables = pinyin(name.slice(0, PINYIN_READ), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .flatMap((s) => s.toLowerCase().split(/[^a-z0-9]+/))
    .filter((s) => s !== '')
  let readable = ''
  for (const s of syllables) {
    if (readable.length + s.length + 1 > SLUG_PINYIN_MAX) break
    readable += (readable ? '-' : '') + s
  }
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 6)
  return `${readable || 'unit'}-${hash}`
}
