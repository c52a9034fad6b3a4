// Bytes → text. Plans arrive as UTF-8 (with or without BOM), UTF-16 (with BOM, or without),
// or GB18030/GBK from Windows editors; line ends may be CRLF or CR.

import { forbiddenControl } from './characters.ts'

export type Decoded =
  | { ok: true; text: string; encoding: string }
  | { ok: false; line: number; message: string }

const UTF8_BOM = [0xef, 0xbb, 0xbf]

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b)
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return null
  }
}

/** Line number (1-based) of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** A plan of this kind is some tens of kilobytes; anything near this size is not one. */
export const MAX_BYTES = 2 * 1024 * 1024

/** The first line that is not UTF-8 in a file whose other lines are: a file pasted together from two editors. */
function mixedEncodingLine(bytes: Uint8Array): number | null {
  let line = 1
  let start = 0
  let utf8Text = false
  let firstBad: number | null = null
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue
    const slice = bytes.subarray(start, i)
    if (slice.some((b) => b >= 0x80)) {
      if (tryDecode(slice, 'utf-8') === null) firstBad ??= line
      else utf8Text = true
    }
    line++
    start = i + 1
  }
  return utf8Text && firstBad !== null ? firstBad : null
}

/**
 * 'utf-16le' or 'utf-16be' where the bytes read as UTF-16 without a BOM, else
 * null: an even length, and in exactly one byte order the text decodes, holds
 * line ends (a plan has lines: in the other order U+000A reads as U+0A00) and
 * neither NUL nor any other control character (binary data read as UTF-16
 * gives both, or unpaired surrogates, which do not decode).
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length % 2 !== 0) return null
  const reads = (['utf-16le', 'utf-16be'] as const).filter((encoding) => {
    const text = tryDecode(bytes, encoding)
    return text !== null && text.includes('\n') && !text.includes('\u0000') && forbiddenControl(text) === null
  })
  return reads.length === 1 ? reads[0]! : null
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, line: 1, message: '文件是空的：应为纯文本的方案' }
  if (bytes.length > MAX_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1)
    return { ok: false, line: 1, message: `文件大小为 ${mb} MB：纯文本的方案应小于 ${MAX_BYTES / 1024 / 1024} MB` }
  }

  const nul = bytes.indexOf(0)
  const bom16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])
  // UTF-16 without a BOM (saved so by some programs): its ASCII characters (digits, line ends) are a byte and a NUL.
  const bare16 = nul >= 0 && !bom16 ? utf16WithoutBom(bytes) : null
  const utf16 = bom16 || bare16 !== null
  if (nul >= 0 && !utf16) {
    return { ok: false, line: 1, message: `不是文本文件：含有二进制数据（第 ${nul} 字节处为 NUL）；应为纯文本的方案` }
  }
  let text: string | null = null
  let encoding = ''
  if (bare16) {
    encoding = `${bare16} (no BOM)`
    text = tryDecode(bytes, bare16)
  } else if (utf16) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be'
    text = tryDecode(bytes, encoding)
  } else {
    encoding = startsWith(bytes, UTF8_BOM) ? 'utf-8 (BOM)' : 'utf-8'
    text = tryDecode(bytes, 'utf-8')
    if (text === null) {
      const mixed = mixedEncodingLine(bytes)
      if (mixed !== null) {
        return { ok: false, line: mixed, message: '编码混杂：此行不是 UTF-8，其他行却是；请将整个文件以同一种编码（UTF-8）保存' }
      }
      encoding = 'gb18030'
      text = tryDecode(bytes, 'gb18030')
    }
  }
  if (text === null) {
    return { ok: false, line: 1, message: '不是文本文件：内容既不是 UTF-8 也不是 GB18030 编码' }
  }
  const control = forbiddenControl(text)
  if (control) {
    return { ok: false, line: lineAt(text, control.index), message: `不是文本文件：含有控制字符 ${control.code}；应为纯文本的方案` }
  }
  text = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n')
  if (text.trim() === '') return { ok: false, line: 1, message: '文件中没有文字：应为纯文本的方案' }
  return { ok: true, text, encoding }
}
