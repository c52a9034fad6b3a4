// Plan text → Plan model. Pure: text in, model or problems out. The file I/O
// and decoding live in the callers (scripts/site/load.ts, scripts/cli/parse.ts).
//
// The steps: the frame (portal, signature, notice, head, date, issuer: frame.ts)
// → the outline of the body, inferred from the markers present, their levels
// from the order they first appear in (outline.ts, levels.ts) →
// the sections by their heading words (sections.ts) → roles: a task is an item
// that carries a responsibility note, a measure the item that holds tasks
// (roles.ts) → the measures and their tasks (measures.ts, tasks.ts) → what the
// plan states of itself (statements.ts) → phases, requirements, the rest
// (sections.ts) → nothing lost (unplaced.ts) → the model (assemble.ts).

import type { ParseResult, Problem } from '../model/plan.ts'
import { assemblePlan } from './assemble.ts'
import { checkTitle, readFrame } from './frame.ts'
import { readMeasures } from './measures.ts'
import { leadConventionOf, type NoteContext } from './notes.ts'
import { checkSectionNumbers } from './numbering.ts'
import { findRoles } from './roles.ts'
import { readPhasesAndRequirements, readSections } from './sections.ts'
import { readStatements } from './statements.ts'
import { keepUnplaced } from './unplaced.ts'
import { lookupUnit, type Registry } from './units.ts'
import { collectWarnings, sortProblems } from './warnings.ts'

export interface ParseInput {
  /** The plan's id: the seed file name without extension. */
  id: string
  /** The seed file name. */
  source: string
  text: string
  registry: Registry
}

/** Why a file is no plan: nothing in it reads as a task. */
const NO_TASKS = '此文件中没有能读作方案任务的内容：应有带编号的条目（“一、”“（一）”“1.”）并写明责任单位（“（责任单位：…）”），或有含“责任单位”列的任务表；这个文件是实施方案吗？'

const refused = (line: number, warnings: Problem[]): ParseResult => ({ ok: false, problems: [{ line, message: NO_TASKS }], warnings: sortProblems(warnings) })

export function parsePlan({ id, source, text, registry }: ParseInput): ParseResult {
  const { warnings, warn } = collectWarnings()
  const frame = readFrame(text, warn)
  const { outline } = frame
  if (outline.items.length === 0) return refused(frame.lines.length, warnings)
  // A plan that states a lead-unit convention writes its notes as lists of units: read them so (NoteContext).
  const convention = leadConventionOf(frame.lines)
  const notes: NoteContext = { unitLists: convention !== null, known: (name) => lookupUnit(registry, name) !== undefined }
  const roles = findRoles(readSections(outline.items), notes, warn)
  if (roles === null) return refused(outline.items[0]!.line, warnings)
  const { sections } = roles
  // A convention in a 注 or on a line of its own reaches every task; one that says 下同, those below it.
  const conventionLine = convention === null ? null : convention.wholePlan ? 0 : convention.line
  const context = { registry, planYear: frame.planYear, unsigned: frame.signature.date === null, conventionLine, notes }
  const body = readMeasures(sections, roles, context, warn)
  const statements = readStatements(frame.head.title, outline.head, sections, body.taskCount, warn)
  const contents = readPhasesAndRequirements(sections, frame.date, frame.planYear, warn)
  const unplaced = keepUnplaced(sections, body.measureItems, roles.tasks, warn)
  checkSectionNumbers(outline.items, warn)
  checkTitle(frame, warn)
  const plan = assemblePlan({ id, source, registry, frame, sections, body, statements, contents, unplaced, leadConvention: convention?.text ?? null })
  return { ok: true, plan, warnings: sortProblems(warnings) }
}
