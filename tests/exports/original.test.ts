// The plan's Word file as offered for download: without what its author removed or hid (tracked changes,
// comments, hidden text, personal document properties), reading as the document reads; a list of what was removed.
import JSZip from 'jszip'
import { DOMParser } from '@xmldom/xmldom'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { publishedOriginal } from '../../scripts/exports/original.ts'
import { readDocx } from '../../scripts/parse/docx.ts'
import { readSource } from '../../scripts/parse/formats.ts'
import { parsePlan } from '../../scripts/parse/index.ts'
import { planDocx } from '../helpers/layouts.ts'
import { loadReference } from '../../scripts/data/load.ts'
import { toMarkdown } from '../../scripts/render/markdown.ts'
import { url } from '../../scripts/render/common.ts'
import { planPages } from '../../scripts/site/pages.ts'
import { makeSite } from '../../scripts/views/site.ts'
import { knowledgeOf } from '../../scripts/views/knowledge.ts'
import { content, FIXTURES, planOf, registry, ROOT } from '../helpers/plans.ts'

const plan = await planOf(`${FIXTURES}plans/canonical/input.txt`)
const SENTENCE = '<w:r><w:t xml:space="preserve">坚持人民至上、生命至上，全力保障人民群众生命财产安全，确保安全度汛。</w:t></w:r>'
/** Names and words only the author's record holds: none may be in the published copy. */
const SECRETS = ['张三', '李四', '王五', '赵六', '某某咨询公司', '删去的整句', '内部意见', '批注内容']

/**
 * The plan as a .docx (made by the docx package) with the record of a review in one paragraph: a deletion and an
 * insertion by 张三, a sentence moved, a comment by 赵六, a hidden run; the reviewers in people.xml, the author and
 * the last to save it in core.xml, a company in app.xml. Accepted, the paragraph reads as it did.
 */
async function reviewedDocx(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await planDocx(plan))
  const xml = await zip.file('word/document.xml')!.async('string')
  expect(xml.split(SENTENCE)).toHaveLength(2)
  const by = 'w:author="张三" w:date="2026-11-30T09:00:00Z"'
  const reviewed = '<w:moveFromRangeStart w:id="9" w:name="move1" ' + by + '/><w:moveFrom w:id="10" ' + by + '><w:r><w:t>确保安全度汛。</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="9"/>' +
    '<w:r><w:t xml:space="preserve">坚持人民至上、生命至上，</w:t></w:r>' +
    '<w:del w:id="1" ' + by + '><w:r><w:delText>删去的整句（李四负责）。</w:delText></w:r></w:del>' +
    '<w:commentRangeStart w:id="0"/><w:ins w:id="2" ' + by + '><w:r><w:rPr><w:rPrChange w:id="3" ' + by + '><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>全力保障人民群众生命财产安全，</w:t></w:r></w:ins><w:commentRangeEnd w:id="0"/>' +
    '<w:r><w:commentReference w:id="0"/></w:r>' +
    '<w:r><w:rPr><w:vanish/></w:rPr><w:t>内部意见：王五不同意。</w:t></w:r>' +
    '<w:moveToRangeStart w:id="11" w:name="move1" ' + by + '/><w:moveTo w:id="12" ' + by + '><w:r><w:t>确保安全度汛。</w:t></w:r></w:moveTo><w:moveToRangeEnd w:id="11"/>'
  zip.file('word/document.xml', xml.replace(SENTENCE, reviewed))
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
  zip.file('word/comments.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${W}><w:comment w:id="0" w:author="赵六" w:initials="ZL"><w:p><w:r><w:t>批注内容：请李四核实</w:t></w:r></w:p></w:comment></w:comments>`)
  zip.file('word/people.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:person w15:author="张三"/><w15:person w15:author="赵六"/></w15:people>`)
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string')
  zip.file('word/_rels/document.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rIdP" Type="http://schemas.microsoft.com/office/2011/relationships/people" Target="people.xml"/></Relationships>'))
  const types = await zip.file('[Content_Types].xml')!.async('string')
  zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/people.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/></Types>'))
  const core = await zip.file('docProps/core.xml')!.async('string')
  zip.file('docProps/core.xml', core.replace('<dc:creator>Un-named</dc:creator>', '<dc:creator>张三</dc:creator>').replace('<cp:lastModifiedBy>Un-named</cp:lastModifiedBy>', '<cp:lastModifiedBy>李四</cp:lastModifiedBy>'))
  zip.file('docProps/app.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>某某咨询公司</Company></Properties>')
  return zip.generateAsync({ type: 'nodebuffer' })
}

/** Every part of a zip as text. */
async function parts(data: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data)
  return new Map(await Promise.all(Object.keys(zip.files).filter((name) => !zip.files[name]!.dir).map(async (name) => [name, await zip.file(name)!.async('string')] as const)))
}

