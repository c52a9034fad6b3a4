// OpenDocument text (scripts/parse/odt.ts): list numbers rendered as
// LibreOffice shows them, tables as cells.ts says; the first plan saved by
// LibreOffice with automatic numbering reads to the model of its .txt.
import { readFileSync } from 'node:fs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { readSource } from '../../scripts/parse/formats.ts'
import { parsePlan } from '../../scripts/parse/index.ts'
import { formatOdfNumber, readOdt } from '../../scripts/parse/odt.ts'
import { content, FIXTURES, planOf, registry, SEED } from '../helpers/plans.ts'

const NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"'

const LEVELS = `
<text:list-style style:name="L1">
  <text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ..."/>
  <text:list-level-style-number text:level="2" style:num-prefix="（" style:num-suffix="）" style:num-format="一, 二, 三, ..."/>
  <text:list-level-style-number text:level="3" loext:num-list-format="%3%." style:num-suffix="." style:num-format="1"/>
</text:list-style>
<text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/></text:list-style>
<text:list-style style:name="L3"><text:list-level-style-number text:level="1" style:num-prefix="（" style:num-suffix="）" style:num-format="1"/><text:list-level-style-number text:level="2" style:num-format="①, ②, ③, ..."/></text:list-style>`

async function odt(body: string): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text')
  zip.file('content.xml', `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:automatic-styles>${LEVELS}</office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`)
  return zip.generateAsync({ type: 'uint8array' })
}
const item = (text: string, start?: number) => `<text:list-item${start ? ` text:start-value="${start}"` : ''}><text:p>${text}</text:p></text:list-item>`
const nested = (depth: number, inner: string): string => (depth === 0 ? inner : `<text:list-item><text:list>${nested(depth - 1, inner)}</text:list></text:list-item>`)
const lines = async (body: string) => (await readOdt(await odt(body))).text.split('\n')

describe('readOdt', () => {
  it('renders each level in its format, a level starting again under a higher one', async () => {
    expect(await lines(`<text:list text:style-name="L1">${item('甲')}${nested(1, item('乙'))}${nested(2, item('丙') + item('丁'))}${nested(1, item('戊'))}${nested(2, item('己'))}${item('庚')}${nested(1, item('辛'))}</text:list><text:p>无编号</text:p>`))
      .toEqual(['一、甲', '（一）乙', '1.丙', '2.丁', '（二）戊', '1.己', '二、庚', '（一）辛', '无编号'])
  })

  it('goes on from the list it names (text:continue-list), across paragraphs and other lists', async () => {
    expect(await lines(`<text:list xml:id="a" text:style-name="L2">${item('甲')}${item('乙')}</text:list><text:p>段落</text:p>` +
      `<text:list xml:id="b" text:style-name="L1">${item('标题')}</text:list><text:list xml:id="c" text:continue-list="a" text:style-name="L2">${item('丙')}</text:list>`))
      .toEqual(['1.甲', '2.乙', '段落', '一、标题', '3.丙'])
  })

  it('goes on from the list just before it when that has the same style (text:continue-numbering), else starts again', async () => {
    expect(await lines(`<text:list text:style-name="L2">${item('甲')}</text:list><text:p>段落</text:p><text:list text:continue-numbering="true" text:style-name="L2">${item('乙')}</text:list>` +
      `<text:list text:style-name="L1">${item('标题')}</text:list><text:list text:continue-numbering="true" text:style-name="L2">${item('丙')}</text:list><text:list text:style-name="L2">${item('丁')}</text:list>`))
      .toEqual(['1.甲', '段落', '2.乙', '一、标题', '1.丙', '1.丁'])
  })

  it('numbers an item with its start-value, and counts on from it', async () => {
    expect(await lines(`<text:list text:style-name="L1">${item('甲')}${item('乙', 10)}${nested(1, item('丙', 11))}${nested(1, item('丁'))}${item('戊')}</text:list>`))
      .toEqual(['一、甲', '十、乙', '（十一）丙', '（十二）丁', '十一、戊'])
  })

  it('does not number a list header, nor the paragraphs after an item\'s first; shows (1) and ①', async () => {
    expect(await lines(`<text:list text:style-name="L3"><text:list-header><text:p>说明</text:p></text:list-header><text:list-item><text:p>甲</text:p><text:p>续</text:p></text:list-item>${nested(1, item('乙'))}${item('丙')}</text:list>`))
      .toEqual(['说明', '（1）甲', '续', '①乙', '（2）丙'])
  })

  it('reads spans, spaces, tabs and line breaks; a footnote is left out of the text and listed', async () => {
    const read = await readOdt(await odt('<text:p>甲<text:span>乙</text:span><text:s text:c="2"/>丙<text:tab/>丁<text:line-break/>戊<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>注释</text:p></text:note-body></text:note></text:p><text:p>己</text:p>'))
    expect(read.text).toBe('甲乙  丙\t丁\n戊\n己')
    expect(read.paragraphOf).toEqual([1, 1, 2])
    expect(read.dropped).toEqual([{ paragraph: 1, text: '注释' }])
  })

  it('reads a note table as the note, a task table a line a row, a merged cell\'s covered cells empty', async () => {
    const cell = (t: string, span = '') => `<table:table-cell${span}><text:p>${t}</text:p></table:table-cell>`
    const row = (...cells: string[]) => `<table:table-row>${cells.join('')}</table:table-row>`
    expect(await lines(`<text:p>1.任务。</text:p><table:table>${row(cell('责任单位'), cell('镇政府'))}${row(cell('完成时限'), cell('长期坚持'))}</table:table>` +
      `<table:table><table:table-header-rows>${row(cell('序号'), cell('重点任务'), cell('具体措施'), cell('责任单位'))}</table:table-header-rows>${row(cell('1'), cell('安全', ' table:number-rows-spanned="2"'), cell('建台账'), cell('镇政府'))}${row(cell('2'), '<table:covered-table-cell/>', cell('查隐患'), cell('各村'))}</table:table>`))
      .toEqual(['1.任务。', '责任单位：镇政府', '完成时限：长期坚持', '序号\t重点任务\t具体措施\t责任单位', '1\t安全\t建台账\t镇政府', '2\t\t查隐患\t各村'])
  })

  it('numbers headings by the outline style', async () => {
    const zip = new JSZip()
    zip.file('styles.xml', `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS}><office:styles><text:outline-style style:name="Outline">` +
      '<text:outline-level-style text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ..."/><text:outline-level-style text:level="2" style:num-prefix="（" style:num-suffix="）" style:num-format="一, 二, 三, ..."/>' +
      '</text:outline-style></office:styles></office:document-styles>')
    zip.file('content.xml', `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:body><office:text>` +
      '<text:h text:outline-level="1">指导思想</text:h><text:p>正文</text:p><text:h text:outline-level="1">主要任务</text:h><text:h text:outline-level="2">甲</text:h><text:h text:outline-level="2">乙</text:h><text:h text:outline-level="1">工作要求</text:h><text:h text:outline-level="2">丙</text:h>' +
      '</office:text></office:body></office:document-content>')
    expect((await readOdt(await zip.generateAsync({ type: 'uint8array' }))).text.split('\n')).toEqual(['一、指导思想', '正文', '二、主要任务', '（一）甲', '（二）乙', '三、工作要求', '（一）丙'])
  })

  it.each([[3, '1', '3'], [3, 'a', 'c'], [28, 'A', 'B'], [4, 'i', 'iv'], [14, 'I', 'XIV'], [13, '一, 二, 三, ...', '十三'], [3, '①, ②, ③, ...', '③'], [12, '１, ２, ３, ...', '１２'], [3, '', '']] as const)(
    'formatOdfNumber(%d, %s) → %s', (n, format, shown) => expect(formatOdfNumber(n, format)).toBe(shown))
})

