// npm run build / dev: regenerate docs/ from seeds/ (from clean), then VitePress
// takes over. All file writing of the pipeline is here.

import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, basename } from 'node:path'
import { loadSite, ROOT } from './load.ts'
import { toMarkdown } from './markdown.ts'
import { sitePages } from './pages.ts'

const DOCS = join(ROOT, 'docs')

function main(): number {
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
  // Files offered for download as they are: the plan as issued, and the model.
  for (const [i, plan] of loaded.site.plans.entries()) {
    const dir = join(DOCS, 'public', plan.id)
    mkdirSync(dir, { recursive: true })
    const seed = loaded.files.find((f) => basename(f) === plan.source)!
    copyFileSync(seed, join(dir, plan.source))
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(loaded.site.plans[i], null, 2) + '\n')
  }
  process.stdout.write(`build: ${pages.length} pages for ${loaded.site.plans.length} plan(s) written to docs/\n`)
  return 0
}

process.exitCode = main()
