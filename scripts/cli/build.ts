// npm run build [-- --outDir DIR] [--timings FILE]: generate docs/, build the
// site with VitePress into a fresh folder, and only when everything succeeded
// put it in place of the previous site. A failed build leaves the previous
// site untouched. --timings writes how long each stage took, as JSON (npm run bench).

import { spawnSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { generate, swap, type BuildTimings } from '../generate.ts'
import { ROOT } from '../load.ts'
import { chromiumMissing } from '../chromium.ts'
import { pdfJobs, printPdfs } from '../pdf.ts'

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] ? resolve(args[i + 1]!) : undefined
}

async function main(args: string[]): Promise<number> {
  const target = option(args, '--outDir') ?? join(ROOT, '.vitepress/dist')
  const timingsFile = option(args, '--timings')
  const base = process.env.SITE_BASE || '/'
  const generated = await generate({ base, siteUrl: process.env.SITE_URL ?? '' })
  if (!generated.ok) {
    for (const line of generated.report) process.stderr.write(line + '\n')
    process.stderr.write(`build: stopped; the site in ${target} was left as it was\n`)
    return 1
  }
  for (const line of generated.warnings) process.stderr.write(line + '\n')
  const next = `${target}.next`
  rmSync(next, { recursive: true, force: true })
  const vitepressStart = performance.now()
  const vitepress = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitepress/bin/vitepress.js'), 'build', '--outDir', next], {
    cwd: ROOT,
    stdio: 'inherit',
    env: process.env,
  })
  if (vitepress.status !== 0) {
    rmSync(next, { recursive: true, force: true })
    process.stderr.write(`build: VitePress failed; the site in ${target} was left as it was\n`)
    return 1
  }
  const vitepressMs = performance.now() - vitepressStart
  const pdfStart = performance.now()
  const jobs = pdfJobs(generated.site)
  const missing = chromiumMissing()
  if (missing) {
    process.stderr.write(`build: ${missing}; the PDFs (全文打印, 职责清单) were not made and their links will not work\n`)
  } else {
    try {
      await printPdfs(next, base, jobs)
    } catch (error) {
      rmSync(next, { recursive: true, force: true })
      process.stderr.write(`build: printing the PDFs failed (${error instanceof Error ? error.message : String(error)}); the site in ${target} was left as it was\n`)
      return 1
    }
  }
  const timings: BuildTimings = { ...generated.timings, vitepressMs, pdfMs: missing ? 0 : performance.now() - pdfStart, pdfs: missing ? 0 : jobs.length }
  swap(next, target)
  if (timingsFile) writeFileSync(timingsFile, JSON.stringify(timings, null, 2) + '\n')
  process.stdout.write(`build: ${generated.pages} pages for ${generated.site.plans.length} plan(s), site in ${target}\n`)
  return 0
}

process.exitCode = await main(process.argv.slice(2))