describe('the first plan as LibreOffice saves it as .odt, with automatic numbering', () => {
  it('reads to the model of the .txt, without a warning, and says on which paragraph a line stands', async () => {
    const source = await readSource('plan.odt', readFileSync(`${FIXTURES}office/seed-numbered.odt`))
    if (!source.ok) throw new Error(source.message)
    const result = parsePlan({ id: 'plan', source: 'plan.odt', text: source.text, registry })
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'))
    expect(content(result.plan)).toEqual(content(await planOf(SEED)))
    expect(result.warnings).toEqual([])
    const lines = source.text.split('\n')
    expect(lines).toEqual(expect.arrayContaining(['一、指导思想', '二、细化措施', '（一）严格落实党组织安全生产责任', '十、着力加强安全监管执法队伍建设。', '（十一）重奖激励安全生产隐患举报', '三、阶段划分', '四、工作要求']))
    expect(lines.find((l) => l.startsWith('35.'))).toMatch(/^35\.提高统筹意识。/)
    // The numbers are the list's: the file's text holds none of them.
    const xml = await (await JSZip.loadAsync(readFileSync(`${FIXTURES}office/seed-numbered.odt`))).file('content.xml')!.async('string')
    expect(xml).not.toMatch(/（十一）|二、细化措施|>35\./)
    expect(source.where(lines.indexOf('（十一）重奖激励安全生产隐患举报') + 1)).toBe(`: 第${lines.indexOf('（十一）重奖激励安全生产隐患举报') + 1}段`)
  })

  it('an .odt that is plain text, or a Word 97 file, is refused saying what it is', async () => {
    expect(await readSource('plan.odt', new TextEncoder().encode(readFileSync(SEED, 'utf8')))).toEqual({ ok: false, where: ':1', message: '此文件扩展名为 .odt，但内容是纯文本：请改名为 .txt' })
    expect(await readSource('plan.odt', readFileSync(`${FIXTURES}word/typed-numbers.doc`))).toEqual({ ok: false, where: ':1', message: '此文件扩展名为 .odt，但内容是 Word 97–2003 文件：请改名为 .doc' })
    expect(await readSource('plan.odt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({ ok: false, where: ':1', message: '无法作为 OpenDocument 文本（.odt）读取：文件已损坏或格式不符；请用 LibreOffice 或 WPS 打开后重新保存' })
  })
})
