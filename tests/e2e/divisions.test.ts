// A county's library in chromium (issue 26): on a phone, a 西火镇 cadre chooses the division, then the unit,
// and reads the town government's duties, its county's among them, on screen and on paper.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { siteInChromium } from '../helpers/browser.ts'
import { DIVISIONS_DIR, SCREENSHOTS, SITE_BASE } from '../helpers/site.ts'
import { CODES, LIBRARY_PLANS } from '../helpers/divisions.ts'

const site = siteInChromium(DIVISIONS_DIR, SITE_BASE)

async function pdfText(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise
  const pages: string[] = []
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent()
    // The CJK fonts map some glyphs to radicals in the text layer (⼈ for 人): NFKC folds them back.
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join('').replace(/\s+/g, '').normalize('NFKC'))
  }
  await pdf.destroy()
  return pages
}

describe('the unit chooser by division, on a phone (390 px)', () => {
  it('offers the divisions as a tree with plan counts, then the units of the chosen one, then the unit\'s duties', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await page.goto(site.server.url('/'), { waitUntil: 'networkidle' })
    const tree = page.locator('.division-tree')
    await tree.scrollIntoViewIfNeeded()
    expect(await tree.locator('a').allInnerTexts()).toEqual([
      '山西省（3 份文件）', '长治市（3 份文件）', '上党区（3 份文件，2 个单位）', '荫城镇（1 份文件，8 个单位）', '西火镇（1 份文件，8 个单位）',
      '河南省（1 份文件）', '郑州市（1 份文件）', '登封市（1 份文件）', '徐庄镇（1 份文件，4 个单位）',
    ])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390)
    // Each division a line a thumb can hit: at least 24 px high, not overlapping the next.
    const boxes = await tree.locator('a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, right: r.right })))
    for (const [i, box] of boxes.entries()) {
      expect(box.bottom - box.top).toBeGreaterThanOrEqual(20)
      expect(box.right).toBeLessThanOrEqual(390)
      if (i > 0) expect(box.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom - 1)
    }
    await page.screenshot({ path: `${SCREENSHOTS}/divisions-phone.png` })
    await tree.getByRole('link', { name: /^西火镇/ }).click()
    await page.waitForURL(`${site.server.origin}units/${CODES.xihuo}.html`)
    const units = page.locator('.vp-doc ul').first()
    expect(await units.locator('a').allInnerTexts()).toContain('镇政府的任务')
    expect(await page.locator('.vp-doc').innerText()).not.toContain('荫城镇 · ')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390)
    await page.screenshot({ path: `${SCREENSHOTS}/division-units-phone.png` })
    await units.getByRole('link', { name: '镇政府的任务' }).click()
    await page.waitForURL(`${site.server.origin}units/${CODES.xihuo}-town-government.html`)
    expect(await page.locator('h1').innerText()).toContain('西火镇 · 镇政府')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390)
    await page.close()
  })
})

describe('a town government\'s page with its county\'s tasks', () => {
  const path = `/units/${CODES.xihuo}-town-government.html`

  it('shows them on screen apart, as 上级文件的任务, with the county\'s plan and each deadline', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(site.server.url(path), { waitUntil: 'networkidle' })
    const higher = page.getByRole('heading', { name: '上级文件的任务', level: 2 })
    await higher.scrollIntoViewIfNeeded()
    expect(await higher.isVisible()).toBe(true)
    const text = await page.locator('.vp-doc').innerText()
    const after = text.slice(text.indexOf('上级文件的任务'))
    expect(after).toContain('长治市上党区人民政府')
    for (const task of ['任务1　开展隐患排查整治', '任务2　落实包保责任', '任务4　开展宣传培训']) expect(after).toContain(task)
    expect(after).toContain('2022年7月31日前')
    expect(after).not.toContain('加强执法检查')
    // Its own plan's tasks come first, and no other township's.
    expect(text.indexOf('任务5　制定职责任务清单')).toBeLessThan(text.indexOf('上级文件的任务'))
    expect(text).not.toContain('徐庄镇')
    expect(await page.locator(`a[href="${SITE_BASE}${LIBRARY_PLANS.county}/tasks/1.html"]`).count()).toBeGreaterThan(0)
    await page.screenshot({ path: `${SCREENSHOTS}/town-government-higher.png`, fullPage: false })
    await page.close()
  })

  it('prints them in its 职责清单, after its own plan\'s, with no navigation', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(site.server.url(path), { waitUntil: 'networkidle' })
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true })
    writeFileSync(join(SCREENSHOTS, 'town-government-higher.pdf'), pdf)
    const pages = await pdfText(pdf)
    const all = pages.join('')
    // The page's words as the PDF's text layer holds them.
    // (A radical-supplement character, which NFKC leaves as it is (⺠ for 民), matches any character.)
    const at = (text: string) => all.search(new RegExp([...text.replace(/\s+/g, '').normalize('NFKC')].map((ch) => `(?:${ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|[\u2e80-\u2eff])`).join('')))
    expect(at('西火镇 · 镇政府职责清单')).toBeGreaterThanOrEqual(0)
    expect(at('出自《关于进一步压实安全生产责任的实施方案》（长治市上党区人民政府，2022年5月20日）')).toBeGreaterThanOrEqual(0)
    for (const task of ['开展隐患排查整治（经由“各乡镇人民政府”）', '落实包保责任（经由“各乡镇人民政府”）', '开展宣传培训（经由“各乡镇人民政府”）']) expect(at(task), task).toBeGreaterThanOrEqual(0)
    expect(at('制定职责任务清单')).toBeLessThan(at('开展隐患排查整治'))
    for (const word of ['政策文件知识库', '本页目录', '大字模式', '下载', '徐庄镇']) expect(at(word), word).toBe(-1)
    expect(pages.length).toBeLessThanOrEqual(4)
    await page.close()
  })
})
