// mdast builders and the one serialiser: pages are syntax trees until the end,
// so whatever characters the plan contains are escaped by remark-stringify.

import matter from 'gray-matter'
import type { BlockContent, Heading, Html, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong, Table, TableCell, TableRow, Text } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'

export type Inline = PhrasingContent | string

const inline = (c: Inline): PhrasingContent => (typeof c === 'string' ? text(c) : c)

export const text = (value: string): Text => ({ type: 'text', value })
export const strong = (...children: Inline[]): Strong => ({ type: 'strong', children: children.map(inline) })
export const link = (url: string, ...children: Inline[]): Link => ({ type: 'link', url, children: children.map(inline) })
export const paragraph = (...children: Inline[]): Paragraph => ({ type: 'paragraph', children: children.map(inline) })
export const heading = (depth: 1 | 2 | 3 | 4, ...children: Inline[]): Heading => ({ type: 'heading', depth, children: children.map(inline) })
/** A heading with a fixed anchor (VitePress's "{#id}"), so links and search results can point at it. */
export const headingWithId = (depth: 1 | 2 | 3 | 4, id: string, ...children: Inline[]): Heading => heading(depth, ...children, ` {#${id}}`)
/** The anchor of every page's title: search results and links can point at a page's top. */
export const PAGE_TITLE_ID = 'title'
export const pageTitle = (...children: Inline[]): Heading => headingWithId(1, PAGE_TITLE_ID, ...children)
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

const processor = unified().use(remarkGfm).use(remarkStringify, {
  bullet: '-',
  emphasis: '_',
  rule: '-',
  listItemIndent: 'one',
  fences: true,
  // VitePress reads ":::" at the start of a line as a custom container; in plan text it is text.
  unsafe: [{ character: ':', atBreak: true, after: '::' }],
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

/** The page as a Markdown file: front matter, then the tree serialised. */
export function toMarkdown(page: Page): string {
  const root: Root = { type: 'root', children: page.body }
  const body = processor.stringify(root)
  return matter.stringify(body, scriptSafeRecord(page.frontmatter))
}
