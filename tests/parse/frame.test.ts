// The frame (scripts/parse/frame.ts readFrame): signature, notice, head, and the plan's date, issuer and year.
import { describe, expect, it } from 'vitest'
import { checkTitle, readFrame } from '../../scripts/parse/frame.ts'
import { warnings } from '../helpers/steps.ts'

const body = ['一、主要任务', '（一）甲', '1.a（责任单位：A站）']

function frameOf(lines: string[]) {
  const { warn, seen } = warnings()
  const frame = readFrame(lines.join('\n'), warn)
  return { frame, warnings: seen() }
}

describe('readFrame', () => {
  it('a letterhead of bodies issuing together, the last line ending in 文件: the issuer is each of them', () => {
    const { frame } = frameOf(['中共某某镇委员会', '某某镇人民政府文件', '某发〔2024〕3号', '关于印发某某镇防汛工作方案的通知', '各村：', '现将方案印发给你们。',
      '中共某某镇委员会　　某某镇人民政府', '2024年4月8日', '某某镇防汛工作方案', ...body])
    expect(frame.issuer).toBe('中共某某镇委员会、某某镇人民政府')
    expect(frame.notice?.text.split('\n').slice(0, 2)).toEqual(['中共某某镇委员会', '某某镇人民政府文件'])
  })

  it('reads head, outline and signature: title, issuer, date and year', () => {
    const { frame, warnings } = frameOf(['某某镇人民政府', '关于开展专项整治的实施方案', '各村：', '为做好工作，制定本方案。', ...body, '', '某某镇人民政府', '2023年3月1日'])
    expect(frame).toMatchObject({ issuer: '某某镇人民政府', date: '2023-03-01', planYear: 2023, documentNumber: null, notice: null, headUntitled: false })
    expect(frame.head).toMatchObject({ title: '关于开展专项整治的实施方案', addresseesText: '各村' })
    expect(frame.outline.head.map((p) => p.line)).toEqual([1, 2, 3, 4])
    expect(frame.outline.items.map((i) => [i.marker.text, i.line])).toEqual([['一、', 5]])
    expect(warnings).toEqual([])
  })

  it('without a date or an issuer: both warned, the year from the first the text names', () => {
    const { frame, warnings } = frameOf(['关于2022年安全生产的实施方案', ...body])
    expect(frame).toMatchObject({ issuer: '', date: null, planYear: 2022 })
    expect(warnings.map(([line, kind, message]) => [line, kind, message.slice(0, 9)])).toEqual([[4, 'frame', '方案未写明成文日期'], [1, 'frame', '方案未写明发文机关']])
  })

  it('takes what a copied web page lost from its 信息公开 table', () => {
    const { frame } = frameOf(['索引号：123', '发布机构：某某镇人民政府', '发文字号：某政发〔2023〕2号', '成文日期：2023-05-08', '关于开展专项整治的实施方案', ...body])
    expect(frame).toMatchObject({ issuer: '某某镇人民政府', date: '2023-05-08', documentNumber: '某政发〔2023〕2号' })
    expect(frame.portal.fields.map((f) => f.label)).toEqual(['索引号', '发布机构', '发文字号', '成文日期'])
  })

  it('warns of invisible characters, then of the frame, in the order found', () => {
    const { warnings } = frameOf(['关于\u200b开展整治的实施方案', ...body])
    expect(warnings.map(([line, kind]) => [line, kind])).toEqual([[1, 'text'], [4, 'frame'], [1, 'frame']])
  })
  it('passes on the outline\'s warning of a marker it cannot place, of kind outline', () => {
    const { warnings } = frameOf(['关于开展专项整治的实施方案', '1.总体要求', '（一）指导思想。', '2.主要任务', '（一）管控。', '（二）排查。', '（七）整治。', '3.工作要求', '（一）领导。', '某某镇人民政府', '2023年3月1日'])
    expect(warnings.filter(([, kind]) => kind === 'outline')).toEqual([[7, 'outline', '“（七）”的编号比同一层的上一条“（二）”（第6行）跳过了4个，无法确定它属于哪一层：此处应为“（三）”；已按原文保留，请核对层次']])
  })
})

describe('checkTitle', () => {
  it('a head without a title line is warned by readHead, not again', () => {
    const { frame, warnings: found } = frameOf(body)
    expect(frame.headUntitled).toBe(true)
    const { warn, seen } = warnings()
    checkTitle(frame, warn)
    expect(seen()).toEqual([])
    expect(found.filter(([, , m]) => m.includes('应有标题'))).toHaveLength(1)
  })

  it('a title of white space only, where the head has a title line, is warned', () => {
    const { frame } = frameOf(['某某镇人民政府', '关于开展专项整治的实施方案', ...body])
    const { warn, seen } = warnings()
    checkTitle(frame, warn)
    checkTitle({ ...frame, head: { ...frame.head, title: '\u3000' } }, warn)
    expect(seen()).toEqual([[1, 'frame', '方案没有标题']])
  })
})
