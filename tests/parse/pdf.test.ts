// PDFs as portals publish them, printed here by chromium (A4, paragraphs
// wrapped by the page, a running header, "— N —" page numbers), read back:
// the plan comes back as it was; a scanned PDF and a problem say which page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launch } from '../helpers/browser.ts'
import { planHtml, pdfOptions } from '../helpers/layouts.ts'
import { content, FIXTURES, planOf, registry, SEED } from '../helpers/plans.ts'
import { readSource } from '../../scripts/parse/formats.ts'
import { parsePlan } from '../../scripts/parse/index.ts'
import { ideographs } from '../../scripts/parse/pdf.ts'
import { reportLines } from '../../scripts/views/report.ts'
import type { Plan } from '../../scripts/model/plan.ts'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

async function print(html: string, header = '某某镇人民政府文件'): Promise<Uint8Array> {
  const page = await browser.newPage()
  await page.setContent(html)
  const pdf = await page.pdf(pdfOptions(header))
  await page.close()
  return new Uint8Array(pdf)
}

async function readBack(pdf: Uint8Array): Promise<Plan> {
  const source = await readSource('plan.pdf', pdf)
  if (!source.ok) throw new Error(source.message)
  const result = parsePlan({ id: 'plan', source: 'plan.pdf', text: source.text, registry })
  if (!result.ok) throw new Error(reportLines('plan.pdf', result, source.where).join('\n'))
  return result.plan
}

describe('a text PDF', () => {
  it.each([['the seed', SEED], ['canonical', `${FIXTURES}plans/canonical/input.txt`], ['lead-support', `${FIXTURES}plans/lead-support/input.txt`]])(
    '%s, printed over several pages, reads back to the same plan', async (_name, file) => {
      const plan = await planOf(file)
      expect(content(await readBack(await print(planHtml(plan))))).toEqual(content(plan))
    }, 60_000)

  it('says on which page a problem is', async () => {
    const plan = await planOf(SEED)
    // Task 20 gets a deadline no one can read: the report names the page it is printed on.
    const broken = { ...plan, tasks: plan.tasks.map((t) => (t.number === 20 ? { ...t, deadline: { text: '尽快', kind: 'ongoing' as const } } : t)) }
    const pdf = await print(planHtml(broken))
    const source = await readSource('plan.pdf', pdf)
    if (!source.ok) throw new Error(source.message)
    const result = parsePlan({ id: 'plan', source: 'plan.pdf', text: source.text, registry })
    expect(reportLines('plan.pdf', result, source.where)).toEqual([expect.stringMatching(/^plan\.pdf: 第[4-9]页: warning: 任务20：无法读取完成时限“尽快”/)])
  }, 60_000)
})

describe('a scanned PDF', () => {
  it('is refused: it holds no text', async () => {
    const pdf = await print('<!doctype html><body><div style="width:160mm;height:200mm;background:#888"></div></body>', '')
    expect(await readSource('scan.pdf', pdf)).toEqual({ ok: false, where: ': 第1页', message: expect.stringContaining('此 PDF 的 1 页都没有文字：是扫描的图像') })
  }, 60_000)
})

describe('ideographs', () => {
  it.each([['⼈⺠', '人民'], ['⻓期坚持', '长期坚持'], ['⼀、⼆、', '一、二、'], ['（一）：', '（一）：']])('%s → %s', (text, shown) => expect(ideographs(text)).toBe(shown))
})
