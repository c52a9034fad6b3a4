// npm run lighthouse -- [--site DIR] [--baseline DIR] [--runs N]
// Lighthouse 12 scores (performance, accessibility, best practices, SEO) of the
// home, a task and a unit page of a built site, mobile and desktop profiles, in
// Debian's chromium, served as the nginx block of guides/维护指南.md serves it (gzip, cached
// assets). With --baseline, the same pages of another build (plain VitePress,
// e.g. the bench's) measured in the same run, so the machine's load is shared.
// Each figure is the median of N runs (default 3). Not part of `npm test`: it
// takes minutes, and its timings move with the machine's load.

import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { CHROMIUM, CHROMIUM_FLAGS, chromiumMissing } from '../site/chromium.ts'
import { loadSite } from '../site/load.ts'
import { loadReference } from '../data/load.ts'
import { serve } from '../site/serve.ts'
import { url } from '../render/common.ts'
import { DIST, ROOT, SEEDS_DIR } from '../paths.ts'

const run = promisify(execFile)
const LIGHTHOUSE = join(ROOT, 'node_modules/.bin/lighthouse')
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

interface Score { scores: number[]; tbtMs: number; requests: number }

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function measure(siteDir: string, path: string, profile: 'mobile' | 'desktop', runs: number): Promise<Score> {
  const server = await serve(siteDir, '/')
  const work = mkdtempSync(join(tmpdir(), 'lighthouse-'))
  const samples: Score[] = []
  try {
    for (let i = 0; i < runs; i++) {
      const out = join(work, `${i}.json`)
      await run(LIGHTHOUSE, [server.url(path), `--chrome-flags=--headless=new ${CHROMIUM_FLAGS.join(' ')}`, '--output=json', `--output-path=${out}`, '--quiet',
        `--only-categories=${CATEGORIES.join(',')}`, ...(profile === 'desktop' ? ['--preset=desktop'] : [])], { env: { ...process.env, CHROME_PATH: CHROMIUM } })
      const report = JSON.parse(readFileSync(out, 'utf8'))
      samples.push({
        scores: CATEGORIES.map((c) => Math.round(report.categories[c].score * 100)),
        tbtMs: report.audits['total-blocking-time'].numericValue,
        requests: report.audits['network-requests'].details?.items?.length ?? 0,
      })
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
    await server.close()
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  return { scores: CATEGORIES.map((_, k) => median(samples.map((s) => s.scores[k]!))), tbtMs: median(samples.map((s) => s.tbtMs)), requests: median(samples.map((s) => s.requests)) }
}

async function main(): Promise<void> {
  const missing = chromiumMissing()
  if (missing) throw new Error(missing)
  const site = option('--site') ?? DIST
  const baseline = option('--baseline')
  const runs = Number(option('--runs') ?? 3)
  const loaded = await loadSite(SEEDS_DIR, loadReference())
  if (!loaded.ok) throw new Error(loaded.report.join('\n'))
  const plan = loaded.site.plans[0]!
  const unit = loaded.site.units.find((u) => u.slug.endsWith('-villages')) ?? loaded.site.units[0]!
  const pages = [['home', '/'], ['task', `${url.task(plan, plan.tasks[Math.min(6, plan.tasks.length - 1)]!.number)}.html`], ['unit', `${url.unit(unit)}.html`]] as const
  const cell = (s: Score) => `${s.scores.join(' / ')} (TBT ${Math.round(s.tbtMs)} ms, ${s.requests} requests)`
  console.log(`| page | profile | this site: ${CATEGORIES.join(' / ')} |${baseline ? ' plain VitePress |' : ''}`)
  console.log(`|---|---|---|${baseline ? '---|' : ''}`)
  for (const [name, path] of pages) {
    for (const profile of ['mobile', 'desktop'] as const) {
      const ours = await measure(site, path, profile, runs)
      const theirs = baseline ? await measure(baseline, path, profile, runs) : null
      console.log(`| ${name} \`${path}\` | ${profile} | ${cell(ours)} |${theirs ? ` ${cell(theirs)} |` : ''}`)
    }
  }
}

main().catch((error: unknown) => {
  console.error(`lighthouse: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
