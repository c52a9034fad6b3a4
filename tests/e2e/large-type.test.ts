// 大字模式 and accessibility in chromium: the toggle makes text 1.5× or more and
// is remembered across pages; axe-core finds no violation at all on home, the
// plan home, a measure, a task, two unit pages and the national page, in normal and large mode.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { appRunning, siteInChromium } from '../helpers/browser.ts'
import { PLAN_ID, SCREENSHOTS } from '../helpers/site.ts'

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

const site = siteInChromium()
let page: Page

beforeAll(async () => {
  page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } })
})

const sizes = () =>
  page.evaluate(() => {
    const px = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize)
    return { body: px('main .vp-doc p'), h1: px('main h1'), sidebar: px('.VPSidebarItem .text'), nav: px('.VPNavBarMenuLink') }
  })

it('makes text at least 1.5× and keeps it across pages, by keyboard', async () => {
  await page.goto(site.server.url(`/${PLAN_ID}/tasks/7.html`))
  await appRunning(page)
  const normal = await sizes()
  const toggle = page.getByRole('button', { name: '大字模式' })
  await toggle.focus()
  await page.keyboard.press('Enter')
  await page.waitForFunction(() => document.documentElement.classList.contains('large-type'))
  expect(await page.getByRole('button', { name: '标准字号' }).getAttribute('aria-pressed')).toBe('true')
  const large = await sizes()
  for (const key of Object.keys(normal) as Array<keyof typeof normal>) expect(large[key] / normal[key], key).toBeGreaterThanOrEqual(1.5)
  await page.screenshot({ path: `${SCREENSHOTS}/large-type.png` })
  // Client-side navigation, then a full reload: still large.
  await page.locator('.task-facts').getByRole('link', { name: '镇党委' }).click()
  await page.waitForURL(`${site.server.origin}units/140404102-town-party-committee.html`)
  expect(await page.evaluate(() => document.documentElement.classList.contains('large-type'))).toBe(true)
  await page.goto(site.server.url('/'))
  await page.waitForFunction(() => document.documentElement.classList.contains('large-type'))
  await page.getByRole('button', { name: '标准字号' }).press('Space')
  await page.waitForFunction(() => !document.documentElement.classList.contains('large-type'))
})

describe.each([['normal', false], ['large', true]])('axe-core, %s type', (_mode, large) => {
  it.each(['/', `/${PLAN_ID}/`, `/${PLAN_ID}/measures/3.html`, `/${PLAN_ID}/tasks/12.html`, '/units/140404102-supervising-stations.html', '/units/140404102-villages.html', `/${PLAN_ID}/national.html`])('%s has no violation', async (path) => {
    await page.goto(site.server.url(path))
    await page.evaluate((on) => localStorage.setItem('policy-site:large-type', on ? '1' : '0'), large)
    await page.reload()
    await page.waitForFunction((on) => document.documentElement.classList.contains('large-type') === on, large)
    await page.addScriptTag({ content: AXE })
    const violations = await page.evaluate(async (enhanced) => {
      const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe
      // Large mode promises 7:1 contrast: WCAG AAA's rule is checked there too.
      const result = await axe.run(document, { rules: { 'color-contrast-enhanced': { enabled: enhanced } } })
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))
    }, large)
    // Clean: no violation of any impact (minor and moderate included).
    expect(violations).toEqual([])
  })
})

it('the open search box, with results and with none, has no violation', async () => {
  await page.goto(site.server.url(`/${PLAN_ID}/tasks/3.html`))
  await page.waitForLoadState('networkidle')
  await page.keyboard.press('Control+k')
  for (const query of ['挂牌', '核电站']) {
    await page.locator('#policy-search-input').fill(query)
    await page.waitForFunction(() => !document.querySelector('.policy-search-status')?.textContent?.startsWith('正在载入'))
    await page.waitForTimeout(100)
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE })
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: Element) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe
      const result = await axe.run(document.querySelector('.policy-search')!)
      return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))
    })
    expect(violations, query).toEqual([])
  }
})
