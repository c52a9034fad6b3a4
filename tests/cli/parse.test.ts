// The command line as a person runs it: npm run --silent parse -- FILE.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/plans.ts'

function parse(...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'parse', '--', ...args], { cwd: ROOT, encoding: 'utf8' })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('npm run parse', () => {
  it('prints the model of the seed plan as JSON and exits 0', () => {
    const { status, stdout, stderr } = parse('seeds/yincheng-2022-safety-15-measures.txt')
    expect(stderr).toBe('')
    expect(status).toBe(0)
    const plan = JSON.parse(stdout)
    expect(plan).toMatchObject({ issuer: '荫城镇人民政府', date: '2022-05-10' })
    expect(plan.measures).toHaveLength(13)
    expect(plan.tasks).toHaveLength(35)
    expect(plan.tasks[4]).toMatchObject({
      number: 5, measure: 2, title: '制定职责任务清单', units: ['镇党委', '镇政府'],
      deadline: { text: '5月底前完成', kind: 'due', date: '2022-05-31' },
    })
    expect(plan.units[0]).toEqual(expect.objectContaining({ name: '镇党委', aliases: expect.any(Array), memberOf: [] }))
    expect(plan.phases[0]).toEqual(expect.objectContaining({ title: '认真学习自查自纠阶段', start: '2022-05-10', end: '2022-06-30' }))
    expect(plan.requirements[0]).toEqual(expect.objectContaining({ title: '提高政治站位', text: expect.any(String) }))
  })

  it.each([
    ['tests/fixtures/bad/skipped-task.txt', /^tests\/fixtures\/bad\/skipped-task\.txt:14: expected task 4 after task 3, found task 6/],
    ['tests/fixtures/bad/empty.txt', /^tests\/fixtures\/bad\/empty\.txt:1: the file is empty/],
    ['tests/fixtures/bad/binary.txt', /^tests\/fixtures\/bad\/binary\.txt:1: not a text file/],
    ['no/such/plan.txt', /^no\/such\/plan\.txt:1: cannot read the file: no such file$/m],
    ['tests', /^tests:1: cannot read the file: it is a folder, not a file$/m],
  ])('%s: a plain report on stderr, no stack trace, exit 1', (file, message) => {
    const { status, stdout, stderr } = parse(file)
    expect(status).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
    expect(stderr).not.toMatch(/\bat \S+:\d+:\d+|Error:/)
  })

  it('succeeds without noise for a unit missing from the registry, which gets a page of its own', () => {
    const { status, stderr, stdout } = parse('tests/fixtures/plans/unknown-unit/input.txt')
    expect(status).toBe(0)
    expect(stderr).toBe('')
    expect(JSON.parse(stdout).units).toContainEqual({ name: '镇应急办', slug: 'zhen-ying-ji-ban-79f3fd', aliases: [], memberOf: [], registered: false })
  })

  it('says how to call it when the file is missing', () => {
    expect(parse()).toMatchObject({ status: 2, stderr: expect.stringContaining('usage:') })
  })
})
