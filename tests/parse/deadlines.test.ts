import { describe, expect, it } from 'vitest'
import { findObligations, isDeadlinePhrase, normaliseDeadline } from '../../scripts/parse/deadlines.ts'

describe('normaliseDeadline (plan year 2022)', () => {
  it.each([
    ['长期坚持', { kind: 'ongoing' }],
    ['5月底前完成', { kind: 'due', date: '2022-05-31' }],
    ['2月底前', { kind: 'due', date: '2022-02-28' }],
    ['12月底前完成', { kind: 'due', date: '2022-12-31' }],
    ['六月底前', { kind: 'due', date: '2022-06-30' }],
    ['6月15日前', { kind: 'due', date: '2022-06-15' }],
    ['年底前完成', { kind: 'due', date: '2022-12-31' }],
    ['2023年3月底前', { kind: 'due', date: '2023-03-31' }],
    ['每月至少一次', { kind: 'recurring', period: 'month', times: 1 }],
    ['每季度', { kind: 'recurring', period: 'quarter' }],
    ['每半年一次', { kind: 'recurring', period: 'half-year', times: 1 }],
    ['每年不少于2次', { kind: 'recurring', period: 'year', times: 2 }],
    ['每周', { kind: 'recurring', period: 'week' }],
    ['1月份', { kind: 'due', date: '2022-01-31' }],
    ['2022年底前', { kind: 'due', date: '2022-12-31' }],
    ['明年7月', { kind: 'due', date: '2023-07-31' }],
    ['今年底前', { kind: 'due', date: '2022-12-31' }],
    ['持续推进', { kind: 'ongoing' }],
    ['2023年6月30日前', { kind: 'due', date: '2023-06-30' }],
    ['上半年', { kind: 'due', date: '2022-06-30' }],
    ['第三季度', { kind: 'due', date: '2022-09-30' }],
    ['7月前完成', { kind: 'due', date: '2022-07-31' }],
    // Years in Chinese digits, the zero written 〇, ○, O or 零, as notices of the 2000s write them.
    ['二○○七年四月三十日前', { kind: 'due', date: '2007-04-30' }],
    ['二零零七年三月底前', { kind: 'due', date: '2007-03-31' }],
    ['二〇二三年底前', { kind: 'due', date: '2023-12-31' }],
    ['二OO八年第一季度', { kind: 'due', date: '2008-03-31' }],
  ] as const)('%s', (text, expected) => {
    expect(normaliseDeadline(text, 2022)).toEqual({ text, ...expected })
  })

  it.each(['尽快', '6月32日前', '13月底前', ''])('%s is an error that says what is expected', (text) => {
    const result = normaliseDeadline(text, 2022)
    expect(result).toHaveProperty('error')
    expect('error' in result && result.error).toContain('应为“长期坚持”')
  })
})

describe('findObligations', () => {
  it.each([
    ['组织学习，中心组每季度至少组织一次集体学习，跟进学习。', [['中心组每季度至少组织一次集体学习', 'quarter', 1]]],
    ['制定指南，每年组织不少于2次的专项培训，提高待遇。', [['每年组织不少于2次的专项培训', 'year', 2]]],
    ['每半年开展一次评估；每月报送进展。', [['每半年开展一次评估', 'half-year', 1], ['每月报送进展', 'month', undefined]]],
    ['没有周期性要求。', []],
  ] as const)('%s', (text, expected) => {
    expect(findObligations(7, text).map((o) => [o.text, o.period, o.times])).toEqual(expected)
  })
})

describe('isDeadlinePhrase: a clause of a note that is a deadline and nothing else', () => {
  const phrases = ['年内持续推进', '2024年6月底前完成', '2024年12月', '2024年12月底前', '年底前', '9月30日前完成', '第三季度末', '6月中旬前',
    '长期坚持', '持续推进', '常态化开展', '每月至少一次', '每季度', '明年3月', '上半年']
  it.each(phrases)('%s is one, and normalises', (text) => {
    expect(isDeadlinePhrase(text)).toBe(true)
    expect(normaliseDeadline(text, 2024)).not.toHaveProperty('error')
  })
  it.each(['县应急局', '含农村地区', '2023年版', '6月底前完成排查并上报', '6月中旬', '尽快', '2024年', ''])('%s is not', (text) => {
    expect(isDeadlinePhrase(text)).toBe(false)
  })
})
