// Follow-up in chromium with a fixed clock: due and late in the reader's time (late on one date, on time on
// another; a recurring duty rolls over), the ledgers sent back on task, unit, plan and review pages, the 督办单 on
// screen and on A4, for screen readers, in 大字模式 and on a phone. The hostile site (tests/global-setup.ts writes
// its ledgers: tests/output/hostile-seeds/progress): its hand-written plan's task 2 (各站所) is due 2023-06-30 and
// never reported; task 3 (镇政府) recurs each month and was reported twice; task 1's report is markup.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { appRunning } from '../helpers/browser.ts'
import { siteInChromium } from '../helpers/browser.ts'
import { HOSTILE_DIR, SCREENSHOTS } from '../helpers/site.ts'

const chromium = siteInChromium(HOSTILE_DIR, '/')
const JUNE = new Date('2023-06-20T09:00:00+08:00')
const JULY = new Date('2023-07-05T09:00:00+08:00')

async function open(path: string, now: Date, options: { width?: number; large?: boolean } = {}): Promise<{ page: Page; context: BrowserContext }> {
  const context = await chromium.browser.newContext({ timezoneId: 'Asia/Shanghai', viewport: { width: options.width ?? 1280, height: 900 } })
  const page = await context.newPage()
  await page.clock.setFixedTime(now)
  if (options.large) await page.addInitScript(() => localStorage.setItem('policy-site:large-type', '1'))
  await page.goto(chromium.server.url(path), { waitUntil: 'load' })
  await appRunning(page)
  // The content hydrates when the browser is idle: what the script wrote must outlive it.
  await page.waitForFunction(() => document.querySelector('.due-count')?.textContent !== '…')
  await page.waitForTimeout(300)
  return { page, context }
}

const listed = (page: Page, state: string) =>
  page.locator(`details[data-due-list="${state}"] li.due-match`).evaluateAll((items) => items.map((li) => li.textContent!.replace(/\s+/g, ' ').trim()))
const count = (page: Page, state: string) => page.locator(`details[data-due-list="${state}"] .due-count`).textContent()

describe('到期提醒 on the plan home, by the reader\'s date', () => {
  it('on 20 June task 2 is due this month, not late; the monthly duty falls due on 30 June', async () => {
    const { page, context } = await open('/hostile-plan/', JUNE)
    expect(await page.locator('.due-today').first().textContent()).toBe('2023年6月20日')
    expect(await count(page, 'late')).toBe('0 项')
    const month = await listed(page, 'month')
    expect(month).toHaveLength(2)
    expect(month.find((t) => t.includes('任务2'))).toMatch(/^本月到期，剩 10 天/)
    expect(month.find((t) => t.includes('任务3'))).toMatch(/^本月到期，本期截止 2023年6月30日/)
    await context.close()
  })
  it('on 5 July task 2 is late; the monthly duty rolled over to 31 July and is never late', async () => {
    const { page, context } = await open('/hostile-plan/', JULY)
    expect(await count(page, 'late')).toBe('1 项')
    expect((await listed(page, 'late'))[0]).toMatch(/^已逾期 5 天.*任务2/)
    const month = await listed(page, 'month')
    expect(month).toHaveLength(1)
    expect(month[0]).toMatch(/^本月到期，本期截止 2023年7月31日.*任务3/)
    await context.close()
  })
  it.each(['/hostile-plan/', '/units/x-hostile-plan-stations.html', '/supervision/'])('moves nothing on load: no layout shift (%s)', async (path) => {
    const { page, context } = await open(path, JULY)
    const shift = await page.evaluate(() => new Promise<number>((resolve) => {
      let total = 0
      // Shifts of the page's content; the nav bar's own (when the theme starts, on every page) is not the follow-up's.
      type Shift = PerformanceEntry & { value: number; sources: Array<{ node: Node | null }> }
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as Shift[]) if (e.sources.some((s) => s.node !== null && document.querySelector('.vp-doc')!.contains(s.node))) total += e.value
      })
        .observe({ type: 'layout-shift', buffered: true })
      setTimeout(() => resolve(total), 500)
    }))
    expect(shift).toBe(0)
    await context.close()
  })
  it('the unit page lists the unit\'s own late task', async () => {
    const { page, context } = await open('/units/x-hostile-plan-stations.html', JULY)
    expect((await listed(page, 'late'))[0]).toMatch(/已逾期 5 天.*任务2/)
    await context.close()
  })
})

