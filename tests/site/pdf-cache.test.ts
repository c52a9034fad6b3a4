// The PDF cache's key: what determines a printed page, and nothing else; and a cached PDF used only whole.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cachedPdfProblem, keepPdf, pdfKey, printedInputs } from '../../scripts/site/pdf.ts'

it('keys a printed page by its HTML, the date stamped and the printer', () => {
  const html = Buffer.from('<html><script src="/assets/app.abc123.js"></script>任务</html>')
  const key = pdfKey(html, '2022-05-10', 'Chromium 156')
  expect(key).toMatch(/^[0-9a-f]{64}$/)
  expect(pdfKey(Buffer.from(html), '2022-05-10', 'Chromium 156')).toBe(key)
  // A changed page (its text, or a script or stylesheet it names by hash), date or printer is printed again.
  expect(pdfKey(Buffer.from('<html><script src="/assets/app.def456.js"></script>任务</html>'), '2022-05-10', 'Chromium 156')).not.toBe(key)
  expect(pdfKey(html, '2022-05-11', 'Chromium 156')).not.toBe(key)
  expect(pdfKey(html, '2022-05-10', 'Chromium 157')).not.toBe(key)
})

describe('printedInputs', () => {
  const site = mkdtempSync(join(tmpdir(), 'pdf-cache-'))
  mkdirSync(join(site, 'assets/chunks'), { recursive: true })
  const metadata = (file: string, map: string, data: string) =>
    writeFileSync(join(site, 'assets/chunks', file), `window.__VP_HASH_MAP__=JSON.parse("{\\"a.md\\":\\"${map}\\"}");window.__VP_SITE_DATA__=JSON.parse("${data}");`)
  const page = (file: string) => `<script type="module" src="/anquan/assets/chunks/${file}"></script><p>任务</p>`
  metadata('metadata.aaa.js', 'X1', '{\\"title\\":\\"站\\"}')
  metadata('metadata.bbb.js', 'Y2', '{\\"title\\":\\"站\\"}')
  metadata('metadata.ccc.js', 'X1', '{\\"title\\":\\"另一站\\"}')

  it('sets aside the map of every page\'s chunk hash, which changes whenever any page does', () => {
    expect(printedInputs(site, page('metadata.aaa.js'))).toBe(printedInputs(site, page('metadata.bbb.js')))
  })
  it('keeps the site data (nav, sidebar) and the page itself', () => {
    expect(printedInputs(site, page('metadata.aaa.js'))).not.toBe(printedInputs(site, page('metadata.ccc.js')))
    expect(printedInputs(site, page('metadata.aaa.js'))).not.toBe(printedInputs(site, page('metadata.aaa.js').replace('任务', '任务一')))
  })
  it('stops when the metadata file is not as VitePress 1.6 writes it', () => {
    writeFileSync(join(site, 'assets/chunks', 'metadata.ddd.js'), 'window.__VP_SITE_DATA__={}')
    expect(() => printedInputs(site, page('metadata.ddd.js'))).toThrow(/hash map not found/)
  })
})

describe('a cached PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-kept-'))
  const pdf = Buffer.from('%PDF-1.4\n任务 1 0 obj\n%%EOF\n')

  it('is used only whole: as printed, with its digest', () => {
    const file = join(dir, 'a.pdf')
    keepPdf(file, pdf)
    expect(readFileSync(file)).toEqual(pdf)
    expect(cachedPdfProblem(file)).toBeNull()
  })
  it.each([
    ['cut short', (file: string) => writeFileSync(file, pdf.subarray(0, 10)), 'it is not as it was printed'],
    ['replaced', (file: string) => writeFileSync(file, Buffer.from('%PDF-1.4 another')), 'it is not as it was printed'],
    ['without its digest', (file: string) => rmSync(`${file}.sha256`), 'its digest is missing'],
    ['with its digest cut short', (file: string) => writeFileSync(`${file}.sha256`, 'abc'), 'its digest is not whole'],
  ])('%s is damaged', (_, damage, problem) => {
    const file = join(dir, 'b.pdf')
    keepPdf(file, pdf)
    damage(file)
    expect(cachedPdfProblem(file)).toBe(problem)
  })
})
