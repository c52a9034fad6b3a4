// Writes the VitePress source (docs/) from the seeds: pages, the files
// offered for download and the search index (docs/public/). All file writing
// of the pipeline's pages is here. A plan unchanged since the last build is
// not generated again; a plan's folders are replaced whole, never left
// half-written. A plan's folder records (its stamp, written last) the digest
// of every file generated for it, checked before the folder is kept: a
// damaged folder is generated again.

import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { loadSite, type LoadedSite } from './load.ts'
import { toMarkdown } from '../render/markdown.ts'
import { planPages, sharedPages } from './pages.ts'
import type { Reference } from '../data/load.ts'
import { knowledgeOf, type Knowledge } from '../views/knowledge.ts'
import { planDownloads } from '../exports/files.ts'
import { publishedOriginal, type PublishedOriginal, type RecordPolicy } from '../exports/original.ts'
import { SEARCH_DIR, searchData, searchExtras } from '../search/build-index.ts'
import { writeIndex } from '../search/shards.ts'
import { paths } from '../search/format.ts'
import { planDocuments, sharedDocuments, type SearchData, type SearchDocument } from '../search/documents.ts'
import { codeKey, filesBelow, sha256, sharedFiles } from './site-cache.ts'
import { digest, fileDigest, writeSynced, writeWhole } from './durable.ts'
import { isLibrary, severalDivisions, type Site } from '../views/site.ts'
import type { SiteTheme } from './nav.ts'
import { hasSupervision, supervisionUrl } from '../render/supervision.ts'
import { supervisionXlsx } from '../exports/supervision-xlsx.ts'
import type { PdfJob } from './pdf.ts'
import { DATA_DIR, DOCS, ROOT, SEARCH_CACHE, SEEDS_DIR } from '../paths.ts'

export interface GenerateOptions {
  base: string
  siteUrl: string
  /** Whether PDFs will be printed after the VitePress build (pages link them only then). */
  pdf: boolean
  /**
   * A .doc or PDF holding its author's record (who wrote it, revision marks, comments, annotations), which cannot be
   * removed from those formats: published as received (with a line saying what it holds), or withheld
   * (WITHHOLD_ORIGINALS=1: the plan is published without its original). scripts/exports/original.ts.
   */
  originals: RecordPolicy
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
  theme: SiteTheme
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
  /**
   * notices: lines for the administrator: each plan whose folder or kept search documents were found damaged (and
   * generated again), each plan's file published cleaned (what was removed).
   */
  | { ok: true; site: Site; pages: number; warnings: string[]; notices: string[]; summaries: string[]; timings: GenerateTimings }
  | { ok: false; report: string[] }

/** The file in each plan's folder of docs/ that says from what it was generated (the plan's key) and what it holds. */
const STAMP = '.generated'

interface Stamp {
  key: string
  /** sha256 of each file generated for the plan: "docs/ID/…" and "public/ID/…", and "search" its search documents. */
  files: Record<string, string>
  /** What was removed from the plan's file offered for download (scripts/exports/original.ts): said at every build. */
  removed: string[]
  /** What its .doc or PDF holds of its author's record, and whether it was withheld: said at every build. */
  found?: string[]
  withheld?: boolean
}

/** What a stamp says of the plan's original: what the build says of it each time. */
type OriginalRecord = Pick<PublishedOriginal, 'removed' | 'found' | 'withheld'>

/** The files generated for a plan as they are now, with their digests (the search documents' file included). */
function planFiles(publicDir: string, id: string, searchFile: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const f of filesBelow(join(DOCS, id))) if (f !== STAMP) files[`docs/${id}/${f}`] = fileDigest(join(DOCS, id, f))
  for (const f of filesBelow(join(publicDir, id))) files[`public/${id}/${f}`] = fileDigest(join(publicDir, id, f))
  if (existsSync(searchFile)) files.search = fileDigest(searchFile)
  return files
}

/**
 * Whether a plan's generated files are those its stamp records for `key`:
 * 'absent' (never generated, or from another key), ok (with what was removed from its file offered for download), or
 * what is damaged.
 */
