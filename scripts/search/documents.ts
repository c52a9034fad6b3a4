// The search documents, from the model: one per task (what people look for),
// and one per measure, unit, deadline, phase, work requirement and section,
// each with the URL of its page. Pure, but for the pinyin converter it is given.

import type { Plan, Task } from '../model/plan.ts'
import { severalDivisions, type Site, titleOf } from '../views/site.ts'
import { deadlineKey, deadlineLabel, formatDate } from '../views/deadlines.ts'
import { measureHeading, measureLabel, taskLabel, url } from '../render/common.ts'
import { PAGE_TITLE_ID } from '../render/markdown.ts'
import type { Sector } from '../views/knowledge.ts'

/** One search result as indexed and shown. Shown fields are plain text: the search box writes them as text. */
export interface SearchDocument {
  /** The result's link: page URL (with the site's base) and anchor. */
  id: string
  /** What the result is: 任务, 细化措施, 责任单位, 行业领域, … */
  kind: string
  /** Shown: the result's title ("任务12　推进…"). */
  title: string
  /** Shown under the title: units and deadline of a task, the plan of a page. */
  meta: string
  /** Shown: the passage that matched is cut from it. */
  text: string
  units: string
  deadline: string
  /** Pinyin of the words of the text (full and initials) and the synonyms it stands for: found, never shown. */
  words: string
  /** Pinyin of character runs that span words ("次的专" in "一次的专项"): found, ranked low, never shown. */
  extra: string
}

export interface SearchData {
  /** Groups of names used interchangeably. */
  synonyms: string[][]
  /** Pinyin of each character of a text, in context ("银行" → yin, hang); non-Chinese characters as "". */
  pinyin: (text: string) => string[]
  /** Where the words of a Chinese text begin and end (indices into the text's code points, 0 and its length included). */
  boundaries: (text: string) => Set<number>
  /** The sectors (行业领域), each with a page. */
  sectors: Sector[]
}


const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g

/**
 * Pinyin terms of every run of two to four Chinese characters of a text: the
 * full pinyin ("xiaofang") and, from three characters, the initials ("aqsc";
 * two initials would collide with too many words). A run that begins and ends
 * at word boundaries ("充电桩" in "推进充电桩建设") is a word: its terms go to
 * `words`, ranked above those of runs that span words ("次的专" in "一次的专项").
 */
export function pinyinTerms(text: string, pinyin: SearchData['pinyin'], boundaries: SearchData['boundaries']): { words: string[]; spans: string[] } {
  const words = new Set<string>()
  const spans = new Set<string>()
  for (const run of text.match(CJK_RUN) ?? []) {
    const syllables = pinyin(run)
    const cuts = boundaries(run)
    for (let n = 2; n <= 4; n++) {
      for (let i = 0; i + n <= syllables.length; i++) {
        const gram = syllables.slice(i, i + n)
        const into = cuts.has(i) && cuts.has(i + n) ? words : spans
        into.add(gram.join(''))
        if (n >= 3) into.add(gram.map((s) => s[0]).join(''))
      }
    }
  }
  return { words: [...words], spans: [...spans].filter((t) => !words.has(t)) }
}

/** Every other name of each synonym group the text mentions. */
export function synonymTerms(text: string, synonyms: string[][]): string[] {
  return synonyms.flatMap((group) => (group.some((name) => text.includes(name)) ? group.filter((name) => !text.includes(name)) : []))
}

/** The found-but-not-shown fields of a document's text. */
function hidden(text: string, data: SearchData): Pick<SearchDocument, 'words' | 'extra'> {
  const { words, spans } = pinyinTerms(text, data.pinyin, data.boundaries)
  return { words: [...words, ...synonymTerms(text, data.synonyms)].join(' '), extra: spans.join(' ') }
}

/**
 * Where the site's plans are of several divisions, a task is also found by the names of its plan's division and
 * those above it ("西火镇 隐患", "上党区 隐患": the county's tasks and its townships'), and its result names it.
 */
function divisionWords(plan: Plan): string[] {
  return plan.division ? [...plan.division.parents, plan.division].map((p) => p.name) : []
}

