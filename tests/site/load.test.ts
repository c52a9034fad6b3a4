// The seeds folder as the build lists it (scripts/site/load.ts): a file whose
// type is not read is never passed over without a word.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { notReadMessage, readSource } from '../../scripts/parse/formats.ts'
import { loadSite, seedFiles, unreadSeedFiles } from '../../scripts/site/load.ts'
import { FIXTURES, reference, SEED } from '../helpers/plans.ts'

const dir = mkdtempSync(join(tmpdir(), 'seeds-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('a seeds folder with files that are not read', () => {
  copyFileSync(SEED, join(dir, 'yincheng-2022.txt'))
  copyFileSync(`${FIXTURES}office/seed-numbered.odt`, join(dir, 'yincheng-2022-odt.odt'))
  for (const name of ['plan.wps', 'tasks.et', 'plan.rtf', 'plan.ofd', 'tasks.xlsx', 'notes.json', 'README']) writeFileSync(join(dir, name), 'x')
  writeFileSync(join(dir, '.gitkeep'), '')
  mkdirSync(join(dir, 'old'))

  it('lists the plans, an .odt among them', () => {
    expect(seedFiles(dir)).toEqual([join(dir, 'yincheng-2022-odt.odt'), join(dir, 'yincheng-2022.txt')])
  })

  it('names every other file (hidden files and folders aside), saying what to do', () => {
    expect(unreadSeedFiles(dir)).toEqual([
      `${join(dir, 'README')}: 扩展名为“（无扩展名）”的文件不予读取：方案只从扩展名为 .txt、.md、.docx、.doc、.odt、.pdf 的文件读取；请给文件改用其中一种扩展名，或将它移出此文件夹`,
      `${join(dir, 'notes.json')}: 扩展名为“.json”的文件不予读取：方案只从扩展名为 .txt、.md、.docx、.doc、.odt、.pdf 的文件读取；请给文件改用其中一种扩展名，或将它移出此文件夹`,
      `${join(dir, 'plan.ofd')}: 这是 OFD 版式文档（.ofd），不予读取：请索要同一方案的 Word 文件或 PDF；方案只从扩展名为 .txt、.md、.docx、.doc、.odt、.pdf 的文件读取`,
      expect.stringMatching(/plan\.rtf: 这是富文本文件（\.rtf），不予读取：请用 WPS、Word 或 LibreOffice 打开，另存为 \.docx（Word 文档）/),
      expect.stringMatching(/plan\.wps: 这是 WPS 文字文件（\.wps），不予读取：请用 WPS、Word 或 LibreOffice 打开，另存为 \.docx（Word 文档），再用 \.docx 文件替换它/),
      expect.stringMatching(/tasks\.et: 这是电子表格（\.et），不予读取：方案从其文档读取，不从表格读取/),
      expect.stringMatching(/tasks\.xlsx: 这是电子表格（\.xlsx）/),
    ])
  })

  it('the build reports them and publishes nothing until they are dealt with', async () => {
    const loaded = await loadSite(dir, reference)
    expect(loaded.ok).toBe(false)
    if (!loaded.ok) expect(loaded.report).toEqual(unreadSeedFiles(dir))
  })

  it('parse refuses such a file by name, with the same message', async () => {
    expect(await readSource('plan.wps', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toEqual({ ok: false, where: ':1', message: notReadMessage('plan.wps') })
    expect(notReadMessage('plan.docx')).toBeNull()
  })
})