function stampState(publicDir: string, id: string, key: string, searchFile: string): 'absent' | { ok: OriginalRecord } | string {
  const file = join(DOCS, id, STAMP)
  if (!existsSync(file)) return 'absent'
  let stamp: unknown
  try {
    stamp = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return `its stamp ${STAMP} is not whole (not valid JSON)`
  }
  if (typeof stamp !== 'object' || stamp === null || !('key' in stamp) || typeof stamp.key !== 'string' || !('files' in stamp) ||
    typeof stamp.files !== 'object' || stamp.files === null || !('removed' in stamp) || !Array.isArray(stamp.removed) ||
    !stamp.removed.every((r: unknown) => typeof r === 'string') ||
    ('found' in stamp && !(Array.isArray(stamp.found) && stamp.found.every((r: unknown) => typeof r === 'string'))) ||
    ('withheld' in stamp && typeof stamp.withheld !== 'boolean')) return `its stamp ${STAMP} is not a stamp`
  if (stamp.key !== key) return 'absent'
  const recorded = stamp.files as Record<string, unknown>
  const found = planFiles(publicDir, id, searchFile)
  for (const name of Object.keys(recorded).sort()) {
    const what = name === 'search' ? `its search documents (${searchFile.slice(ROOT.length)})` : name
    if (!(name in found)) return `${what} is missing`
    if (found[name] !== recorded[name]) return `${what} is not as it was generated`
  }
  const extra = Object.keys(found).filter((name) => !(name in recorded)).sort()
  if (extra.length > 0) return `${extra[0]} was not generated for it`
  return { ok: { removed: stamp.removed as string[], found: 'found' in stamp ? stamp.found as string[] : [], withheld: 'withheld' in stamp && stamp.withheld === true } }
}


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
export async function generate(options: GenerateOptions, reference: Reference, readCache = true, strict = false): Promise<Generated> {
  const start = performance.now()
  const loaded: LoadedSite = await loadSite(SEEDS_DIR, reference)
  if (!loaded.ok) return { ok: false, report: loaded.report }
  // --strict: a gate for an administrator who wants no plan published with a warning; checked before anything is written.
  if (strict && loaded.warnings.length > 0) {
    return { ok: false, report: [...loaded.warnings, ...loaded.summaries, `--strict: ${loaded.warnings.length} warning(s); nothing was published (without --strict, warnings never stop a build)`] }
  }
  const parsed = performance.now()
  const run: Run = {
    loaded, options, reference, knowledge: knowledgeOf(loaded.site, reference.knowledge), search: searchData(reference.knowledge.sectors, reference.synonyms),
    publicDir: join(DOCS, 'public'), scratch: join(DOCS, '.next'),
  }
  prepareDocs(run)
  const plans = await writePlans(run, readCache)
  removeGonePlans(run)
  const sharedCount = await writeShared(run)
  writeSearchIndex(run, plans.searchFiles)
  const timings = { parseMs: parsed - start, generateMs: performance.now() - parsed, plansGenerated: plans.generated }
  const { site } = loaded
  return { ok: true, site, pages: plans.pages + sharedCount, warnings: loaded.warnings, notices: plans.notices, summaries: loaded.summaries, timings }
}

/** What the steps of one generate share: the plans read, the options, the reference data, and where they write. */
interface Run {
  loaded: LoadedSite & { ok: true }
  options: GenerateOptions
  reference: Reference
  /** The knowledge layers of the plans (glossary, citations, national matches, sector tasks), computed once a run. */
  knowledge: Knowledge
  search: SearchData
  publicDir: string
  /** Where a plan's folders are made before they are swapped in. */
  scratch: string
}

/** docs/ ready to be written: an earlier generate's scratch removed and a swap it was killed in undone. */
function prepareDocs({ publicDir, scratch }: Run): void {
  rmSync(scratch, { recursive: true, force: true })
  // A generate killed halfway through a swap: its folder put back, or its leftover removed (an ID.old folder in docs/
  // would otherwise be taken for shared pages and published).
  for (const dir of [DOCS, publicDir]) {
    if (!existsSync(dir)) continue
    for (const name of readdirSync(dir)) if (name.endsWith('.old')) recoverSwap(join(dir, name.slice(0, -'.old'.length)))
  }
  mkdirSync(publicDir, { recursive: true })
  mkdirSync(SEARCH_CACHE, { recursive: true })
  writeFileSync(join(DOCS, '.gitkeep'), '')
}

/**
 * Each plan's pages, files and search documents, generated unless its folder holds what its key says; each plan's
 * folders swapped in whole. Returns the pages counted, the plans generated, each plan's search documents' file (in
 * order) and the lines for the administrator; the search documents of plans gone from the seeds are removed.
 */
