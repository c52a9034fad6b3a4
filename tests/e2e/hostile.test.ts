// A plan full of markup, template syntax and script: every page shows it as
// literal text and nothing in it runs (chromium, site of tests/fixtures/hostile).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launch } from '../helpers/browser.ts'
import { serve, type StaticServer } from '../helpers/server.ts'
import { filesBelow } from '../helpers/html.ts'
import { ROOT } from '../helpers/plans.ts'
import { HOSTILE_DIR } from '../helpers/site.ts'

let server: StaticServer
let browser: Browser
let page: Page
const dialogs: string[] = []
const errors: string[] = []

beforeAll(async () => {
  server = await serve(HOSTILE_DIR, '/')
  browser = await launch()
  page = await browser.newPage()
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss() })
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
  page.on('pageerror', (e) => errors.push(e.message))
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const pages = () => filesBelow(HOSTILE_DIR).filter((f) => f.endsWith('.html') && f !== '404.html')

it('runs nothing and injects nothing on any page', async () => {
  expect(pages().length).toBeGreaterThan(10)
  for (const path of pages()) {
    await page.goto(server.url(`/${path}`))
    await page.waitForLoadState('networkidle')
    const injected = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script')].filter((s) => (s.textContent ?? '').includes('alert')).length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).map((el) => el.outerHTML.slice(0, 80)),
      frames: document.querySelectorAll('iframe').length,
      bold: [...document.querySelectorAll('main b, .VPSidebar b, .VPNav b')].length,
      javascriptLinks: [...document.querySelectorAll('a')].filter((a) => a.getAttribute('href')?.startsWith('javascript:')).length,
    }))
    expect(injected, path).toEqual({ scripts: 0, handlers: [], frames: 0, bold: 0, javascriptLinks: 0 })
  }
  expect(dialogs).toEqual([])
  expect(errors).toEqual([])
}, 120_000)

it('shows the plan text verbatim', async () => {
  await page.goto(server.url('/hostile-plan/tasks/1.html'))
  const main = await page.locator('main').innerText()
  expect(main).toContain("任务1　标题{{ 1+1 }}<script>alert('task')</script>")
  expect(main).toContain("正文含有 | 竖线 | 与 # 井号 与 ::: warning 容器 与 <img src=x onerror=alert('text')> 图片。")
  expect(main).toContain('<b>坏单位</b>{{x}}')
  await page.goto(server.url('/hostile-plan/tasks/2.html'))
  const second = await page.locator('main').innerText()
  for (const line of ['---', '::: danger', '容器语法', ':::', '# 不是标题', '{{ $route }} &quot;实体&quot; &#60;script&#62;']) expect(second).toContain(line)
  expect(await page.locator('main .custom-block').count()).toBe(0)
  expect(await page.locator('main hr').count()).toBe(0)
  await page.goto(server.url('/hostile-plan/'))
  const home = await page.locator('main').innerText()
  expect(home).toContain("关于{{ 7*7 }}测试<img src=x onerror=alert('title')>的实施方案")
  expect(home).toContain("{{ constructor.constructor('alert(1)')() }} 与 <script>alert('preamble')</script> 以及 &amp; &lt;b&gt; 都应原样显示")
  expect(await page.title()).toContain('关于{{ 7*7 }}测试<img')
  const sidebar = await page.locator('.VPSidebar').innerText()
  expect(sidebar).toContain("（一）第一项措施<b onmouseover=alert('measure')>粗体</b>")
})

it('keeps the plan as issued, byte for byte', () => {
  expect(readFileSync(join(HOSTILE_DIR, 'hostile-plan/hostile-plan.txt'))).toEqual(readFileSync(join(ROOT, 'tests/fixtures/hostile/hostile-plan.txt')))
})
