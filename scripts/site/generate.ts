// Writes the VitePress source (docs/) from the seeds: pages, the files
// offered for download and the search index (docs/public/). All file writing of the pipeline's
// pages is here; docs/ is replaced whole, never left half-written.

import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { loadSite, ROOT, type LoadedSite } from './load.ts'
import { toMarkdown } from '../markdown.ts'
import { sitePages } from './pages.ts'
import { loadKnowledge } from '../knowledge-data.ts'
import { downloadFiles } from '../exports/files.ts'
import { SEARCH_DIR, searchData, searchFiles } from '../search/build-index.ts'
import type { Site } from '../views.ts'

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
}

/** What each stage of `npm run build` took (scripts/cli/build.ts --timings). */
export interface BuildTimings extends GenerateTimings {
  vitepressMs: number
  /** 0 with --no-pdf. */
  pdfMs: number
  pdfs: number
  /** PDFs printed by this build; the others were unchanged and came from the cache. */
  pdfsPrinted: number
}

export type Generated =
  | { ok: true; site: Site; pages: number; warnings: string[]; timings: GenerateTimings }
  | { ok: false; report: string[] }

/** Generates docs/ from the seeds. Returns the report lines of a plan that cannot be read, leaving docs/ as it was. */
export async function generate(options: GenerateOptions): Promise<Generated> {
  const start = performance.now()
  const loaded: LoadedSite = await loadSite()
  if (!loaded.ok) return { ok: false, report: loaded.report }
  const parsed = performance.now()
  const knowledge = loadKnowledge()
  const pages = sitePages(loaded.site, loaded.sources, knowledge, { pdf: options.pdf })
  const files = await downloadFiles(loaded.site, options)

  const next = `${DOCS}.next`
  rmSync(next, { recursive: true, force: true })
  mkdirSync(next, { recursive: true })
  writeFileSync(join(next, '.gitkeep'), '')
  for (const page of pages) write(join(next, page.path), toMarkdown(page))
  // The plan as issued (byte for byte), the model's schema, ledgers, calendars, plan.json.
  for (const plan of loaded.site.plans) {
    const seed = loaded.files.find((f) => basename(f) === plan.source)!
    mkdirSync(join(next, 'public', plan.id), { recursive: true })
    copyFileSync(seed, join(next, 'public', plan.id, plan.source))
  }
  copyFileSync(join(ROOT, 'scripts/data/plan.schema.json'), join(next, 'public', 'plan.schema.json'))
  for (const file of files) write(join(next, 'public', file.path), file.data)
  // The search box's index: many small files, of which a query fetches the few it names.
  for (const [path, data] of searchFiles(loaded.site, options.base, searchData(knowledge.sectors))) write(join(next, 'public', SEARCH_DIR, path), data)
  swap(next, DOCS)
  const timings = { parseMs: parsed - start, generateMs: performance.now() - parsed }
  return { ok: true, site: loaded.site, pages: pages.length, warnings: loaded.warnings, timings }
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