async function writePlans(run: Run, readCache: boolean): Promise<{ pages: number; generated: number; searchFiles: string[]; notices: string[] }> {
  const { loaded, options, knowledge, search, publicDir, scratch } = run
  const { site } = loaded
  const several = site.plans.length > 1
  const common = sha256(codeKey(['scripts'], []), JSON.stringify(options), JSON.stringify(site.units.map(({ plans: _plans, ...body }) => body)), String(several), String(isLibrary(site)), String(severalDivisions(site)))
  // Each plan's search documents, in order, kept in files: the index reads them one plan at a time.
  const searchFiles: string[] = []
  const notices: string[] = []
  const cleaned = (plan: Site['plans'][number], { removed, found, withheld }: OriginalRecord) => {
    if (removed.length > 0) notices.push(`generate: ${plan.source}: offered for download cleaned of what its author removed or hid (the file as received is not published): ${removed.join(', ')}`)
    if (found.length > 0 && withheld) notices.push(`generate: ${plan.source}: published without its original (WITHHOLD_ORIGINALS=1): the file holds ${found.join(', ')}, which cannot be removed from it safely`)
    else if (found.length > 0) {
      notices.push(`generate: ${plan.source}: offered for download as received, and it holds what its author may not mean to publish: ${found.join(', ')}; ` +
        `this cannot be removed from a ${extname(plan.source).toLowerCase() === '.pdf' ? 'PDF' : 'Word 97–2003 (.doc) file'} safely: ` +
        `put the plan's .docx in its place (a .docx is cleaned when published), or publish the plan without its original: WITHHOLD_ORIGINALS=1 npm run build`)
    }
  }
  const used = new Set<string>()
  let pages = 0
  let generated = 0
  for (const plan of site.plans) {
    const seed = loaded.files.find((f) => basename(f) === plan.source)!
    // The ledgers sent back for the plan and the warnings on them change its pages too; so do its division (stated
    // beside it or read from its text: its units' pages and downloads) and the plans it carries out and that carry it
    // out (贯彻落实《…》: their titles are on its home).
    const links = site.links.get(plan.id)
    const linked = links ? [...links.carriesOut, ...links.carriedOutBy].map((p) => [p.id, p.title, p.issuer]) : []
    const key = sha256(common, plan.id, plan.source, readFileSync(seed), JSON.stringify(site.progress?.get(plan.id) ?? null), JSON.stringify(loaded.reviews.get(plan.id) ?? []),
      JSON.stringify(plan.division ?? null), JSON.stringify(linked))
    const searchFile = join(SEARCH_CACHE, `${key}.json`)
    used.add(`${key}.json`)
    const state = readCache ? stampState(publicDir, plan.id, key, searchFile) : 'absent'
    if (typeof state === 'string' && state !== 'absent') notices.push(`generate: docs/${plan.id}: ${state}; generated again`)
    searchFiles.push(searchFile)
    if (typeof state === 'object') {
      cleaned(plan, state.ok)
      pages += filesBelow(join(DOCS, plan.id)).filter((f) => f.endsWith('.md')).length
      continue
    }
    generated++
    // The plan as issued (byte for byte, or a Word file without its tracked changes, comments, hidden text and
    // personal properties; a .doc or PDF with its author's record as received, or withheld), ledgers, calendars, plan.json.
    const original = await publishedOriginal(plan.source, readFileSync(seed), plan.issuer, options.originals)
    cleaned(plan, original)
    const own = planPages(site, plan, loaded.sources.get(plan.id) ?? '', knowledge, options.pdf, loaded.reviews.get(plan.id) ?? [], !original.withheld)
    const files: Record<string, string> = {}
    const put = (dir: 'docs' | 'public', path: string, content: string | Buffer) => {
      write(join(scratch, dir, path), content)
      files[`${dir}/${path}`] = digest(content)
    }
    for (const page of own) put('docs', page.path, toMarkdown(page))
    if (!original.withheld) put('public', `${plan.id}/${plan.source}`, original.data)
    for (const file of await planDownloads(site, plan, options)) put('public', file.path, file.data)
    const documents = JSON.stringify(planDocuments(plan, options.base, several, search, severalDivisions(site)))
    writeWhole(searchFile, documents)
    files.search = digest(documents)
    // The stamp last, once everything it records is written and on disk: a folder cut short never has one.
    const stamp: Stamp = { key, files: Object.fromEntries(Object.keys(files).sort().map((f) => [f, files[f]!])), removed: original.removed, found: original.found, withheld: original.withheld }
    writeSynced(join(scratch, 'docs', plan.id, STAMP), JSON.stringify(stamp))
    pages += own.length
    // public/ first: the docs/ folder holds the stamp, so a kill between the two leaves the plan to be generated again.
    swap(join(scratch, 'public', plan.id), join(publicDir, plan.id))
    swap(join(scratch, 'docs', plan.id), join(DOCS, plan.id))
  }
  for (const name of readdirSync(SEARCH_CACHE)) if (!used.has(name)) rmSync(join(SEARCH_CACHE, name), { force: true })
  return { pages, generated, searchFiles, notices }
}

