// A plan copied from a government portal (scripts/parse/portal.ts): the 信息公开
// table read as metadata, the page's own words taken out and listed.
import { describe, expect, it } from 'vitest'
import { readPortal } from '../../scripts/parse/portal.ts'
import { FIXTURES, planOf } from '../helpers/plans.ts'
import { readPlan } from '../../scripts/site/load.ts'
import { registry } from '../helpers/plans.ts'

describe('the portal around a plan', () => {
  it.each([
    ['label and value, two cells a line', ['索引号：0110/2023-12 | 发布机构：某县政府办'], [['索引号', '0110/2023-12'], ['发布机构', '某县政府办']]],
    ['cells split by tabs or spaces', ['发文字号\t某政办发〔2023〕1号  成文日期 2023年06月30日'], [['发文字号', '某政办发〔2023〕1号'], ['成文日期', '2023年06月30日']]],
    ['a label alone, its value on the next line', ['发布日期：', '2023-07-03'], [['发布日期', '2023-07-03']]],
    ['one cell a line, ending in a bar', ['索引号 |', '0110/2023-12 |'], [['索引号', '0110/2023-12']]],
  ])('%s', (_what, lines, fields) => {
    const portal = readPortal([...lines, '一、主要任务'])
    expect(portal.fields.map((f) => [f.label, f.value])).toEqual(fields)
    expect(portal.lines).toEqual([...lines.map(() => ''), '一、主要任务'])
  })

  it.each([
    ['听全文', true], ['【打印本页】【关闭窗口】', true], ['相关内容', true], ['(本文有删减)', true], ['分享到：', true], ['【字体：大 中 小】', true],
    ['打印机等办公设备', false], ['中', false], ['相关内容要逐项落实。', false], ['（一）听全文', false],
  ])('%s is page chrome: %s', (line, chrome) => {
    expect(readPortal([line]).chrome.length > 0).toBe(chrome)
  })

  it('the page\'s breadcrumb above the plan, its neighbours\' links and the links after 相关内容 are the page\'s, each listed', () => {
    const lines = ['首页 > 政务公开 > 政府文件', '标题：某县安全生产工作方案', '某县安全生产工作方案', '一、主要任务', '（一）强化责任', '1.压实责任。（责任单位：各乡镇）',
      '上一篇：某县防汛工作方案', '相关内容', '某县2022年安全生产工作要点', '2022-03-01']
    const portal = readPortal(lines)
    expect(portal.fields.map((f) => [f.label, f.value])).toEqual([['标题', '某县安全生产工作方案']])
    expect(portal.chrome.map((c) => c.line)).toEqual([1, 7, 8, 9, 10])
    expect(portal.lines).toEqual(['', '', '某县安全生产工作方案', '一、主要任务', '（一）强化责任', '1.压实责任。（责任单位：各乡镇）', '', '', '', ''])
  })

  it('a line like a breadcrumb inside the plan is its text', () => {
    const lines = ['某县安全生产工作方案', '一、主要任务', '（一）强化责任', '1.压实责任，做到“党政同责 > 一岗双责 > 齐抓共管”。（责任单位：各乡镇）']
    expect(readPortal(lines).lines).toEqual(lines)
  })

  it('"(本文有删减)" at the end of a paragraph is taken out of it, kept in the list', async () => {
    expect(readPortal(['1.开展检查。全面检查。（本文有删减）'])).toEqual({ lines: ['1.开展检查。全面检查。'], fields: [], table: [], chrome: [{ line: 1, text: '（本文有删减）' }] })
  })

  it('labels in the body are its text, not the table', async () => {
    expect(readPortal(['一、主要任务', '发布机构：县政府']).fields).toEqual([])
  })

  it('a portal copy publishes with the table\'s date, issuer and 文号, each chrome line a located warning', async () => {
    const plan = await planOf(`${FIXTURES}plans/portal-copy/input.txt`)
    expect(plan).toMatchObject({ issuer: '某某县人民政府办公室', title: '关于进一步加强汛期安全生产工作的实施方案', date: '2023-06-30', documentNumber: '某政办发〔2023〕12号' })
    expect(plan.portal!.chrome).toEqual(['听全文', '【打印本页】【关闭窗口】', '（本文有删减）', '相关内容'])
    expect(plan.tasks[1]!.text).toBe('对河道、水库开展全面检查。')
    const result = (await readPlan(`${FIXTURES}plans/portal-copy/input.txt`, registry)).result
    expect(result.warnings.map((w) => [w.line, w.kind])).toEqual([[6, 'frame'], [7, 'frame'], [14, 'frame'], [18, 'frame']])
  })
})
