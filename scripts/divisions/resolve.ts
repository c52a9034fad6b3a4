// Which administrative division a plan belongs to: the place names its issuer
// line gives (or, where it names none, its title), narrowed by the places above
// them that the rest of the text names. Two or none left: a located warning and
// no division (区划未定), never a guess. A file beside the plan that states the
// division wins. Pure: the table and the stated file are read at the edge.

import type { Division, Plan, Problem } from '../model/plan.ts'
import { chain, divisionPath, namesIn, type DivisionTable } from './table.ts'

/** What such a file says: {"code": "140404102", "name": "荫城镇"} (name optional, checked against the code). */
export interface Stated {
  file: string
  code: string
  name?: string
}

export type Placed =
  | { ok: true; division?: Division; warnings: Problem[] }
  | { ok: false; problem: string }

/** How many candidates a warning lists before "…". */
const LISTED = 6

/**
 * The plan's division. `text` is the plan's text as read (for where a warning
 * points and for the place names of the whole text); `stated` what a file
 * beside the plan says, which wins (a code the table does not hold, or a name
 * that is not the code's, refuses the plan: the file is the administrator's).
 */
export function placePlan(plan: Plan, text: string, table: DivisionTable, stated: Stated | null): Placed {
  if (stated) {
    const division = table.byCode.get(stated.code)
    if (!division) return { ok: false, problem: `${stated.file}: 区划数据（统计用区划代码 2023）中没有代码为 ${stated.code} 的区划` }
    if (stated.name !== undefined && stated.name !== division.name) {
      return { ok: false, problem: `${stated.file}: 代码 ${stated.code} 是${divisionPath(division)}，不是“${stated.name}”` }
    }
    return { ok: true, division, warnings: [] }
  }
  const lines = text.split('\n')
  const lineOf = (needle: string): number => {
    const i = needle === '' ? -1 : lines.findIndex((l) => l.includes(needle))
    return i < 0 ? 1 : i + 1
  }
  const issuer = plan.issuer !== '' ? plan.issuer : plan.notice?.issuer ?? ''
  let source = issuer
  let found = namesIn(table, issuer)
  let what = `发文机关“${issuer}”`
  if (found.length === 0) {
    // No issuer, or one that names no place ("区人民政府办公室"): the title may ("徐庄镇2017年度…工作计划").
    for (const title of [plan.title, plan.notice?.title ?? '']) {
      found = namesIn(table, title)
      if (found.length > 0) { source = title; what = `标题“${title}”`; break }
    }
  }
  const fix = `本方案暂列在“区划未定”之下；要定下它的区划，在方案文件旁放一个 ${plan.id}.division.json，写明区划代码和名称，例如 {"code": "140404102", "name": "荫城镇"}`
  if (found.length === 0) {
    const named = issuer !== '' ? `发文机关“${issuer}”和标题都没有写出区划数据中的地名` : '方案没有写明发文机关，标题也没有写出区划数据中的地名'
    return { ok: true, warnings: [{ line: lineOf(issuer || plan.title), message: `${named}：${fix}`, kind: 'division' }] }
  }
  const names = new Set(found)
  // Every name the issuer gives must be the division or one above it: 长治市上党区 is 上党区 of 长治市.
  const candidates = unique(found.flatMap((n) => table.byName.get(n) ?? []).filter((d) => [...names].every((n) => chain(d).some((p) => p.name === n))))
  if (candidates.length === 1) return { ok: true, division: candidates[0]!, warnings: [] }
  if (candidates.length === 0) {
    return { ok: true, warnings: [{ line: lineOf(source), message: `${what}写出的${found.join('、')}在区划数据中不属于同一个区划：${fix}`, kind: 'division' }] }
  }
  // Several of that name (4 townships are called 徐庄镇): the places above them that the text names choose one.
  const whole = text !== '' ? text : [plan.title, plan.preamble, plan.notice?.text ?? ''].join('\n')
  const shared = new Set(candidates.map((d) => chain(d).map((p) => p.code)).reduce((a, b) => a.filter((c) => b.includes(c))))
  const named = candidates.filter((d) => chain(d).some((p) => !shared.has(p.code) && !names.has(p.name) && whole.includes(p.name)))
  if (named.length === 1) return { ok: true, division: named[0]!, warnings: [] }
  const listed = (named.length > 1 ? named : candidates)
  const which = listed.slice(0, LISTED).map((d) => `${divisionPath(d)} ${d.code}`).join('；') + (listed.length > LISTED ? `；…（共 ${listed.length} 处）` : '')
  const why = named.length > 1 ? '正文写到了其中不止一处的上级地名' : '正文没有写到其中任何一处的上级地名'
  return { ok: true, warnings: [{ line: lineOf(source), message: `${what}写出的${[...names].join('、')}在区划数据中有 ${candidates.length} 处（${which}），${why}：${fix}`, kind: 'division' }] }
}

function unique(divisions: Division[]): Division[] {
  const seen = new Map<string, Division>()
  for (const d of divisions) if (!seen.has(d.code)) seen.set(d.code, d)
  return [...seen.values()].sort((a, b) => (a.code < b.code ? -1 : 1))
}
