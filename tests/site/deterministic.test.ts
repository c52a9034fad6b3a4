// The same seeds give a byte-identical site: tests/global-setup.ts builds the
// seeds twice, first clean (--no-cache: every PDF printed), then again, when the
// PDFs of unchanged pages come from .cache/pdf.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { filesBelow } from '../helpers/html.ts'
import { SITE_AGAIN_DIR, SITE_DIR, SITE_TIMINGS } from '../helpers/site.ts'
import type { BuildTimings } from '../../scripts/site/generate.ts'

it('builds byte-identical output from the same seeds, PDFs from the cache included', () => {
  const first = filesBelow(SITE_DIR)
  expect(filesBelow(SITE_AGAIN_DIR)).toEqual(first)
  expect(first.filter((f) => f.endsWith('.pdf')).length).toBeGreaterThan(5)
  const differing = first.filter((f) => !readFileSync(join(SITE_DIR, f)).equals(readFileSync(join(SITE_AGAIN_DIR, f))))
  expect(differing).toEqual([])
})

it('prints no PDF again when no page changed', () => {
  const timings: BuildTimings = JSON.parse(readFileSync(SITE_TIMINGS, 'utf8'))
  expect(timings.pdfs).toBeGreaterThan(5)
  expect(timings.pdfsPrinted).toBe(0)
})
