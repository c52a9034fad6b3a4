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
  if (bytes.length === 0) return { ok: false, line: 1, message: 'the file is empty; expected a plan in plain text' }
  if (bytes.length > MAX_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1)
    return { ok: false, line: 1, message: `the file is ${mb} MB; a plan is expected to be under ${MAX_BYTES / 1024 / 1024} MB of plain text` }
  }

  const nul = bytes.indexOf(0)
  const bom16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])
  // UTF-16 without a BOM (saved so by some programs): its ASCII characters (digits, line ends) are a byte and a NUL.
  const bare16 = nul >= 0 && !bom16 ? utf16WithoutBom(bytes) : null
  const utf16 = bom16 || bare16 !== null
  if (nul >= 0 && !utf16) {
    return { ok: false, line: 1, message: `not a text file: it holds binary data (a NUL byte at offset ${nul}); expected a plan in plain text` }
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
        return { ok: false, line: mixed, message: 'mixed encodings: this line is not UTF-8 while other lines are; save the whole file in one encoding (UTF-8)' }
      }
      encoding = 'gb18030'
      text = tryDecode(bytes, 'gb18030')
    }
  }
  if (text === null) {
    return { ok: false, line: 1, message: 'not a text file: the bytes are neither UTF-8 nor GB18030' }
  }
  const control = forbiddenControl(text)
  if (control) {
    return { ok: false, line: lineAt(text, control.index), message: `not a text file: control character ${control.code} found; expected a plan in plain text` }
  }
  text = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n')
  if (text.trim() === '') return { ok: false, line: 1, message: 'the file has no text; expected a plan in plain text' }
  return { ok: true, text, encoding }
}
