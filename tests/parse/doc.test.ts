// Word 97–2003 (.doc). The fixtures in tests/fixtures/word were made from Word
// files this project writes (tests/helpers/layouts.ts, from the lead-support
// fixture plan) by LibreOffice (`soffice --headless --convert-to doc`), which the
// tests do not need: typed-numbers.doc has its numbers typed as text (as WPS users
// often write them), automatic-numbering.doc has Word's automatic numbering.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readSource } from '../../scripts/parse/formats.ts'
import { parsePlan } from '../../scripts/parse/index.ts'
import { content, FIXTURES, planOf, registry } from '../helpers/plans.ts'

const file = (name: string) => `${FIXTURES}word/${name}`

describe('a .doc file', () => {
  it('with numbers typed as text reads as the plan it holds', async () => {
    const source = await readSource('plan.doc', readFileSync(file('typed-numbers.doc')))
    if (!source.ok) throw new Error(source.message)
    const result = parsePlan({ id: 'plan', source: 'plan.doc', text: source.text, registry })
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'))
    expect(content(result.plan)).toEqual(content(planOf(`${FIXTURES}plans/lead-support/input.txt`)))
    expect(source.where(12)).toBe(': 第12段')
  })

  it('with automatic numbering is refused, saying to save it as .docx', async () => {
    expect(await readSource('plan.doc', readFileSync(file('automatic-numbering.doc')))).toEqual({
      ok: false, where: ': 第1段', message: expect.stringContaining('its numbering is automatic, which a .doc does not keep in its text; open it in Word or WPS and save it as .docx'),
    })
  })
})
