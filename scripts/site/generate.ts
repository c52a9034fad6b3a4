// Writes the VitePress source (docs/) from the seeds: pages, the files
// offered for download and the search index (docs/public/). All file writing
// of the pipeline's pages is here. A plan unchanged since the last build is
// not generated again; a plan's folders are replaced whole, never left
// half-written.

import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { loadSite, ROOT, type LoadedSite } from './load.ts'
import { toMarkdown } from '../markdown.ts'
import { planPages, sharedPages } from './pages.ts'
import { loadKnowledge } from '../knowledge-data.ts'
import { planDownloads } from '../exports/files.ts'
import { SEARCH_DIR, searchData, searchExtras } from '../search/build-index.ts'
import { writeIndex } from '../search/shards.ts'
import { paths } from '../search/format.ts'
import { planDocuments, sharedDocuments, type SearchDocument } from '../search/documents.ts'
import { codeKey, filesBelow, sha256, sharedFiles } from './site-cache.ts'
import { isLibrary, type Site } from '../views.ts'
import type { DefaultTheme } from 'vitepress'
import type { PdfJob } from './pdf.ts'

export const DOCS = join(ROOT, 'docs')

export interface GenerateOptions {
  base: string
  siteUrl: string
  /** Whether PDFs will be printed after the VitePress build (pages link them only then). */
  pdf: boolean
}

/** Milliseconds spent reading the plans into the model, and turning the model into docs/. */
export interface GenerateTimings {
  parseMs: number
  generateMs: number
  /** Plans whose pages, files and search documents were generated; the others were unchanged. */
  plansGenerated: number
}

/** What each stage of `npm run build` took (scripts/cli/build.ts --timings). */
export interface BuildTimings extends GenerateTimings {
  /** Building the pages: VitePress for the groups not in .cache/site, and assembling the site. */
  vitepressMs: number
  /** Groups of pages (the shared pages, each plan's). */
  groups: number
  /** Groups built by VitePress; the others came from .cache/site. */
  groupsBuilt: number
  /** 0 with --no-pdf. */
  pdfMs: number
  pdfs: number
  /** PDFs printed by this build; the others were unchanged and came from the cache. */
  pdfsPrinted: number
}

/** What `npm run build` needs of the plans once docs/ is written (scripts/cli/generate.ts --summary). */
export interface GenerateSummary {
  pages: number
  /** The plans' ids, in order. */
  plans: string[]
  timings: GenerateTimings
  /** What every page carries, made from the plans: the config's nav and sidebar (scripts/site/nav.ts). */
  theme: { nav: DefaultTheme.NavItem[]; sidebar: DefaultTheme.SidebarMulti }
  /** The PDFs to print ([] without --pdf). */
  pdfJobs: PdfJob[]
}

/** A summary as the build reads it back: checked for its shape (it is this program's own file). */
export function readSummary(json: unknown, file: string): GenerateSummary {
  const ok = typeof json === 'object' && json !== null && 'pages' in json && 'plans' in json && Array.isArray(json.plans) &&
    json.plans.every((p: unknown) => typeof p === 'string') && 'timings' in json && 'theme' in json && 'pdfJobs' in json && Array.isArray(json.pdfJobs)
  if (!ok) throw new Error(`${file}: not the summary scripts/cli/generate.ts writes`)
  return json as GenerateSummary
}

export type Generated =
  | { ok: true; site: Site; pages: number; warnings: string[]; summaries: string[]; timings: GenerateTimings }
  | { ok: false; report: string[] }

/** Where each plan's search documents are kept between builds (ignored by git), by the plan's key. */
export const SEARCH_CACHE = join(ROOT, '.cache/search')

/** The file in each plan's folder of docs/ that says from what it was generated (the plan's key). */
const STAMP = '.generated'


/**
 * Generates docs/ from the seeds. Returns the report lines of a plan that
 * cannot be read, leaving docs/ as it was. A plan's pages, files and search
 * documents depend on the plan, the site's units, whether there are several
 * plans and whether more than a few (a library), the options and the pipeline's code (pages.ts, files.ts,
 * documents.ts say so): a plan whose key, the hash of these, is the one its
 * folder was generated from is not generated again (unless readCache is
 * false). The shared pages and the search index, which depend on every plan,
 * are always written. Each plan's folders are replaced whole.
 */
