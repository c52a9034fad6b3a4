// npm run build [-- --outDir DIR]: generate docs/, build the site with VitePress
// into a fresh folder, and only when everything succeeded put it in place of
// the previous site. A failed build leaves the previous site untouched.

import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { generate, swap } from '../generate.ts'
import { ROOT } from '../load.ts'
import { chromiumMissing } from '../chromium.ts'
import { pdfJobs, printPdfs } from '../pdf.ts'

function outDir(args: string[]): string {
  const i = args.indexOf('--outDir')
  if (i >= 0 && args[i + 1]) return resolve(args[i + 1]!)
  return join(ROOT, '.vitepress/dist')
}

async function main(args: string[]): Promise<number> {
  const target = outDir(args)
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
  const missing = chromiumMissing()
  if (missing) {
    process.stderr.write(`build: ${missing}; the PDFs (全文打印, 职责清单) were not made and their links will not work\n`)
  } else {
    try {
      await printPdfs(next, base, pdfJobs(generated.site))
    } catch (error) {
      rmSync(next, { recursive: true, force: true })
      process.stderr.write(`build: printing the PDFs failed (${error instanceof Error ? error.message : String(error)}); the site in ${target} was left as it was\n`)
      return 1
    }
  }
  swap(next, target)
  process.stdout.write(`build: ${generated.pages} pages for ${generated.site.plans.length} plan(s), site in ${target}\n`)
  return 0
}

process.exitCode = await main(process.argv.slice(2))
