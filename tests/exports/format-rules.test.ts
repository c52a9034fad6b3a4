// One control-character rule for every format, and writers that cannot emit
// what their formats forbid: a Word plan whose title holds a CR and U+FFFE
// goes through the gate where text enters the model (formats.ts) into the
// calendar and the ledger, read back by a reader that splits lines at any CR
// or LF (as the injected events showed) and by a strict XML parser.
import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import JSZip from 'jszip'
import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'
import { escapeText } from '../../scripts/exports/ics.ts'
import { planDownloads } from '../../scripts/exports/files.ts'
import { xmlSafe } from '../../scripts/exports/xlsx.ts'
import { readSource } from '../../scripts/parse/formats.ts'
import { parsePlan } from '../../scripts/parse/index.ts'
import { makeSite } from '../../scripts/views/site.ts'
import { registry, SEED } from '../helpers/plans.ts'

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The seed plan as a .docx, one Word paragraph a line; `title` replaces its title paragraph's text (raw XML). */
async function seedDocx(title: (line: string) => string): Promise<Uint8Array> {
  const lines = readFileSync(SEED, 'utf8').split('\n')
  const titleIndex = lines.findIndex((l) => l.startsWith('关于'))
  const body = lines.map((line, i) => `<w:p><w:r><w:t xml:space="preserve">${i === titleIndex ? title(xml(line)) : xml(line)}</w:t></w:r></w:p>`).join('')
  const zip = new JSZip()
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`)
  return zip.generateAsync({ type: 'uint8array' })
}

/** Every error a strict XML 1.0 parser (saxes: well-formedness and the Char production) finds. */
function strictXmlErrors(text: string): string[] {
  const errors: string[] = []
  const parser = new SaxesParser({ xmlns: true })
  parser.on('error', (e) => errors.push(e.message))
  parser.write(text).close()
  return errors
}

/** Content lines as a reader that ends a line at CR, LF or CRLF sees them, unfolded. */
function strictLines(ics: string): string[] {
  const physical = ics.split(/\r\n|\r|\n/)
  const lines: string[] = []
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1)
    else if (line !== '') lines.push(line)
  }
  return lines
}

describe('a CR and U+FFFE in a Word title', () => {
  it('reach the calendar and the ledger in forms they allow', async () => {
    const bytes = await seedDocx((line) => line.replace('全面加强', '全面&#13;BEGIN:VEVENT\uFFFE加强'))
    const source = await readSource('title.docx', bytes)
    if (!source.ok) throw new Error(source.message)
    // The CR ended a line, as in a text file; U+FFFE, a character XML forbids, stays in the text.
    expect(source.text).not.toContain('\r')
    expect(source.text).toContain('\uFFFE')
    const result = parsePlan({ id: 'title', source: 'title.docx', text: source.text, registry })
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}: ${p.message}`).join('\n'))
    const plan = result.plan
    expect(plan.title).toContain('\uFFFE')
    expect(plan.title).toContain('BEGIN:VEVENT')

    const files = await planDownloads(makeSite([plan]), plan, { base: '/', siteUrl: '' })
    const ics = files.filter((f) => f.path.endsWith('.ics'))
    const xlsx = files.filter((f) => f.path.endsWith('.xlsx'))
    expect(ics.length).toBeGreaterThan(1)
    expect(xlsx.length).toBeGreaterThan(1)

    for (const file of ics) {
      const text = String(file.data)
      // No CR but in CRLF, no LF but after CR: a reader splitting at either sees only the lines written.
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
      const lines = strictLines(text)
      expect(lines.every((l) => /^[A-Z-]+[;:]/.test(l)), file.path).toBe(true)
      // The title's "BEGIN:VEVENT" is text inside a value, never an event of its own.
      const events = ICAL.Component.fromString(text).getAllSubcomponents('vevent')
      expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(events.length)
      const described = events.map((e) => String(e.getFirstPropertyValue('description')))
      if (file.path.endsWith('/calendar.ics')) expect(described.some((d) => d.includes(`《${plan.title}》`))).toBe(true)
    }
    for (const file of xlsx) {
      const zip = await JSZip.loadAsync(file.data)
      const parts = Object.keys(zip.files).filter((name) => name.endsWith('.xml') || name.endsWith('.rels'))
      expect(parts.length).toBeGreaterThan(3)
      for (const name of parts) expect(strictXmlErrors(await zip.file(name)!.async('string')), `${file.path} ${name}`).toEqual([])
      const strings = await zip.file('xl/sharedStrings.xml')!.async('string')
      // The title is there, its forbidden character shown as U+FFFD.
      expect(strings).toContain(xml(xmlSafe(plan.title)))
      expect(strings).toContain('\uFFFD')
    }
  })

  it('a control character other than CR is refused where Word text enters, located', async () => {
    const source = await readSource('title.docx', await seedDocx((line) => `${line}\u001b`))
    expect(source).toEqual({ ok: false, where: ': 第3段', message: expect.stringContaining('控制字符 U+001B') })
  })
})

describe('the writers alone', () => {
  it.each([
    ['a\rb', 'a\\nb'],
    ['a\r\nb', 'a\\nb'],
    ['a\nb', 'a\\nb'],
    ['a\u0007b', 'a\uFFFDb'],
    ['a;b,c\\', 'a\\;b\\,c\\\\'],
  ])('ICS text %j → %j', (text, written) => expect(escapeText(text)).toBe(written))

  it.each([
    ['a\uFFFEb\uFFFF', 'a\uFFFDb\uFFFD'],
    ['a\u0001b', 'a\uFFFDb'],
    ['tab\tlf\ncr\r', 'tab\tlf\ncr\r'],
    ['\ud800x', '\uFFFDx'],
    ['x\udc00', 'x\uFFFD'],
    ['😀', '😀'],
  ])('XML text %j → %j', (text, written) => expect(xmlSafe(text)).toBe(written))
})
