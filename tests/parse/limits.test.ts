// What a file may expand to: each limit exceeded is one located line that
// refuses the plan, reached without unpacking or parsing the whole file.
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { readSource } from '../../scripts/parse/formats.ts'
import { LIMITS } from '../../scripts/parse/limits.ts'
import { publishedOriginal } from '../../scripts/exports/original.ts'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

async function docx(body: string, compression: 'STORE' | 'DEFLATE' = 'DEFLATE'): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`)
  return zip.generateAsync({ type: 'uint8array', compression })
}

/** A PDF of `pages` empty pages sharing one page dictionary's resources, written by hand (pdf.js reads it). */
function pdf(pages: number): Uint8Array {
  const objects: string[] = []
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ')
  objects.push('<< /Type /Catalog /Pages 2 0 R >>')
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`)
  for (let i = 0; i < pages; i++) objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>')
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(out)
}

describe('limits', () => {
  it('a zip bomb: document.xml unpacking past the limit is refused without being unpacked whole', async () => {
    // 200 MB of one character compresses to some 200 kB.
    const bytes = await docx(`<w:p><w:r><w:t>${'a'.repeat(LIMITS.partBytes + 1024)}</w:t></w:r></w:p>`)
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024)
    const before = process.memoryUsage().rss
    const source = await readSource('bomb.docx', bytes)
    expect(source).toEqual({ ok: false, where: ':1', message: expect.stringMatching(/^此 Word 文件的 word\/document\.xml 解压后超过 64 MB/) })
    // Not held whole as a string of it and a DOM: far less than the part's size more memory.
    expect(process.memoryUsage().rss - before).toBeLessThan(LIMITS.partBytes * 3)
  }, 60_000)

  it('a text run past the limit in a part the reader does not read (a footer) is refused in the same words, and not published', async () => {
    const zip = new JSZip()
    zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p></w:body></w:document>`)
    zip.file('word/footer1.xml', `<w:ftr ${W}><w:p><w:r><w:t>${'a'.repeat(LIMITS.partBytes + 1024)}</w:t></w:r></w:p></w:ftr>`)
    const bytes = Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }))
    const limit = /^此 Word 文件的 word\/footer1\.xml 解压后超过 64 MB，即方案文件一个部件的上限/
    expect(await readSource('footer.docx', bytes)).toEqual({ ok: false, where: ':1', message: expect.stringMatching(limit) })
    await expect(publishedOriginal('footer.docx', bytes, '')).rejects.toThrow(limit)
  }, 60_000)

  it('a Word file of more paragraphs than a plan has is refused before its DOM is built', async () => {
    const source = await readSource('many.docx', await docx('<w:p/>'.repeat(LIMITS.paragraphs + 1)))
    expect(source).toEqual({ ok: false, where: ':1', message: expect.stringMatching(/^此 Word 文件超过 100,000 段/) })
  })

  it('a Word file whose text is longer than a plan is refused, located', async () => {
    const source = await readSource('long.docx', await docx(`<w:p><w:r><w:t>${'字'.repeat(LIMITS.characters + 1)}</w:t></w:r></w:p>`))
    expect(source).toEqual({ ok: false, where: ': 第1段', message: expect.stringMatching(/^方案文字有 2,000,001 个字符，超过一个方案最多可有的 2,000,000 个/) })
  })

  it('a PDF of more pages than a plan has is refused without reading its pages', async () => {
    const start = Date.now()
    const source = await readSource('pages.pdf', pdf(LIMITS.pdfPages + 1))
    expect(source).toEqual({ ok: false, where: ':1', message: '此 PDF 有 2,001 页，超过一个方案最多可有的 2,000 页；请确认文件是否正确，或将其拆分' })
    expect(Date.now() - start).toBeLessThan(20_000)
  })

  it('a PDF within the page limit is read (the hand-made PDF is one pdf.js reads)', async () => {
    const source = await readSource('pages.pdf', pdf(3))
    expect(source).toEqual({ ok: false, where: ': 第1页', message: expect.stringContaining('此 PDF 的 3 页都没有文字') })
  })
})
