// The pages as generated from the model, before VitePress: addresses, links and content.
import { describe, expect, it } from 'vitest'
import { sitePages } from '../../scripts/site/pages.ts'
import { inert, toMarkdown } from '../../scripts/render/markdown.ts'
import { makeSite } from '../../scripts/views/site.ts'
import { loadReference } from '../../scripts/data/load.ts'
import { FIXTURES, planOf, registry, ROOT, SEED } from '../helpers/plans.ts'
import type { Plan, Review } from '../../scripts/model/plan.ts'
import { readFileSync } from 'node:fs'
import { parsePlan } from '../../scripts/parse/index.ts'
import { readPlan } from '../../scripts/site/load.ts'
import { planSidebar } from '../../scripts/site/nav.ts'
import { ownedCounts } from '../../scripts/render/site.ts'
import { reviewsOf } from '../../scripts/views/report.ts'

const seed = await planOf(SEED)
const second: Plan = { ...(await planOf(`${FIXTURES}plans/canonical/input.txt`)), id: 'fangxun-2023', source: 'fangxun-2023.txt' }

function render(plans: Plan[]) {
  const pages = sitePages(makeSite(plans), new Map(plans.map((p) => [p.id, ''])), loadReference().knowledge, { pdf: true }).map((p) => ({ path: p.path, md: toMarkdown(p) }))
  return new Map(pages.map((p) => [p.path, p.md]))
}

