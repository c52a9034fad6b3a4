// A county's library of four plans (issue 26): 荫城镇's, the same text issued by 西火镇, the county's (上党区) with
// tasks to 各乡镇人民政府 and its 区应急管理局, and 徐庄镇's in 郑州市. No page mixes two bodies; each township
// government of the county shows the county's tasks as 上级文件的任务; the other province's does not.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadSite } from '../../scripts/site/load.ts'
import { sitePages } from '../../scripts/site/pages.ts'
import { toMarkdown } from '../../scripts/render/markdown.ts'
import { loadReference } from '../../scripts/data/load.ts'
import { planDownloads } from '../../scripts/exports/files.ts'
import { makeSite, type Site } from '../../scripts/views/site.ts'
import { tasksOfBody } from '../../scripts/views/units.ts'
import { canonicalOf } from '../../scripts/site/load.ts'
import { reference, registry } from '../helpers/plans.ts'
import MiniSearch from 'minisearch'
import { searchData } from '../../scripts/search/build-index.ts'
import { searchDocuments } from '../../scripts/search/documents.ts'
import { INDEX_OPTIONS } from '../../scripts/search/engine.ts'
import { CODES, LIBRARY_PLANS, writeDivisionLibrary, xihuoText } from '../helpers/divisions.ts'

