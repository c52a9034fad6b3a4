// The located warnings a parse collects, in the order the steps find them
// (sorted by line at the end: a stable sort, so warnings of one line keep it).

import type { Problem, WarningKind } from '../model/plan.ts'

/** Adds a warning of one kind. */
export type Warn = (line: number, message: string, kind: WarningKind) => void

/** A list of warnings and the function that adds to it. */
export function collectWarnings(): { warnings: Problem[]; warn: Warn } {
  const warnings: Problem[] = []
  return { warnings, warn: (line, message, kind) => warnings.push({ line, message, kind }) }
}

/** Problems by line; those of one line in the order they were found. */
export function sortProblems(list: readonly Problem[]): Problem[] {
  return [...list].sort((a, b) => a.line - b.line)
}
