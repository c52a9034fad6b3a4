// Plans full of markup, template syntax, VitePress directives and script
// (tests/fixtures/hostile: a hand-written plan, and the corpus plan that puts
// every payload of payloads.lines into every field): the build runs nothing,
// includes no file and writes nothing outside its output; every page, served
// plainly and under the the guide's Content-Security-Policy, shows the text
// literally, hydrates without a mismatch and raises no dialog.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { appRunning, launch } from '../helpers/browser.ts'
import { serve, type StaticServer } from '../helpers/server.ts'
import { filesBelow } from '../helpers/html.ts'
import { planOf, ROOT } from '../helpers/plans.ts'
import { HOSTILE_DIR, HOSTILE_SEEDS, guideHeaders } from '../helpers/site.ts'
import { CORPUS_PLAN_ID, misplaced, payloads } from '../helpers/hostile.ts'
import type { Plan } from '../../scripts/model/plan.ts'

let browser: Browser
let corpus: Plan

beforeAll(async () => {
  browser = await launch()
  corpus = await planOf(join(HOSTILE_SEEDS, `${CORPUS_PLAN_ID}.txt`))
})
afterAll(async () => {
  await browser?.close()
})

const pages = () => filesBelow(HOSTILE_DIR).filter((f) => f.endsWith('.html') && f !== '404.html')
const squash = (s: string) => s.replace(/\u2060/g, '').replace(/\s+/g, ' ').trim()

it('the corpus plan holds every payload in every field', async () => {
  expect(payloads().length).toBeGreaterThan(40)
  expect(misplaced(corpus)).toEqual([])
})

it('the build ran no payload and included no file', async () => {
  // A payload that ran on the build machine writes pwned-* into the working directory.
  expect(readdirSync(ROOT).filter((f) => f.startsWith('pwned'))).toEqual([])
  expect(existsSync(join(HOSTILE_DIR, '..', 'pwned-attrs'))).toBe(false)
  const included = [
    readFileSync(join(ROOT, 'tests/fixtures/hostile/secret.txt'), 'utf8').trim(),
    'repositoryformatversion', // .git/config
    '"devDependencies"', // package.json
  ]
  const textFiles = filesBelow(HOSTILE_DIR).filter((f) => /\.(html|js|json|csv|ics|txt)$/.test(f))
  expect(textFiles.length).toBeGreaterThan(100)
  for (const file of textFiles) {
    const content = readFileSync(join(HOSTILE_DIR, file), 'utf8')
    for (const marker of included) expect(content.includes(marker), `${file} holds ${marker}`).toBe(false)
  }
})

