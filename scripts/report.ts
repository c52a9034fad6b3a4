// Problems as the command line prints them, one a line: "FILE:LINE: message"
// for text, "FILE: 第N段: message" for Word, "FILE: 第N页: message" for PDF.

import type { ParseResult } from './model.ts'

export function reportLines(file: string, result: ParseResult, where: (line: number) => string = (line) => `:${line}`): string[] {
  const warnings = result.warnings.map((w) => `${file}${where(w.line)}: warning: ${w.message}`)
  const problems = result.ok ? [] : result.problems.map((p) => `${file}${where(p.line)}: ${p.message}`)
  return [...warnings, ...problems]
}
