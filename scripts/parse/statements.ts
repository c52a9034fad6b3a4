// Statements the plan makes about itself, where it says what it holds (its
// title, preamble and the intro of its task section): how many tasks it is
// refined into ("细化为35项"), how many national measures it refines
// ("十五条硬措施"). A stated task count the tasks read do not match is a warning.

import { readNumber, NUMBER } from '../text/numerals.ts'
import type { Paragraph } from './paragraphs.ts'
import type { PlanSection } from './sections.ts'
import type { Warn } from './warnings.ts'

export interface Statements {
  statedTaskCount: number | null
  nationalMeasureCount: number | null
}

/**
 * `head`: the paragraphs before the first marker (the outline's head); `taskCount`: the tasks the plan numbers
 * (checkTaskNumbers), compared with the count it states.
 */
export function readStatements(title: string, head: readonly Paragraph[], sections: readonly PlanSection[], taskCount: number, warn: Warn): Statements {
  const measuresSection = sections.find((s) => s.kind === 'measures')
  const selfParagraphs: Paragraph[] = [
    ...head,
    ...(measuresSection?.item.paragraphs.map((text, i) => ({ text, line: measuresSection.item.lines[i]! })).slice(1) ?? []),
  ]
  const selfText = [title, ...selfParagraphs.map((p) => p.text)].join('\n')
  const statedTasks = new RegExp(`(?:细化|分解|明确)为?\\s*${NUMBER}\\s*项`).exec(selfText)
  const statedTaskCount = statedTasks ? readNumber(statedTasks[1]!) : null
  const nationalMeasures = new RegExp(`${NUMBER}\\s*条(?:硬)?措施`).exec(selfText)
  const nationalMeasureCount = nationalMeasures ? readNumber(nationalMeasures[1]!) : null
  if (statedTaskCount !== null && taskCount !== statedTaskCount) {
    warn(
      selfParagraphs.find((p) => p.text.includes(statedTasks![0]))?.line ?? measuresSection?.item.line ?? 1,
      `方案写明有${statedTaskCount}项任务（“${statedTasks![0]}”），实际读出${taskCount}项`,
      'count',
    )
  }
  return { statedTaskCount, nationalMeasureCount }
}
