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
    // stdout is a pipe here: the model; stderr the summary a person checks at a glance.
    expect(stderr).toBe('seeds/yincheng-2022-safety-15-measures.txt: 13 项措施，35 项任务（方案写明 35 项），35 项写明责任单位，35 项写明完成时限；无提示\n')
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
    ['tests/fixtures/bad/no-measures.txt', /^tests\/fixtures\/bad\/no-measures\.txt:6: 此文件中没有能读作方案任务的内容/m],
    ['tests/fixtures/bad/empty.txt', /^tests\/fixtures\/bad\/empty\.txt:1: 文件是空的/],
    ['tests/fixtures/bad/binary.txt', /^tests\/fixtures\/bad\/binary\.txt:1: 此文件扩展名为 \.txt，但内容是压缩包格式的 Office 文件/],
    ['no/such/plan.txt', /^no\/such\/plan\.txt:1: 无法读取此文件：没有这个文件$/m],
    ['tests', /^tests:1: 无法读取此文件：这是一个文件夹，不是文件$/m],
  ])('%s: a plain report on stderr, no stack trace, exit 1', (file, message) => {
    const { status, stdout, stderr } = parse(file)
    expect(status).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
    expect(stderr).not.toMatch(/\bat \S+:\d+:\d+|Error:/)
  })

  it('publishes a plan with a task missing from its numbering, with a located warning and a summary', () => {
    const { status, stdout, stderr } = parse('tests/fixtures/bad/skipped-task.txt')
    expect(status).toBe(0)
    expect(JSON.parse(stdout).tasks).toHaveLength(5)
    expect(stderr.split('\n')).toEqual([
      'tests/fixtures/bad/skipped-task.txt:14: warning: 编号不连续：此处应为任务4（接在任务3之后），实为任务6；缺任务4至任务5',
      'tests/fixtures/bad/skipped-task.txt:15: warning: 编号不连续：此处应为任务7（接在任务6之后），实为任务5',
      expect.stringMatching(/^tests\/fixtures\/bad\/skipped-task\.txt: \d+ 项措施，5 项任务（方案写明 5 项），5 项写明责任单位，\d+ 项写明完成时限；2 条提示（编号 2）$/),
      '',
    ])
  })

  it('on a terminal prints the summary, and the model only with --json', () => {
    // script(1) gives the command a terminal for stdout.
    const run = spawnSync('script', ['-qec', 'npx tsx scripts/cli/parse.ts seeds/yincheng-2022-safety-15-measures.txt', '/dev/null'], { cwd: ROOT, encoding: 'utf8' })
    expect(run.stdout).toContain('13 项措施，35 项任务')
    expect(run.stdout).not.toContain('"measures"')
    const json = spawnSync('script', ['-qec', 'npx tsx scripts/cli/parse.ts seeds/yincheng-2022-safety-15-measures.txt --json', '/dev/null'], { cwd: ROOT, encoding: 'utf8' })
    expect(json.stdout).toContain('"measures"')
  })

  it('succeeds without noise for a unit missing from the registry, which gets a page of its own', () => {
    const { status, stderr, stdout } = parse('tests/fixtures/plans/unknown-unit/input.txt')
    expect(status).toBe(0)
    expect(stderr).toMatch(/^tests\/fixtures\/plans\/unknown-unit\/input\.txt: .*；无提示\n$/)
    expect(JSON.parse(stdout).units).toContainEqual({ name: '镇应急办', slug: 'zhen-ying-ji-ban-79f3fd', aliases: [], memberOf: [], registered: false })
  })

  it('says how to call it when the file is missing', () => {
    expect(parse()).toMatchObject({ status: 2, stderr: expect.stringContaining('usage:') })
  })
})
