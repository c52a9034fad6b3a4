// The pages of one plan, without a browser: what a measure's note (stated once for its tasks) shows, and where.
import { describe, expect, it } from 'vitest'
import { FIXTURES, planOf } from '../helpers/plans.ts'
import { makeSite } from '../../scripts/views/site.ts'
import { toMarkdown } from '../../scripts/render/markdown.ts'
import { measurePages, printPage, taskPages } from '../../scripts/render/plan.ts'
import { knowledgeOf, layersOf } from '../../scripts/views/knowledge.ts'
import { loadReference } from '../../scripts/data/load.ts'

const plan = await planOf(`${FIXTURES}plans/measure-note/input.txt`)
const site = makeSite([plan])
const { knowledge } = loadReference()
const layers = layersOf(knowledgeOf(site, knowledge), plan)
const pageText = (page: Parameters<typeof toMarkdown>[0]) => toMarkdown(page)
const NOTE = '（牵头单位：镇林业站；配合单位：各村。完成时限：长期坚持）'
// toMarkdown writes a plan's text as character references: compare with its characters.
const decoded = (md: string) => md.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))

describe('a note a measure states for its tasks', () => {
  it('is on the measure\'s page: its units as links, the note as written', () => {
    const md = decoded(pageText(measurePages(site, plan, layers, knowledge.national)[0]!))
    expect(md).toContain('本措施的责任单位')
    expect(md).toMatch(/\[镇林业站\]\([^)]*\)、\[各村\]\([^)]*\)（各项任务未另行注明的，均由其负责）/)
    expect(md).toContain(`原文标注：${NOTE}`)
    // A measure without a note shows none.
    expect(decoded(pageText(measurePages(site, plan, layers, knowledge.national)[2]!))).not.toContain('本措施的责任单位')
  })

  it('is on the page of each task that takes from it, with the facts marked as the measure\'s', () => {
    const pages = taskPages(site, plan, layers.termsByTask)
    const first = decoded(pageText(pages[0]!))
    expect(first).toMatch(/责任单位\*\*：牵头：.*（所属措施统一注明）/)
    expect(first).toMatch(/完成时限\*\*：.*（所属措施统一注明）/)
    expect(first).toContain(`所属措施的原文标注：${NOTE}`)
    // Task 5 names its own deadline: only its units are the measure's.
    const fifth = decoded(pageText(pages[4]!))
    expect(fifth).toMatch(/责任单位\*\*：.*（所属措施统一注明）/)
    expect(fifth).not.toMatch(/完成时限\*\*：[^\n]*（所属措施统一注明）/)
    // Task 4's own note names both: nothing from the measure.
    expect(decoded(pageText(pages[3]!))).not.toMatch(/所属措施统一注明|所属措施的原文标注/)
  })

  it('is printed under the measure\'s heading, so the printed plan loses no word of it', () => {
    const md = decoded(pageText(printPage(plan, false)))
    const heading = md.indexOf('强化火源管控')
    expect(heading).toBeGreaterThan(-1)
    expect(md.indexOf(NOTE)).toBeGreaterThan(heading)
    expect(md.indexOf(NOTE)).toBeLessThan(md.indexOf(plan.tasks[0]!.title))
  })
})
