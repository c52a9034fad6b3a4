// Builds the sites the tests read, one after another (VitePress builds share
// .vitepress/.temp, so they must not run at once), with `npm run build` as a
// user runs it:
// - tests/output/bench: `npm run bench` at 1 plan (first: it leaves docs/ with its corpus);
// - tests/output/site-hostile: the hostile plans: tests/fixtures/hostile/hostile-plan.txt and the corpus plan
//   made from tests/fixtures/hostile/payloads.lines (tests/helpers/hostile.ts);
// - tests/output/site-divisions: a county's library of four plans (tests/helpers/divisions.ts), without PDFs;
// - tests/output/site-again: the seeds, for /anquan/, a clean build (--no-cache), to compare byte for byte;
// - tests/output/site-changed: the seeds with one sentence changed, rebuilt from the cache the clean build left;
// - tests/output/site-changed-clean: the same seeds, a clean build, to compare with it;
// - tests/output/site: the seeds, for /anquan/, rebuilt from the cache (the changed plan again), then once more
//   with nothing changed (last, so docs/ holds the seeds' pages).
import { execFileSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './helpers/plans.ts'
import { corpusPlanText, CORPUS_PLAN_ID, payloads } from './helpers/hostile.ts'
import { filledLedger } from './helpers/ledgers.ts'
import { planOf } from './helpers/plans.ts'
import { writeDivisionLibrary } from './helpers/divisions.ts'
import {
  BENCH_DIR, CHANGE, CHANGED_CLEAN_DIR, CHANGED_DIR, CHANGED_SEEDS, CHANGED_TIMINGS, DIVISIONS_DIR, DIVISIONS_SEEDS, HOSTILE_DIR, HOSTILE_SEEDS, SCREENSHOTS, SITE_AGAIN_DIR, SITE_BASE, SITE_DIR, SITE_TIMINGS,
} from './helpers/site.ts'

/** Says what the setup is doing: it takes two to three minutes before the first test reports. */
const step = (what: string) => process.stdout.write(`setup: ${what}\n`)

/** `fresh`: the output folder removed first (else the build replaces the site in it, as on a server). */
function build(outDir: string, env: Record<string, string>, flags: string[] = [], fresh = true): void {
  step(`building ${outDir.slice(ROOT.length)} (npm run build${flags.length ? ` -- ${flags.join(' ')}` : ''})`)
  if (fresh) rmSync(outDir, { recursive: true, force: true })
  execFileSync('npm', ['run', '--silent', 'build', '--', '--outDir', outDir, ...flags], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

/**
 * Ledgers sent back for the hostile site (tests/e2e/followup.test.ts, and the hostile walk over every page): two
 * for the hand-written plan (task 3 reported twice, the later wins; task 2 never, so it falls late), and one for the
 * corpus plan holding every payload in 进展情况, 状态 and 备注.
 */
export async function writeLedgers(seeds: string): Promise<void> {
  const dir = join(seeds, 'progress')
  mkdirSync(dir, { recursive: true })
  const hostile = await planOf(join(seeds, 'hostile-plan.txt'))
  writeFileSync(join(dir, '六月上旬.xlsx'), await filledLedger(hostile, {
    saved: new Date('2023-06-10T08:00:00Z'),
    rows: { 1: { 状态: '推进中', 进展情况: '<script>alert("progress")</script>{{ 7*7 }} ::: danger' }, 3: { 状态: '推进中', 进展情况: '第一次报告' } },
  }))
  writeFileSync(join(dir, '六月下旬.xlsx'), await filledLedger(hostile, {
    saved: new Date('2023-06-25T08:00:00Z'),
    rows: { 3: { 状态: '已完成', 进展情况: '第二次报告', 完成日期: '2023年6月24日' }, 2: { 状态: '<b>完成</b>' } },
  }))
  const corpus = await planOf(join(seeds, `${CORPUS_PLAN_ID}.txt`))
  const list = payloads()
  writeFileSync(join(dir, '全部载荷.xlsx'), await filledLedger(corpus, {
    saved: new Date('2023-06-15T08:00:00Z'),
    rows: Object.fromEntries(corpus.tasks.map((t, i) => [t.number, { 进展情况: list[i % list.length]!, 状态: list[(i + 1) % list.length]!, 备注: list[(i + 2) % list.length]!, 完成日期: list[(i + 3) % list.length]! }])),
  }))
}

export default async function setup(): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  // SKIP_SITE_BUILD=1 reuses the sites of the last run (while working on tests; never in CI).
  if (process.env.SKIP_SITE_BUILD === '1' && process.env.CI !== 'true' && [BENCH_DIR, HOSTILE_DIR, DIVISIONS_DIR, SITE_AGAIN_DIR, CHANGED_DIR, CHANGED_CLEAN_DIR, SITE_DIR].every((d) => existsSync(d))) return
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
  await writeLedgers(HOSTILE_SEEDS)
  // Without PDFs, as on a machine without chromium (--no-pdf): its pages must link none.
  build(HOSTILE_DIR, { SITE_BASE: '/', PLAN_SEEDS: HOSTILE_SEEDS, CHROMIUM_PATH: '/nonexistent/chromium' }, ['--no-pdf'])
  // Without PDFs too: its test prints the page it reads from chromium, as a cadre would.
  rmSync(DIVISIONS_SEEDS, { recursive: true, force: true })
  writeDivisionLibrary(DIVISIONS_SEEDS)
  build(DIVISIONS_DIR, { SITE_BASE, PLAN_SEEDS: DIVISIONS_SEEDS }, ['--no-pdf'])
  // A clean build (every page built, every PDF printed);
  // then one sentence of one plan changed, rebuilt from the cache, and built clean; then the seeds again,
  // from the cache, and once more with nothing changed. tests/built/deterministic.test.ts compares each
  // rebuild with its clean build byte for byte, and reads what each rebuild redid.
  build(SITE_AGAIN_DIR, { SITE_BASE }, ['--no-cache'])
  rmSync(CHANGED_SEEDS, { recursive: true, force: true })
  mkdirSync(CHANGED_SEEDS, { recursive: true })
  // Folders too (progress/: the ledgers sent back, where the seeds have any).
  cpSync(join(ROOT, 'seeds'), CHANGED_SEEDS, { recursive: true })
  const text = readFileSync(join(CHANGED_SEEDS, CHANGE.file), 'utf8')
  if (text.split(CHANGE.from).length !== 2) throw new Error(`${CHANGE.file}: expected "${CHANGE.from}" once`)
  writeFileSync(join(CHANGED_SEEDS, CHANGE.file), text.replace(CHANGE.from, CHANGE.to))
  build(CHANGED_DIR, { SITE_BASE, PLAN_SEEDS: CHANGED_SEEDS }, ['--timings', CHANGED_TIMINGS])
  build(CHANGED_CLEAN_DIR, { SITE_BASE, PLAN_SEEDS: CHANGED_SEEDS }, ['--no-cache'])
  build(SITE_DIR, { SITE_BASE })
  build(SITE_DIR, { SITE_BASE }, ['--timings', SITE_TIMINGS], false)
}
