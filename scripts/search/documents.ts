// The search documents, from the model: one per task (what people look for),
// and one per measure, unit, deadline, phase, work requirement and section,
// each with the URL of its page. Pure, but for the pinyin converter it is given.

import type { Plan, Task } from '../model.ts'
import { deadlineKey, deadlineLabel, type Site } from '../views.ts'
import { measureHeading, measureLabel, taskLabel, url } from '../render/common.ts'
import { PAGE_TITLE_ID } from '../markdown.ts'
import { escapeHtml } from '../html.ts'

export interface SearchDocument {
  /** The result's link: page URL (with the site's base) and anchor. */
  id: string
  /** HTML-escaped: shown as the result's title. */
  title: string
  /** HTML-escaped: shown beside the title (units, deadline, page). */
  titles: string[]
  text: string
  units: string
  deadline: string
  /** Pinyin and synonyms of the document's Chinese text: found, never shown. */
  extra: string
}

export interface SearchData {
  /** Groups of names used interchangeably. */
  synonyms: string[][]
  /** Pinyin of each character of a text, in context ("银行" → yin, hang); non-Chinese characters as "". */
  pinyin: (text: string) => string[]
}


const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g

/**
 * Pinyin terms of every Chinese word of two to four characters a text could
 * hold: the full pinyin ("xiaofang") and, from three characters, the initials
 * ("aqsc"; two initials would collide with too many words).
 */
export function pinyinTerms(text: string, pinyin: SearchData['pinyin']): string[] {
  const terms = new Set<string>()
  for (const run of text.match(CJK_RUN) ?? []) {
    const syllables = pinyin(run)
    for (let n = 2; n <= 4; n++) {
      for (let i = 0; i + n <= syllables.length; i++) {
        const gram = syllables.slice(i, i + n)
        terms.add(gram.join(''))
        if (n >= 3) terms.add(gram.map((s) => s[0]).join(''))
      }
    }
  }
  return [...terms]
}

/** Every other name of each synonym group the text mentions. */
export function synonymTerms(text: string, synonyms: string[][]): string[] {
  return synonyms.flatMap((group) => (group.some((name) => text.includes(name)) ? group.filter((name) => !text.includes(name)) : []))
}

function extra(text: string, data: SearchData): string {
  return [...pinyinTerms(text, data.pinyin), ...synonymTerms(text, data.synonyms)].join(' ')
}

function taskDocument(site: Site, plan: Plan, task: Task, base: string, data: SearchData): SearchDocument {
  const units = [...new Set([...task.units, ...task.unitRefs.map((r) => r.text)])].join(' ')
  const key = deadlineKey(task.deadline)
  const deadline = [task.deadline.text, key.label, key.date ?? ''].join(' ')
  const title = `${taskLabel(task.number)}　${task.title}`
  const text = task.text
  return {
    id: `${base}${url.task(plan, task.number).slice(1)}.html#task-${task.number}`,
    title: escapeHtml(title),
    titles: [escapeHtml(`责任单位：${task.units.join('、')}`), escapeHtml(`完成时限：${deadlineLabel(task.deadline)}`)],
    text,
    units,
    deadline,
    extra: extra([task.title, text, units].join('\n'), data),
  }
}

function pageDocument(id: string, title: string, kind: string, text: string, data: SearchData): SearchDocument {
  return { id, title: escapeHtml(title), titles: [escapeHtml(kind)], text, units: '', deadline: '', extra: extra(`${title}\n${text}`, data) }
}

export function searchDocuments(site: Site, base: string, data: SearchData): SearchDocument[] {
  // Every id has an anchor: the search box finds a result's excerpt by it.
  const page = (path: string) => `${base}${path.slice(1)}${path.endsWith('/') ? '' : '.html'}#${PAGE_TITLE_ID}`
  const docs: SearchDocument[] = []
  for (const plan of site.plans) {
    docs.push(...plan.tasks.map((task) => taskDocument(site, plan, task, base, data)))
    docs.push(pageDocument(page(url.planHome(plan)), plan.title, '实施方案', plan.preamble, data))
    for (const m of plan.measures) docs.push(pageDocument(page(url.measure(plan, m.number)), measureHeading(m), '细化措施', m.intro ?? '', data))
    for (const p of plan.phases) docs.push(pageDocument(page(url.phases(plan)).replace(/#.*$/, `#phase-${p.number}`), `${measureLabel(p.number)}${p.title}`, '阶段划分', `${p.timeText}\n${p.text}`, data))
    for (const r of plan.requirements) docs.push(pageDocument(page(url.requirements(plan)).replace(/#.*$/, `#requirement-${r.number}`), `${measureLabel(r.number)}${r.title}`, '工作要求', r.text, data))
    docs.push(pageDocument(page(url.guidance(plan)), '指导思想', plan.title, plan.guidingIdeology, data))
    const deadlines = new Map(plan.tasks.map((t) => [deadlineKey(t.deadline).slug, t.deadline]))
    for (const [slug, d] of [...deadlines].sort()) {
      docs.push(pageDocument(page(url.deadlineSlug(plan, slug)), `完成时限：${deadlineKey(d).label}`, '完成时限', d.text, data))
    }
  }
  for (const unit of site.units) docs.push(pageDocument(page(url.unit(unit)), unit.name, '责任单位', unit.aliases.join(' '), data))
  return docs
}
