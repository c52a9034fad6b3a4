// Broken input as it arrives: too large, cut short, mixed encodings — a clear
// report, never a stack trace; and a failed build leaves the previous site as it was.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reportLines } from '../../scripts/views/report.ts'
import { largePlan } from '../../scripts/bench/corpus.ts'
import { readPlan, planIdProblem, RESERVED_IDS } from '../../scripts/site/load.ts'
import { filesBelow } from '../helpers/html.ts'
import { FIXTURES, registry, ROOT, SEED } from '../helpers/plans.ts'
import { HOSTILE_DIR, SITE_BASE, SITE_DIR } from '../helpers/site.ts'

const OUT = join(ROOT, 'tests/output/robustness')

describe('a file that is no plan', () => {
  it('of 20 MB is refused at once, naming its size', async () => {
    mkdirSync(OUT, { recursive: true })
    const big = join(OUT, 'big.txt')
    const seed = readFileSync(SEED)
    writeFileSync(big, Buffer.concat(Array.from({ length: Math.ceil((20 * 1024 * 1024) / seed.length) }, () => seed)))
    const { result } = await readPlan(big, registry)
    expect(result).toMatchObject({ ok: false, problems: [{ line: 1, message: expect.stringMatching(/^文件大小为 20\.\d MB：纯文本的方案应小于 2 MB/) }] })
    const cli = spawnSync('npm', ['run', '--silent', 'parse', '--', big], { cwd: ROOT, encoding: 'utf8' })
    expect(cli.status).toBe(1)
    expect(cli.stderr).toMatch(/big\.txt:1: 文件大小为 20\.\d MB/)
    expect(cli.stderr).not.toMatch(/\n\s+at /)
  })

  it('with lines in two encodings names the first foreign line', async () => {
    const { result, where } = await readPlan(`${FIXTURES}bad/mixed-encodings.txt`, registry)
    expect(reportLines('mixed-encodings.txt', result, where)).toEqual([expect.stringMatching(/^mixed-encodings\.txt:13: 编码混杂/)])
  })
})

describe('a failed build', () => {
  it('reports the file that is no plan and leaves the previous site untouched', () => {
    const previous = join(OUT, 'previous-site')
    rmSync(previous, { recursive: true, force: true })
    cpSync(SITE_DIR, previous, { recursive: true })
    const before = filesBelow(previous).map((f) => [f, readFileSync(join(previous, f)).length])
    const seeds = join(OUT, 'broken-seeds')
    rmSync(seeds, { recursive: true, force: true })
    mkdirSync(seeds, { recursive: true })
    // A file that is no plan is refused (a plan with warnings would be published); so is a plan that takes longer to
    // read than its budget (a small one here: it takes some seconds), and the seed beside them is read.
    cpSync(`${FIXTURES}bad/no-measures.txt`, join(seeds, 'no-measures.txt'))
    writeFileSync(join(seeds, 'large.txt'), largePlan(14_000).text)
    cpSync(SEED, join(seeds, 'seed.txt'))
    // --no-pdf: the plans are refused before anything is printed; chromium's start (tested below) is spared.
    const run = spawnSync('npm', ['run', '--silent', 'build', '--', '--no-pdf', '--outDir', previous], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, SITE_BASE, PLAN_SEEDS: seeds, PLAN_READ_SECONDS: '0.3' },
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('no-measures.txt:6: 此文件中没有能读作方案任务的内容')
    expect(run.stderr).toContain(`${join(seeds, 'large.txt')}:1: 读取和解析这个文件超过了 0.3 秒，这是一份方案允许的时间`)
    expect(run.stderr).not.toContain('seed.txt')
    expect(run.stderr).toContain('was left as it was')
    expect(filesBelow(previous).map((f) => [f, readFileSync(join(previous, f)).length])).toEqual(before)
  })
})

describe('npm run build -- --strict', () => {
  it('stops on a plan with a warning, names it, and leaves docs/ and the site as they were', () => {
    const seeds = join(OUT, 'strict-seeds')
    rmSync(seeds, { recursive: true, force: true })
    mkdirSync(seeds, { recursive: true })
    cpSync(`${FIXTURES}bad/skipped-task.txt`, join(seeds, 'skipped-task.txt'))
    const docs = join(ROOT, 'docs')
    const before = filesBelow(docs).map((f) => [f, readFileSync(join(docs, f)).length])
    const target = join(OUT, 'strict-site')
    rmSync(target, { recursive: true, force: true })
    const run = spawnSync('npm', ['run', '--silent', 'build', '--', '--strict', '--no-pdf', '--outDir', target], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, SITE_BASE, PLAN_SEEDS: seeds },
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('skipped-task.txt:14: warning: 编号不连续：此处应为任务4（接在任务3之后），实为任务6')
    // Two of numbering, and its issuer (某某镇人民政府) is no division: 区划未定.
    expect(run.stderr).toContain('skipped-task.txt:1: warning: 发文机关“某某镇人民政府”和标题都没有写出区划数据中的地名')
    expect(run.stderr).toContain('--strict: 3 warning(s); nothing was published')
    expect(existsSync(target)).toBe(false)
    expect(filesBelow(docs).map((f) => [f, readFileSync(join(docs, f)).length])).toEqual(before)
  })
})

