// The one place where text meets markup (scripts/render/markdown.ts: inert): any
// string comes back unchanged once the browser decodes it, and the Markdown
// holds no character any parser of the pipeline acts on.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import matter from 'gray-matter'
import { inert, toMarkdown } from '../../scripts/render/markdown.ts'
import { decodeEntities } from '../helpers/html.ts'

describe('inert', () => {
  it.each([
    ['荫城镇人民政府', '荫城镇人民政府'],
    ['6月底前 完成', '6月底前 完成'],
    ['{{ 7*7 }}', '&#123;&#123; 7&#42;7 &#125;&#125;'],
    ['<!-- @include: /etc/hostname -->', '&#60;&#33;&#45;&#45; &#64;include&#58; &#47;etc&#47;hostname &#45;&#45;&#62;'],
    ['{:ref="x"}', '&#123;&#58;ref&#61;&#34;x&#34;&#125;'],
    ['a  b', 'a&#32;&#32;b'],
    [' lead', '&#32;lead'],
    ['任务7\u3000设立', '任务7&#12288;设立'],
    ['line\nbreak', 'line&#10;break'],
    ['&amp;', '&#38;amp&#59;'],
  ])('%j → %j', (text, written) => expect(inert(text)).toBe(written))

  it('gives back any string once decoded, and leaves no ASCII punctuation but its own references', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      const written = inert(text)
      expect(decodeEntities(written)).toBe(text)
      expect(written.replace(/&#\d+;/g, '')).toMatch(/^[^\x00-\x1f!-/:-@[-`{-~\x7f]*$/)
    }), { numRuns: 2000 })
  })
})

describe('front matter', () => {
  // VitePress reads front matter with gray-matter's YAML engine: what it reads must be the page's data, with only
  // the two marks toMarkdown adds (a backslash before the title's ASCII punctuation, a word joiner in "</").
  const unmarked = (value: unknown): unknown => (typeof value === 'string' ? value.replaceAll('<\u2060/', '</') : value)
  it('reads back through gray-matter as VitePress reads it, and holds no "<"', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (title, plan) => {
      const md = toMarkdown({ path: 'p/index.md', frontmatter: { title, plan }, body: [] })
      const head = md.slice(0, md.indexOf('\n---\n', 4))
      expect(head).not.toContain('<')
      const { data } = matter(md)
      expect(unmarked(data.plan)).toBe(plan)
      expect(unmarked(String(data.title).replace(/\\([!-%'-/:-@[-`{-~])/g, '$1'))).toBe(title)
    }), { numRuns: 500 })
  })
})