const dir = mkdtempSync(join(tmpdir(), 'divisions-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
writeDivisionLibrary(dir)

const loaded = await loadSite(dir, reference)
if (!loaded.ok) throw new Error(loaded.report.join('\n'))
const site: Site = loaded.site
const pages = new Map(sitePages(site, loaded.sources, loadReference().knowledge, { pdf: true }).map((p) => [p.path, toMarkdown(p)]))
/** A page's text with the character references read back. */
const plain = (md: string) => md.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
const page = (path: string) => {
  const md = pages.get(path)
  if (md === undefined) throw new Error(`no page ${path}`)
  return plain(md)
}
const planOfId = (id: string) => site.plans.find((p) => p.id === id)!
/** The plans whose task pages a page links. */
const linkedPlans = (md: string): string[] => [...new Set([...md.matchAll(/\]\(\/([a-z0-9-]+)\/tasks\/\d+\)/g)].map((m) => m[1]!))].sort()

describe('a library of four plans of three townships and a county', () => {
  it('places each plan in its division, and none under 区划未定', async () => {
    expect(Object.fromEntries(site.plans.map((p) => [p.id, p.division?.code]))).toEqual({
      [LIBRARY_PLANS.yincheng]: CODES.yincheng, [LIBRARY_PLANS.xihuo]: CODES.xihuo, [LIBRARY_PLANS.county]: CODES.county, [LIBRARY_PLANS.xuzhuang]: CODES.xuzhuang,
    })
    expect(loaded.warnings.filter((w) => w.includes('区划未定'))).toEqual([])
    expect(pages.has('units/undetermined.md')).toBe(false)
  })

  it('keeps each township\'s 镇政府 and 各村 apart: a page a body, titled with its division', async () => {
    const titled = (name: string) => site.units.filter((u) => u.name === name).map((u) => u.title)
    expect(titled('镇政府')).toEqual(['荫城镇 · 镇政府', '西火镇 · 镇政府', '徐庄镇 · 镇政府'])
    expect(titled('各村')).toEqual(['荫城镇 · 各村', '西火镇 · 各村', '徐庄镇 · 各村'])
    expect(site.units.find((u) => u.title === '西火镇 · 各村')!.slug).toBe(`${CODES.xihuo}-villages`)
    for (const unit of site.units) expect(unit.slug).toMatch(/^[0-9]{6,9}-[a-z0-9-]+$/)
    expect(new Set(site.units.map((u) => u.slug)).size).toBe(site.units.length)
  })

  it('no unit page lists the tasks of a plan of another township', async () => {
    for (const unit of site.units) {
      const md = page(`units/${unit.slug}.md`)
      expect(md, unit.title).toContain(`"title": "${unit.title}"`)
      // Only plans of the body's own division, or of the divisions above it, give it tasks.
      for (const id of linkedPlans(md)) {
        const plan = planOfId(id)
        expect(plan.division!.code === unit.scope || unit.place!.parents.some((p) => p.code === plan.division!.code) || plan.division!.parents.some((p) => p.code === unit.scope), `${unit.title} lists ${id}`).toBe(true)
      }
    }
    expect(linkedPlans(page(`units/${CODES.yincheng}-villages.md`))).toEqual([LIBRARY_PLANS.yincheng])
    expect(linkedPlans(page(`units/${CODES.xihuo}-villages.md`))).toEqual([LIBRARY_PLANS.xihuo])
    expect(linkedPlans(page(`units/${CODES.xuzhuang}-villages.md`))).toEqual([LIBRARY_PLANS.xuzhuang])
  })

  it('shows the county\'s tasks to 各乡镇人民政府 on each of its township governments\' pages, apart, as 上级文件的任务', async () => {
    const county = planOfId(LIBRARY_PLANS.county)
    for (const code of [CODES.yincheng, CODES.xihuo]) {
      const md = page(`units/${code}-town-government.md`)
      expect(linkedPlans(md)).toEqual([LIBRARY_PLANS.county, code === CODES.yincheng ? LIBRARY_PLANS.yincheng : LIBRARY_PLANS.xihuo].sort())
      const higher = md.slice(md.indexOf('## 上级文件的任务'))
      expect(md.indexOf('## 上级文件的任务')).toBeGreaterThan(0)
      // Its own plan's tasks come before, the county's after, with the county's plan and each task's deadline.
      expect(md.indexOf(`](/${code === CODES.yincheng ? LIBRARY_PLANS.yincheng : LIBRARY_PLANS.xihuo}/tasks/`)).toBeLessThan(md.indexOf('## 上级文件的任务'))
      expect(higher).toContain(`### ${county.title}`)
      expect(higher).toContain('长治市上党区人民政府')
      for (const n of [1, 2, 4]) expect(higher).toContain(`](/${LIBRARY_PLANS.county}/tasks/${n})`)
      expect(higher).not.toContain(`](/${LIBRARY_PLANS.county}/tasks/3)`)
      expect(higher).toContain('2022年7月31日前')
      expect(higher).toContain('经由“各乡镇人民政府”')
      // On paper too: the county's tasks in the body's 职责清单.
      expect(higher).toContain('职责清单')
    }
    expect(page(`units/${CODES.xuzhuang}-town-government.md`)).not.toContain('上级文件的任务')
    expect(linkedPlans(page(`units/${CODES.xuzhuang}-town-government.md`))).toEqual([LIBRARY_PLANS.xuzhuang])
  })

  it('lists the township governments as members of the county\'s 各乡镇人民政府, and 区应急管理局 as the county\'s', async () => {
    const group = page(`units/${site.units.find((u) => u.title === '上党区 · 各乡镇人民政府')!.slug}.md`)
    expect(group).toContain('荫城镇 · 镇政府'.split(' · ')[1])
    expect(group).toContain(`](/units/${CODES.yincheng}-town-government)`)
    expect(group).toContain(`](/units/${CODES.xihuo}-town-government)`)
    expect(group).not.toContain(`](/units/${CODES.xuzhuang}-town-government)`)
    expect(site.units.find((u) => u.name === '区应急管理局')!.title).toBe('上党区 · 区应急管理局')
  })

  it('gives each township government the county\'s tasks in its ledger and calendar of the county\'s plan', async () => {
    const county = planOfId(LIBRARY_PLANS.county)
    const files = await planDownloads(site, county, { base: '/', siteUrl: '' })
    const csv = files.find((f) => f.path === `${LIBRARY_PLANS.county}/downloads/units/${CODES.xihuo}-town-government.ledger.csv`)!
    expect(String(csv.data)).toContain('开展隐患排查整治')
    expect(String(csv.data)).not.toContain('加强执法检查')
    expect(files.some((f) => f.path === `${LIBRARY_PLANS.county}/downloads/units/${CODES.xuzhuang}-town-government.ledger.csv`)).toBe(false)
    const body = site.units.find((u) => u.slug === `${CODES.yincheng}-town-government`)!
    expect(tasksOfBody(site, county, body).map((o) => [o.task.number, o.via])).toEqual([[1, '各乡镇人民政府'], [2, '各乡镇人民政府'], [4, '各乡镇人民政府']])
  })

  it('offers the divisions as a tree 省 → 市 → 县 → 乡镇 with plan counts on the home page, then each one\'s units', async () => {
    const home = page('index.md')
    for (const label of ['山西省（3 份文件）', '长治市（3 份文件）', '上党区（3 份文件，', '荫城镇（1 份文件，', '西火镇（1 份文件，', '河南省（1 份文件）', '郑州市（1 份文件）', '登封市（1 份文件）', '徐庄镇（1 份文件，']) {
      expect(home).toContain(label)
    }
    expect(home).toContain(`](/units/${CODES.xihuo})`)
    const xihuo = page(`units/${CODES.xihuo}.md`)
    expect(xihuo).toContain(`](/units/${CODES.xihuo}-villages)`)
    expect(xihuo).toContain(`](/units/${CODES.county})`)
    expect(xihuo).not.toContain(`${CODES.yincheng}-villages`)
    const county = page(`units/${CODES.county}.md`)
    expect(county).toContain(`](/units/${CODES.county}-`)
    expect(county).toContain(`](/units/${CODES.yincheng})`)
  })
})

describe('a plan that carries out another plan of the library (贯彻落实《…》)', () => {
  const county = planOfId(LIBRARY_PLANS.county)
  const town = planOfId(LIBRARY_PLANS.xihuo)
  const carrying = { ...town, preamble: `为认真贯彻落实《${county.title}》，结合我镇实际，制定本方案。` }
  const linked = makeSite(site.plans.map((p) => (p.id === town.id ? carrying : p)), canonicalOf(registry))
  const homes = new Map(sitePages(linked, loaded.sources, loadReference().knowledge, { pdf: false }).map((p) => [p.path, plain(toMarkdown(p))]))

  it('links the two plan homes both ways', async () => {
    expect(homes.get(`${town.id}/index.md`)).toContain(`**本方案贯彻落实**：[《${county.title}》](/${county.id}/)（长治市上党区人民政府）`)
    expect(homes.get(`${county.id}/index.md`)).toContain(`**贯彻落实本方案的文件**：[《${town.title}》](/${town.id}/)（西火镇人民政府）`)
    // A title cited without those words, or of no plan of the library, links nothing.
    expect(page(`${county.id}/index.md`)).not.toContain('贯彻落实本方案的文件')
    expect(homes.get(`${LIBRARY_PLANS.yincheng}/index.md`)).not.toContain('本方案贯彻落实')
  })

  it('names each plan\'s division on its home', async () => {
    expect(page(`${LIBRARY_PLANS.xuzhuang}/index.md`)).toContain(`**行政区划**：[河南省 郑州市 登封市 徐庄镇](/units/${CODES.xuzhuang})`)
  })
})

describe('search in a library of several divisions', () => {
  const documents = searchDocuments(site, '/', searchData(reference.knowledge.sectors, reference.synonyms))
  const index = new MiniSearch(INDEX_OPTIONS)
  index.addAll(documents)
  const byId = new Map(documents.map((d) => [d.id, d]))
  const plansFound = (query: string) => [...new Set(index.search(query).map((r) => String(r.id)).filter((id) => byId.get(id)!.kind === '任务').map((id) => id.split('/')[1]!))].sort()

  it('names each task result\'s division', async () => {
    const task = documents.find((d) => d.id.startsWith(`/${LIBRARY_PLANS.xihuo}/tasks/1.html`))!
    expect(task.meta).toMatch(/《关于贯彻落实.*》（西火镇）$/)
    expect(documents.find((d) => d.id.startsWith(`/${LIBRARY_PLANS.county}/tasks/1.html`))!.meta).toMatch(/（上党区）$/)
  })

  it('narrows to a division and those below it by its name among the words', async () => {
    expect(plansFound('隐患')).toEqual([LIBRARY_PLANS.county, LIBRARY_PLANS.xihuo, LIBRARY_PLANS.xuzhuang, LIBRARY_PLANS.yincheng].sort())
    expect(plansFound('西火镇 隐患')).toEqual([LIBRARY_PLANS.xihuo])
    expect(plansFound('上党区 隐患')).toEqual([LIBRARY_PLANS.county, LIBRARY_PLANS.xihuo, LIBRARY_PLANS.yincheng].sort())
    expect(plansFound('郑州市 隐患')).toEqual([LIBRARY_PLANS.xuzhuang])
  })

  it('titles unit results by the name as written, their division beside it', async () => {
    const units = documents.filter((d) => d.kind === '责任单位' && d.title === '镇政府').map((d) => d.meta)
    expect(units).toEqual(['荫城镇 · 本单位的任务和完成时限', '西火镇 · 本单位的任务和完成时限', '徐庄镇 · 本单位的任务和完成时限'])
  })
})

describe('a plan the data cannot place', () => {
  const other = mkdtempSync(join(tmpdir(), 'divisions-'))
  afterAll(() => rmSync(other, { recursive: true, force: true }))
  writeDivisionLibrary(other)
  // 徐庄镇's plan without the places that choose among the four 徐庄镇.
  writeFileSync(join(other, `${LIBRARY_PLANS.xuzhuang}.txt`), xihuoText().replaceAll('西火镇', '徐庄镇'))

  it('warns, located, is grouped under 区划未定, and keeps its units to itself', async () => {
    const result = await loadSite(other, reference)
    if (!result.ok) throw new Error(result.report.join('\n'))
    expect(result.warnings.filter((w) => w.includes('warning: ') && w.includes('区划未定'))).toEqual([
      expect.stringMatching(new RegExp(`${LIBRARY_PLANS.xuzhuang}\\.txt:1: warning: 发文机关“徐庄镇人民政府”写出的徐庄镇在区划数据中有 4 处`)),
    ])
    expect(result.summaries.find((s) => s.includes(LIBRARY_PLANS.xuzhuang))).toContain('1 条提示（行政区划 1）')
    const plans = new Map(sitePages(result.site, result.sources, loadReference().knowledge, { pdf: false }, result.reviews).map((p) => [p.path, plain(toMarkdown(p))]))
    expect(plans.get('units/undetermined.md')).toContain('徐庄镇')
    const own = plans.get(`units/x-${LIBRARY_PLANS.xuzhuang}-villages.md`)!
    expect(linkedPlans(own)).toEqual([LIBRARY_PLANS.xuzhuang])
    expect(linkedPlans(plans.get(`units/${CODES.yincheng}-villages.md`)!)).toEqual([LIBRARY_PLANS.yincheng])
    expect(plans.get(`${LIBRARY_PLANS.xuzhuang}/review.md`)).toContain('行政区划')
  })

  it('is placed by a file beside it that states its division, which wins', async () => {
    writeFileSync(join(other, `${LIBRARY_PLANS.xuzhuang}.division.json`), JSON.stringify({ code: CODES.xuzhuang, name: '徐庄镇' }))
    const result = await loadSite(other, reference)
    if (!result.ok) throw new Error(result.report.join('\n'))
    expect(result.site.plans.find((p) => p.id === LIBRARY_PLANS.xuzhuang)!.division?.code).toBe(CODES.xuzhuang)
    expect(result.warnings.filter((w) => w.includes('区划未定'))).toEqual([])
    writeFileSync(join(other, `${LIBRARY_PLANS.xuzhuang}.division.json`), JSON.stringify({ code: CODES.xuzhuang, name: '荫城镇' }))
    const refused = await loadSite(other, reference)
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.report).toEqual([`${join(other, `${LIBRARY_PLANS.xuzhuang}.division.json`)}: 代码 ${CODES.xuzhuang} 是河南省 郑州市 登封市 徐庄镇，不是“荫城镇”`])
  })
})
