// The built site on disk (tests/output/site, base /anquan/): every task page,
// every unit page's tasks, and no dead internal link or asset.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { filesBelow, mainLinks, mainText, read } from '../helpers/html.ts'
import { planOf, SEED } from '../helpers/plans.ts'
import { PLAN_ID, SITE_BASE, SITE_DIR, UNIT_TASKS } from '../helpers/site.ts'
import { deadlineLabel } from '../../scripts/views/deadlines.ts'

const plan = await planOf(SEED)

describe('the built site', () => {
  it.each(plan.tasks.map((t) => [t.number, t] as const))('task page %i shows title, measure, units and deadline', async (n, task) => {
    const html = read(SITE_DIR, `${PLAN_ID}/tasks/${n}.html`)
    const text = mainText(html)
    expect(text).toContain(`任务${n}　${task.title}`)
    expect(text).toContain(plan.measures[task.measure - 1]!.title)
    for (const unit of task.units) expect(text).toContain(unit)
    expect(text).toContain(`完成时限：${deadlineLabel(task.deadline)}`)
    const links = mainLinks(html)
    expect(links).toContain(`${SITE_BASE}${PLAN_ID}/measures/${task.measure}.html`)
    expect(links).toContain(`${SITE_BASE}${PLAN_ID}/original.html#task-${n}`)
    expect(links.some((l) => l.startsWith(`${SITE_BASE}${PLAN_ID}/deadlines/`))).toBe(true)
    expect(links.filter((l) => l.startsWith(`${SITE_BASE}units/`)).length).toBeGreaterThanOrEqual(task.units.length)
  })

  it.each(UNIT_TASKS)('unit page %s (%s) lists exactly its direct and inherited tasks', async (slug, name, direct, inherited) => {
    // 到期提醒 (scripts/render/progress.ts) lists the dated ones again, once a state: the unit's list is the rest.
    const html = read(SITE_DIR, `units/${slug}.html`).replace(/<div class="due-panel">[\s\S]*?<\/details><\/div>/g, '')
    expect(mainText(html)).toContain(name)
    const listed = mainLinks(html)
      .map((href) => new RegExp(`^${SITE_BASE}${PLAN_ID}/tasks/(\\d+)\\.html$`).exec(href)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
    expect([...listed].sort((a, b) => a - b)).toEqual([...direct, ...inherited].sort((a, b) => a - b))
    const text = mainText(html)
    expect(text).toContain(inherited.length === 0 ? `共 ${direct.length} 项任务，均直接发给本单位。` : `共 ${direct.length + inherited.length} 项任务：直接发给本单位 ${direct.length} 项，发给所属群体 ${inherited.length} 项`)
    expect(text).not.toContain('发给所属群体 0 项')
    // Dated deadlines come first, then recurring, then 长期坚持.
    const order = ['2022年', '每月', '长期坚持'].map((w) => text.indexOf(w)).filter((i) => i >= 0)
    expect(order).toEqual([...order].sort((a, b) => a - b))
  })

  it('has no dead internal link or asset', async () => {
    const files = new Set(filesBelow(SITE_DIR))
    const dead: string[] = []
    for (const file of files) {
      if (!file.endsWith('.html')) continue
      const html = read(SITE_DIR, file)
      const pageUrl = new URL(`http://site${SITE_BASE}${file}`)
      for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        const target = new URL(m[1]!.replace(/&amp;/g, '&'), pageUrl)
        if (target.host !== 'site') {
          if (!m[1]!.startsWith('data:')) dead.push(`${file}: external ${m[1]}`)
          continue
        }
        if (!target.pathname.startsWith(SITE_BASE)) { dead.push(`${file}: outside the base: ${m[1]}`); continue }
        let path = decodeURIComponent(target.pathname.slice(SITE_BASE.length))
        if (path === '' || path.endsWith('/')) path += 'index.html'
        if (!files.has(path)) { dead.push(`${file}: ${m[1]}`); continue }
        if (target.hash && path.endsWith('.html')) {
          const id = decodeURIComponent(target.hash.slice(1))
          if (!read(SITE_DIR, path).includes(`id="${id}"`)) dead.push(`${file}: no anchor ${m[1]}`)
        }
      }
    }
    expect(dead).toEqual([])
    expect(existsSync(join(SITE_DIR, '404.html'))).toBe(true)
  })

  it('publishes the plan as issued, byte for byte, and its model', async () => {
    expect(read(SITE_DIR, `${PLAN_ID}/${PLAN_ID}.txt`)).toBe(read(join(SEED, '..'), `${PLAN_ID}.txt`))
    expect(JSON.parse(read(SITE_DIR, `${PLAN_ID}/plan.json`))).toEqual(JSON.parse(JSON.stringify(plan)))
  })

  it('is Chinese throughout', async () => {
    const home = read(SITE_DIR, 'index.html')
    expect(home).toMatch(/<html lang="zh-CN"/)
    const notFound = read(SITE_DIR, '404.html')
    expect(notFound).toMatch(/<html lang="zh-CN"/)
  })
})
