// Characters that reorder the text around them: bidi controls (an unclosed
// U+202E turns the site's "查看原文" after it into "文原看查") and
// right-to-left letters, which pull neutral characters and numbers beside them.
const BIDI = /[\p{Bidi_Control}\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u

export function reordersText(text: string): boolean {
  return BIDI.test(text)
}

/**
 * Escapes text for HTML: VitePress renders sidebar, nav, pager and search-result
 * text as HTML. Text holding a character that reorders text (a bidi control, a
 * right-to-left letter) goes inside a bidi isolate, as on the pages (markdown.ts inertText).
 */
export function escapeHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
  return reordersText(text) ? `<bdi>${escaped}</bdi>` : escaped
}
