// Problems as the command line prints them, one a line: "FILE:LINE: message"
// for text, "FILE: 第N段: message" for Word, "FILE: 第N页: message" for PDF;
// and the summary of each plan that `npm run parse` and the build end with.

import { WARNING_KINDS, type ParseResult, type Problem, type Review, type WarningKind } from '../model/plan.ts'

export function reportLines(file: string, result: ParseResult, where: (line: number) => string = (line) => `:${line}`): string[] {
  const warnings = result.warnings.map((w) => `${file}${where(w.line)}: warning: ${w.message}`)
  const problems = result.ok ? [] : result.problems.map((p) => `${file}${where(p.line)}: ${p.message}`)
  return [...warnings, ...problems]
}

/** Each kind of warning in the administrator's words: the review page's 类别, the summary's counts. */
export const WARNING_KIND_LABEL: Readonly<Record<WarningKind, string>> = {
  frame: '版头与落款', table: '表格', outline: '层次结构', numbering: '编号', note: '责任单位标注', deadline: '完成时限', count: '任务数', cut: '原文中断', phase: '阶段', text: '不可见字符', division: '行政区划', progress: '报回的台账',
}

/** Warnings counted by kind, in a fixed order: "原文中断 2，责任单位标注 1". */
export function warningCounts(warnings: Problem[]): string {
  const count = (kind: WarningKind) => warnings.filter((w) => w.kind === kind).length
  return WARNING_KINDS.filter((k) => count(k) > 0).map((k) => `${WARNING_KIND_LABEL[k]} ${count(k)}`).join('，')
}

/**
 * One line a person checks at a glance: what was read, against what the plan
 * says of itself, and the warnings by kind (each is on the review page, 数据核对).
 */
export function summaryLine(file: string, result: ParseResult): string {
  if (!result.ok) return `${file}: 未读入：${result.problems[0]!.message}`
  const { plan, warnings } = result
  const withUnits = plan.tasks.filter((t) => t.units.length > 0).length
  const withDeadline = plan.tasks.filter((t) => t.deadline.kind !== 'unspecified').length
  const stated = plan.statedTaskCount === null ? '' : `（方案写明 ${plan.statedTaskCount} 项）`
  const cut = plan.tasks.some((t) => t.truncated) ? '；文件在一项任务中间结束（原文在此处中断）' : ''
  const warned = warnings.length === 0 ? '无提示' : `${warnings.length} 条提示（${warningCounts(warnings)}）`
  return `${file}: ${plan.measures.length} 项措施，${plan.tasks.length} 项任务${stated}，${withUnits} 项写明责任单位，${withDeadline} 项写明完成时限${cut}；${warned}`
}

/**
 * A plan's warnings as the review page (数据核对) lists them: each with its place and the line it is about, as
 * read; then the page chrome the file's reader left out (footers, footnotes), so nothing goes unseen.
 */
export function reviewsOf(warnings: Problem[], text: string, where: (line: number) => string, dropped: ReadonlyArray<{ where: string; text: string }>): Review[] {
  const lines = text.split('\n')
  const read: Review[] = warnings.map((w) => ({ where: where(w.line), line: w.line, message: w.message, kind: w.kind ?? '', text: (lines[w.line - 1] ?? '').trim() }))
  const left: Review[] = dropped.map((d) => ({ where: d.where, line: 0, message: '作为版面内容（页码、页眉页脚或脚注）未计入方案文字', kind: 'frame', text: d.text }))
  return [...read, ...left]
}
