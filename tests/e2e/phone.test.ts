// A cadre on a phone, and a screen reader: what they meet on the unit and task
// pages. No sideways scrolling at 360–414 px in either type mode, a unit's
// tasks as readable cards, one 大字模式 button, and every label in Chinese.
import { describe, expect, it } from 'vitest'
import { siteInChromium } from '../helpers/browser.ts'
import { PLAN_ID, SCREENSHOTS } from '../helpers/site.ts'

const site = siteInChromium()

const PAGES = ['/', `/${PLAN_ID}/`, `/${PLAN_ID}/tasks/7.html`, '/units/140404102-villages.html', '/units/140404102-supervising-stations.html', `/${PLAN_ID}/deadlines/ongoing.html`]

// The narrowest and the widest common phone, in both modes (390 is checked by the card test below).
describe.each([[360, false], [414, false], [360, true], [414, true]])('at %i px wide, large type %s', (width, large) => {
  it('no page scrolls sideways', async () => {
    const page = await site.browser.newPage({ viewport: { width, height: 800 }, isMobile: true, hasTouch: true })
    await page.addInitScript((on) => localStorage.setItem('policy-site:large-type', on ? '1' : '0'), large)
    const wide: string[] = []
    for (const path of PAGES) {
      await page.goto(site.server.url(path), { waitUntil: 'networkidle' })
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
      if (scrollWidth > width) wide.push(`${path}: ${scrollWidth} px`)
      // The menu button is on the screen, whole.
      const menu = await page.locator('.VPNavBarHamburger').boundingBox()
      expect(menu!.x + menu!.width, path).toBeLessThanOrEqual(width)
    }
    expect(wide).toEqual([])
    await page.close()
  })
})

it('shows a unit\'s tasks as cards on a phone: whole words, a labelled line each', async () => {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  await page.goto(site.server.url('/units/140404102-villages.html'), { waitUntil: 'networkidle' })
  const card = page.locator('.unit-tasks tr').filter({ hasText: '任务1　' }).first()
  // Each cell a line, labelled by the stylesheet (::before, which screen readers read too).
  const lines = await card.locator('td').evaluateAll((cells) => cells.map((td) => `${getComputedStyle(td, '::before').content.replace(/^"|"$/g, '').replace(/^none$/, '')}${(td as HTMLElement).innerText.trim()}`))
  expect(lines).toEqual(['任务1　树牢安全发展理念', '完成时限：长期坚持', '所属措施：（一）严格落实党组织安全生产责任', '责任方式：直接'])
  // A cell is as wide as the card, not one character a line.
  const cell = await card.locator('td').nth(1).boundingBox()
  expect(cell!.width).toBeGreaterThan(250)
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(6000)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390)
  await page.screenshot({ path: `${SCREENSHOTS}/unit-phone.png` })
  // The menu offers 大字模式 once: the bar's button.
  await page.locator('.VPNavBarHamburger').click()
  await page.locator('.VPNavScreen').waitFor()
  expect(await page.getByRole('button', { name: '大字模式' }).count()).toBe(1)
  await page.close()
})

it('speaks Chinese: no English label in the theme, none built from Markdown source', async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } })
  for (const path of PAGES) {
    await page.goto(site.server.url(path), { waitUntil: 'networkidle' })
    const labels = await page.evaluate(() => [
      ...[...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? ''),
      ...[...document.querySelectorAll('.visually-hidden')].map((e) => e.textContent ?? ''),
      ...[...document.querySelectorAll('[title]')].map((e) => e.getAttribute('title') ?? ''),
    ])
    const english = labels.filter((l) => /[A-Za-z]{3,}/.test(l.replace(/Ctrl K|Esc|PDF|Excel|CSV|ICS|JSON|A4/g, '')))
    expect(english, path).toEqual([])
    expect(labels.filter((l) => /[[\]{}#]|\]\(/.test(l)), path).toEqual([])
  }
  await page.close()
})

it('on a task page, says units and deadline once and keeps the plan\'s note as the quoted original', async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.goto(site.server.url(`/${PLAN_ID}/tasks/7.html`), { waitUntil: 'networkidle' })
  const main = await page.locator('main .vp-doc').innerText()
  expect(main.match(/责任单位：/g)).toHaveLength(2) // the facts box, and the note quoted as written
  expect(await page.locator('.task-note').innerText()).toMatch(/^原文标注：（责任单位：镇党委、镇政府，各站所。完成时限：长期坚持。）/)
  const [box, note] = await Promise.all([page.locator('.task-text p').first(), page.locator('.task-note p')].map((l) => l.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))))
  expect(note!).toBeLessThan(box!)
  await page.close()
})