describe('site pages', () => {
  const one = render([seed])

  it('has a page for every measure, task, unit and normalised deadline, at ASCII addresses', async () => {
    const paths = [...one.keys()]
    for (const path of paths) expect(path).toMatch(/^[a-z0-9/._-]+$/)
    expect(paths.filter((p) => p.includes('/tasks/'))).toHaveLength(35)
    expect(paths.filter((p) => p.includes('/measures/'))).toHaveLength(13)
    // A page a body of 荫城镇's government, and a page a division from the province down to the township.
    expect(paths.filter((p) => p.startsWith('units/140404102-'))).toHaveLength(8)
    expect(paths.filter((p) => /^units\/\d+\.md$/.test(p)).sort()).toEqual(['units/140000.md', 'units/140400.md', 'units/140404.md', 'units/140404102.md'])
    expect(paths.filter((p) => p.includes('/deadlines/')).sort()).toEqual(
      ['2022-05-31', '2022-06-30', '2022-08-31', '2022-09-30', '2022-12-31', 'every-month', 'ongoing'].map(
        (s) => `yincheng-2022-safety-15-measures/deadlines/${s}.md`,
      ),
    )
  })

  it('a second plan becomes a second section without changing the first one\'s addresses or task pages', async () => {
    const two = render([seed, second])
    for (const [path, md] of one) {
      expect(two.has(path)).toBe(true)
      if (path.startsWith('yincheng-2022-safety-15-measures/tasks/')) expect(two.get(path)).toBe(md)
    }
    expect(two.has('fangxun-2023/tasks/5.md')).toBe(true)
    // The second plan's issuer (某某镇人民政府) is no division the data knows: its 各村 are not 荫城镇's.
    expect(two.get('units/140404102-villages.md')).not.toContain('关于做好防汛安全工作的实施方案')
    expect(two.get('units/x-fangxun-2023-villages.md')).toContain('](/fangxun-2023/tasks/1)')
    expect(two.get('units/undetermined.md')).toContain('关于做好防汛安全工作的实施方案')
  })

  it('renders the same seeds to the same bytes', async () => {
    expect([...render([seed]).entries()]).toEqual([...one.entries()])
  })

  it('writes plan text as character references, in the body and in the front matter', async () => {
    const hostile: Plan = { ...seed, tasks: seed.tasks.map((t, i) => (i === 0 ? { ...t, title: '标题*强调* [x](javascript:alert(1)) <b>粗</b>{.c}' } : t)) }
    const md = render([hostile]).get('yincheng-2022-safety-15-measures/tasks/1.md')!
    const body = md.slice(md.indexOf('<div v-pre>'))
    expect(body).toContain('标题&#42;强调&#42; &#91;x&#93;&#40;javascript&#58;alert&#40;1&#41;&#41; &#60;b&#62;粗&#60;&#47;b&#62;&#123;&#46;c&#125;')
    expect(body).not.toMatch(/[*[<{]x|\{\.c\}|<b>/)
    // Front matter: JSON, no "<" (VitePress expands includes there), the title's Markdown escaped.
    const front = md.slice(0, md.indexOf('<div v-pre>'))
    expect(front).not.toContain('<')
    expect(front).toContain('"title": "任务1　标题\\\\*强调\\\\*')
  })
})

describe('the printed plan (全文打印)', () => {
  it.each(['canonical', 'sections-as-measures', 'numbered-on', 'sub-items', 'cn-paren-tasks', 'four-levels'])('of %s holds every task once, with its marker as written', async (name) => {
    const plan: Plan = { ...(await planOf(`${FIXTURES}plans/${name}/input.txt`)), id: 'plan', source: 'plan.txt' }
    const md = render([plan]).get('plan/print.md')!
    const body = md.slice(md.indexOf('<div v-pre>'))
    for (const task of plan.tasks) {
      const line = `${task.marker ?? `${task.number}.`}${task.title}`
      expect(body.split(inert(line)).length - 1, `task ${task.number}`).toBe(1)
    }
    for (const m of plan.measures) expect(body.split(inert(m.title)).length - 1, `measure ${m.number}`).toBeGreaterThanOrEqual(1)
  })
})

describe('a plan published with warnings', () => {
  // The seed with task 8's note removed and the file cut inside task 20: what the parser could not read.
  const lines = readFileSync(SEED, 'utf8').split('\n')
  const at = (n: number) => lines.findIndex((l) => l.startsWith(`${n}.`))
  lines[at(8)] = lines[at(8)]!.replace(/（责任单位[^）]*）/, '')
  const cut = lines.slice(0, at(20) + 1).join('\n').slice(0, -40)
  const result = parsePlan({ id: 'broken', source: 'broken.txt', text: cut, registry })
  if (!result.ok) throw new Error('refused')
  const reviews: Review[] = reviewsOf(result.warnings, cut, (line) => `:${line}`, [])
  const site = makeSite([result.plan])
  const pages = new Map(sitePages(site, new Map([['broken', cut]]), loadReference().knowledge, { pdf: false }, new Map([['broken', reviews]])).map((p) => [p.path, toMarkdown(p)]))

  it('has a review page (数据核对) with each warning, its place and the line it is about', async () => {
    const review = pages.get('broken/review.md')!
    expect(review).toContain('数据核对')
    for (const r of reviews) {
      expect(review).toContain(inert(`broken.txt:${r.line}`))
      expect(review).toContain(inert(r.text.slice(0, 20)))
    }
    expect(reviews.map((r) => r.kind)).toEqual(expect.arrayContaining(['note', 'cut']))
  })

  it('links the review page from the plan home, not from the menus', async () => {
    expect(pages.get('broken/index.md')).toContain('/broken/review')
    expect(pages.get('broken/index.md')).toContain(inert(`读取本文件时有 ${reviews.length} 条提示`))
    expect(JSON.stringify(planSidebar(result.plan))).not.toContain('review')
  })

  it('a task whose units were not found says 未注明; the cut task says where the file ends', async () => {
    expect(pages.get('broken/tasks/8.md')).toContain(inert('未注明'))
    expect(pages.get('broken/tasks/20.md')).toContain(inert('原文在此处中断'))
    expect(pages.get('broken/tasks/19.md')).not.toContain(inert('原文在此处中断'))
  })

  it('a plan whose file states no title or issuer says so, naming the file, instead of an empty heading', async () => {
    const untitled = { ...result.plan, id: 'untitled', source: 'untitled.txt', title: '', issuer: '' }
    const home = toMarkdown(sitePages(makeSite([untitled]), new Map(), loadReference().knowledge, { pdf: false }).find((p) => p.path === 'untitled/index.md')!)
    expect(home).toContain(inert('未注明标题的文件（untitled.txt）'))
    expect(home).toContain(inert('未注明'))
    expect(home).not.toContain(inert('《》'))
  })
})

describe('what a cadre sees on the two seeds', async () => {
  const loaded = await readPlan(`${ROOT}seeds/yincheng-2023-fire-safety.docx`, registry)
  if (!loaded.result.ok) throw new Error('the fire plan does not parse')
  const fire = loaded.result.plan
  const both = render([seed, fire])
  const home = both.get('index.md')!
  const plain = (md: string) => md.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))

  it('the site home names addressees only where a plan has them (the fire plan, issued by a notice, has none)', async () => {
    expect(fire.addresseesText).toBe('')
    expect(home).toContain('荫城镇人民政府 · 2022年5月10日 · 主送：各村，各站所')
    expect(home).toContain('荫城镇人民政府 · 2023年3月15日\n')
    expect(home).not.toMatch(/主送：\s*\n/)
  })

  it('counts measures in the plan\'s own word, or in a neutral one where its sections are its measures', async () => {
    expect(home).toContain('13 项细化措施，35 项具体任务。')
    expect(home).toContain(`3 个方面，${fire.tasks.length} 项具体任务。`)
    const fireHome = both.get(`${fire.id}/index.md`)!
    expect(fireHome).toContain(`3 个方面，${fire.tasks.length} 项具体任务，`)
    expect(fireHome).not.toContain('细化措施')
  })

  it('offers the national comparison only for a plan that refines the national measures', async () => {
    expect(seed.nationalMeasureCount).toBe(15)
    expect(fire.nationalMeasureCount).toBeNull()
    expect(both.has(`${seed.id}/national.md`)).toBe(true)
    expect(both.has(`${fire.id}/national.md`)).toBe(false)
    const texts = (plan: Plan) => planSidebar(plan)[0]!.items!.map((i) => i.text)
    expect(texts(seed)).toContain('对照国家十五条措施')
    expect(texts(fire)).not.toContain('对照国家十五条措施')
    for (const [path, md] of both) if (path.startsWith(`${fire.id}/`)) expect(md, path).not.toContain(`/${fire.id}/national`)
  })

  it('names the plan\'s home 方案首页 in its sidebar: 首页 is the site\'s, in the top bar', async () => {
    expect(planSidebar(seed)[0]!.items![0]).toEqual({ text: '方案首页', link: `/${seed.id}/` })
  })

  it('says "均直接发给本单位" for a unit in no group, never "发给所属群体 0 项"', async () => {
    for (const [path, md] of both) expect(plain(md), path).not.toContain('发给所属群体 0 项')
    expect(plain(both.get('units/140404102-villages.md')!)).toContain('共 10 项任务，均直接发给本单位。')
    expect(plain(both.get('units/140404102-supervising-stations.md')!)).toContain('共 12 项任务：直接发给本单位 5 项，发给所属群体 7 项。')
    expect(ownedCounts(3, 0)).toBe('共 3 项任务，均发给本单位所属群体。')
  })

  it('prints a unit\'s 职责清单 in deadline order, as the screen lists it', async () => {
    const md = plain(both.get('units/140404102-villages.md')!)
    const sheet = md.slice(md.indexOf('各村职责清单'))
    const numbers = [...sheet.slice(0, sheet.indexOf('</div>')).matchAll(/^\| (\d+) +\|/gm)].map((m) => Number(m[1]))
    // 各村 in the first plan: task 21 is due 2022-06-30, 6 every month, the others 长期坚持.
    expect(numbers).toEqual([21, 6, 1, 2, 3, 4, 23, 24, 33, 35])
  })
})
