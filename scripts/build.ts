// npm run build / dev: regenerate docs/ from seeds/ (from clean), then VitePress
// takes over. All file writing of the pipeline is here.

import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, basename } from 'node:path'
import { loadSite, ROOT } from './load.ts'
import { downloadFiles } from './exports/files.ts'
import { toMarkdown } from './markdown.ts'
import { sitePages } from './pages.ts'

const DOCS = join(ROOT, 'docs')

async function main(): Promise<number> {
  const loaded = loadSite()
  if (!loaded.ok) {
    for (const line of loaded.report) process.stderr.write(line + '\n')
    process.stderr.write('build: stopped; docs/ was left as it was\n')
    return 1
  }
  for (const line of loaded.warnings) process.stderr.write(line + '\n')
  const pages = sitePages(loaded.site, loaded.sources)

  for (const entry of readdirSync(DOCS)) if (entry !== '.gitkeep') rmSync(join(DOCS, entry), { recursive: true, force: true })
  for (const page of pages) {
    const file = join(DOCS, page.path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, toMarkdown(page))
  }
  // Files offered for download: the plan as issued (byte for byte), the model
  // and its schema, ledgers and calendars.
  const publicDir = join(DOCS, 'public')
  for (const plan of loaded.site.plans) {
    mkdirSync(join(publicDir, plan.id), { recursive: true })
    copyFileSync(loaded.files.find((f) => basename(f) === plan.source)!, join(publicDir, plan.id, plan.source))
  }
  copyFileSync(join(ROOT, 'scripts/data/plan.schema.json'), join(publicDir, 'plan.schema.json'))
  const base = process.env.SITE_BASE || '/'
  for (const file of await downloadFiles(loaded.site, { base, siteUrl: process.env.SITE_URL ?? '' })) {
    const target = join(publicDir, file.path)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, file.data)
  }
  process.stdout.write(`build: ${pages.length} pages for ${loaded.site.plans.length} plan(s) written to docs/\n`)
  return 0
}

process.exitCode = await main()
