// Problems as the command line prints them: "FILE:LINE: message", one a line.

import type { ParseResult } from './model.ts'

export function reportLines(file: string, result: ParseResult): string[] {
  const warnings = result.warnings.map((w) => `${file}:${w.line}: warning: ${w.message}`)
  const problems = result.ok ? [] : result.problems.map((p) => `${file}:${p.line}: ${p.message}`)
  return [...warnings, ...problems]
}
