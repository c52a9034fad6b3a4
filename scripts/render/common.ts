// What every page shares: URLs, the metadata block, links to units and deadlines.

import type { RootContent } from 'mdast'
import { extname } from 'node:path'
import type { Deadline, Measure, Plan, Task, Unit } from '../model/plan.ts'
import { chineseCounting } from '../text/numerals.ts'
import { bodyOf, titleOf, isLibrary, type Body, type Site } from '../views/site.ts'
import { deadlineKey, deadlineLabel, formatDate } from '../views/deadlines.ts'
import { fileLink, joined, link, list, paragraph, section, table, type FileLink, type Inline } from './markdown.ts'

export const url = {
  planHome: (plan: Plan) => `/${plan.id}/`,
  measure: (plan: Plan, n: number) => `/${plan.id}/measures/${n}`,
  task: (plan: Plan, n: number) => `/${plan.id}/tasks/${n}`,
  deadline: (plan: Plan, deadline: Deadline) => `/${plan.id}/deadlines/${deadlineKey(deadline).slug}`,
  deadlineSlug: (plan: Plan, slug: string) => `/${plan.id}/deadlines/${slug}`,
  timeline: (plan: Plan) => `/${plan.id}/timeline`,
  phases: (plan: Plan) => `/${plan.id}/phases`,
  requirements: (plan: Plan) => `/${plan.id}/requirements`,
  guidance: (plan: Plan) => `/${plan.id}/guiding-ideology`,
  original: (plan: Plan) => `/${plan.id}/original`,
  review: (plan: Plan) => `/${plan.id}/review`,
  print: (plan: Plan) => `/${plan.id}/print`,
  national: (plan: Plan) => `/${plan.id}/national`,
  glossary: (plan: Plan) => `/${plan.id}/glossary`,
  term: (plan: Plan, id: string) => `/${plan.id}/glossary#${id}`,
  citations: (plan: Plan) => `/${plan.id}/citations`,
  sectors: () => '/sectors/',
  sector: (sector: { slug: string }) => `/sectors/${sector.slug}`,
  printPdf: (plan: Plan) => `/${plan.id}/downloads/plan.pdf`,
  unitPdf: (unit: Unit) => `/units/${unit.slug}.pdf`,
  originalTask: (plan: Plan, n: number) => `/${plan.id}/original#task-${n}`,
  units: () => '/units/',
  /** A division's units: /units/140404102 (its code). */
  division: (place: { code: string }) => `/units/${place.code}`,
  /** The units of plans whose division is not known. */
  undetermined: () => '/units/undetermined',
  unit: (unit: Unit) => `/units/${unit.slug}`,
  /** A unit's tasks in one plan: a page of a library's plan (views/site.ts, isLibrary). */
  planUnit: (plan: Plan, unit: Unit) => `/${plan.id}/units/${unit.slug}`,
  /** A plan's tasks by sector, one section a sector: a page of a library's plan. */
  planSectors: (plan: Plan) => `/${plan.id}/sectors`,
  planSector: (plan: Plan, sector: { slug: string }) => `/${plan.id}/sectors#${sector.slug}`,
  /** Files copied into the site as they are (public/). */
  sourceFile: (plan: Plan) => `/${plan.id}/${plan.source}`,
  planJson: (plan: Plan) => `/${plan.id}/plan.json`,
  schema: () => '/plan.schema.json',
  slides: (plan: Plan) => `/${plan.id}/slides.json`,
  download: (plan: Plan, file: string) => `/${plan.id}/downloads/${file}`,
  unitDownload: (plan: Plan, unit: Unit, ext: 'xlsx' | 'csv' | 'ics') =>
    `/${plan.id}/downloads/units/${unit.slug}.${ext === 'ics' ? 'calendar.ics' : `ledger.${ext}`}`,
}

/**
 * The name a downloaded file is saved under: the words a person would give it
 * (各村-任务台账-….xlsx), without the characters Windows and other systems
 * refuse in file names, at most 80 characters before the extension.
 */
export function savedName(words: string[], ext: string): string {
  const name = words.join('-').replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]/gu, '_').replace(/\s+/gu, ' ').trim().replace(/^\.+/, '')
  return `${[...name].slice(0, 80).join('')}.${ext}`
}

/** A body in a saved file's name: its division and its name (荫城镇-各村-任务台账-….xlsx). */
export function unitWords(unit: Body): string[] {
  return unit.place ? [unit.place.name, unit.name] : [unit.name]
}

/** The "下载" block: the ledger, calendar and data of a plan, or of one unit in it. */
/** `original`: whether the plan's file is published (a .doc or PDF holding its author's record may be withheld). */
export function downloads(plan: Plan, unit?: Body, original = true): RootContent[] {
  const items: Inline[][] = unit
    ? [
        [fileLink(url.unitDownload(plan, unit, 'xlsx'), savedName([...unitWords(unit), '任务台账', titleOf(plan)], 'xlsx'), `任务台账（Excel）`)],
        [fileLink(url.unitDownload(plan, unit, 'csv'), savedName([...unitWords(unit), '任务台账', titleOf(plan)], 'csv'), `任务台账（CSV）`)],
        [fileLink(url.unitDownload(plan, unit, 'ics'), savedName([...unitWords(unit), '日历', titleOf(plan)], 'ics'), `日历（ICS，可导入手机和电脑日历）`)],
      ]
    : [
        [fileLink(url.download(plan, 'ledger.xlsx'), savedName([titleOf(plan), '任务台账'], 'xlsx'), '任务台账（Excel）')],
        [fileLink(url.download(plan, 'ledger.csv'), savedName([titleOf(plan), '任务台账'], 'csv'), '任务台账（CSV）')],
        [fileLink(url.download(plan, 'calendar.ics'), savedName([titleOf(plan), '日历'], 'ics'), '日历（ICS，可导入手机和电脑日历）')],
        [fileLink(url.planJson(plan), savedName([titleOf(plan), '开放数据'], 'json'), '开放数据（JSON）'), '，', link(url.schema(), '数据结构说明')],
        ...(original ? [[sourceFileLink(plan, `原文（${sourceFormat(plan)}，按收到的文件原样提供）`)]] : []),
      ]
  return section('downloads', [list(items)])
}

