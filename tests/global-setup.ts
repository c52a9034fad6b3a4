// Builds the site once for every browser test: `npm run build` as a user runs
// it, for the sub-path /anquan/, into tests/output/site.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { ROOT } from './helpers/plans.ts'
import { SCREENSHOTS, SITE_BASE, SITE_DIR } from './helpers/site.ts'

export default function setup(): void {
  rmSync(SITE_DIR, { recursive: true, force: true })
  mkdirSync(SCREENSHOTS, { recursive: true })
  execFileSync('npm', ['run', '--silent', 'build', '--', '--outDir', SITE_DIR], {
    cwd: ROOT,
    env: { ...process.env, SITE_BASE },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
