// Broken input as it arrives: too large, cut short, mixed encodings — a clear
// report, never a stack trace; and a failed build leaves the previous site as it was.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPlan } from '../scripts/load.ts'
import { filesBelow } from './helpers/html.ts'
import { FIXTURES, registry, ROOT, SEED } from './helpers/plans.ts'
import { SITE_BASE, SITE_DIR } from './helpers/site.ts'

const OUT = join(ROOT, 'tests/output/robustness')

describe('a file that is no plan', () => {
  it('of 20 MB is refused at once, naming its size', () => {
    mkdirSync(OUT, { recursive: true })
    const big = join(OUT, 'big.txt')
    const seed = readFileSync(SEED)
    writeFileSync(big, Buffer.concat(Array.from({ length: Math.ceil((20 * 1024 * 1024) / seed.length) }, () => seed)))
    const result = loadPlan(big, registry)
    expect(result).toMatchObject({ ok: false, problems: [{ line: 1, message: expect.stringMatching(/^the file is 20\.\d MB; a plan is expected to be under 2 MB/) }] })
    const cli = spawnSync('npm', ['run', '--silent', 'parse', '--', big], { cwd: ROOT, encoding: 'utf8' })
    expect(cli.status).toBe(1)
    expect(cli.stderr).toMatch(/big\.txt:1: the file is 20\.\d MB/)
    expect(cli.stderr).not.toMatch(/\n\s+at /)
  })

  it('with lines in two encodings names the first foreign line', () => {
    const result = loadPlan(`${FIXTURES}bad/mixed-encodings.txt`, registry)
    expect(result).toMatchObject({ ok: false, problems: [{ line: 13, message: expect.stringContaining('mixed encodings') }] })
  })
})

describe('a failed build', () => {
  it('reports the plan\'s problems and leaves the previous site untouched', () => {
    const previous = join(OUT, 'previous-site')
    rmSync(previous, { recursive: true, force: true })
    cpSync(SITE_DIR, previous, { recursive: true })
    const before = filesBelow(previous).map((f) => [f, readFileSync(join(previous, f)).length])
    const seeds = join(OUT, 'broken-seeds')
    rmSync(seeds, { recursive: true, force: true })
    mkdirSync(seeds, { recursive: true })
    cpSync(`${FIXTURES}bad/skipped-task.txt`, join(seeds, 'skipped-task.txt'))
    const run = spawnSync('npm', ['run', '--silent', 'build', '--', '--outDir', previous], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, SITE_BASE, PLAN_SEEDS: seeds },
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('skipped-task.txt:14: expected task 4 after task 3, found task 6')
    expect(run.stderr).toContain('was left as it was')
    expect(filesBelow(previous).map((f) => [f, readFileSync(join(previous, f)).length])).toEqual(before)
  })
})