/** The plan file as received, saved under the plan's title. */
export function sourceFileLink(plan: Plan, label: string): FileLink {
  return fileLink(url.sourceFile(plan), savedName([titleOf(plan), '原文'], extname(plan.source).slice(1).toLowerCase() || 'txt'), label)
}

/** What a plan file's format is called on the pages. */
const FORMAT_NAMES: Readonly<Record<string, string>> = { '.txt': '纯文本', '.md': 'Markdown', '.docx': 'Word', '.doc': 'Word', '.pdf': 'PDF' }

/** The plan file's format in words: 纯文本, Word, PDF. */
export function sourceFormat(plan: Plan): string {
  return FORMAT_NAMES[extname(plan.source).toLowerCase()] ?? '原文件'
}

/** Chinese numerals for measure headings: 1 → 一, 13 → 十三. */
export const chineseNumeral = (n: number): string => chineseCounting(n)

export const measureLabel = (n: number) => `（${chineseNumeral(n)}）`
/** A measure's heading as the plan writes it: its marker ("二、" where sections are measures) and title. */
export const measureHeading = (m: Measure) => `${m.marker ?? measureLabel(m.number)}${m.title}`
export const taskLabel = (n: number) => `任务${n}`

/** The metadata block government portals show on every page: issuer, date, document. */
/**
 * The plan's measures counted in its own word: "13 项细化措施" where one section
 * (二、细化措施) holds them as its items, named by its heading; where the
 * plan's sections are themselves its measures (一、二、三、, each headed by its
 * subject), a word of no plan's: "3 个方面".
 */
export function measureCount(plan: Plan): string {
  const holders = plan.sections.filter((s) => s.kind === 'measures')
  const holder = holders.length === 1 ? holders[0]! : null
  const named = holder !== null && plan.measures.every((m) => m.title !== holder.title)
  return named ? `${plan.measures.length} 项${holder.title}` : `${plan.measures.length} 个方面`
}

/** Whether the plan refines the national measures (says so: "十五条措施"): only then is it compared with them. */
export const refinesNational = (plan: Plan) => plan.nationalMeasureCount !== null

export function planMeta(plan: Plan): RootContent[] {
  return [
    ...section('plan-meta', [
      table(
        [['发文机关'], ['成文日期'], ['文件']],
        [[[plan.issuer || '未注明'], [formatDate(plan.date)], [link(url.planHome(plan), `《${titleOf(plan)}》`)]]],
      ),
    ]),
    // On paper, one line names the document a printed page comes from.
    ...section('print-only plan-source', [paragraph(planSource(plan))]),
  ]
}

/** The document in one line: 《title》 issuer date. */
export function planSource(plan: Plan): string {
  return `出自《${titleOf(plan)}》（${planLine(plan)}）`
}

/** Issuer and date: "荫城镇人民政府，2022年5月10日". */
export function planLine(plan: Plan): string {
  return [plan.issuer, formatDate(plan.date)].filter((s) => s !== '').join('，')
}

/** The body a unit name of the plan stands for (荫城镇 · 镇政府). */
export function unitByName(site: Site, plan: Plan, name: string): Body {
  return bodyOf(site, plan, name)
}

/** Where a unit named in a plan links: its page, or in a library its page in that plan. */
export function unitUrl(site: Site, plan: Plan, unit: Unit): string {
  return isLibrary(site) ? url.planUnit(plan, unit) : url.unit(unit)
}

export function unitLinks(site: Site, plan: Plan, names: string[]): Inline[] {
  return joined(names.map((name) => [link(unitUrl(site, plan, unitByName(site, plan, name)), name)]), '、')
}

export function deadlineLink(plan: Plan, task: Task): Inline {
  return link(url.deadline(plan, task.deadline), deadlineLabel(task.deadline))
}

export function taskLink(plan: Plan, task: Task): Inline {
  return link(url.task(plan, task.number), `${taskLabel(task.number)}　${task.title}`)
}

export function measureLink(plan: Plan, n: number): Inline {
  const measure = plan.measures.find((m) => m.number === n)!
  return link(url.measure(plan, n), measureHeading(measure))
}

/** The units line of a task: lead and supporting units where the plan names them. */
export function taskUnits(site: Site, plan: Plan, task: Task): Inline[] {
  // A plan whose tasks carry no note (工作要点) names no unit; a task whose note is missing or unread says so.
  if (task.units.length === 0) return [plan.tasks.every((t) => t.units.length === 0) ? '未明确' : '未注明']
  if (!task.lead && !task.support) return unitLinks(site, plan, task.units)
  const parts: Inline[][] = []
  if (task.lead) parts.push(['牵头：', ...unitLinks(site, plan, task.lead)])
  if (task.support) parts.push(['配合：', ...unitLinks(site, plan, task.support)])
  const others = task.units.filter((u) => !task.lead?.includes(u) && !task.support?.includes(u))
  if (others.length > 0) parts.push(unitLinks(site, plan, others))
  return joined(parts, '；')
}
