// The plan's own numbering checked (scripts/parse/numbering.ts): gaps and repeats are warnings, never renumbered.
import { describe, expect, it } from 'vitest'
import { checkNumbering, checkSectionNumbers, checkSequence, checkTaskNumbers, MEASURE } from '../../scripts/parse/numbering.ts'
import { outlineOf, warnings } from '../helpers/steps.ts'

const items = (lines: string[]) => outlineOf(lines).items

describe('checkSequence', () => {
  it.each([
    ['1, 2, 3', ['（一）a', '（二）b', '（三）c'], []],
    ['a gap', ['（一）a', '（三）c'], [[2, 'numbering', '编号不连续：此处应为措施2（接在措施1之后），实为措施3；缺措施2']]],
    ['a gap of several', ['（一）a', '（五）e'], [[2, 'numbering', '编号不连续：此处应为措施2（接在措施1之后），实为措施5；缺措施2至措施4']]],
    ['a repeat', ['（一）a', '（二）b', '（二）b'], [[3, 'numbering', '措施2重复出现（首次在第2行）']]],
    ['not starting at 1', ['（二）b', '（三）c'], [[1, 'numbering', '编号不连续：此处应为措施1（第一项），实为措施2；缺措施1']]],
  ])('%s', (_what, lines, expected) => {
    const { warn, seen } = warnings()
    checkSequence(MEASURE, items(lines), warn)
    expect(seen()).toEqual(expected)
  })
})

describe('checkNumbering', () => {
  it('counts items numbered on across holders, and those numbered again under each', () => {
    const { warn, seen } = warnings()
    const [a, b] = items(['（一）a', '1.x', '2.y', '（二）b', '3.z'])
    const onward = [...a!.children, ...b!.children].map((item) => ({ item, holder: item.parent }))
    expect(checkNumbering(MEASURE, onward, warn)).toBe(3)
    const [c, d] = items(['（一）a', '1.x', '2.y', '（二）b', '1.z'])
    const again = [...c!.children, ...d!.children].map((item) => ({ item, holder: item.parent }))
    expect(checkNumbering(MEASURE, again, warn)).toBe(3)
    expect(seen()).toEqual([])
  })

  it('a number written twice counts once, and is warned', () => {
    const { warn, seen } = warnings()
    const [a] = items(['（一）a', '1.x', '2.y', '2.y'])
    expect(checkNumbering(MEASURE, a!.children.map((item) => ({ item, holder: a })), warn)).toBe(2)
    expect(seen()).toEqual([[4, 'numbering', '措施2重复出现（首次在第3行）']])
  })
})

describe('checkTaskNumbers', () => {
  it('counts tasks written without numbers once each, beside the numbered', () => {
    const { warn } = warnings()
    const [a] = items(['（一）a', '1.x', '2.y'])
    const tasks = a!.children.map((item) => ({ item, holder: a! }))
    const unnumbered = { ...tasks[0]!.item, marker: { ...tasks[0]!.item.marker, kind: 'unnumbered' as const } }
    expect(checkTaskNumbers([...tasks, { item: unnumbered, holder: a! }], warn)).toBe(3)
  })
})

describe('checkSectionNumbers', () => {
  it('warns of a gap in 一、二、', () => {
    const { warn, seen } = warnings()
    checkSectionNumbers(items(['一、a', '三、c']), warn)
    expect(seen()).toEqual([[2, 'numbering', '编号不连续：此处应为第二部分（接在第一部分之后），实为第三部分；缺第二部分']])
  })

  it('says once that there are no sections where the top level is numbered again and again', () => {
    const { warn, seen } = warnings()
    checkSectionNumbers(items(['（一）a', '（二）b', '（一）c']), warn)
    expect(seen()).toEqual([[1, 'numbering', '各部分应以“一、”“二、”…编号，但没有找到（最上层的条目“（一）”…一再重新编号）']])
  })
})
