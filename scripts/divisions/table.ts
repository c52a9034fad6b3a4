// The administrative divisions as a table: every province, city, county and
// township with its code and the divisions above it, and an index of names.
// Pure: built from the rows the edge reads (scripts/divisions/load.ts).

import type { Division, DivisionLevel, Place } from '../model/plan.ts'

/** A row as the data package ships it: provinces have 2-digit codes, cities 4, counties 6, townships 9. */
export interface DivisionRow {
  code: string
  name: string
}

export interface DivisionTable {
  byCode: Map<string, Division>
  /** Name → the divisions of that name (88 townships are called 城关镇). */
  byName: Map<string, Division[]>
  /** Length of the longest name: no longer run of text can be one. */
  longestName: number
}

// Rows that stand for a grouping, not a division with a name people write: a municipality's 市辖区,
// 重庆's 县, and the county-level cities a province governs directly (仙桃市 is 湖北省's).
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])

const LEVEL_OF_LENGTH: Record<number, DivisionLevel> = { 2: 'province', 4: 'city', 6: 'county', 9: 'township' }

/** GB/T 2260's six digits above the township (14 → 140000, 1404 → 140400); a township keeps its nine. */
export function divisionCode(raw: string): string {
  return raw.length < 6 ? raw.padEnd(6, '0') : raw
}

/**
 * The table of every division. Rows of all levels in any order; a row whose
 * parent is missing, or whose code repeats, is an error of the data.
 */
export function buildTable(rows: Iterable<DivisionRow>): DivisionTable {
  const raw = new Map<string, DivisionRow>()
  for (const row of rows) {
    if (!LEVEL_OF_LENGTH[row.code.length] || !/^[0-9]+$/.test(row.code)) throw new Error(`division data: code "${row.code}" (${row.name}) is not 2, 4, 6 or 9 digits`)
    if (raw.has(row.code)) throw new Error(`division data: code ${row.code} given twice`)
    raw.set(row.code, row)
  }
  const byCode = new Map<string, Division>()
  const byName = new Map<string, Division[]>()
  // Each row's chain from the province down, itself included unless it is a placeholder.
  const chains = new Map<string, Place[]>()
  let longestName = 0
  // Parents first: codes sorted by length are built from the top down.
  for (const row of [...raw.values()].sort((a, b) => a.code.length - b.code.length || (a.code < b.code ? -1 : 1))) {
    const level = LEVEL_OF_LENGTH[row.code.length]!
    const parentRaw = level === 'province' ? null : row.code.slice(0, level === 'township' ? 6 : row.code.length - 2)
    const parents = parentRaw === null ? [] : chains.get(parentRaw)
    if (!parents) throw new Error(`division data: ${row.code} (${row.name}) has no parent ${parentRaw}`)
    if (PLACEHOLDERS.has(row.name)) {
      chains.set(row.code, parents)
      continue
    }
    const division: Division = { code: divisionCode(row.code), name: row.name, level, parents }
    chains.set(row.code, [...parents, place(division)])
    byCode.set(division.code, division)
    byName.set(row.name, [...(byName.get(row.name) ?? []), division])
    longestName = Math.max(longestName, row.name.length)
  }
  return { byCode, byName, longestName }
}

function place(d: Division): Place {
  return { code: d.code, name: d.name, level: d.level }
}

/** The division and those above it, from the province down. */
export function chain(division: Division): Place[] {
  return [...division.parents, place(division)]
}

/** Whether `inner` is `outer` or lies within it. */
export function within(inner: Division, outer: Place): boolean {
  return inner.code === outer.code || inner.parents.some((p) => p.code === outer.code)
}

/**
 * The division names written in a string, left to right, each the longest
 * name starting where it stands ("长治市上党区人民政府" → 长治市, 上党区). Linear
 * in the string's length times the longest name.
 */
export function namesIn(table: DivisionTable, text: string): string[] {
  const found: string[] = []
  let i = 0
  while (i < text.length) {
    let match = ''
    for (let len = Math.min(table.longestName, text.length - i); len >= 2; len--) {
      const candidate = text.slice(i, i + len)
      if (table.byName.has(candidate)) { match = candidate; break }
    }
    if (match) { found.push(match); i += match.length } else i++
  }
  return found
}

export const LEVEL_LABEL: Record<DivisionLevel, string> = { province: '省', city: '市', county: '县', township: '乡镇' }

/** "山西省 长治市 上党区 荫城镇". */
export function divisionPath(division: Division): string {
  return chain(division).map((p) => p.name).join(' ')
}