/** The folders of plans no longer in the seeds. */
function removeGonePlans({ loaded: { site }, publicDir }: Run): void {
  const ids = new Set(site.plans.map((p) => p.id))
  for (const entry of readdirSync(DOCS, { withFileTypes: true })) {
    if (entry.isDirectory() && !ids.has(entry.name) && existsSync(join(DOCS, entry.name, STAMP))) rmSync(join(DOCS, entry.name), { recursive: true })
  }
  for (const entry of readdirSync(publicDir, { withFileTypes: true })) {
    if (entry.isDirectory() && !ids.has(entry.name) && entry.name !== SEARCH_DIR) rmSync(join(publicDir, entry.name), { recursive: true })
  }
}

/** The shared pages (every plan's) and the model's schema; returns the pages written. */
async function writeShared({ loaded: { site }, options, knowledge, publicDir }: Run): Promise<number> {
  const shared = sharedPages(site, knowledge, options)
  for (const file of sharedFiles(DOCS, site.plans.map((p) => p.id))) rmSync(join(DOCS, file))
  for (const page of shared) write(join(DOCS, page.path), toMarkdown(page))
  copyFileSync(join(DATA_DIR, 'plan.schema.json'), join(publicDir, 'plan.schema.json'))
  // The 督办 workbook: every plan's open tasks (public/supervision/ is removed with the other folders no plan owns).
  if (hasSupervision(site)) write(join(publicDir, supervisionUrl.xlsx().slice(1)), await supervisionXlsx(site))
  return shared.length
}

/** The search box's index: many small files, of which a query fetches the few it names. */
function writeSearchIndex({ loaded: { site }, options, search, publicDir, scratch }: Run, searchFiles: string[]): void {
  const sharedDocs = sharedDocuments(site, options.base, search)
  const { synonyms, vocabulary } = searchExtras(site, search)
  const index = join(scratch, SEARCH_DIR)
  const files = join(index, 'files')
  const manifest = writeIndex((function* () {
    for (const file of searchFiles) yield readDocuments(file)
    yield sharedDocs
  })(), synonyms, vocabulary, (path, content) => write(path === paths.manifest ? join(index, path) : join(files, path), content))
  renameSync(files, join(index, manifest.folder))
  swap(index, join(publicDir, SEARCH_DIR))
  rmSync(scratch, { recursive: true, force: true })
}

/** A plan's search documents as this build kept them (checked against the plan's stamp before; here for shape). */
function readDocuments(file: string): SearchDocument[] {
  let documents: unknown
  try {
    documents = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    throw new Error(`${file}: not whole (not valid JSON); remove ${SEARCH_CACHE}`)
  }
  if (!Array.isArray(documents) || !documents.every((d) => typeof d === 'object' && d !== null && typeof d.id === 'string')) throw new Error(`${file}: not a list of search documents; remove ${SEARCH_CACHE}`)
  return documents as SearchDocument[]
}

function write(file: string, data: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, data)
}

/**
 * Puts a finished folder in place of another in two renames. Should the
 * second fail, the first is undone; a process killed between the two leaves
 * `target` missing and TARGET.old whole, which recoverSwap puts back.
 */
export function swap(next: string, target: string): void {
  const old = `${target}.old`
  rmSync(old, { recursive: true, force: true })
  if (existsSync(target)) renameSync(target, old)
  try {
    renameSync(next, target)
  } catch (error) {
    if (existsSync(old) && !existsSync(target)) renameSync(old, target)
    throw error
  }
  rmSync(old, { recursive: true, force: true })
}

/**
 * Undoes what a swap killed halfway left: TARGET.old put back when `target`
 * is missing (a line saying so returned), a leftover TARGET.old removed; null
 * when there was nothing to undo.
 */
export function recoverSwap(target: string): string | null {
  const old = `${target}.old`
  if (!existsSync(old)) return null
  if (!existsSync(target)) {
    renameSync(old, target)
    return `${target} was missing and ${basename(old)} held the site before it (a build was stopped while putting its site in place): put back`
  }
  rmSync(old, { recursive: true, force: true })
  return null
}
