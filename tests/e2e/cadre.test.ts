// The small things a cadre sees on the two seeds, in chromium: one 首页 (the
// site's) and a 方案首页 per plan; no empty 主送 or "0 项"; 长期坚持 on one line
// in a unit's table; no stray line inside the box at the top of a task on a
// phone; the national comparison only where a plan refines the national
// measures; and a unit's 职责清单 on paper: the plan's title centred, the
// counts on one line, the tasks by deadline.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { appRunning, siteInChromium } from '../helpers/browser.ts'
import { PLAN_ID } from '../helpers/site.ts'

const site = siteInChromium()
const FIRE_ID = 'yincheng-2023-fire-safety'

async function open(path: string, width = 1280, height = 900): Promise<Page> {
  const phone = width < 640
  const page = await site.browser.newPage({ viewport: { width, height }, isMobile: phone, hasTouch: phone })
  await page.goto(site.server.url(path), { waitUntil: 'networkidle' })
  await appRunning(page)
  return page
}

/** How many lines an element's text takes on the screen. */
const lineCount = (page: Page, selector: string) => page.locator(selector).evaluateAll((elements) => elements.map((e) => {
  const range = document.createRange()
  range.selectNodeContents(e)
  return { text: (e as HTMLElement).innerText.trim(), lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size }
}))

describe('names and counts', () => {
  it('the top bar\'s 首页 is the site\'s home; the sidebar names the plan\'s home 方案首页', async () => {
    const page = await open(`/${PLAN_ID}/tasks/7.html`)
    await expect.poll(() => page.locator('.VPNavBar').getByRole('link', { name: '首页', exact: true }).getAttribute('href')).toBe('/anquan/')
    const sidebar = page.locator('.VPSidebar')
    expect(await sidebar.getByRole('link', { name: '方案首页', exact: true }).getAttribute('href')).toBe(`/anquan/${PLAN_ID}/`)
    expect(await sidebar.getByRole('link', { name: '首页', exact: true }).count()).toBe(0)
    await page.close()
  })

  it('the site home shows no empty 主送 and counts the fire plan\'s sections in a word of no plan\'s', async () => {
    const page = await open('/')
    const text = await page.locator('main').innerText()
    expect(text).toContain('主送：各村，各站所')
    expect(text).not.toMatch(/主送：\s*(\n|$)/)
    expect(text).toMatch(/荫城镇人民政府 · 2023年3月15日\s*\n/)
    expect(text).toContain('13 项细化措施，35 项具体任务。')
    expect(text).toMatch(/3 个方面，\d+ 项具体任务。/)
    await page.close()
  })

  it('a unit in no group: "均直接发给本单位", never "发给所属群体 0 项"', async () => {
    const page = await open('/units/140404102-villages.html')
    const text = await page.locator('main').innerText()
    expect(text).toContain('共 10 项任务，均直接发给本单位。')
    expect(text).not.toContain('发给所属群体 0 项')
    await page.close()
  })
})

describe('the national comparison', () => {
  it('is offered for the plan that refines the fifteen national measures, not for the fire plan', async () => {
    const safety = await open(`/${PLAN_ID}/`)
    expect(await safety.locator('.VPSidebar').getByRole('link', { name: '对照国家十五条措施' }).count()).toBe(1)
    await safety.close()
    const fire = await open(`/${FIRE_ID}/`)
    expect(await fire.locator('.VPSidebar').getByRole('link', { name: '对照国家十五条措施' }).count()).toBe(0)
    expect(await fire.locator('main').innerText()).not.toContain('十五条措施')
    expect(await fire.locator('main').innerText()).toContain('3 个方面')
    await fire.close()
    const missing = await fetch(site.server.url(`/${FIRE_ID}/national.html`))
    expect(missing.status).toBe(404)
  })
})

describe('layout', () => {
  it('on a desktop, every deadline of a unit\'s table reads on one line where it is a word (长期坚持, 每月至少一次)', async () => {
    for (const path of ['/units/140404102-villages.html', '/units/140404102-town-government.html', '/units/140404102-supervising-stations.html']) {
      const page = await open(path)
      const cells = await lineCount(page, '.unit-tasks td:nth-child(2)')
      const words = cells.filter((c) => /^[\p{Script=Han}]+$/u.test(c.text))
      expect(words.map((c) => c.text), path).toContain('长期坚持')
      expect(words.filter((c) => c.lines > 1), path).toEqual([])
      await page.close()
    }
  })

  it('on a phone, the box at the top of a task has no line inside its top edge', async () => {
    const page = await open(`/${PLAN_ID}/tasks/7.html`, 390, 844)
    const box = await page.locator('.plan-meta table').boundingBox()
    // Every element drawing a border inside the box, other than the box's own.
    const lines = await page.locator('.plan-meta table *').evaluateAll((elements) => elements
      .filter((e) => e.getBoundingClientRect().height > 0)
      .flatMap((e) => {
        const s = getComputedStyle(e)
        return (['Top', 'Bottom'] as const).filter((side) => s[`border${side}Style`] !== 'none' && parseFloat(s[`border${side}Width`]) > 0).map((side) => `${e.tagName} ${side}`)
      }))
    expect(box!.height).toBeGreaterThan(40)
    expect(lines).toEqual([])
    await page.close()
  })
})

describe('a unit\'s 职责清单 on paper', () => {
  it('centres each plan\'s title, keeps the counts on one line and lists the tasks by deadline', async () => {
    const page = await open('/units/140404102-villages.html', 590, 1000)
    // 590 px: the A4 sheet's text width (156 mm, print.css @page).
    await page.emulateMedia({ media: 'print' })
    const title = page.locator('.unit-plan h2').first()
    expect(await title.evaluate((e) => [getComputedStyle(e).textIndent, getComputedStyle(e).textAlign])).toEqual(['0px', 'center'])
    const counts = await lineCount(page, '.unit-counts p')
    expect(counts.length).toBeGreaterThan(0)
    for (const c of counts) expect(c.lines, c.text).toBe(1)
    const numbers = await page.locator('.duty-list').first().locator('tbody tr td:first-child').allInnerTexts()
    // 各村 in the first plan: task 21 is due 2022-06-30, task 6 every month, the others 长期坚持.
    expect(numbers.map(Number)).toEqual([21, 6, 1, 2, 3, 4, 23, 24, 33, 35])
    await page.close()
  })
})
