// Property-based tests: the seed plan, mutated the ways real files get damaged
// (lines deleted, duplicated, swapped or split; punctuation width changed;
// spaces, blank lines and BOMs inserted). The parser never throws and never
// hangs: it returns a model that passes validation, with a located warning for
// what it could not read, or (nothing in it a task) problems with a line.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import Ajv2020 from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { parsePlan } from '../../scripts/parse/index.ts'
import { decode } from '../../scripts/parse/decode.ts'
import { registry, ROOT, SEED } from '../helpers/plans.ts'
import type { ParseResult } from '../../scripts/model/plan.ts'

const seedLines = readFileSync(SEED, 'utf8').split('\n')
const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(join(ROOT, 'scripts/data/plan.schema.json'), 'utf8')))

const HALF: Record<string, string> = { '，': ',', '。': '.', '：': ':', '（': '(', '）': ')', '；': ';', '、': ',' }

type Mutation = (lines: string[]) => string[]
const index = fc.nat({ max: seedLines.length - 1 })
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  index.map((i): Mutation => (ls) => ls.filter((_, j) => j !== i % ls.length)),
  index.map((i): Mutation => (ls) => { const k = i % ls.length; return [...ls.slice(0, k + 1), ls[k]!, ...ls.slice(k + 1)] }),
  fc.tuple(index, index).map(([a, b]): Mutation => (ls) => { const c = [...ls]; const x = a % c.length, y = b % c.length; [c[x], c[y]] = [c[y]!, c[x]!]; return c }),
  fc.tuple(index, fc.nat(200)).map(([i, at]): Mutation => (ls) => { const k = i % ls.length; const l = ls[k]!; const p = at % (l.length + 1); return [...ls.slice(0, k), l.slice(0, p), l.slice(p), ...ls.slice(k + 1)] }),
  fc.tuple(index, fc.constantFrom(...Object.keys(HALF))).map(([i, ch]): Mutation => (ls) => ls.map((l, j) => (j === i % ls.length ? l.split(ch).join(HALF[ch]) : l))),
  fc.tuple(index, fc.nat(200), fc.constantFrom(' ', '\u3000', '  ', '\t')).map(([i, at, sp]): Mutation => (ls) => ls.map((l, j) => (j === i % ls.length ? l.slice(0, at % (l.length + 1)) + sp + l.slice(at % (l.length + 1)) : l))),
  index.map((i): Mutation => (ls) => [...ls.slice(0, i % ls.length), '', '', ...ls.slice(i % ls.length)]),
  fc.tuple(index, fc.nat(200)).map(([i, at]): Mutation => (ls) => ls.map((l, j) => (j === i % ls.length ? l.slice(0, at % (l.length + 1)) + '\ufeff' + l.slice(at % (l.length + 1)) : l))),
)

/**
 * A damaged plan is published with what could be read and a located warning for
 * what could not, or refused (only when nothing in it reads as a task).
 */
function check(result: ParseResult): void {
  for (const w of result.warnings) {
    expect(Number.isInteger(w.line) && w.line >= 1).toBe(true)
    expect(w.kind).toBeDefined()
  }
  if (result.ok) {
    const plan = result.plan
    expect(validate(JSON.parse(JSON.stringify(plan))), JSON.stringify(validate.errors)).toBe(true)
    expect(plan.tasks.map((t) => t.number)).toEqual(plan.tasks.map((_, i) => i + 1))
    expect(plan.measures.map((m) => m.number)).toEqual(plan.measures.map((_, i) => i + 1))
    // A task without units is one a warning names, at its line.
    for (const t of plan.tasks.filter((t) => t.units.length === 0)) {
      expect(result.warnings.some((w) => w.line === t.line && (w.kind === 'note' || w.kind === 'cut')), `task ${t.number}`).toBe(true)
    }
    if (plan.statedTaskCount !== null && plan.tasks.length !== plan.statedTaskCount) {
      expect(result.warnings.some((w) => w.kind === 'count' || w.kind === 'numbering')).toBe(true)
    }
  } else {
    expect(result.problems.length).toBeGreaterThan(0)
    for (const p of result.problems) {
      expect(Number.isInteger(p.line) && p.line >= 1).toBe(true)
      expect(p.message.length).toBeGreaterThan(0)
    }
  }
}

function parseText(text: string): ParseResult {
  const decoded = decode(new TextEncoder().encode(text))
  if (!decoded.ok) return { ok: false, problems: [{ line: decoded.line, message: decoded.message }], warnings: [] }
  return parsePlan({ id: 'mutant', source: 'mutant.txt', text: decoded.text, registry })
}

describe('a damaged plan', () => {
  it('is parsed into a valid model or reported, after one to five mutations', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        const lines = mutations.reduce((ls, m) => m(ls), seedLines)
        check(parseText(lines.join('\n')))
      }),
      { numRuns: 400, seed: 20220510 },
    )
  })

  it('never throws on arbitrary text, however short or long', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('一', '、', '（', '）', '1', '.', '。', '：', '\n', ' ', '责', '任', '单', '位', '完成时限', '长期坚持', '年', '月', '日', '2022', '细化为', '项') , maxLength: 400 }), (text) => {
        check(parseText(text))
      }),
      { numRuns: 400, seed: 7 },
    )
  })

  it('a mutation that only changes layout leaves the model as it was', () => {
    const original = parseText(seedLines.join('\n'))
    if (!original.ok) throw new Error('seed does not parse')
    const layout = fc.oneof(
      index.map((i): Mutation => (ls) => [...ls.slice(0, i), '', ...ls.slice(i)]),
      index.map((i): Mutation => (ls) => ls.map((l, j) => (j === i && l.trim() !== '' ? '\u3000\u3000' + l : l))),
    )
    fc.assert(
      fc.property(fc.array(layout, { minLength: 1, maxLength: 5 }), (mutations) => {
        const result = parseText(mutations.reduce((ls, m) => m(ls), seedLines).join('\n'))
        expect(result.ok).toBe(true)
        if (result.ok) expect(result.plan.tasks.map(({ line: _l, ...t }) => t)).toEqual(original.plan.tasks.map(({ line: _l, ...t }) => t))
      }),
      { numRuns: 200, seed: 35 },
    )
  })
})
