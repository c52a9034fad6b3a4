// The nginx headers of guides/维护指南.md, served with the built site: chromium reports no
// Content-Security-Policy violation while a reader browses, searches and downloads.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launch } from '../helpers/browser.ts'
import { serve, type StaticServer } from '../helpers/server.ts'
import { PLAN_ID, guideHeaders, SITE_BASE, SITE_DIR } from '../helpers/site.ts'

let server: StaticServer
let browser: Browser
let page: Page
const violations: string[] = []

beforeAll(async () => {
  const headers = guideHeaders()
  expect(headers['Content-Security-Policy']).toContain("script-src 'self'")
  server = await serve(SITE_DIR, SITE_BASE, headers)
  browser = await launch()
  page = await browser.newPage({ acceptDownloads: true })
  page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text()) })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI}`))
  })
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

it('serves every page with the headers', async () => {
  const response = await page.goto(server.url('/'))
  expect(response?.headers()['content-security-policy']).toContain("object-src 'none'")
  expect(response?.headers()['x-content-type-options']).toBe('nosniff')
})

it('browses, searches and downloads with no CSP violation', async () => {
  for (const path of ['/', `/${PLAN_ID}/`, `/${PLAN_ID}/tasks/12.html`, '/units/140404102-villages.html', `/${PLAN_ID}/original.html`]) {
    await page.goto(server.url(path))
    await page.waitForLoadState('networkidle')
  }
  await page.keyboard.press('Control+k')
  await page.locator('#policy-search-input').fill('挂牌')
  await page.locator('.policy-search .result').first().waitFor()
  expect(await page.locator('.policy-search .result').first().innerText()).toContain('任务10')
  await page.keyboard.press('Escape')
  await page.goto(server.url('/units/140404102-villages.html'))
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.downloads a').first().click()])
  // Saved under a name a person reads (the URL stays ASCII).
  expect(download.suggestedFilename()).toBe('荫城镇-各村-任务台账-关于贯彻落实国务院安委会全面加强安全生产十五条措施的实施方案.xlsx')
  // The app is alive: client-side navigation works.
  await page.locator('.VPSidebar').getByRole('link', { name: '镇政府' }).click()
  await page.waitForURL(`${server.origin}units/140404102-town-government.html`)
  expect(violations).toEqual([])
})

it('would see a violation: the same site under a policy without the inline-script hashes', async () => {
  const strict = await serve(SITE_DIR, SITE_BASE, { 'Content-Security-Policy': "script-src 'self'" })
  const seen: string[] = []
  const other = await browser.newPage()
  other.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) seen.push(m.text()) })
  await other.goto(strict.url('/'))
  await other.waitForLoadState('networkidle')
  await other.close()
  await strict.close()
  expect(seen.length).toBeGreaterThan(0)
})