export async function generate(options: GenerateOptions, readCache = true, strict = false): Promise<Generated> {
  const start = performance.now()
  const loaded: LoadedSite = await loadSite()
  if (!loaded.ok) return { ok: false, report: loaded.report }
  // --strict: a gate for an administrator who wants no plan published with a warning; checked before anything is written.
  if (strict && loaded.warnings.length > 0) {
    return { ok: false, report: [...loaded.warnings, ...loaded.summaries, `--strict: ${loaded.warnings.length} warning(s); nothing was published (without --strict, warnings never stop a build)`] }
  }
  const parsed = performance.now()
  const { site } = loaded
  const knowledge = loadKnowledge()
  const data = searchData(knowledge.sectors)
  const several = site.plans.length > 1
  const common = sha256(codeKey(['scripts'], []), JSON.stringify(options), JSON.stringify(site.units), String(several), String(isLibrary(site)))
  const publicDir = join(DOCS, 'public')
  const scratch = join(DOCS, '.next')
  rmSync(scratch, { recursive: true, force: true })
  mkdirSync(publicDir, { recursive: true })
  mkdirSync(SEARCH_CACHE, { recursive: true })
  writeFileSync(join(DOCS, '.gitkeep'), '')

  // Each plan's search documents, in order, kept in files: the index reads them one plan at a time.
  const searchDocs: string[] = []
  const used = new Set<string>()
  let pages = 0
  let plansGenerated = 0
  for (const plan of site.plans) {
    const seed = loaded.files.find((f) => basename(f) === plan.source)!
    const key = sha256(common, plan.id, plan.source, readFileSync(seed))
    const stamp = join(DOCS, plan.id, STAMP)
    const searchFile = join(SEARCH_CACHE, `${key}.json`)
    used.add(`${key}.json`)
    const unchanged = readCache && existsSync(stamp) && readFileSync(stamp, 'utf8') === key && existsSync(join(publicDir, plan.id)) && existsSync(searchFile)
    searchDocs.push(searchFile)
    if (unchanged) {
      pages += filesBelow(join(DOCS, plan.id)).filter((f) => f.endsWith('.md')).length
      continue
    }
    plansGenerated++
    const own = planPages(site, plan, loaded.sources.get(plan.id) ?? '', knowledge, options.pdf, loaded.reviews.get(plan.id) ?? [])
    for (const page of own) write(join(scratch, 'docs', page.path), toMarkdown(page))
    write(join(scratch, 'docs', plan.id, STAMP), key)
    // The plan as issued (byte for byte), ledgers, calendars, plan.json.
    write(join(scratch, 'public', plan.id, plan.source), readFileSync(seed))
    for (const file of await planDownloads(site, plan, options)) write(join(scratch, 'public', file.path), file.data)
    writeFileSync(searchFile, JSON.stringify(planDocuments(plan, options.base, several, data)))
    pages += own.length
    swap(join(scratch, 'public', plan.id), join(publicDir, plan.id))
    swap(join(scratch, 'docs', plan.id), join(DOCS, plan.id))
  }
  // Plans no longer in the seeds.
  const ids = new Set(site.plans.map((p) => p.id))
  for (const entry of readdirSync(DOCS, { withFileTypes: true })) {
    if (entry.isDirectory() && !ids.has(entry.name) && existsSync(join(DOCS, entry.name, STAMP))) rmSync(join(DOCS, entry.name), { recursive: true })
  }
  for (const entry of readdirSync(publicDir, { withFileTypes: true })) {
    if (entry.isDirectory() && !ids.has(entry.name) && entry.name !== SEARCH_DIR) rmSync(join(publicDir, entry.name), { recursive: true })
  }
  // The shared pages, the model's schema and the search index: every plan's.
  const shared = sharedPages(site, knowledge, options)
  for (const file of sharedFiles(DOCS, site.plans.map((p) => p.id))) rmSync(join(DOCS, file))
  for (const page of shared) write(join(DOCS, page.path), toMarkdown(page))
  pages += shared.length
  copyFileSync(join(ROOT, 'scripts/data/plan.schema.json'), join(publicDir, 'plan.schema.json'))
  // The search box's index: many small files, of which a query fetches the few it names.
  const sharedDocs = sharedDocuments(site, options.base, data)
  const { synonyms, vocabulary } = searchExtras(site, data)
  const index = join(scratch, SEARCH_DIR)
  const files = join(index, 'files')
  const manifest = writeIndex((function* () {
    for (const file of searchDocs) yield readDocuments(file)
    yield sharedDocs
  })(), synonyms, vocabulary, (path, content) => write(path === paths.manifest ? join(index, path) : join(files, path), content))
  renameSync(files, join(index, manifest.folder))
  swap(index, join(publicDir, SEARCH_DIR))
  rmSync(scratch, { recursive: true, force: true })
  for (const name of readdirSync(SEARCH_CACHE)) if (!used.has(name)) rmSync(join(SEARCH_CACHE, name), { force: true })
  const timings = { parseMs: parsed - start, generateMs: performance.now() - parsed, plansGenerated }
  return { ok: true, site, pages, warnings: loaded.warnings, summaries: loaded.summaries, timings }
}

/** A plan's search documents as this build kept them (its own cache: checked only for shape). */
function readDocuments(file: string): SearchDocument[] {
  const documents: unknown = JSON.parse(readFileSync(file, 'utf8'))
  if (!Array.isArray(documents) || !documents.every((d) => typeof d === 'object' && d !== null && typeof d.id === 'string')) throw new Error(`${file}: not a list of search documents; remove ${SEARCH_CACHE}`)
  return documents as SearchDocument[]
}

function write(file: string, data: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, data)
}

/** Puts a finished folder in place of another in two renames. */
export function swap(next: string, target: string): void {
  const old = `${target}.old`
  rmSync(old, { recursive: true, force: true })
  if (existsSync(target)) renameSync(target, old)
  renameSync(next, target)
  rmSync(old, { recursive: true, force: true })
}