describe('the ledgers sent back', () => {
  it('the task page shows the later report, and the earlier one kept', async () => {
    const { page, context } = await open('/hostile-plan/tasks/3.html', JULY)
    const progress = (await page.locator('.task-progress').innerText()).replace(/\s+/g, ' ')
    expect(progress).toContain('已完成（2023年6月25日报告）')
    expect(progress).toContain('第二次报告')
    expect(progress).toContain('完成日期： 2023年6月24日'.replace('： ', '：'))
    expect(progress).toContain('此前报告（1 份）')
    expect(progress).toContain('第一次报告')
    await context.close()
  })
  it('a report\'s markup is shown as written, and runs nothing', async () => {
    const { page, context } = await open('/hostile-plan/tasks/1.html', JULY)
    let dialogs = 0
    page.on('dialog', async (d) => { dialogs++; await d.dismiss() })
    expect(await page.locator('.task-progress').innerText()).toContain('<script>alert("progress")</script>{{ 7*7 }} ::: danger')
    expect(await page.locator('.task-progress script, .task-progress .danger').count()).toBe(0)
    expect(dialogs).toBe(0)
    await context.close()
  })
  it('a status that is not one of the four is a located warning on the review page', async () => {
    const { page, context } = await open('/hostile-plan/review.html', JULY)
    const rows = await page.locator('table tr').evaluateAll((trs) => trs.map((tr) => tr.textContent!.replace(/\s+/g, ' ')))
    expect(rows.some((r) => r.includes('progress/六月下旬.xlsx: 工作表“任务台账”第5行') && r.includes('报回的台账') && r.includes('<b>完成</b>'))).toBe(true)
    await context.close()
  })
  it('the plan home shows progress by measure, the bar hidden from screen readers, its counts in words', async () => {
    const { page, context } = await open('/hostile-plan/', JULY)
    const table = (await page.locator('.progress-table').innerText()).replace(/\s+/g, ' ')
    expect(table).toMatch(/第一项措施.* 0\/2 /)
    expect(await page.locator('progress.progress-bar').first().getAttribute('aria-hidden')).toBe('true')
    await context.close()
  })
})

describe('督办单', () => {
  it('lists each unit\'s open tasks with their state; on A4 one unit a page, only what is late or due soon, with the print date', async () => {
    const { page, context } = await open('/supervision/', JULY)
    const stations = page.locator('.duban-unit', { has: page.locator('h2', { hasText: /^各站所督办单/ }) })
    expect((await stations.locator('tr[data-due-state="late"]').innerText()).replace(/\s+/g, ' ')).toMatch(/已逾期 5 天.*任务2.*<b>完成<\/b>（2023年6月25日报告）/)
    const pdf = await page.pdf({ format: 'A4' })
    const file = join(SCREENSHOTS, 'supervision.pdf')
    writeFileSync(file, pdf)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toContain('打印日期：2023年7月5日')
    const sheets = text.split('\f').filter((s) => s.trim() !== '')
    const stationsSheet = sheets.find((s) => s.includes('各站所督办单'))!
    expect(stationsSheet).toContain('已逾期 5 天')
    expect(sheets.filter((s) => s.includes('各站所督办单'))).toHaveLength(1)
    expect(sheets.find((s) => s.includes('镇政府督办单'))).toBeDefined()
    await context.close()
  })
})

describe('大字模式 and a phone', () => {
  it('at 390 px in 大字模式 the states are text, and the lists and the progress table fit the screen', async () => {
    const { page, context } = await open('/hostile-plan/', JULY, { width: 390, large: true })
    expect(await page.evaluate(() => document.documentElement.classList.contains('large-type'))).toBe(true)
    await page.locator('details[data-due-list="late"] summary').click()
    const item = page.locator('details[data-due-list="late"] li.due-match').first()
    await expect.poll(() => item.isVisible()).toBe(true)
    // The state is text in the page (read by screen readers), not a colour or a CSS content.
    expect(await page.getByText('已逾期 5 天').first().isVisible()).toBe(true)
    expect(await page.locator('details[data-due-list="late"] summary').innerText()).toBe('已逾期：1 项')
    // What the follow-up adds is never wider than the screen (the hostile plan's title in the nav bar is its own matter).
    const right = await page.locator('.due-panel, .progress-table, .progress-table td').evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)))
    expect(right).toBeLessThanOrEqual(390)
    await page.locator('.due-panel').screenshot({ path: join(SCREENSHOTS, 'due-phone-large.png') })
    await context.close()
  })
})
