// Expected files (a fixture's expected.json, the modules' exports): compared, or written again with UPDATE=1 (never
// in CI, where a missing expected file is a failure).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { relative } from 'node:path'
import { expect } from 'vitest'
import { ROOT, UPDATE } from './plans.ts'

export function expectFile(file: string, actual: string): void {
  if (UPDATE) writeFileSync(file, actual)
  if (!existsSync(file)) throw new Error(`missing expected file ${relative(ROOT, file)}: run the test with UPDATE=1 and review what it writes`)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}