describe('a reviewed .docx', async () => {
  const reviewed = await reviewedDocx()
  const published = await publishedOriginal('plan.docx', reviewed, plan.issuer)

  it('says what was removed', () => {
    expect(published.removed).toEqual([
      '1 tracked deletion', '1 tracked insertion (accepted)', '1 tracked move (accepted)', '1 tracked format change', '1 comment', '1 run of hidden text',
      'the list of reviewers (people.xml)', "the document's author, last saved by, company",
    ])
  })

  it('keeps none of it: no name, no deleted or hidden word, no comment, in any part', async () => {
    for (const [name, text] of await parts(published.data)) {
      for (const secret of SECRETS) expect(text, `${name}: ${secret}`).not.toContain(secret)
      expect(text, name).not.toMatch(/<w:(del|ins|moveFrom|moveTo|commentReference|commentRangeStart|vanish|rPrChange)\b/)
    }
    const names = [...(await parts(published.data)).keys()]
    expect(names).not.toContain('word/comments.xml')
    expect(names).not.toContain('word/people.xml')
    // Every part still well-formed XML, and no relationship or content type names a part removed.
    for (const [name, text] of await parts(published.data)) {
      const errors: string[] = []
      new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message) } }).parseFromString(text, 'text/xml')
      expect(errors, name).toEqual([])
      expect(text, name).not.toMatch(/comments\.xml|people\.xml/)
    }
  })

  it('reads as the document reads: the received file and the copy give the plan as written', async () => {
    const accepted = (await readDocx(await planDocx(plan))).text
    expect((await readDocx(reviewed)).text).toBe(accepted)
    expect((await readDocx(published.data)).text).toBe(accepted)
    const source = await readSource('plan.docx', published.data)
    if (!source.ok) throw new Error(source.message)
    const parsed = parsePlan({ id: 'plan', source: 'plan.docx', text: source.text, registry })
    expect(parsed.ok && content(parsed.plan)).toEqual(content(plan))
  })

  it('gives the same copy every time (each part keeps its date)', async () => {
    expect((await publishedOriginal('plan.docx', reviewed, plan.issuer)).data.equals(published.data)).toBe(true)
  })
})

describe('a file with nothing to remove', () => {
  it('is published as received: the seed .docx (its author the issuer, saved by the writing program\'s default name)', async () => {
    const seed = readFileSync(`${ROOT}seeds/yincheng-2023-fire-safety.docx`)
    const published = await publishedOriginal('yincheng-2023-fire-safety.docx', seed, '荫城镇人民政府')
    expect(published.removed).toEqual([])
    expect(published.data.equals(seed)).toBe(true)
  })
  it('is any file not a .docx, .doc or PDF', async () => {
    const text = Buffer.from('某某镇人民政府\n关于……的实施方案\n')
    expect(await publishedOriginal('plan.txt', text, '')).toEqual({ data: text, withheld: false, removed: [], found: [] })
  })
})

describe('a .doc or PDF with its author\'s record (tests/fixtures/office/reviewed.*: by 张三, saved by 李四, a comment of 赵六)', () => {
  const doc = readFileSync(`${FIXTURES}office/reviewed.doc`)
  const pdf = readFileSync(`${FIXTURES}office/reviewed.pdf`)

  it('a .doc: its author and last saved by, its revision marks and comment listed; published as received, or withheld by choice', async () => {
    const found = ["the document's author, last saved by", '1 run of tracked changes (revision marks)', '1 comment']
    expect(await publishedOriginal('plan.doc', doc, plan.issuer)).toEqual({ data: doc, withheld: false, removed: [], found })
    expect(await publishedOriginal('plan.doc', doc, plan.issuer, 'withhold')).toEqual({ data: doc, withheld: true, removed: [], found })
  })

  it('a PDF: its /Author and its annotations listed; published as received, or withheld by choice', async () => {
    const found = ["the document's author (/Author)", '2 annotations (comments or marks on its pages)']
    expect(await publishedOriginal('plan.pdf', pdf, plan.issuer)).toEqual({ data: pdf, withheld: false, removed: [], found })
    expect((await publishedOriginal('plan.pdf', pdf, plan.issuer, 'withhold')).withheld).toBe(true)
  })

  it('a PDF/A (its XMP metadata naming 张三): /Author and XMP listed; one whose XMP names no person (a program, dates) is no finding', async () => {
    const named = readFileSync(`${FIXTURES}office/archived-author.pdf`)
    expect((await publishedOriginal('plan.pdf', named, plan.issuer)).found).toEqual(["the document's author (/Author)", 'XMP metadata naming its author (dc:creator)'])
  })

  it('files without one are published as received, whatever the choice: nothing found', async () => {
    for (const file of ['office/seed-numbered.doc', 'office/seed-justified.pdf', 'office/archived.pdf']) {
      const bytes = readFileSync(`${FIXTURES}${file}`)
      expect(await publishedOriginal(file, bytes, plan.issuer, 'withhold'), file).toEqual({ data: bytes, withheld: false, removed: [], found: [] })
    }
  })

  it('an author who is the issuer, or a program\'s default name, is no finding', async () => {
    expect((await publishedOriginal('plan.pdf', pdf, '张三')).found).toEqual(['2 annotations (comments or marks on its pages)'])
  })

  it('withheld, no page links the file: the downloads, the original\'s page and the review page name it without a link', () => {
    const site = makeSite([plan])
    const linked = (original: boolean) => planPages(site, plan, '', knowledgeOf(site, loadReference().knowledge), false, [], original).filter((page) => toMarkdown(page).includes(url.sourceFile(plan).split('/').at(-1)!)).map((p) => p.path)
    expect(linked(true)).toEqual(expect.arrayContaining([`${plan.id}/index.md`, `${plan.id}/original.md`, `${plan.id}/review.md`]))
    expect(linked(false)).toEqual([])
    const original = planPages(site, plan, '', knowledgeOf(site, loadReference().knowledge), false, [], false).find((p) => p.path === `${plan.id}/original.md`)!
    expect(toMarkdown(original)).toContain('原文件不提供下载。')
  })
})
