// mdast builders and the one serialiser: pages are syntax trees until the end,
// so whatever characters the plan contains are escaped by remark-stringify.

import type { BlockContent, Heading, Html, Link, List, ListItem, Literal, Paragraph, PhrasingContent, Root, RootContent, Strong, Table, TableCell, TableRow, Text } from 'mdast'
import matter from 'gray-matter'
import { posix } from 'node:path'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { reordersText } from './html.ts'

export type Inline = PhrasingContent | string

/** A link to a file to save (a ledger, a PDF): the URL stays ASCII, the saved file is named in Chinese. */
export interface FileLink extends Literal {
  type: 'fileLink'
  /** Site-absolute URL of the file, e.g. "/plan/downloads/ledger.xlsx". */
  url: string
  /** The name the browser saves the file under (the link's download attribute). */
  saveAs: string
}

declare module 'mdast' {
  interface PhrasingContentMap {
    fileLink: FileLink
  }
  interface RootContentMap {
    fileLink: FileLink
  }
}

const inline = (c: Inline): PhrasingContent => (typeof c === 'string' ? text(c) : c)

export const text = (value: string): Text => ({ type: 'text', value })
export const strong = (...children: Inline[]): Strong => ({ type: 'strong', children: children.map(inline) })
export const link = (url: string, ...children: Inline[]): Link => ({ type: 'link', url, children: children.map(inline) })
export const paragraph = (...children: Inline[]): Paragraph => ({ type: 'paragraph', children: children.map(inline) })
export const heading = (depth: 1 | 2 | 3 | 4, ...children: Inline[]): Heading => ({ type: 'heading', depth, children: children.map(inline) })
/**
 * A heading with a fixed anchor, so links and search results can point at it.
 * Written as HTML (text inert, id ours): VitePress's "{#id}" syntax needs
 * markdown-it-attrs, which is switched off (plan text could use it).
 */
export function headingWithId(depth: 1 | 2 | 3 | 4, id: string, title: string): Html {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`heading id "${id}" is not an ASCII slug`)
  const label = inert(`链接到“${title}”`)
  return html(`<h${depth} id="${id}" tabindex="-1">${inertText(title)} <a class="header-anchor" href="#${id}" aria-label="${label}">&#8203;</a></h${depth}>`)
}
/** The anchor of every page's title: search results and links can point at a page's top. */
export const PAGE_TITLE_ID = 'title'
export const pageTitle = (title: string): Html => headingWithId(1, PAGE_TITLE_ID, title)
export const list = (items: Array<Inline[] | BlockContent[]>, ordered = false): List => ({
  type: 'list',
  ordered,
  spread: false,
  children: items.map((content): ListItem => ({
    type: 'listItem',
    spread: false,
    children: content.length > 0 && isBlock(content[0]!) ? (content as BlockContent[]) : [paragraph(...(content as Inline[]))],
  })),
})
export const table = (header: Inline[][], rows: Inline[][][]): Table => ({
  type: 'table',
  align: header.map(() => null),
  children: [header, ...rows].map((cells): TableRow => ({
    type: 'tableRow',
    children: cells.map((cell): TableCell => ({ type: 'tableCell', children: cell.map(inline) })),
  })),
})

export const fileLink = (url: string, saveAs: string, label: string): FileLink => ({ type: 'fileLink', url, saveAs, value: label })

/** Trusted markup written by the renderers themselves (never plan text), e.g. a wrapper element. */
export const html = (value: string): Html => ({ type: 'html', value })

/** Joins inline pieces with a separator ("、" between unit links). */
export function joined(items: Inline[][], separator: string): Inline[] {
  return items.flatMap((item, i) => (i === 0 ? item : [separator, ...item]))
}

function isBlock(node: Inline | BlockContent): node is BlockContent {
  return typeof node !== 'string' && ['paragraph', 'list', 'table', 'heading', 'html', 'blockquote'].includes(node.type)
}

/** Paragraphs of a text whose paragraphs are separated by "\n". */
export function paragraphs(value: string): Paragraph[] {
  return value.split('\n').filter((p) => p !== '').map((p) => paragraph(p))
}

/** Wraps blocks in a <div class="…"> so the theme and print styles can address them. */
export function section(className: string, children: RootContent[]): RootContent[] {
  return [html(`<div class="${className}">`), ...children, html('</div>')]
}

/** Blocks folded under a summary line (a <details> element): long lists a reader opens when wanted. */
export function folded(summary: string, children: RootContent[], className = 'fold'): RootContent[] {
  return [html(`<details class="${className}"><summary>${inertText(summary)}</summary>`), ...children, html('</details>')]
}

/**
 * Text, whatever it holds, as characters nothing downstream reads as syntax:
 * every ASCII character other than a letter, a digit or a single space between
 * two others, and every whitespace, control or format character, becomes a
 * numeric character reference. markdown-it (and its plugins: attrs, emoji,
 * containers, linkify, anchors), VitePress (includes, snippets) and Vue's
 * template compiler ({{ }}, directives) only act on ASCII punctuation, so none
 * of them sees any; VitePress keeps the references as written, and the browser
 * shows the characters. This is the one place where text meets markup: every
 * text node of a page is written through it (inertText), every attribute
 * value the renderers fill from a plan too.
 */