describe('seed file names', () => {
  it.each([
    ['yincheng-2022-safety.txt', null],
    ['plan-001.txt', null],
    ['...txt', /不能作为方案名：.*小写英文字母/],
    ['../escape.txt', null], // the folder is not part of the name
    ['Plan.txt', /小写英文字母/],
    ['荫城镇方案.txt', /小写英文字母/],
    ['a?b#.txt', /小写英文字母/],
    ['-plan.txt', /小写英文字母/],
    ['units.txt', /“units”是站点自己的页面使用的名称/],
    ['sectors.txt', /站点自己的页面/],
    ['assets.txt', /站点自己的页面/],
  ])('%s', (name, problem) => {
    const found = planIdProblem(`/seeds/${name}`, new Set())
    if (problem === null) expect(found).toBeNull()
    else expect(found).toMatch(problem)
  })

  it('two files may not give the same plan id', () => {
    expect(planIdProblem('/seeds/a.txt', new Set(['a']))).toMatch(/已被同一文件夹中的另一个文件使用/)
    expect(RESERVED_IDS).toContain('units')
  })

  it('a build with bad names names each file, writes nothing and leaves the site as it was', () => {
    const seeds = join(OUT, 'bad-name-seeds')
    rmSync(seeds, { recursive: true, force: true })
    mkdirSync(seeds, { recursive: true })
    for (const name of ['...txt', 'units.txt', '荫城镇方案.txt', 'a?b#.txt']) cpSync(SEED, join(seeds, name))
    const out = join(OUT, 'bad-name-site')
    rmSync(out, { recursive: true, force: true })
    const rootBefore = readdirSync(ROOT).sort()
    const run = spawnSync('npm', ['run', '--silent', 'build', '--', '--no-pdf', '--outDir', out], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, PLAN_SEEDS: seeds },
    })
    expect(run.status).toBe(1)
    for (const name of ['...txt', 'units.txt', '荫城镇方案.txt', 'a?b#.txt']) expect(run.stderr).toContain(`${join(seeds, name)}: 文件名“${name}”不能作为方案名`)
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(ROOT).sort()).toEqual(rootBefore)
    const cli = spawnSync('npm', ['run', '--silent', 'parse', '--', join(seeds, 'units.txt')], { cwd: ROOT, encoding: 'utf8' })
    expect(cli.status).toBe(1)
    expect(cli.stderr).toContain('units.txt: 文件名“units.txt”不能作为方案名')
  })
})

describe('printing the PDFs', () => {
  const previousSite = () => {
    const dir = join(OUT, 'pdf-previous-site')
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'index.html'), 'the previous site')
    return dir
  }
  const build = (chromium: string, extra: Record<string, string> = {}) => {
    const out = previousSite()
    const run = spawnSync('npm', ['run', '--silent', 'build', '--', '--outDir', out], {
      cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, CHROMIUM_PATH: chromium, ...extra },
    })
    return { run, kept: readFileSync(join(out, 'index.html'), 'utf8') === 'the previous site' && filesBelow(out).length === 1 }
  }

  it('a chromium that fails to start stops the build with one line and leaves the site', () => {
    const { run, kept } = build('/bin/false')
    expect(run.status).toBe(1)
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^build: stopped: chromium at \/bin\/false did not start: .*--no-pdf.*was left as it was$/)])
    expect(kept).toBe(true)
  })

  it('a chromium that never answers is given up on after its launch timeout', () => {
    const hanging = join(OUT, 'hanging-chromium')
    writeFileSync(hanging, '#!/bin/sh\nexec sleep 600\n', { mode: 0o755 })
    const started = Date.now()
    const { run, kept } = build(hanging, { CHROMIUM_TIMEOUT_MS: '2000' })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/did not start: .*[Tt]imeout/)
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(kept).toBe(true)
  })

  it('a missing chromium fails the build and says how to build without PDFs', () => {
    const { run, kept } = build('/nonexistent/chromium')
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('chromium not found at /nonexistent/chromium')
    expect(run.stderr).toContain('npm run build -- --no-pdf')
    expect(kept).toBe(true)
  })

  it('--no-pdf builds a site that links no PDF (the hostile site is built so, without chromium)', () => {
    const files = filesBelow(HOSTILE_DIR)
    expect(files.filter((f) => f.endsWith('.pdf'))).toEqual([])
    const pages = files.filter((f) => f.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(60)
    for (const page of pages) expect(readFileSync(join(HOSTILE_DIR, page), 'utf8'), page).not.toMatch(/href="[^"]*\.pdf"/)
    // The same pages of the seed site, built with PDFs, link them.
    expect(readFileSync(join(SITE_DIR, 'units/140404102-villages.html'), 'utf8')).toMatch(/href="[^"]*villages\.pdf"/)
  })
})
