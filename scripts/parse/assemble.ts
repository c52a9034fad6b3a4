// The model, put together from what the steps of parsePlan read: nothing is
// read here, only placed.

import type { Plan, Section } from '../model/plan.ts'
import type { Frame } from './frame.ts'
import type { ReadMeasures } from './measures.ts'
import type { OutlineItem } from './outline.ts'
import type { PlanSection, SectionContents } from './sections.ts'
import type { Statements } from './statements.ts'
import { planUnits, splitUnits, type Registry } from './units.ts'

export interface PlanParts {
  id: string
  source: string
  registry: Registry
  frame: Frame
  sections: readonly PlanSection[]
  body: ReadMeasures
  statements: Statements
  contents: SectionContents
  /** Items kept verbatim in their section's text (keepUnplaced). */
  unplaced: ReadonlyMap<OutlineItem, string[]>
  /** The plan's lead-unit convention as written, or null. */
  leadConvention: string | null
}

export function assemblePlan({ id, source, registry, frame, sections, body, statements, contents, unplaced, leadConvention }: PlanParts): Plan {
  const { head, portal, notice } = frame
  const plan: Plan = {
    id,
    source,
    issuer: frame.issuer,
    title: head.title,
    addresseesText: head.addresseesText,
    addressees: splitUnits(head.addresseesText),
    date: frame.date,
    preamble: head.preamble.map((p) => p.text).join('\n'),
    statedTaskCount: statements.statedTaskCount,
    nationalMeasureCount: statements.nationalMeasureCount,
    guidingIdeology: contents.guidingIdeology,
    sections: sections.map((s) => {
      const section: Section = { number: s.item.marker.number, title: s.title, kind: s.kind, intro: s.item.paragraphs.slice(1).join('\n'), line: s.item.line }
      const extra = unplaced.get(s.item)
      if (extra) section.unplaced = extra.join('\n')
      return section
    }),
    measures: body.measures,
    tasks: body.tasks,
    units: planUnits(registry, body.usedUnits),
    phases: contents.phases,
    requirements: contents.requirements,
    obligations: body.obligations,
    otherSections: contents.otherSections,
  }
  if (frame.documentNumber) plan.documentNumber = frame.documentNumber
  if (portal.fields.length > 0 || portal.chrome.length > 0) plan.portal = { fields: portal.fields.map(({ label, value }) => ({ label, value })), table: portal.table, chrome: portal.chrome.map((c) => c.text) }
  if (leadConvention !== null) plan.leadConvention = leadConvention
  if (notice) plan.notice = notice
  return plan
}
