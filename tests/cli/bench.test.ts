// npm run bench with bad arguments: one clear line and a non-zero exit, no stack trace.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/plans.ts'

function bench(...args: string[]) {
  return spawnSync('npm', ['run', '--silent', 'bench', '--', ...args], { cwd: ROOT, encoding: 'utf8' })
}

describe('npm run bench, refusing', () => {
  it.each([['0'], ['1,1001'], ['ten']])('--plans %s', (plans) => {
    const run = bench('--plans', plans)
    expect(run.status).toBe(2)
    expect(run.stderr).toBe('bench: --plans: expected numbers from 1 to 1000, separated by commas\n')
  })

  // One case (each run starts the bench: some seconds); the bounds are the corpus's (tests/bench/corpus.test.ts).
  it('--tasks 1000,19981', () => {
    const run = bench('--tasks', '1000,19981')
    expect(run.status).toBe(2)
    expect(run.stderr).toBe('bench: --tasks: expected numbers from 1 to 19,980 (tasks in one plan), separated by commas\n')
  })

  it('a --report file that is not a result of the bench', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bench-report-')), 'result.json')
    writeFileSync(file, '{"corpora": []}')
    const run = bench('--report', file)
    expect(run.status).toBe(1)
    expect(run.stderr).toBe(`bench: stopped: ${file}: expected the result.json of npm run bench ({date, machine, corpora: [...]})\n`)
  })
})
