// The build's children: the heap limit reaches the process that runs the script; why a child failed, in words.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { failureCause, heapEnv, runNode, tsxArgs } from '../../scripts/site/children.ts'
import { ROOT } from '../helpers/plans.ts'

describe('heapEnv', () => {
  it('reaches the script tsx runs (the limit V8 reports there is the one asked, plus the young generation)', async () => {
    const dir = join(ROOT, 'tests/output/children')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'heap-probe.ts'), "import { getHeapStatistics } from 'node:v8'\nprocess.stderr.write(`heap ${getHeapStatistics().heap_size_limit / 1048576}\\n`)\n")
    const run = await runNode(tsxArgs('tests/output/children/heap-probe.ts'), { env: heapEnv(300, { ...process.env, NODE_OPTIONS: '--max-old-space-size=9000' }) })
    expect(run.status).toBe(0)
    const mb = Number(/heap (\d+(\.\d+)?)/.exec(run.stderrTail)![1])
    expect(mb).toBeGreaterThanOrEqual(300)
    expect(mb).toBeLessThan(300 + 128)
  })

  it('keeps other NODE_OPTIONS and replaces an earlier limit', () => {
    expect(heapEnv(1536, { NODE_OPTIONS: '--enable-source-maps --max-old-space-size=4096' }).NODE_OPTIONS).toBe('--enable-source-maps --max-old-space-size=1536')
    expect(heapEnv(1024, {}).NODE_OPTIONS).toBe('--max-old-space-size=1024')
  })
})

describe('failureCause', () => {
  it.each([
    ["Error: ENOSPC: no space left on device, write", 'disk'],
    ['FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', 'memory'],
    ['[vitepress] Error: Cannot find module', null],
  ] as const)('%s', (stderr, cause) => {
    expect(failureCause(stderr)).toBe(cause)
  })
})
