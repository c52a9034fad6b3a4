// The site the browser tests use: built once per test run by tests/global-setup.ts
// for the sub-path /anquan/, as an intranet would host it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './plans.ts'
import { CHANGE as BENCH_CHANGE } from '../../scripts/bench/corpus.ts'

export const SITE_BASE = '/anquan/'
export const SITE_DIR = join(ROOT, 'tests/output/site')
/** A second build of the same seeds, to compare byte for byte. */
export const SITE_AGAIN_DIR = join(ROOT, 'tests/output/site-again')
/** What a build of the seeds took and printed when nothing had changed since the last (npm run build --timings). */
export const SITE_TIMINGS = join(ROOT, 'tests/output/site-timings.json')
/** The seeds with one sentence of one plan changed (CHANGE), built after the seeds from the cache, then clean. */
export const CHANGED_SEEDS = join(ROOT, 'tests/output/changed-seeds')
export const CHANGED_DIR = join(ROOT, 'tests/output/site-changed')
export const CHANGED_CLEAN_DIR = join(ROOT, 'tests/output/site-changed-clean')
export const CHANGED_TIMINGS = join(ROOT, 'tests/output/site-changed-timings.json')
/** The change: in task 7 of the first seed (its text, not its title), as the benchmark makes it. */
export const CHANGE = { file: 'yincheng-2022-safety-15-measures.txt', ...BENCH_CHANGE }
/** The hostile plans (tests/fixtures/hostile and the corpus plan made from it), built for the root path. */
export const HOSTILE_DIR = join(ROOT, 'tests/output/site-hostile')
/** The seeds folder of that site: written by tests/global-setup.ts. */
export const HOSTILE_SEEDS = join(ROOT, 'tests/output/hostile-seeds')
export const SCREENSHOTS = join(ROOT, 'tests/output/screenshots')
/** A county's library of four plans (tests/helpers/divisions.ts), built without PDFs for /anquan/: the unit chooser by division. */
export const DIVISIONS_DIR = join(ROOT, 'tests/output/site-divisions')
/** The seeds folder of that site: written by tests/global-setup.ts. */
export const DIVISIONS_SEEDS = join(ROOT, 'tests/output/division-seeds')
/** `npm run bench` at 1 plan: result.json and the table it printed (table.md). */
export const BENCH_DIR = join(ROOT, 'tests/output/bench')
export const PLAN_ID = 'yincheng-2022-safety-15-measures'

// Read off the plan by hand: the tasks each unit owes, directly and through its groups.
export const UNIT_TASKS: Array<[string, string, number[], number[]]> = [
  // [slug (荫城镇's code, then the unit's), name, direct, through a group]
  ['140404102-town-party-committee', '镇党委', [4, 5, 7, 14], []],
  ['140404102-town-government', '镇政府', [4, 5, 7, 8, 9, 10, 14, 20, 28, 29, 30, 31, 32, 34, 35], []],
  ['140404102-town-discipline-commission', '镇纪委监委', [15, 25], []],
  ['140404102-villages', '各村', [1, 2, 3, 4, 6, 21, 23, 24, 33, 35], []],
  ['140404102-stations', '各站所', [2, 7, 11, 23, 24, 26, 27], []],
  ['140404102-supervising-stations', '负有安全监管职责的站所', [12, 13, 19, 22, 33], [2, 7, 11, 23, 24, 26, 27]],
  ['140404102-businesses', '各生产经营单位', [16, 17, 18, 31, 33], []],
  ['140404102-enterprises', '各企业', [32], [16, 17, 18, 31, 33]],
]

/** Where the administrator's guide keeps the nginx block the tests serve the site as. */
export const GUIDE = join(ROOT, 'guides/维护指南.md')

/** The headers the guide's nginx block adds (the outer location's). */
export function guideHeaders(): Record<string, string> {
  const guide = readFileSync(GUIDE, 'utf8')
  const block = /<!-- nginx:start -->([\s\S]*?)<!-- nginx:end -->/.exec(guide)![1]!
  const outer = block.slice(0, block.indexOf('location /anquan/assets/'))
  return Object.fromEntries([...outer.matchAll(/add_header ([\w-]+) "([^"]*)"/g)].map((m) => [m[1]!, m[2]!]))
}
