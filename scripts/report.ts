// Problems as the command line prints them, one a line: "FILE:LINE: message"
// for text, "FILE: 第N段: message" for Word, "FILE: 第N页: message" for PDF;
// and the summary of each plan that `npm run parse` and the build end with.

import type { ParseResult, Problem, WarningKind } from './model.ts'

export function reportLines(file: string, result: ParseResult, where: (line: number) => string = (line) => `:${line}`): string[] {
  const warnings = result.warnings.map((w) => `${file}${where(w.line)}: warning: ${w.message}`)
  const problems = result.ok ? [] : result.problems.map((p) => `${file}${where(p.line)}: ${p.message}`)
  return [...warnings, ...problems]
}

/** Warnings counted by kind, in a fixed order: "2 cut, 1 note". */
export function warningCounts(warnings: Problem[]): string {
  const order: WarningKind[] = ['frame', 'table', 'outline', 'numbering', 'note', 'deadline', 'count', 'cut', 'phase', 'text']
  const count = (kind: WarningKind) => warnings.filter((w) => w.kind === kind).length
  return order.filter((k) => count(k) > 0).map((k) => `${count(k)} ${k}`).join(', ')
}

/**
 * One line a person checks at a glance: what was read, against what the plan
 * says of itself, and the warnings by kind (each is on the review page, 数据核对).
 */
export function summaryLine(file: string, result: ParseResult): string {
  if (!result.ok) return `${file}: refused: ${result.problems[0]!.message}`
  const { plan, warnings } = result
  const withUnits = plan.tasks.filter((t) => t.units.length > 0).length
  const withDeadline = plan.tasks.filter((t) => t.deadline.kind !== 'unspecified').length
  const stated = plan.statedTaskCount === null ? '' : ` (the plan says ${plan.statedTaskCount})`
  const cut = plan.tasks.some((t) => t.truncated) ? '; the file ends inside a task (原文在此处中断)' : ''
  const warned = warnings.length === 0 ? 'no warnings' : `${warnings.length} warning${warnings.length === 1 ? '' : 's'}: ${warningCounts(warnings)}`
  return `${file}: ${plan.measures.length} measures, ${plan.tasks.length} tasks${stated}, ${withUnits} with units, ${withDeadline} with deadlines${cut}; ${warned}`
}
