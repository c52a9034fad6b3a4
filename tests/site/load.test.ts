// The seeds folder as the build lists it (scripts/site/load.ts): a file whose
// type is not read is never passed over without a word.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { notReadMessage, readSource } from '../../scripts/parse/formats.ts'
import { loadSite, seedFiles, unreadSeedFiles } from '../../scripts/site/load.ts'
import { FIXTURES, registry, SEED } from '../helpers/plans.ts'

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
      `${join(dir, 'README')}: files ending in "(no ending)" are not read: plans are read from files ending in .txt, .md, .docx, .doc, .odt, .pdf; give the file one of these endings, or move it out of the folder`,
      `${join(dir, 'notes.json')}: files ending in ".json" are not read: plans are read from files ending in .txt, .md, .docx, .doc, .odt, .pdf; give the file one of these endings, or move it out of the folder`,
      `${join(dir, 'plan.ofd')}: this is an OFD file (版式文档) (.ofd), which is not read: ask for the Word file, or a PDF, of the same plan; plans are read from files ending in .txt, .md, .docx, .doc, .odt, .pdf`,
      expect.stringMatching(/plan\.rtf: this is a rich-text file \(\.rtf\), which is not read: open it in WPS, Word or LibreOffice and save it as \.docx \(另存为 Word 文档\)/),
      expect.stringMatching(/plan\.wps: this is a WPS 文字 file \(\.wps\), which is not read: open it in WPS, Word or LibreOffice and save it as \.docx \(另存为 Word 文档\), then put the \.docx in its place/),
      expect.stringMatching(/tasks\.et: this is a spreadsheet \(\.et\), which is not read: a plan is read from its document, not from a sheet/),
      expect.stringMatching(/tasks\.xlsx: this is a spreadsheet \(\.xlsx\)/),
    ])
  })

  it('the build reports them and publishes nothing until they are dealt with', async () => {
    const loaded = await loadSite(dir, registry)
    expect(loaded.ok).toBe(false)
    if (!loaded.ok) expect(loaded.report).toEqual(unreadSeedFiles(dir))
  })

  it('parse refuses such a file by name, with the same message', async () => {
    expect(await readSource('plan.wps', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toEqual({ ok: false, where: ':1', message: notReadMessage('plan.wps') })
    expect(notReadMessage('plan.docx')).toBeNull()
  })
})
