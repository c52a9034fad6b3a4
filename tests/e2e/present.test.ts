// 放映模式 in chromium at 1920×1080 and 1366×768: every task fits one screen, type
// never below 24 pt equivalent, keys as clickers send them, the address follows.
// Screenshots of all 35 tasks at both sizes go to tests/output/screenshots/present-*.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launch } from '../helpers/browser.ts'
import { serve, type StaticServer } from '../helpers/server.ts'
import { PLAN_ID, SCREENSHOTS, SITE_BASE, SITE_DIR } from '../helpers/site.ts'

let server: StaticServer
let browser: Browser

beforeAll(async () => {
  server = await serve(SITE_DIR, SITE_BASE)
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const PT = 96 / 72
/** px of n pt "at 1920×1080", scaled to the viewport as the stylesheet scales it. */
const ptEquivalent = (n: number, width: number, height: number) => n * PT * Math.min(width / 1920, height / 1080)

async function state(page: Page) {
  return page.evaluate(() => {
    const stage = document.querySelector<HTMLElement>('.presentation-stage')!
    const text = document.querySelector<HTMLElement>('.presentation-text')!
    const last = [...stage.children].at(-1) as HTMLElement
    return {
      title: document.querySelector('.presentation-title')!.textContent,
      overflow: stage.scrollHeight - stage.clientHeight,
      bodyPx: parseFloat(getComputedStyle(text).fontSize),
      contentBottom: last.getBoundingClientRect().bottom,
      url: location.pathname + location.search,
    }
  })
}

describe.each([[1920, 1080], [1366, 768]])('at %i×%i', (width, height) => {
  it('shows every task on one screen, large, nothing essential in the bottom fifth', async () => {
    const page = await browser.newPage({ viewport: { width, height } })
    await page.goto(server.url(`/${PLAN_ID}/tasks/1.html?present=1`))
    await page.locator('.presentation').waitFor()
    const shrunk: number[] = []
    for (let n = 1; n <= 35; n++) {
      const s = await state(page)
      expect(s.title).toContain(`任务${n}`)
      expect(s.url).toBe(`${SITE_BASE}${PLAN_ID}/tasks/${n}.html?present=1`)
      expect(s.overflow, `task ${n} overflows`).toBeLessThanOrEqual(1)
      expect(s.bodyPx, `task ${n} type`).toBeGreaterThanOrEqual(ptEquivalent(24, width, height) - 0.1)
      if (s.bodyPx < ptEquivalent(28, width, height) - 0.1) shrunk.push(n)
      expect(s.contentBottom, `task ${n} reaches the bottom fifth`).toBeLessThanOrEqual(height * 0.8 + 1)
      await page.screenshot({ path: `${SCREENSHOTS}/present-${width}x${height}-task-${String(n).padStart(2, '0')}.png` })
      await page.keyboard.press('ArrowRight')
    }
    // Most tasks keep the full 28 pt; only the longest shrink.
    expect(shrunk.length).toBeLessThan(10)
    await page.close()
  }, 120_000)
})

it('answers the keys a clicker sends, and Esc leaves at the task shown', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
  await page.goto(server.url(`/${PLAN_ID}/measures/3.html`))
  await page.getByRole('button', { name: '放映模式' }).click()
  await page.locator('.presentation').waitFor()
  const at = async () => (await state(page)).title
  expect(await at()).toContain('任务10')
  for (const [key, task] of [['PageDown', 11], [' ', 12], ['ArrowRight', 13], ['ArrowLeft', 12], ['PageUp', 11], ['End', 35], ['Home', 1]] as const) {
    await page.keyboard.press(key === ' ' ? 'Space' : key)
    expect(await at(), key).toContain(`任务${task}　`.slice(0, -1))
  }
  await page.keyboard.press('End')
  await page.keyboard.press('ArrowRight')
  expect(await at()).toContain('任务35')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Escape')
  await page.locator('.presentation').waitFor({ state: 'detached' })
  await page.waitForURL(`${server.origin}${PLAN_ID}/tasks/34.html`)
  expect(await page.locator('main h1').innerText()).toContain('任务34　严肃追究责任')
  // Resume: the address of a slide opens the projection at that task.
  await page.goto(server.url(`/${PLAN_ID}/tasks/22.html?present=1`))
  await page.locator('.presentation').waitFor()
  expect(await at()).toContain('任务22')
  expect(await page.locator('.presentation-facts').allInnerTexts()).toEqual([expect.stringContaining('负有安全监管职责的站所'), expect.stringContaining('长期坚持')])
  await page.keyboard.press('f')
  await page.waitForFunction(() => document.fullscreenElement !== null)
  await page.screenshot({ path: `${SCREENSHOTS}/present.png` })
  await page.close()
})
