// A page's <title> as the reader's text has it. VitePress writes the title
// into the HTML with an escape that leaves anything shaped like an entity
// alone ("&lt;" stays "&lt;"), so a plan whose title holds "&lt;b&gt;" shows
// "<b>" in the tab, the history and to a search engine until the app rewrites
// it (it did so at once; now the app starts after the first paint). Pure.

const TITLE = /<title>[^<]*<\/title>/

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The page's HTML with its <title> holding `title` (the page's title as VitePress made it) escaped whole. */
export function withPageTitle(html: string, title: string, file: string): string {
  if (!TITLE.test(html)) throw new Error(`${file}: no <title> (scripts/site/page-title.ts must follow VitePress's page template)`)
  return html.replace(TITLE, () => `<title>${escapeText(title)}</title>`)
}
