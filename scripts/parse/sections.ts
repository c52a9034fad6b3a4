// The plan's sections: the top-level items of its outline, each of a kind by
// its heading words (guiding ideology, measures, phases, requirements, other),
// and what the sections other than measures hold: phases, work requirements,
// the guiding ideology, the rest verbatim.

import type { IsoDate, OtherSection, Phase, Problem, Requirement, Section } from '../model/plan.ts'
import { checkSequence, PHASE, REQUIREMENT } from './numbering.ts'
import { fullText, type OutlineItem } from './outline.ts'
import { readPhase } from './phases.ts'
import { splitTitle, withoutFinalStop } from '../text/prose.ts'
import type { Warn } from './warnings.ts'

export type SectionKind = Section['kind']

// Section headings of the plans of this family, by what the section holds.
const SECTION_WORDS: ReadonlyArray<{ kind: SectionKind; words: string[] }> = [
  { kind: 'guidance', words: ['指导思想', '总体要求'] },
  { kind: 'measures', words: ['细化措施', '主要任务', '重点任务', '工作任务', '具体措施', '工作措施', '任务分工', '重点工作', '工作重点', '主要工作', '主要措施'] },
  { kind: 'phases', words: ['阶段划分', '实施步骤', '工作步骤', '时间安排', '进度安排', '实施阶段'] },
  { kind: 'requirements', words: ['工作要求', '保障措施', '有关要求', '组织保障'] },
]

function sectionKind(title: string): SectionKind {
  return SECTION_WORDS.find(({ words }) => words.some((w) => title.includes(w)))?.kind ?? 'other'
}

/** A top-level item of the outline, its title and kind. */
export interface PlanSection {
  item: OutlineItem
  title: string
  kind: SectionKind
}

/** The top-level items as sections, each of the kind its heading words name. */
export function readSections(items: readonly OutlineItem[]): PlanSection[] {
  return items.map((item) => {
    const title = withoutFinalStop(item.paragraphs[0]!)
    return { item, title, kind: sectionKind(title) }
  })
}

/** Whether a section of this kind may hold tasks: the guiding ideology, phases and requirements hold none. */
export function mayHoldTasks(kind: SectionKind): boolean {
  return kind !== 'guidance' && kind !== 'phases' && kind !== 'requirements'
}

/** A section's text under its heading: its paragraphs and items, markers included, verbatim. */
function sectionText(section: OutlineItem): string {
  return [...section.paragraphs.slice(1), ...section.children.map((c) => c.marker.text + fullText(c))].join('\n')
}

export interface SectionContents {
  phases: Phase[]
  requirements: Requirement[]
  guidingIdeology: string
  otherSections: OtherSection[]
}

/** Phases, work requirements, guiding ideology, the rest verbatim; their numbering checked. */
export function readPhasesAndRequirements(sections: readonly PlanSection[], date: IsoDate | null, planYear: number | null, warn: Warn): SectionContents {
  const ofKind = (kind: SectionKind) => sections.filter((s) => s.kind === kind)
  const phaseProblems: Problem[] = []
  const phases: Phase[] = ofKind('phases').flatMap((s) => {
    checkSequence(PHASE, s.item.children, warn)
    return s.item.children.map((c, i) => readPhase(i + 1, [c.paragraphs[0]!, ...c.paragraphs.slice(1), ...c.children.map((g) => g.marker.text + fullText(g))], c.line, date, planYear, phaseProblems))
  })
  for (const p of phaseProblems) warn(p.line, p.message, 'phase')
  const requirements: Requirement[] = ofKind('requirements').flatMap((s) => {
    checkSequence(REQUIREMENT, s.item.children, warn)
    return s.item.children.map((c, i) => {
      const { title: t, rest } = splitTitle(c.paragraphs[0]!)
      const body = [rest, ...c.paragraphs.slice(1), ...c.children.map((g) => g.marker.text + fullText(g))].filter((x) => x !== '').join('\n')
      if (t.trim() === '') warn(c.line, `工作要求${c.marker.number}没有标题：“${c.marker.text}”之后应有文字`, 'outline')
      return { number: i + 1, title: t, text: body, line: c.line }
    })
  })
  const guidingIdeology = ofKind('guidance').map((s) => sectionText(s.item)).join('\n')
  const otherSections: OtherSection[] = ofKind('other').map((s) => ({ number: s.item.marker.number, title: s.title, text: sectionText(s.item), line: s.item.line }))
  return { phases, requirements, guidingIdeology, otherSections }
}
