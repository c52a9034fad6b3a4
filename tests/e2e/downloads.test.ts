// Downloads as a cadre gets them: from the 下载 block of the plan home and of a unit page, in chromium, under /anquan/.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { siteInChromium } from '../helpers/browser.ts'
import { ROOT } from '../helpers/plans.ts'
import { PLAN_ID, SITE_BASE } from '../helpers/site.ts'

const site = siteInChromium()
let page: Page

beforeAll(async () => {
  page = await site.browser.newPage({ acceptDownloads: true })
})

/** Clicks a link of the page's first 下载 block (a unit's page has one a plan, the seed plan's first). */
async function download(name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('.downloads').first().getByRole('link', { name }).click()])
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) }
}

it('downloads the ledger (Excel) and the calendar of a unit by clicking', async () => {
  await page.goto(site.server.url('/units/140404102-villages.html'))
  const xlsx = await download('任务台账（Excel）')
  // The URL is ASCII; the file is saved under the name a person reads.
  expect(xlsx.name).toBe('荫城镇-各村-任务台账-关于贯彻落实国务院安委会全面加强安全生产十五条措施的实施方案.xlsx')
  expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK')
  const ics = await download('日历（ICS，可导入手机和电脑日历）')
  expect(ics.name).toBe('荫城镇-各村-日历-关于贯彻落实国务院安委会全面加强安全生产十五条措施的实施方案.ics')
  expect(ics.bytes.toString('utf8')).toMatch(/^BEGIN:VCALENDAR/)
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载职责清单 PDF（A4）' }).click()])
  expect(pdf.suggestedFilename()).toBe('荫城镇-各村-职责清单.pdf')
  expect(new URL(pdf.url()).pathname).toBe(`${SITE_BASE}units/140404102-villages.pdf`)
  expect(page.url()).toBe(`${site.server.origin}units/140404102-villages.html`)
})

it('offers the Word plan as received, and its ledger for a unit', async () => {
  await page.goto(site.server.url('/yincheng-2023-fire-safety/'))
  const original = page.locator('.downloads').getByRole('link', { name: '原文（Word，按收到的文件原样提供）' })
  const href = await original.evaluate((a) => (a as HTMLAnchorElement).href)
  expect(new URL(href).pathname).toBe(`${SITE_BASE}yincheng-2023-fire-safety/yincheng-2023-fire-safety.docx`)
  expect(await original.getAttribute('download')).toBe('荫城镇2023年消防安全专项整治工作方案-原文.docx')
  const bytes = await page.evaluate(async (h) => [...new Uint8Array(await (await fetch(h)).arrayBuffer())], href!)
  expect(Buffer.from(bytes)).toEqual(readFileSync(join(ROOT, 'seeds/yincheng-2023-fire-safety.docx')))
  await page.goto(site.server.url('/units/140404102-villages.html'))
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('.downloads').nth(1).getByRole('link', { name: '任务台账（Excel）' }).click()])
  expect(file.url()).toContain('/yincheng-2023-fire-safety/downloads/units/140404102-villages.ledger.xlsx')
})

it('offers every file of the plan home, each served from the site itself', async () => {
  await page.goto(site.server.url(`/${PLAN_ID}/`))
  const links = await page.locator('.downloads a').evaluateAll((as) => as.map((a) => [a.textContent ?? '', (a as HTMLAnchorElement).href]))
  expect(links.map(([text]) => text)).toEqual(['任务台账（Excel）', '任务台账（CSV）', '日历（ICS，可导入手机和电脑日历）', '开放数据（JSON）', '数据结构说明', '原文（纯文本，按收到的文件原样提供）'])
  for (const [, href = ""] of links) {
    expect(new URL(href).pathname.startsWith(SITE_BASE)).toBe(true)
    const fetched = await page.evaluate(async (h) => { const r = await fetch(h); return { status: r.status, size: (await r.arrayBuffer()).byteLength } }, href)
    expect(fetched.status, href).toBe(200)
    expect(fetched.size, href).toBeGreaterThan(100)
  }
  const csv = await download('任务台账（CSV）')
  expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  expect(csv.bytes.toString('utf8')).toContain('序号,所属措施,任务,具体内容')
})
