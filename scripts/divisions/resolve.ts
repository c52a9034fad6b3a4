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
    if (!division) return { ok: false, problem: `${stated.file}: no division has the code ${stated.code} in the division data (统计用区划代码 2023)` }
    if (stated.name !== undefined && stated.name !== division.name) {
      return { ok: false, problem: `${stated.file}: the code ${stated.code} is ${divisionPath(division)}, not "${stated.name}"` }
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
  let what = `the issuer "${issuer}"`
  if (found.length === 0) {
    // No issuer, or one that names no place ("区人民政府办公室"): the title may ("徐庄镇2017年度…工作计划").
    for (const title of [plan.title, plan.notice?.title ?? '']) {
      found = namesIn(table, title)
      if (found.length > 0) { source = title; what = `the title "${title}"`; break }
    }
  }
  const fix = `the plan is listed under 区划未定; to place it, write ${plan.id}.division.json beside it with the division's code and name, e.g. {"code": "140404102", "name": "荫城镇"}`
  if (found.length === 0) {
    const named = issuer !== '' ? `the issuer "${issuer}" names no division of the division data, nor does the title` : 'the plan names no issuer, and its title names no division'
    return { ok: true, warnings: [{ line: lineOf(issuer || plan.title), message: `${named}: ${fix}`, kind: 'division' }] }
  }
  const names = new Set(found)
  // Every name the issuer gives must be the division or one above it: 长治市上党区 is 上党区 of 长治市.
  const candidates = unique(found.flatMap((n) => table.byName.get(n) ?? []).filter((d) => [...names].every((n) => chain(d).some((p) => p.name === n))))
  if (candidates.length === 1) return { ok: true, division: candidates[0]!, warnings: [] }
  if (candidates.length === 0) {
    return { ok: true, warnings: [{ line: lineOf(source), message: `${what} names ${found.join('、')}, which no one division of the division data holds together: ${fix}`, kind: 'division' }] }
  }
  // Several of that name (4 townships are called 徐庄镇): the places above them that the text names choose one.
  const whole = text !== '' ? text : [plan.title, plan.preamble, plan.notice?.text ?? ''].join('\n')
  const shared = new Set(candidates.map((d) => chain(d).map((p) => p.code)).reduce((a, b) => a.filter((c) => b.includes(c))))
  const named = candidates.filter((d) => chain(d).some((p) => !shared.has(p.code) && !names.has(p.name) && whole.includes(p.name)))
  if (named.length === 1) return { ok: true, division: named[0]!, warnings: [] }
  const listed = (named.length > 1 ? named : candidates)
  const which = listed.slice(0, LISTED).map((d) => `${divisionPath(d)} ${d.code}`).join('；') + (listed.length > LISTED ? `；… (${listed.length} in all)` : '')
  const why = named.length > 1 ? 'the text names places above more than one of them' : 'the text names none of the places above them'
  return { ok: true, warnings: [{ line: lineOf(source), message: `${what} names ${[...names].join('、')}, which is ${candidates.length} divisions (${which}), and ${why}: ${fix}`, kind: 'division' }] }
}

function unique(divisions: Division[]): Division[] {
  const seen = new Map<string, Division>()
  for (const d of divisions) if (!seen.has(d.code)) seen.set(d.code, d)
  return [...seen.values()].sort((a, b) => (a.code < b.code ? -1 : 1))
}
