// Where the project's files are: the one place a path of the project is spelled out.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project folder (the one holding package.json). */
export const ROOT = fileURLToPath(new URL('../', import.meta.url))
/** The plans to publish: seeds/, or the folder PLAN_SEEDS names (tests, an administrator's other library). */
export const SEEDS_DIR = process.env.PLAN_SEEDS ? process.env.PLAN_SEEDS : join(ROOT, 'seeds')
/** The reference data the pipeline reads once (units, national measures, sectors, terms, synonyms). */
export const DATA_DIR = join(ROOT, 'scripts/data')
/** The generated Markdown VitePress reads (build output, not committed). */
export const DOCS = join(ROOT, 'docs')
/** Where `npm run build` puts the site unless --outDir says otherwise. */
export const DIST = join(ROOT, '.vitepress/dist')
/** Search documents kept between builds, a file per plan. */
export const SEARCH_CACHE = join(ROOT, '.cache/search')
/** Built page groups kept between builds (scripts/site/site-cache.ts). */
export const SITE_CACHE = join(ROOT, '.cache/site')
/** Printed PDFs kept between builds (scripts/site/pdf.ts). */
export const PDF_CACHE = join(ROOT, '.cache/pdf')
/** The lock that keeps builds of one project folder one at a time (scripts/site/lock.ts). */
export const BUILD_LOCK = join(ROOT, '.cache/build.lock')
