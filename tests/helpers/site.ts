// The site the browser tests use: built once per test run by tests/global-setup.ts
// for the sub-path /anquan/, as an intranet would host it.
import { join } from 'node:path'
import { ROOT } from './plans.ts'

export const SITE_BASE = '/anquan/'
export const SITE_DIR = join(ROOT, 'tests/output/site')
export const SCREENSHOTS = join(ROOT, 'tests/output/screenshots')
export const PLAN_ID = 'yincheng-2022-safety-15-measures'
