// Small rules of Chinese official prose, shared by the parse stage.

/** Splits "标题。正文" at the first full stop: the title without it, and the rest. */
export function splitTitle(text: string): { title: string; rest: string } {
  const stop = /。|．|\.(?!\d)/.exec(text)
  if (!stop) return { title: text, rest: '' }
  return { title: text.slice(0, stop.index), rest: text.slice(stop.index + stop[0].length).replace(/^[\s\u3000]+/, '') }
}

export function withoutFinalStop(text: string): string {
  return text.replace(/[。．.]$/, '')
}
