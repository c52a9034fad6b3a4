// Builds the sites the tests read, one after another (VitePress builds share
// .vitepress/.temp, so they must not run at once), with `npm run build` as a
// user runs it:
// - tests/output/bench: `npm run bench` at 1 plan (first: it leaves docs/ with its corpus);
// - tests/output/site-hostile: the hostile plans: tests/fixtures/hostile/hostile-plan.txt and the corpus plan
//   made from tests/fixtures/hostile/payloads.lines (tests/helpers/hostile.ts);
// - tests/output/site-again: the seeds, for /anquan/, a clean build (--no-cache), to compare byte for byte;
// - tests/output/site: the seeds, for /anquan/, PDFs from the cache (last, so docs/ holds the seeds' pages).
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './helpers/plans.ts'
import { corpusPlanText, CORPUS_PLAN_ID } from './helpers/hostile.ts'
import { BENCH_DIR, HOSTILE_DIR, HOSTILE_SEEDS, SCREENSHOTS, SITE_AGAIN_DIR, SITE_BASE, SITE_DIR, SITE_TIMINGS } from './helpers/site.ts'

/** Says what the setup is doing: it takes two to three minutes before the first test reports. */
const step = (what: string) => process.stdout.write(`setup: ${what}\n`)

function build(outDir: string, env: Record<string, string>, flags: string[] = []): void {
  step(`building ${outDir.slice(ROOT.length)} (npm run build${flags.length ? ` -- ${flags.join(' ')}` : ''})`)
  rmSync(outDir, { recursive: true, force: true })
  execFileSync('npm', ['run', '--silent', 'build', '--', '--outDir', outDir, ...flags], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

export default function setup(): void {
  mkdirSync(SCREENSHOTS, { recursive: true })
  // SKIP_SITE_BUILD=1 reuses the sites of the last run (while working on tests; never in CI).
  if (process.env.SKIP_SITE_BUILD === '1' && process.env.CI !== 'true' && [BENCH_DIR, HOSTILE_DIR, SITE_AGAIN_DIR, SITE_DIR].every((d) => existsSync(d))) return
  rmSync(BENCH_DIR, { recursive: true, force: true })
  mkdirSync(BENCH_DIR, { recursive: true })
  step('npm run bench at 1 plan')
  const table = execFileSync('npm', ['run', '--silent', 'bench', '--', '--plans', '1', '--work', BENCH_DIR], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  })
  writeFileSync(join(BENCH_DIR, 'table.md'), table)
  rmSync(HOSTILE_SEEDS, { recursive: true, force: true })
  mkdirSync(HOSTILE_SEEDS, { recursive: true })
  copyFileSync(join(ROOT, 'tests/fixtures/hostile/hostile-plan.txt'), join(HOSTILE_SEEDS, 'hostile-plan.txt'))
  writeFileSync(join(HOSTILE_SEEDS, `${CORPUS_PLAN_ID}.txt`), corpusPlanText())
  // Without PDFs, as on a machine without chromium (--no-pdf): its pages must link none.
  build(HOSTILE_DIR, { SITE_BASE: '/', PLAN_SEEDS: HOSTILE_SEEDS, CHROMIUM_PATH: '/nonexistent/chromium' }, ['--no-pdf'])
  // A clean build (every PDF printed) in batches of one plan (one VitePress build a
  // plan, merged), then the same seeds again in one build: its PDFs come from
  // .cache/pdf, and tests/site/deterministic.test.ts compares the two byte for byte.
  build(SITE_AGAIN_DIR, { SITE_BASE, PLANS_PER_BUILD: '1' }, ['--no-cache'])
  build(SITE_DIR, { SITE_BASE }, ['--timings', SITE_TIMINGS])
}
