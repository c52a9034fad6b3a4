// The page's scripts start after its first paint, and the parts of the theme a
// phone does not show become interactive when needed
// (scripts/site/start-after-paint.ts, scripts/site/late-hydration.ts). What a
// reader sees must not change: the phone's menu opens on the right page, the
// pager and the outline follow client-side navigation, a screen that grows
// shows a live sidebar, and nothing reports a hydration mismatch or an error.
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { appRunning, siteInChromium } from '../helpers/browser.ts'
import { PLAN_ID } from '../helpers/site.ts'

const site = siteInChromium()

async function open(width: number, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await site.browser.newPage({ viewport: { width, height: 844 }, isMobile: width < 960, hasTouch: width < 960 })
  const errors: string[] = []
  page.on('console', (m) => { if (m.type() === 'error' || /hydrat|mismatch/i.test(m.text())) errors.push(m.text()) })
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(site.server.url(path), { waitUntil: 'networkidle' })
  await appRunning(page)
  return { page, errors }
}

const h1 = (page: Page) => async () => (await page.locator('main h1').innerText()).replace(/[\u200b\s]+$/, '')
const activeInSidebar = (page: Page) => () => page.locator('.VPSidebar .is-active > .item .text').innerText()

it('requests the app script only after the page is painted', async () => {
  const { page, errors } = await open(390, `/${PLAN_ID}/tasks/7.html`)
  const { paint, app } = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    app: performance.getEntriesByType('resource').find((r) => /\/assets\/app\.[\w-]+\.js$/.test(r.name))?.startTime ?? NaN,
  }))
  expect(paint).toBeGreaterThan(0)
  expect(app).toBeGreaterThanOrEqual(paint)
  expect(errors).toEqual([])
  await page.close()
})

it('on a phone, the menu opens on the page shown, also after client-side navigation', async () => {
  const { page, errors } = await open(390, `/${PLAN_ID}/tasks/7.html`)
  await page.evaluate(() => { (window as { stayed?: boolean }).stayed = true })
  // Navigate first by the pager (the sidebar has not been needed yet), then open the menu.
  await page.locator('.pager-link.next').click()
  await page.waitForURL(/\/tasks\/8\.html$/)
  await expect.poll(h1(page)).toMatch(/^任务8　/)
  expect(await page.locator('.pager-link.prev').innerText()).toContain('任务7　')
  await page.locator('.VPLocalNav .menu').click()
  await expect.poll(() => page.locator('.VPSidebar.open').isVisible()).toBe(true)
  await expect.poll(activeInSidebar(page)).toMatch(/^任务8　/)
  // A task from the menu: shown without a page load, the menu closed, and on opening again it marks the new page.
  await page.locator('.VPSidebar').getByRole('link', { name: /^任务9\s/ }).click()
  await page.waitForURL(/\/tasks\/9\.html$/)
  await expect.poll(h1(page)).toMatch(/^任务9　/)
  await expect.poll(() => page.locator('.VPSidebar.open').count()).toBe(0)
  await page.locator('.VPLocalNav .menu').click()
  await expect.poll(activeInSidebar(page)).toMatch(/^任务9　/)
  expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true)
  expect(errors).toEqual([])
  await page.close()
})

it('a phone screen that grows to a desktop one shows the sidebar and outline of the page it is on', async () => {
  const { page, errors } = await open(390, `/${PLAN_ID}/tasks/7.html`)
  await page.locator('.pager-link.next').click()
  await page.waitForURL(/\/tasks\/8\.html$/)
  await expect.poll(h1(page)).toMatch(/^任务8　/)
  await page.setViewportSize({ width: 1440, height: 900 })
  await expect.poll(() => page.locator('.VPSidebar').isVisible()).toBe(true)
  await expect.poll(activeInSidebar(page)).toMatch(/^任务8　/)
  // The sidebar is live: a group folds when its caret is clicked.
  const group = page.locator('.VPSidebar section.VPSidebarItem.collapsible').first()
  const folded = await group.evaluate((e) => e.classList.contains('collapsed'))
  await group.locator('.caret').first().click()
  await expect.poll(() => group.evaluate((e) => e.classList.contains('collapsed'))).toBe(!folded)
  await expect.poll(() => page.locator('.VPDocAsideOutline').isVisible()).toBe(true)
  const outline = await page.locator('.VPDocAsideOutline').innerText()
  const headings = await page.locator('main h2').allInnerTexts()
  for (const h of headings.slice(0, 2)) expect(outline).toContain(h.replace(/[\u200b\s]+$/, ''))
  expect(errors).toEqual([])
  await page.close()
})

// The page's group is folded in the HTML; the live sidebar unfolds it (VitePress does so in the browser).
const pageGroupUnfolded = (page: Page) => () => page.locator('.VPSidebar section.has-active').evaluate((e) => !e.classList.contains('collapsed'))

it('a phone screen grown to a desktop one, with no touch or key before, has a live sidebar', async () => {
  const { page, errors } = await open(390, `/${PLAN_ID}/tasks/7.html`)
  expect(await pageGroupUnfolded(page)()).toBe(false)
  await page.setViewportSize({ width: 1440, height: 900 })
  await expect.poll(pageGroupUnfolded(page)).toBe(true)
  expect(errors).toEqual([])
  await page.close()
})

it('on a wide screen, the sidebar is live at once and the outline follows scrolling, without any touch or key', async () => {
  const { page, errors } = await open(1440, `/${PLAN_ID}/tasks/7.html`)
  await expect.poll(pageGroupUnfolded(page)).toBe(true)
  // The content, and the outline with it, hydrate when the browser is first idle.
  await expect.poll(() => page.locator('.VPDocAsideOutline').isVisible(), { timeout: 5000 }).toBe(true)
  expect(await page.locator('.VPDocAsideOutline a.active').count()).toBe(0)
  // Scrolled to the foot (by script: no touch, key or pointer), the outline marks a heading of the page.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  await expect.poll(() => page.locator('.VPDocAsideOutline a.active').count()).toBe(1)
  const href = await page.locator('.VPDocAsideOutline a.active').getAttribute('href')
  expect(await page.locator(`main :is(h2, h3)[id="${decodeURIComponent(href!.slice(1))}"]`).count()).toBe(1)
  expect(errors).toEqual([])
  await page.close()
})
