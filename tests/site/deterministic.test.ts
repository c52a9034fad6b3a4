// The same seeds give a byte-identical site: tests/global-setup.ts builds the seeds twice.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { filesBelow } from '../helpers/html.ts'
import { SITE_AGAIN_DIR, SITE_DIR } from '../helpers/site.ts'

it('builds byte-identical output from the same seeds', () => {
  const first = filesBelow(SITE_DIR)
  expect(filesBelow(SITE_AGAIN_DIR)).toEqual(first)
  const differing = first.filter((f) => !readFileSync(join(SITE_DIR, f)).equals(readFileSync(join(SITE_AGAIN_DIR, f))))
  expect(differing).toEqual([])
})
