// For the tests of parsePlan's steps (tests/parse/*.test.ts): an outline from
// lines, and a warn function that keeps what it is given.

import type { Problem } from '../../scripts/model/plan.ts'
import { buildOutline, type Outline } from '../../scripts/parse/outline.ts'
import { readSections, type PlanSection } from '../../scripts/parse/sections.ts'
import { collectWarnings, type Warn } from '../../scripts/parse/warnings.ts'

/** The outline of these lines, line N the Nth. */
export function outlineOf(lines: readonly string[]): Outline {
  return buildOutline(lines.map((text, i) => ({ text, line: i + 1 })))
}

/** The sections of these lines' outline. */
export function sectionsOf(lines: readonly string[]): PlanSection[] {
  return readSections(outlineOf(lines).items)
}

/** A warn function and what it was given, as [line, kind, message]. */
export function warnings(): { warn: Warn; list: Problem[]; seen: () => Array<[number, string, string]> } {
  const { warn, warnings: list } = collectWarnings()
  return { warn, list, seen: () => list.map((w) => [w.line, w.kind ?? '', w.message]) }
}