/** What a payload would leave in the DOM had it been read as markup. */
function injected(): Record<string, unknown> {
  const all = [...document.querySelectorAll('*')]
  const main = document.querySelector('main')!
  return {
    attributes: all.flatMap((el) => [...el.attributes].map((a) => a.name))
      .filter((n) => /^(on|v-|@|:|#|data-injected)/.test(n) || n === 'ref').slice(0, 5),
    ids: ['injected-id', 'anchor-injected'].filter((id) => document.getElementById(id) !== null),
    classes: document.querySelectorAll('.injected-class, .custom-block, .emoji, .footnotes, .katex, mjx-container').length,
    elements: [...main.querySelectorAll('img, iframe, b, em, del, pre, code, hr, blockquote, details:not(.fold):not(.due-list), template, component, script, h1:not(#title):not([id^="task-"])')]
      .map((el) => el.outerHTML.slice(0, 60)),
    scripts: [...document.querySelectorAll('script')].filter((s) => /alert|pwned/.test(s.textContent ?? '')).length,
    fixed: [...main.querySelectorAll('*')].filter((el) => getComputedStyle(el).position === 'fixed').map((el) => el.outerHTML.slice(0, 60)),
    styled: all.filter((el) => /fixed|inset|z-index|100v/.test(el.getAttribute('style') ?? '')).map((el) => el.outerHTML.slice(0, 60)),
    javascriptLinks: [...document.querySelectorAll('a')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
    emoji: /[\u{1F300}-\u{1FAFF}\u2764]/u.test(document.body.innerText),
  }
}

// In the order injected() returns them: compared as JSON.
const clean = { attributes: [], ids: [], classes: 0, elements: [], scripts: 0, fixed: [], styled: [], javascriptLinks: 0, emoji: false }

for (const mode of ['served plainly', "under the the guide's CSP"] as const) {
  describe(mode, () => {
    let server: StaticServer
    let page: Page
    const dialogs: string[] = []
    const errors: string[] = []
    const open = async () => {
      const tab = await browser.newPage()
      tab.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss() })
      // Hydration mismatches, CSP violations and script errors all reach the console as errors.
      tab.on('console', (m) => { if (m.type() === 'error' || /hydration/i.test(m.text())) errors.push(`${tab.url()}: ${m.text()}`) })
      tab.on('pageerror', (e) => errors.push(`${tab.url()}: ${e.message}`))
      return tab
    }

    beforeAll(async () => {
      server = await serve(HOSTILE_DIR, '/', mode === 'served plainly' ? {} : guideHeaders())
      page = await open()
    })
    afterAll(async () => {
      await page?.close()
      await server?.close()
    })

    it('no page runs, injects or lays anything over the page', async () => {
      const all = pages()
      expect(all.length).toBeGreaterThan(80)
      const found: Array<[string, unknown]> = []
      // Two tabs, one a core.
      const walk = async (tab: Page, paths: string[]) => {
        for (const path of paths) {
          await tab.goto(server.url(`/${path}`), { waitUntil: 'load' })
          await appRunning(tab)
          found.push([path, await tab.evaluate(injected)])
        }
      }
      const second = await open()
      await Promise.all([walk(page, all.filter((_, i) => i % 2 === 0)), walk(second, all.filter((_, i) => i % 2 === 1))])
      await second.close()
      expect(found.length).toBe(all.length)
      expect(found.filter(([, seen]) => JSON.stringify(seen) !== JSON.stringify(clean))).toEqual([])
      expect(errors).toEqual([])
      expect(dialogs).toEqual([])
    }, 600_000)

    it('search results show the payloads as text, and run nothing', async () => {
      await page.goto(server.url(`/${CORPUS_PLAN_ID}/`), { waitUntil: 'load' })
      await appRunning(page)
      await page.keyboard.press('Control+k')
      await page.locator('#policy-search-input').fill('alert')
      await page.locator('.policy-search .result').first().waitFor()
      const box = page.locator('.policy-search')
      expect(await box.locator('.result').count()).toBeGreaterThan(3)
      expect(await box.innerText()).toContain('alert')
      expect(await page.evaluate(injected)).toEqual(clean)
      expect(await box.locator('script, img, iframe, svg, [onerror], [onload]').count()).toBe(0)
      await page.keyboard.press('Escape')
      expect(dialogs).toEqual([])
      expect(errors).toEqual([])
    }, 60_000)

    it('every field shows its payload as written', async () => {
      const show = async (path: string) => {
        await page.goto(server.url(path), { waitUntil: 'load' })
        return squash(await page.locator('main').innerText())
      }
      for (const task of corpus.tasks) {
        const main = await show(`/${CORPUS_PLAN_ID}/tasks/${task.number}.html`)
        for (const text of [task.title, ...task.text.split('\n'), ...task.units, task.deadline.text]) {
          expect(main, `task ${task.number}`).toContain(squash(text))
        }
      }
      const home = await show(`/${CORPUS_PLAN_ID}/`)
      for (const text of [corpus.title, corpus.issuer, ...corpus.preamble.split('\n')]) expect(home).toContain(squash(text))
      const phases = await show(`/${CORPUS_PLAN_ID}/phases.html`)
      for (const p of corpus.phases) for (const text of [p.title, p.text]) expect(phases).toContain(squash(text))
      const requirements = await show(`/${CORPUS_PLAN_ID}/requirements.html`)
      for (const r of corpus.requirements) for (const text of [r.title, r.text]) expect(requirements).toContain(squash(text))
      const ideology = await show(`/${CORPUS_PLAN_ID}/guiding-ideology.html`)
      for (const line of corpus.guidingIdeology.split('\n')) expect(ideology).toContain(squash(line))
      await page.goto(server.url(`/${CORPUS_PLAN_ID}/`), { waitUntil: 'load' })
      expect(squash(await page.title())).toContain(squash(corpus.title))
      const sidebar = squash(await page.locator('.VPSidebar').innerText())
      for (const m of corpus.measures) expect(sidebar).toContain(squash(m.title))
      expect(dialogs).toEqual([])
    }, 300_000)
  })
}

describe('the hand-written hostile plan', () => {
  let server: StaticServer
  let page: Page
  beforeAll(async () => {
    server = await serve(HOSTILE_DIR, '/')
    page = await browser.newPage()
  })
  afterAll(async () => {
    await page?.close()
    await server?.close()
  })

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

  it('keeps the plan as issued, byte for byte', async () => {
    expect(readFileSync(join(HOSTILE_DIR, 'hostile-plan/hostile-plan.txt'))).toEqual(readFileSync(join(ROOT, 'tests/fixtures/hostile/hostile-plan.txt')))
  })
})
