// File I/O at the edge: reading the plans of a seeds folder (the reference data: scripts/data/load.ts).

import { readdirSync, readFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { notReadMessage, PLAN_EXTENSIONS, readSource, type Dropped } from '../parse/formats.ts'
import { parsePlan } from '../parse/index.ts'
import { lookupUnit, type Registry } from '../parse/units.ts'
import { readStated, STATED_SUFFIX, statedDivisionFile } from '../data/divisions.ts'
import { placePlan } from '../divisions/resolve.ts'
import type { Canonical } from '../divisions/bodies.ts'
import type { Reference } from '../data/load.ts'
import { makeSite, type Site } from '../views/site.ts'
import type { ParseResult, Review } from '../model/plan.ts'
import { reportLines, reviewsOf, summaryLine } from '../views/report.ts'
import { SEEDS_DIR } from '../paths.ts'
import { PlanReader, readBudget } from './plan-reader.ts'
import { loadProgress } from './ledgers.ts'

/** The plan id of a seed file: its name without extension. */
export function planId(file: string): string {
  return basename(file, extname(file))
}

/**
 * Names the site's own pages and folders take at its root: a plan id equal to
 * one of them would replace them (e.g. "units" the 我的职责 index).
 */
export const RESERVED_IDS: readonly string[] = ['404', 'assets', 'hashmap', 'help', 'index', 'public', 'search', 'sectors', 'supervision', 'units', 'vp-icons']

/**
 * Why a seed file's name cannot be a plan id (its URL prefix and folder), or
 * null: lower-case ASCII letters, digits and "-", starting with a letter or a
 * digit, not a name the site uses itself, not another plan's.
 */
export function planIdProblem(file: string, taken: ReadonlySet<string>): string | null {
  const id = planId(file)
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    return `文件名“${basename(file)}”不能作为方案名：文件名去掉扩展名就是方案的网址，只能由小写英文字母、数字和“-”组成，例如“yincheng-2022-safety.txt”`
  }
  if (RESERVED_IDS.includes(id)) return `文件名“${basename(file)}”不能作为方案名：“${id}”是站点自己的页面使用的名称（${RESERVED_IDS.join('、')}）`
  if (taken.has(id)) return `文件名“${basename(file)}”对应的方案名“${id}”已被同一文件夹中的另一个文件使用`
  return null
}

export interface Loaded {
  result: ParseResult
  /** The plan's text as read from the file (decoded, or taken out of Word or PDF), where it could be read. */
  text: string | null
  /** Where line N of that text stands in the file: ":N", ": 第N段", ": 第N页". */
  where: (line: number) => string
  /** What the file held that was left out as layout (a PDF's page numbers), for the review page. */
  dropped: Dropped[]
}

/**
 * Reads and parses one plan file of any format (formats.ts), in this thread, without a time limit (the build and
 * npm run parse read through plan-reader.ts, which runs this within a budget). Never throws for bad content; a
 * missing file throws.
 */
export async function readPlan(file: string, registry: Registry): Promise<Loaded> {
  const source = await readSource(file, readFileSync(file))
  if (!source.ok) {
    const at = source.where
    return { result: { ok: false, problems: [{ line: 1, message: source.message }], warnings: [] }, text: null, where: () => at, dropped: [] }
  }
  return { result: parsePlan({ id: planId(file), source: basename(file), text: source.text, registry }), text: source.text, where: source.where, dropped: source.dropped }
}

/** The plan files of a seeds folder (.txt, .md, .docx, .doc, .odt, .pdf), sorted by name. */
export function seedFiles(dir = SEEDS_DIR): string[] {
  const read = new Set<string>(PLAN_EXTENSIONS)
  return readdirSync(dir).filter((name) => read.has(extname(name).toLowerCase())).sort().map((name) => join(dir, name))
}

/**
 * The other files of a seeds folder, each with what to do about it: a plan
 * saved as .wps or .xlsx must not vanish from the site without a word. Hidden
 * files (.gitkeep, .DS_Store) and folders are not plans and are passed over.
 */