export function inert(value: string): string {
  let out = ''
  const chars = [...value]
  chars.forEach((c, i) => {
    const code = c.codePointAt(0)!
    const plain = code < 0x80
      ? /[A-Za-z0-9]/.test(c) || (c === ' ' && i > 0 && i < chars.length - 1 && chars[i - 1] !== ' ' && chars[i + 1] !== ' ')
      : !/[\p{Cc}\p{Cf}\p{Z}\p{Co}\p{Cs}\p{Cn}]/u.test(c)
    out += plain ? c : `&#${code};`
  })
  return out
}

/**
 * Text as the content of an element: inert, and where it holds a character
 * that reorders text, inside a bidi isolate (<bdi>), so it is shown as
 * written and cannot reorder the page around it. Text without such characters
 * (every Chinese plan) is written as before.
 */
export function inertText(value: string): string {
  return reordersText(value) ? `<bdi>${inert(value)}</bdi>` : inert(value)
}

/**
 * A file link as HTML (Markdown has no download attribute), its URL relative
 * to the page's folder: VitePress rewrites only Markdown links for the site's
 * base, and a relative URL works under any base.
 */
function fileLinkHtml(node: FileLink, pageDir: string): string {
  if (!/^\/[A-Za-z0-9._/-]+$/.test(node.url)) throw new Error(`file URL "${node.url}" is not an ASCII path`)
  const href = posix.relative(pageDir, node.url)
  return `<a href="${href}" download="${inert(node.saveAs)}">${inertText(node.value)}</a>`
}

/** A page's tree with its file links written as HTML, relative to the page's folder. */
function withFileLinks<T extends Root | RootContent>(node: T, pageDir: string): T {
  if (node.type === 'fileLink') return html(fileLinkHtml(node, pageDir)) as T
  if (!('children' in node)) return node
  return { ...node, children: (node.children as RootContent[]).map((child) => withFileLinks(child, pageDir)) }
}

/** The one serialiser: every text node through inert. */
const processor = unified().use(remarkGfm).use(remarkStringify, {
  bullet: '-',
  emphasis: '_',
  rule: '-',
  listItemIndent: 'one',
  fences: true,
  handlers: { text: (node: Text) => inertText(node.value) },
})

export interface Page {
  /** Path below docs/, e.g. "plan-id/tasks/5.md". */
  path: string
  frontmatter: Record<string, unknown>
  body: RootContent[]
}

/**
 * VitePress embeds front matter in a <script> block of the page's component
 * without escaping it: a "</" in a value (a plan's title may hold
 * "</script>") would end that block. A word joiner (U+2060, invisible) between
 * "<" and "/" keeps the text as read and the block intact.
 */
function scriptSafe(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/<\//g, '<\u2060/')
  if (Array.isArray(value)) return value.map(scriptSafe)
  if (typeof value === 'object' && value !== null) return scriptSafeRecord(Object.fromEntries(Object.entries(value)))
  return value
}

function scriptSafeRecord(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, scriptSafe(v)]))
}

/**
 * Front matter as JSON (a YAML document too: VitePress reads it with gray-matter's YAML engine) with "<" written
 * "\u003c": the values are plan text, and VitePress expands "<!-- @include: … -->" anywhere in the file before it
 * reads the front matter. gray-matter writes it, with this engine in place of its YAML writer, whose output would
 * hold "<" as written.
 */
const INERT_JSON = {
  parse: (input: string): object => JSON.parse(input),
  stringify: (data: object): string => {
    const safe = scriptSafeRecord(Object.fromEntries(Object.entries(data)))
    if (typeof safe.title === 'string') safe.title = markdownLiteral(safe.title)
    return JSON.stringify(safe, null, 2).replace(/</g, '\\u003c')
  },
}

/**
 * VitePress reads the front matter's title as inline Markdown (and drops any
 * HTML in it) to make the page's <title>: every ASCII punctuation character is
 * backslash-escaped, so the title reads as written. Not "&": VitePress keeps a
 * character reference as written there, and "\\&" would become "&amp;".
 */
function markdownLiteral(value: string): string {
  return value.replace(/[!-%'-/:-@[-`{-~]/g, (c) => `\\${c}`)
}

/**
 * The page as a Markdown file: front matter, then the tree serialised inside a
 * v-pre block, so Vue compiles nothing of the page's body.
 */
export function toMarkdown(page: Page): string {
  const root: Root = { type: 'root', children: [html('<div v-pre>'), ...page.body, html('</div>')] }
  const body = processor.stringify(withFileLinks(root, posix.dirname(`/${page.path}`)))
  return matter.stringify(`\n${body}`, page.frontmatter, { language: 'inert-json', engines: { 'inert-json': INERT_JSON } })
}
