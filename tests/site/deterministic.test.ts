// The same seeds give a byte-identical site: a second build is compared file by file with the one the tests use.
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { filesBelow } from '../helpers/html.ts'
import { ROOT } from '../helpers/plans.ts'
import { SITE_BASE, SITE_DIR } from '../helpers/site.ts'

it('builds byte-identical output from the same seeds', () => {
  const again = join(ROOT, 'tests/output/site-again')
  rmSync(again, { recursive: true, force: true })
  execFileSync('npm', ['run', '--silent', 'build', '--', '--outDir', again], {
    cwd: ROOT, env: { ...process.env, SITE_BASE }, stdio: ['ignore', 'ignore', 'inherit'],
  })
  const first = filesBelow(SITE_DIR)
  expect(filesBelow(again)).toEqual(first)
  const differing = first.filter((f) => !readFileSync(join(SITE_DIR, f)).equals(readFileSync(join(again, f))))
  expect(differing).toEqual([])
}, 180_000)