export function unreadSeedFiles(dir = SEEDS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    // A plan's stated division (荫城镇's <plan-id>.division.json) is read with the plan.
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && notReadMessage(entry.name) !== null && !entry.name.endsWith(STATED_SUFFIX))
    .map((entry) => entry.name).sort()
    .map((name) => `${join(dir, name)}: ${notReadMessage(name)}`)
}

export type LoadedSite =
  | {
    ok: true
    site: Site
    sources: Map<string, string>
    files: string[]
    warnings: string[]
    /** One summary line a plan (report.ts summaryLine). */
    summaries: string[]
    /** Each plan's warnings, by plan id. */
    reviews: Map<string, Review[]>
  }
  | { ok: false; report: string[] }

/** Every plan of a seeds folder as one site; or the report of every problem of every plan. */
/** The registry's reading of a name relative to a level (镇人民政府 → 镇政府), for the bodies of a site. */
export function canonicalOf(registry: Registry): Canonical {
  const slugs = new Map(registry.entries.map((e) => [e.name, e.slug]))
  return (name) => {
    const found = lookupUnit(registry, name)
    return found ? { name: found, slug: slugs.get(found)! } : undefined
  }
}

/** What reading a site needs of the reference data (scripts/data/load.ts). */
export type SiteReference = Pick<Reference, 'registry' | 'divisions'>

export async function loadSite(dir: string, { registry, divisions: divisionTable }: SiteReference): Promise<LoadedSite> {
  const files = seedFiles(dir)
  const unread = unreadSeedFiles(dir)
  if (files.length === 0) return { ok: false, report: [...unread, `${dir}: no plans found (files ending in ${PLAN_EXTENSIONS.join(', ')})`] }
  const plans = []
  const sources = new Map<string, string>()
  const report: string[] = [...unread]
  const warnings: string[] = []
  const summaries: string[] = []
  const reviews = new Map<string, Review[]>()
  const ids = new Set<string>()
  const budget = readBudget()
  if (typeof budget === 'string') return { ok: false, report: [budget] }
  const divisions = divisionTable()
  // Each plan read and parsed within its time and memory (plan-reader.ts).
  const reader = new PlanReader(registry, budget)
  try {
    for (const file of files) {
      const badName = planIdProblem(file, ids)
      ids.add(planId(file))
      if (badName) {
        report.push(`${file}: ${badName}`)
        continue
      }
      const { result, text, where, dropped } = await reader.read(file)
      if (result.ok) {
        // The plan's division: stated beside it, or read from its place names; else a warning (区划未定).
        let placed
        try {
          placed = placePlan(result.plan, text ?? '', divisions, readStated(statedDivisionFile(dir, result.plan.id)))
        } catch (error) {
          placed = { ok: false as const, problem: (error as Error).message }
        }
        if (!placed.ok) {
          report.push(placed.problem)
          continue
        }
        if (placed.division) result.plan.division = placed.division
        result.warnings.push(...placed.warnings)
      }
      const lines = reportLines(file, result, where)
      if (result.ok) {
        plans.push(result.plan)
        sources.set(result.plan.id, text ?? '')
        warnings.push(...lines)
        summaries.push(summaryLine(file, result))
        reviews.set(result.plan.id, reviewsOf(result.warnings, text ?? '', where, dropped))
      } else {
        report.push(...lines)
      }
    }
  } finally {
    await reader.close()
  }
  if (report.length > 0) return { ok: false, report }
  // The ledgers sent back (seeds/progress/): their warnings on each plan's review page, after the plan's own.
  const canonical = canonicalOf(registry)
  const back = await loadProgress(dir, makeSite(plans, canonical))
  for (const [id, more] of back.reviews) reviews.set(id, [...(reviews.get(id) ?? []), ...more])
  warnings.push(...back.warnings, ...[...back.reviews.values()].flat().map((r) => `${r.file}${r.where}: warning: ${r.message}`))
  return { ok: true, site: makeSite(plans, canonical, back.progress), sources, files, warnings, summaries, reviews }
}
