// Small rules of Chinese official prose and of white space, shared by the parser and the renderers.

/** Splits "标题。正文" at the first full stop: the title without it, and the rest. */
export function splitTitle(text: string): { title: string; rest: string } {
  const stop = /。|．|\.(?!\d)/.exec(text)
  if (!stop) return { title: text, rest: '' }
  return { title: text.slice(0, stop.index), rest: text.slice(stop.index + stop[0].length).replace(/^[\s\u3000]+/, '') }
}

export function withoutFinalStop(text: string): string {
  return text.replace(/[。．.]$/, '')
}

/** White space as JavaScript's \s counts it: ASCII, no-break space, full-width space U+3000, U+FEFF and the other Unicode spaces. */
export const isSpace = (c: string): boolean => /\s/.test(c)
const never = (): boolean => false

/**
 * The text without the characters `atStart` accepts at its start and those
 * `atEnd` accepts at its end. A loop, not a pattern: `[\s\u3000]+$` is tried
 * again at every character of a run that does not reach the end, so it takes
 * time growing with the square of the run (256 k spaces inside a task took
 * minutes); this is linear.
 */
export function trimBy(text: string, atStart: (c: string) => boolean, atEnd: (c: string) => boolean = atStart): string {
  let start = 0
  let end = text.length
  while (start < end && atStart(text[start]!)) start++
  while (end > start && atEnd(text[end - 1]!)) end--
  return start === 0 && end === text.length ? text : text.slice(start, end)
}

/** The text without white space at its end. */
export const trimSpaceEnd = (text: string): string => trimBy(text, never, isSpace)

/** The text split where `isSeparator` accepts a character outside parentheses (（）and ()), the separators left out. */
export function splitOutsideParentheses(text: string, isSeparator: (c: string) => boolean): string[] {
  const items: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '（' || c === '(') depth++
    else if ((c === '）' || c === ')') && depth > 0) depth--
    else if (depth === 0 && isSeparator(c)) {
      items.push(text.slice(start, i))
      start = i + 1
    }
  }
  items.push(text.slice(start))
  return items
}
