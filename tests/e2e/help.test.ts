// 使用帮助 against the running site: linked from the home page and from the
// foot of every page, and every button, menu and key it names is there and does
// what the page says. Screenshots of the page on a phone and a desktop.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { appRunning, siteInChromium } from '../helpers/browser.ts'
import { PLAN_ID, SCREENSHOTS } from '../helpers/site.ts'

const site = siteInChromium()

async function open(path: string, width = 1280, height = 900): Promise<Page> {
  const phone = width < 640
  const page = await site.browser.newPage({ viewport: { width, height }, isMobile: phone, hasTouch: phone })
  await page.goto(site.server.url(path), { waitUntil: 'networkidle' })
  await appRunning(page)
  return page
}

/** The help page's text, read once. */
async function helpText(): Promise<string> {
  const page = await open('/help.html')
  const text = await page.locator('main').innerText()
  await page.close()
  return text
}

describe('使用帮助', () => {
  it('is linked from the home page and from the foot of a task page, and opens', async () => {
    const home = await open('/')
    expect(await home.locator('main').getByRole('link', { name: '使用帮助' }).first().getAttribute('href')).toBe('/anquan/help.html')
    await home.close()
    const task = await open(`/${PLAN_ID}/tasks/7.html`)
    const foot = task.locator('.site-foot').getByRole('link', { name: '使用帮助' })
    await foot.click()
    await task.waitForURL(`${site.server.origin}help.html`)
    await expect.poll(() => task.locator('h1').innerText()).toMatch(/^使用帮助/)
    await task.close()
  })

  it('names the menus and buttons the site has: 我的职责, 方案首页, 全文打印, 大字模式 / 标准字号, 放映模式, 搜索', async () => {
    const text = await helpText()
    for (const name of ['我的职责', '方案首页', '全文打印', '大字模式', '标准字号', '放映模式', '搜索', '下载职责清单 PDF（A4）', '任务台账（Excel）', '日历（ICS']) expect(text, name).toContain(name)
    const page = await open(`/${PLAN_ID}/tasks/7.html`)
    expect(await page.locator('.VPNavBar').getByRole('link', { name: '我的职责' }).count()).toBe(1)
    const sidebar = page.locator('.VPSidebar')
    for (const name of ['方案首页', '全文打印']) expect(await sidebar.getByRole('link', { name, exact: true }).count(), name).toBe(1)
    expect(await page.getByRole('button', { name: '放映模式' }).count()).toBe(1)
    expect(await page.locator('.VPNavBar').getByRole('button', { name: /搜索/ }).count()).toBe(1)
    const toggle = page.getByRole('button', { name: '大字模式' })
    await toggle.click()
    await expect.poll(() => page.getByRole('button', { name: '标准字号' }).count()).toBe(1)
    await page.getByRole('button', { name: '标准字号' }).click()
    await page.close()
    const home = await open(`/${PLAN_ID}/`)
    const main = await home.locator('main').innerText()
    for (const name of ['任务台账（Excel）', '任务台账（CSV）', '日历（ICS']) expect(main, name).toContain(name)
    await home.close()
    const unit = await open('/units/140404102-villages.html')
    expect(await unit.locator('main').getByRole('link', { name: '下载职责清单 PDF（A4）' }).count()).toBe(1)
    await unit.close()
  })

  it('the search keys it names open and drive the search box: Ctrl K, /, ↑ ↓ Enter, Esc; pinyin and initials find', async () => {
    const text = await helpText()
    for (const key of ['Ctrl K', '⌘ K', '/', '↑', '↓', 'Enter', 'Esc', 'xiaofang', 'aqsc']) expect(text, key).toContain(key)
    const page = await open(`/${PLAN_ID}/`)
    const dialog = page.getByRole('dialog', { name: '搜索' })
    await page.keyboard.press('Control+k')
    await expect.poll(() => dialog.count()).toBe(1)
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    await page.locator('body').click({ position: { x: 5, y: 300 } })
    await page.keyboard.press('/')
    await expect.poll(() => dialog.count()).toBe(1)
    for (const [query, found] of [['xiaofang', '消防'], ['aqsc', '安全生产'], ['消防 培训', '培训']] as const) {
      await page.locator('#policy-search-input').fill(query)
      await expect.poll(() => page.getByRole('listbox', { name: '搜索结果' }).innerText(), { message: query }).toContain(found)
    }
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowUp')
    const before = page.url()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).not.toBe(before)
    await page.close()
  })

  it('the 放映模式 keys it names move through the tasks and leave', async () => {
    const text = await helpText()
    for (const key of ['→', '↓', '空格', 'PageDown', '←', '↑', 'PageUp', 'Home', 'End', 'F', 'Esc']) expect(text, key).toContain(key)
    const page = await open(`/${PLAN_ID}/tasks/7.html`)
    await page.getByRole('button', { name: '放映模式' }).click()
    const shown = () => page.locator('.presentation-footer').innerText().then((t) => Number(t.split(' / ')[0]))
    await expect.poll(shown).toBe(7)
    const steps: Array<[string, number]> = [['ArrowRight', 8], ['ArrowDown', 9], ['Space', 10], ['PageDown', 11], ['ArrowLeft', 10], ['ArrowUp', 9], ['PageUp', 8], ['Home', 1], ['End', 35]]
    for (const [key, at] of steps) {
      await page.keyboard.press(key)
      await expect.poll(shown, { message: key }).toBe(at)
    }
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('.presentation').count()).toBe(0)
    await page.close()
  })

  it.each([[390, 844, 'phone'], [1280, 900, 'desktop']])('screenshot at %i×%i (%s)', async (width, height, name) => {
    const page = await open('/help.html', width, height)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
    await page.screenshot({ path: `${SCREENSHOTS}/help-${name}.png`, fullPage: true })
    await page.close()
  })
})
