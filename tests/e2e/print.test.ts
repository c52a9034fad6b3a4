// Print: the PDFs the build printed with chromium (全文打印 and a unit's 职责清单),
// read with pdf.js: A4, page count, no navigation text, every task present.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { planOf, SEED } from '../helpers/plans.ts'
import { PLAN_ID, SITE_BASE, SITE_DIR, UNIT_TASKS } from '../helpers/site.ts'
import { launch } from '../helpers/browser.ts'
import { serve } from '../helpers/server.ts'

const plan = await planOf(SEED)
const A4 = { width: 595.28, height: 841.89 } // points

async function readPdf(path: string) {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false, isEvalSupported: false }).promise
  const pages: { width: number; height: number; text: string }[] = []
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i)
    const { width, height } = page.getViewport({ scale: 1 })
    const content = await page.getTextContent()
    pages.push({ width, height, text: content.items.map((item) => ('str' in item ? item.str : '')).join('') })
  }
  await pdf.destroy()
  return pages
}

const squeeze = (text: string) => text.replace(/\s+/g, '')

/**
 * The CJK fonts map some glyphs to radical code points in the PDF's text layer
 * ("人" reads back as "⼈" U+2F08, "民" as "⺠" U+2EA0). NFKC folds the Kangxi
 * radicals back; a radical-supplement character matches any character.
 */
function expectText(haystack: string, needle: string, what = needle): void {
  const text = squeeze(haystack).normalize('NFKC')
  const pattern = [...squeeze(needle).normalize('NFKC')].map((ch) => `(?:${ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|[\u2e80-\u2eff])`).join('')
  expect(new RegExp(pattern).test(text), `${what} in the PDF text`).toBe(true)
}
const NAVIGATION = ['政策文件知识库', '搜索', '本页目录', '上一篇', '下一篇', '大字模式', '放映模式', '我的职责', '时间表', '外观', '下载']

describe('the whole plan (全文打印)', () => {
  it('is A4, a dozen pages or so, with every task and no navigation', async () => {
    const pages = await readPdf(join(SITE_DIR, PLAN_ID, 'downloads/plan.pdf'))
    expect(pages.length).toBeGreaterThanOrEqual(8)
    expect(pages.length).toBeLessThanOrEqual(20)
    for (const p of pages) {
      expect(Math.abs(p.width - A4.width)).toBeLessThan(2)
      expect(Math.abs(p.height - A4.height)).toBeLessThan(2)
    }
    const all = pages.map((p) => p.text).join('')
    const text = squeeze(all).normalize('NFKC')
    expectText(all, plan.title)
    for (const task of plan.tasks) expectText(all, `${task.number}.${task.title}`, `task ${task.number}`)
    for (const word of NAVIGATION) expect(text, word).not.toContain(word)
    // Page numbers in the foot: — 1 — …
    expect(squeeze(pages[0]!.text)).toContain('—1—')
    expect(squeeze(pages.at(-1)!.text)).toContain(`—${pages.length}—`)
  })
})

describe('a unit\'s 职责清单', () => {
  it.each(UNIT_TASKS.filter(([slug]) => ['140404102-supervising-stations', '140404102-town-government'].includes(slug)))('%s prints as one table of its tasks on A4', async (slug, name, direct, inherited) => {
    const pages = await readPdf(join(SITE_DIR, 'units', `${slug}.pdf`))
    for (const p of pages) expect(Math.abs(p.width - A4.width) + Math.abs(p.height - A4.height)).toBeLessThan(4)
    expect(pages.length).toBeLessThanOrEqual(3)
    const all = pages.map((p) => p.text).join('')
    const text = squeeze(all).normalize('NFKC')
    expectText(all, `${name}职责清单`)
    // The sheet on the wall names the document its duties come from.
    expectText(all, `出自《${plan.title}》（${plan.issuer}，2022年5月10日）`)
    expectText(all, '序号任务完成时限所属措施')
    for (const n of [...direct, ...inherited]) expectText(all, plan.tasks[n - 1]!.title, `task ${n}`)
    for (const word of NAVIGATION) expect(text, word).not.toContain(word)
  })
})

describe('a task page, printed from the browser', () => {
  // Task 7 (the one people print), and the three longest tasks.
  const longest = [...plan.tasks].sort((a, b) => b.text.length - a.text.length).slice(0, 3).map((t) => t.number)
  it.each([7, ...longest])('task %i prints on one A4 sheet, with its document named and no navigation lists', async (n) => {
    const server = await serve(SITE_DIR, SITE_BASE)
    const browser = await launch()
    try {
      const page = await browser.newPage()
      await page.goto(server.url(`/${PLAN_ID}/tasks/${n}.html`), { waitUntil: 'networkidle' })
      const path = join(SITE_DIR, '..', `print-task-${n}.pdf`)
      await page.pdf({ path, format: 'A4', preferCSSPageSize: true })
      const pages = await readPdf(path)
      const all = pages.map((p) => p.text).join('')
      expect(pages.length).toBe(1)
      expectText(all, `任务${n}`)
      expectText(all, `出自《${plan.title}》`)
      for (const word of ['相关任务', '同一措施', '同一责任单位', '相关术语', '查看原文', ...NAVIGATION]) expect(squeeze(all).normalize('NFKC'), word).not.toContain(word)
    } finally {
      await browser.close()
      await server.close()
    }
  }, 60_000)
})
