// Measuring a command from outside: its wall time, the peak memory of its
// process tree (children included), and its failure with its output.
import { describe, expect, it } from 'vitest'
import { measure } from '../../scripts/bench/measure.ts'
import { gzipSize, indexFiles } from '../../scripts/bench/sizes.ts'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const node = process.execPath
// Holds 300 MB (touched, so resident) in a grandchild for a second.
const HOLD = `const b = Buffer.alloc(300e6, 1); setTimeout(() => console.log(b.length), 1000)`

describe('measure', () => {
  it('counts the memory of descendants and the time until the command ends', async () => {
    const run = await measure(node, ['-e', `require('node:child_process').execFileSync(process.execPath, ['-e', ${JSON.stringify(HOLD)}])`], { cwd: tmpdir(), env: process.env })
    expect(run.peakMemoryBytes).toBeGreaterThan(300e6)
    expect(run.peakMemoryBytes).toBeLessThan(1e9)
    expect(run.wallMs).toBeGreaterThanOrEqual(1000)
  })

  it('rejects a failing command with the end of its output', async () => {
    await expect(measure(node, ['-e', 'console.error("the plan is broken"); process.exit(3)'], { cwd: tmpdir(), env: process.env }))
      .rejects.toThrow(/exited with 3:\nthe plan is broken/)
  })
})

describe('sizes', () => {
  it('finds the scripts that carry a serialised search index, and no other', () => {
    const site = mkdtempSync(join(tmpdir(), 'bench-sizes-'))
    mkdirSync(join(site, 'assets/chunks'), { recursive: true })
    // VitePress's index chunk, our search box chunk (index in a double-quoted string), the library alone.
    writeFileSync(join(site, 'assets/chunks/@localSearchIndexroot.abc.js'), `const e='{"documentCount":3,"nextId":3}';export{e as default};`)
    writeFileSync(join(site, 'assets/chunks/VPLocalSearchBox.def.js'), `const i="{\\"documentCount\\":35}";class M{toJSON(){return{documentCount:this._documentCount}}}`)
    writeFileSync(join(site, 'assets/chunks/theme.ghi.js'), `class M{toJSON(){return{documentCount:this._documentCount}}}`)
    writeFileSync(join(site, 'assets/style.css'), `"documentCount":`)
    expect(indexFiles(site)).toEqual(['assets/chunks/@localSearchIndexroot.abc.js', 'assets/chunks/VPLocalSearchBox.def.js'])
  })

  it('measures gzip', () => {
    expect(gzipSize('安全生产'.repeat(1000))).toBeLessThan(200)
    expect(gzipSize('')).toBeGreaterThan(0)
  })
})
