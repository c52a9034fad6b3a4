// A cadre's way through the site, in chromium, on the site built for /anquan/:
// home → 我的职责 → a unit → a task → its measure → back.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { siteInChromium } from '../helpers/browser.ts'
import { PLAN_ID, SCREENSHOTS, SITE_BASE } from '../helpers/site.ts'

const site = siteInChromium()
let page: Page
const requests: string[] = []
const errors: string[] = []

beforeAll(async () => {
  page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } })
  page.on('request', (r) => requests.push(r.url()))
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
  page.on('pageerror', (e) => errors.push(e.message))
})


// Headings end in VitePress's hidden anchor link (a zero-width space).
// The page's title once the page shown is the new one: client-side navigation changes the address first.
const h1 = async () => (await page.locator('main h1').innerText()).replace(/[\u200b\s]+$/, '')

describe('a cadre finds what the unit owes', () => {
  it('goes home → 我的职责 → unit → task → measure → back', async () => {
    await page.goto(site.server.url('/'))
    await expect.poll(h1).toBe('政策文件知识库')
    await expect(page.getByRole('link', { name: '关于贯彻落实国务院安委会全面加强安全生产十五条措施的实施方案' }).first().isVisible()).resolves.toBe(true)
    await page.screenshot({ path: `${SCREENSHOTS}/home.png` })

    await page.locator('.VPNavBar').getByRole('link', { name: '我的职责' }).click()
    await page.waitForURL(/\/anquan\/units\/(index\.html)?$/)
    await expect.poll(h1).toBe('我的职责')

    await page.locator('main').getByRole('link', { name: '负有安全监管职责的站所的任务' }).click()
    await page.waitForURL(`${site.server.origin}units/140404102-supervising-stations.html`)
    await expect.poll(h1).toBe('荫城镇 · 负有安全监管职责的站所')
    const unitText = await page.locator('main').innerText()
    expect(unitText).toContain('共 12 项任务：直接发给本单位 5 项，发给所属群体 7 项')
    expect(unitText).toContain('经由“各站所”')
    await page.screenshot({ path: `${SCREENSHOTS}/unit.png`, fullPage: true })

    await page.locator('main').getByRole('link', { name: '任务12　强化新业态安全监管' }).click()
    await page.waitForURL(`${site.server.origin}${PLAN_ID}/tasks/12.html`)
    await expect.poll(h1).toBe('任务12　强化新业态安全监管')
    const facts = page.locator('.task-facts')
    expect(await facts.innerText()).toContain('所属措施：（三）严格落实部门安全监管责任')
    expect(await facts.innerText()).toContain('责任单位：负有安全监管职责的站所')
    expect(await facts.innerText()).toContain('完成时限：8月底前完成（2022-08-31）')
    expect(await facts.getByRole('link', { name: '负有安全监管职责的站所' }).getAttribute('href')).toBe(`${SITE_BASE}units/140404102-supervising-stations.html`)
    expect(await facts.getByRole('link', { name: '8月底前完成（2022-08-31）' }).getAttribute('href')).toBe(`${SITE_BASE}${PLAN_ID}/deadlines/2022-08-31.html`)
    // prev/next in Chinese
    expect(await page.locator('.pager-link.prev').innerText()).toContain('上一篇')
    expect(await page.locator('.pager-link.next').innerText()).toContain('任务13　压实全链条监管责任')
    await page.screenshot({ path: `${SCREENSHOTS}/task.png`, fullPage: true })

    await facts.getByRole('link', { name: '（三）严格落实部门安全监管责任' }).click()
    await page.waitForURL(`${site.server.origin}${PLAN_ID}/measures/3.html`)
    await expect.poll(h1).toBe('（三）严格落实部门安全监管责任')
    expect(await page.locator('main').innerText()).toContain('本措施共 4 项任务')
    expect(await page.locator('main h2').allInnerTexts()).toEqual(
      ['任务10　推行挂牌责任制', '任务11　健全完善权责清单', '任务12　强化新业态安全监管', '任务13　压实全链条监管责任'].map((t) => expect.stringContaining(t)),
    )

    await page.goBack()
    await page.waitForURL(`${site.server.origin}${PLAN_ID}/tasks/12.html`)
    await expect.poll(h1).toBe('任务12　强化新业态安全监管')
  })

  it('opens a task in the original text at its anchor', async () => {
    await page.goto(site.server.url(`/${PLAN_ID}/tasks/22.html`))
    await page.locator('main').getByRole('link', { name: '查看原文' }).click()
    await page.waitForURL(`${site.server.origin}${PLAN_ID}/original.html#task-22`)
    // The address changes before the page shown does (client-side navigation; the task page has a #task-22 too).
    const anchored = page.locator('#task-22').locator('xpath=..')
    await expect.poll(() => anchored.innerText()).toContain('22.严禁违法分包专包。')
    expect(await anchored.isVisible()).toBe(true)
  })

  it('shows each plan its own sidebar, on first load and after moving between plans in the page', async () => {
    const sidebar = async () => (await page.locator('.VPSidebar').innerText()).split('\n').filter((l) => /^（[一二三]）|^[一二三]、/.test(l.trim())).slice(0, 2)
    await page.goto(site.server.url(`/${PLAN_ID}/tasks/7.html`))
    expect(await sidebar()).toEqual(['（一）严格落实党组织安全生产责任', '（二）严格落实政府安全生产责任'])
    // Client-side, through the 文件 menu, to the other plan: its sidebar, not the first plan's.
    await page.locator('.VPNavBarMenu').getByRole('button', { name: '文件' }).hover()
    await page.locator('.VPNavBarMenu').getByRole('link', { name: '荫城镇2023年消防安全专项整治工作方案' }).click()
    await page.waitForURL(`${site.server.origin}yincheng-2023-fire-safety/`)
    await expect.poll(sidebar).toEqual(['二、排查整治人员密集场所火灾隐患', '三、整治农村火灾隐患'])
    await page.locator('.VPSidebar').getByRole('link', { name: '（一）严格落实党组织安全生产责任' }).count().then((n) => expect(n).toBe(0))
    // And back, by the browser's history.
    await page.goBack()
    await page.waitForURL(`${site.server.origin}${PLAN_ID}/tasks/7.html`)
    await expect.poll(sidebar).toEqual(['（一）严格落实党组织安全生产责任', '（二）严格落实政府安全生产责任'])
  })

  it('holds only its own plan\'s page map: moves within the plan in the page, loads another plan\'s page and the shared ones whole', async () => {
    await page.goto(site.server.url(`/${PLAN_ID}/tasks/7.html`))
    await page.waitForLoadState('networkidle')
    const keys = await page.evaluate(() => Object.keys((window as { __VP_HASH_MAP__?: object }).__VP_HASH_MAP__ ?? {}))
    expect(keys).toContain(`${PLAN_ID}_tasks_8.md`)
    expect(keys).not.toContain('units_villages.md')
    expect(keys.filter((k) => k.startsWith('yincheng-2023-fire-safety_'))).toEqual([])
    const documents: string[] = []
    page.on('request', (r) => { if (r.resourceType() === 'document') documents.push(new URL(r.url()).pathname) })
    // Within the plan: client-side (no new document), the measure page shown.
    const measure = page.locator(`main a[href^="${SITE_BASE}${PLAN_ID}/measures/"]`).first()
    const href = (await measure.getAttribute('href'))!
    await measure.click()
    await page.waitForURL(new URL(href, site.server.origin).href)
    await expect.poll(h1).toMatch(/^[（(]?[一二三四五六七八九十]+[）)、]/)
    expect(documents).toEqual([])
    // To the other plan: the page is loaded whole, with that plan's map.
    await page.locator('.VPNavBarMenu').getByRole('button', { name: '文件' }).hover()
    await page.locator('.VPNavBarMenu').getByRole('link', { name: '荫城镇2023年消防安全专项整治工作方案' }).click()
    await page.waitForURL(`${site.server.origin}yincheng-2023-fire-safety/`)
    await expect.poll(h1).toContain('消防安全专项整治')
    expect(documents).toEqual([`${SITE_BASE}yincheng-2023-fire-safety/`])
    const after = await page.evaluate(() => Object.keys((window as { __VP_HASH_MAP__?: object }).__VP_HASH_MAP__ ?? {}))
    expect(after.filter((k) => k.startsWith(`${PLAN_ID}_`))).toEqual([])
    // To a shared page (我的职责): loaded whole too, and shown.
    await page.locator('.VPNavBarMenu').getByRole('link', { name: '我的职责' }).click()
    await page.waitForURL(/\/anquan\/units\/(index\.html)?$/)
    await expect.poll(h1).toBe('我的职责')
    expect(documents).toHaveLength(2)
    expect(documents[1]).toMatch(/^\/anquan\/units\//)
  })

  it('serves a Chinese 404 page under the sub-path', async () => {
    const response = await page.goto(site.server.url('/no/such/page.html'))
    expect(response?.status()).toBe(404)
    // VitePress renders its 404 page in the browser (its HTML holds no text).
    await expect.poll(() => page.locator('body').innerText()).toContain('页面未找到')
  })

  it('made no request outside this host, and the pages raised no error', () => {
    const outside = requests.filter((url) => !url.startsWith(site.server.origin) && !url.startsWith('data:'))
    expect(outside).toEqual([])
    expect(errors.filter((e) => !e.includes('404'))).toEqual([])
  })
})

describe('from a task to its terms and back', () => {
  it('a term link leads to its glossary entry, which links back to the task', async () => {
    await page.goto(site.server.url(`/${PLAN_ID}/tasks/30.html`))
    await page.locator('main').getByRole('link', { name: '八有', exact: true }).click()
    await page.waitForURL(new RegExp(`${PLAN_ID}/glossary\\.html#term-[0-9a-f]{8}$`))
    const id = new URL(page.url()).hash.slice(1)
    const entry = page.locator(`[id="${id}"]`)
    expect(await entry.innerText()).toContain('八有')
    const definition = page.locator(`[id="${id}"] + p`)
    expect(await definition.innerText()).toContain('有场所、有牌子、有印章、有制度、有经费、有装备、有统一服装、有工作档案')
    await page.locator(`[id="${id}"] + p + p`).getByRole('link', { name: '任务30　加强执法保障' }).click()
    await page.waitForURL(`${site.server.origin}${PLAN_ID}/tasks/30.html`)
    await expect.poll(h1).toBe('任务30　加强执法保障')
  })

  it('a measure page shows its national counterpart', async () => {
    await page.goto(site.server.url(`/${PLAN_ID}/measures/7.html`))
    expect(await page.locator('main').innerText()).toContain('对应国家措施：第8条 严厉查处违法分包转包和挂靠资质行为')
  })
})
