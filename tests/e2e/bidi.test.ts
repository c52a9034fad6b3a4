// A bidi control in a plan's field (an unclosed U+202E) cannot reorder the
// site's own words beside it: the task note's paragraph, rendered by
// VitePress's Markdown renderer and laid out by chromium, keeps "查看原文"
// reading left to right, and the field shows its characters as written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { createMarkdownRenderer } from 'vitepress'
import { link, paragraph, text, toMarkdown } from '../../scripts/render/markdown.ts'
import { escapeHtml } from '../../scripts/render/html.ts'
import { launch } from '../helpers/browser.ts'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

/** The note paragraph of a task page (scripts/render/plan.ts) holding `note`, as HTML. */
async function noteParagraph(note: string): Promise<string> {
  const markdown = toMarkdown({ path: 'p/tasks/1.md', frontmatter: {}, body: [paragraph('原文标注：', text(note), ' ', link('/p/original#task-1', '查看原文'))] })
  const md = await createMarkdownRenderer(process.cwd())
  return md.render(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''))
}

/** The x of each character of `word` as laid out, left to right on screen. */
async function layout(html: string, word: string): Promise<number[]> {
  const page = await browser.newPage()
  try {
    await page.setContent(`<!doctype html><html lang="zh"><body style="font-size:20px">${html}</body></html>`)
    return await page.evaluate((word) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(word)
        if (at < 0) continue
        return [...word].map((_, i) => {
          const range = document.createRange()
          range.setStart(n, at + i)
          range.setEnd(n, at + i + 1)
          return range.getBoundingClientRect().left
        })
      }
      return []
    }, word)
  } finally {
    await page.close()
  }
}

const increasing = (xs: number[]) => xs.length > 1 && xs.every((x, i) => i === 0 || x > xs[i - 1]!)

describe('a bidi control in a field', () => {
  it.each([
    ['U+202E (right-to-left override)', '（责任单位：镇\u202e政府。完成时限：长期坚持。）'],
    ['U+202B (right-to-left embedding)', '（责任单位：镇\u202b政府 abc。）'],
    ['U+2067 (right-to-left isolate), never closed', '（责任单位：\u2067镇政府。）'],
    ['Hebrew letters and a number', '（责任单位：שלום 12）'],
  ])('%s leaves the site\'s words as they read', async (_, note) => {
    const html = await noteParagraph(note)
    expect(html).toContain('<bdi>')
    expect(increasing(await layout(html, '查看原文'))).toBe(true)
    expect(increasing(await layout(html, '原文标注'))).toBe(true)
  })

  it('is kept in the text: the field reads as written once isolated', async () => {
    const html = await noteParagraph('镇\u202e政府')
    const page = await browser.newPage()
    await page.setContent(`<body>${html}</body>`)
    expect(await page.locator('bdi').textContent()).toBe('镇\u202e政府')
    await page.close()
  })

  it('the same note without the isolate would reorder them (the test can fail)', async () => {
    const bare = (await noteParagraph('（责任单位：镇\u202e政府。）')).replace(/<\/?bdi>/g, '')
    expect(increasing(await layout(bare, '查看原文'))).toBe(false)
  })

  it('text without such characters is written as before', async () => {
    expect(await noteParagraph('（责任单位：镇政府。完成时限：长期坚持。）')).not.toContain('<bdi>')
    expect(escapeHtml('镇政府<b>')).toBe('镇政府&lt;b&gt;')
    expect(escapeHtml('镇\u202e政府')).toBe('<bdi>镇\u202e政府</bdi>')
  })
})
