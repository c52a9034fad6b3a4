// File I/O at the edge: reading seeds and the unit registry from disk.

import { readFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { decode } from './decode.ts'
import { parsePlan } from './parse.ts'
import { readRegistry, type Registry } from './units.ts'
import type { ParseResult } from './model.ts'

export const REGISTRY_FILE = fileURLToPath(new URL('./data/units.json', import.meta.url))

export function loadRegistry(file = REGISTRY_FILE): Registry {
  return readRegistry(JSON.parse(readFileSync(file, 'utf8')), file)
}

/** The plan id of a seed file: its name without extension. */
export function planId(file: string): string {
  return basename(file, extname(file))
}

/** Reads, decodes and parses one plan file. Never throws for bad content; a missing file throws. */
export function loadPlan(file: string, registry: Registry): ParseResult {
  const bytes = readFileSync(file)
  const decoded = decode(bytes)
  if (!decoded.ok) return { ok: false, problems: [{ line: decoded.line, message: decoded.message }], warnings: [] }
  return parsePlan({ id: planId(file), source: basename(file), text: decoded.text, registry })
}