function taskDocument(plan: Plan, task: Task, base: string, several: boolean, data: SearchData, divisions: boolean): SearchDocument {
  const units = [...new Set([...task.units, ...task.unitRefs.map((r) => r.text), ...(divisions ? divisionWords(plan) : [])])].join(' ')
  const key = deadlineKey(task.deadline)
  const deadline = [task.deadline.text, key.label, key.date ?? ''].join(' ')
  const title = `${taskLabel(task.number)}　${task.title}`
  const text = task.text
  return {
    id: `${base}${url.task(plan, task.number).slice(1)}.html#task-${task.number}`,
    kind: '任务',
    title,
    meta: `责任单位：${task.units.length > 0 ? task.units.join('、') : '未明确'} · 完成时限：${deadlineLabel(task.deadline)}${several ? ` · 《${titleOf(plan)}》` : ''}${divisions ? `（${plan.division?.name ?? '区划未定'}）` : ''}`,
    text,
    units,
    deadline,
    ...hidden([task.title, text, units].join('\n'), data),
  }
}

function pageDocument(id: string, title: string, kind: string, meta: string, text: string, data: SearchData): SearchDocument {
  return { id, kind, title, meta, text, units: '', deadline: '', ...hidden(`${title}\n${text}`, data) }
}

/** The page link of a search document: every id has an anchor, by which the search box finds a result's excerpt. */
function pageId(base: string, path: string): string {
  return `${base}${path.slice(1)}${path.endsWith('/') ? '' : '.html'}#${PAGE_TITLE_ID}`
}

/**
 * A plan's search documents: of the whole site, they depend on the plan, the
 * base, whether the site has several plans (the plan is named in results) and
 * whether they are of several divisions (the division is named and found) only, so a build keeps them for a plan that has not changed.
 */
export function planDocuments(plan: Plan, base: string, several: boolean, data: SearchData, divisions = false): SearchDocument[] {
  const page = (path: string) => pageId(base, path)
  const of = `《${titleOf(plan)}》`
  const docs: SearchDocument[] = plan.tasks.map((task) => taskDocument(plan, task, base, several, data, divisions))
  docs.push(pageDocument(page(url.planHome(plan)), titleOf(plan), '实施方案', `${plan.issuer} · ${formatDate(plan.date)}`, plan.preamble, data))
  for (const m of plan.measures) docs.push(pageDocument(page(url.measure(plan, m.number)), measureHeading(m), '细化措施', `${m.tasks.length} 项任务 · ${of}`, m.intro ?? '', data))
  for (const p of plan.phases) docs.push(pageDocument(page(url.phases(plan)).replace(/#.*$/, `#phase-${p.number}`), `${measureLabel(p.number)}${p.title}`, '阶段划分', of, `${p.timeText}\n${p.text}`, data))
  for (const r of plan.requirements) docs.push(pageDocument(page(url.requirements(plan)).replace(/#.*$/, `#requirement-${r.number}`), `${measureLabel(r.number)}${r.title}`, '工作要求', of, r.text, data))
  docs.push(pageDocument(page(url.guidance(plan)), '指导思想', '指导思想', of, plan.guidingIdeology, data))
  const deadlines = new Map(plan.tasks.map((t) => [deadlineKey(t.deadline).slug, t.deadline]))
  for (const [slug, d] of [...deadlines].sort()) {
    docs.push(pageDocument(page(url.deadlineSlug(plan, slug)), `完成时限：${deadlineKey(d).label}`, '完成时限', of, d.text, data))
  }
  return docs
}

/** The search documents of the pages no plan owns: units and sectors. */
export function sharedDocuments(site: Site, base: string, data: SearchData): SearchDocument[] {
  const page = (path: string) => pageId(base, path)
  const docs: SearchDocument[] = []
  // Titled by the name as plans write it (a page named as typed comes first); its division says which body.
  for (const unit of site.units) docs.push(pageDocument(page(url.unit(unit)), unit.name, '责任单位', `${unit.place ? unit.place.name : '区划未定'} · 本单位的任务和完成时限`, [unit.title, ...unit.aliases].join(' '), data))
  for (const sector of data.sectors) {
    docs.push(pageDocument(page(url.sector(sector)), sector.name, '行业领域', '本领域的任务', sector.words.filter((w) => w !== sector.name).join(' '), data))
  }
  return docs
}

/** Every search document of the site: each plan's in order, then the shared pages'. */
export function searchDocuments(site: Site, base: string, data: SearchData): SearchDocument[] {
  const several = site.plans.length > 1
  return [...site.plans.flatMap((plan) => planDocuments(plan, base, several, data, severalDivisions(site))), ...sharedDocuments(site, base, data)]
}
