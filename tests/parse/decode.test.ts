import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { decode } from '../../scripts/parse/decode.ts'
import { ROOT, SEED } from '../helpers/plans.ts'

const enc = new TextEncoder()

describe('decode', () => {
  it.each([
    ['UTF-8', enc.encode('一、指导思想\n'), '一、指导思想\n'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('一、')]), '一、'],
    ['CRLF', enc.encode('甲\r\n乙\r丙'), '甲\n乙\n丙'],
    // "安全" in GB18030.
    ['GB18030', new Uint8Array([0xb0, 0xb2, 0xc8, 0xab]), '安全'],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, 0x89, 0x5b, 0x68, 0x51]), '安全'],
  ])('%s', (_name, bytes, text) => {
    expect(decode(bytes)).toMatchObject({ ok: true, text })
  })

  describe('UTF-16 without a BOM (its ASCII characters a byte and a NUL)', () => {
    const seed = readFileSync(SEED, 'utf8')
    const le = Buffer.from(seed, 'utf16le')
    const be = Buffer.from(le).swap16()
    it.each([['little-endian', le, 'utf-16le (no BOM)'], ['big-endian', be, 'utf-16be (no BOM)']])('%s: the seed reads as in UTF-8', (_name, bytes, encoding) => {
      expect(decode(bytes)).toEqual({ ok: true, text: seed, encoding })
    })

    it.each([
      // A NUL character (00 00) read either way.
      ['a NUL character', new Uint8Array([0x31, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x32, 0x00])],
      // A lone high surrogate (D800) before a line end: UTF-16 in neither order.
      ['a lone surrogate', new Uint8Array([0x31, 0x00, 0x00, 0xd8, 0x0a, 0x00])],
      // Controls: U+0001 little-endian, U+0100 and U+0A00 big-endian (no line end).
      ['control characters', new Uint8Array([0x01, 0x00, 0x0a, 0x00, 0x31, 0x00])],
      ['an odd length', new Uint8Array([0x31, 0x00, 0x0a, 0x00, 0x33])],
      ['a PNG image', readFileSync(`${ROOT}tests/screenshots/task.png`).subarray(0, 4096)],
    ])('%s: binary data', (_name, bytes) => {
      expect(decode(bytes)).toMatchObject({ ok: false, line: 1, message: expect.stringMatching(/^不是文本文件：含有二进制数据/) })
    })
  })

  it.each([
    ['an empty file', new Uint8Array(), 1, '文件是空的'],
    ['a file of blanks', enc.encode(' \n\u3000\n'), 1, '文件中没有文字'],
    ['binary data', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 1, '不是文本文件'],
    ['a control character on line 2', enc.encode('一、\n二\u0007'), 2, '含有控制字符 U+0007'],
  ])('%s is refused', (_name, bytes, line, message) => {
    const result = decode(bytes)
    expect(result.ok).toBe(false)
    expect(result).toMatchObject({ line })
    expect(!result.ok && result.message).toContain(message)
  })
})
