// The build's progress and summary words: a line about every tenth of a long
// phase when piped, one redrawn line on a terminal, and a summary true on a
// first build (no "the others unchanged" when there are no others).
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { duration, madeAndKept, progress, progressMarks } from '../../scripts/site/progress.ts'

function sink(isTTY: boolean): Writable & { isTTY: boolean; text: () => string } {
  let text = ''
  const out = new Writable({ write(chunk, _encoding, done) { text += String(chunk); done() } })
  return Object.assign(out, { isTTY, text: () => text })
}

describe('progress', () => {
  it.each([
    [1, [1]],
    [3, [1, 2, 3]],
    [15, [2, 3, 5, 6, 8, 9, 11, 12, 14, 15]],
    [121, [12, 24, 36, 48, 61, 73, 85, 97, 109, 121]],
  ])('%i steps, piped: lines at %j', (total, marks) => {
    expect([...progressMarks(total)]).toEqual(marks)
  })

  it('piped: about ten lines whatever the count, the last at the total', async () => {
    const out = sink(false)
    const tick = progress('PDFs printed', 1000, { out })
    for (let k = 0; k < 1000; k++) tick()
    const lines = out.text().trimEnd().split('\n')
    expect(lines).toHaveLength(10)
    expect(lines[0]).toBe('build: PDFs printed 100 of 1000')
    expect(lines.at(-1)).toBe('build: PDFs printed 1000 of 1000')
  })

  it('on a terminal: one line redrawn at each step, ended at the total', () => {
    const out = sink(true)
    const tick = progress('PDFs printed', 3, { out })
    tick(); tick(); tick(); tick()
    expect(out.text()).toBe('\r\x1b[Kbuild: PDFs printed 1 of 3\r\x1b[Kbuild: PDFs printed 2 of 3\r\x1b[Kbuild: PDFs printed 3 of 3\n')
  })

  it('on a terminal shared with a spinner (redraw: false): whole lines, each first clearing the spinner', () => {
    const out = sink(true)
    const tick = progress('pages rendered', 2, { out, redraw: false })
    tick(); tick()
    expect(out.text()).toBe('\r\x1b[Kbuild: pages rendered 1 of 2\n\r\x1b[Kbuild: pages rendered 2 of 2\n')
  })
})

describe('the summary', () => {
  it.each([
    [3, 3, 'all 3 built'],
    [1, 1, '1 built'],
    [1, 3, '1 of 3 built, 2 unchanged from .cache/site'],
    [0, 3, 'none built, all 3 unchanged from .cache/site'],
    [0, 1, 'none built, 1 unchanged from .cache/site'],
  ])('%i of %i groups', (made, total, text) => {
    expect(madeAndKept(made, total, 'built', '.cache/site')).toBe(text)
  })

  it.each([[8_400, '8 s'], [102_000, '1 min 42 s'], [3_780_000, '1 h 3 min']])('%i ms: %s', (ms, text) => {
    expect(duration(ms)).toBe(text)
  })
})
