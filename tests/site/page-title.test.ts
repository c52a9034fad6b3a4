// A page's <title> holds the page's title as written: entities in a plan's text stay text.
import { expect, it } from 'vitest'
import { withPageTitle } from '../../scripts/site/page-title.ts'

const page = (title: string) => `<html><head><title>${title}</title></head><body><p>&lt;title&gt;</p></body></html>`

it.each([
  ['关于&lt;b&gt; &amp; &#60;script&#62;的实施方案 | 政策文件知识库', '关于&amp;lt;b&amp;gt; &amp;amp; &amp;#60;script&amp;#62;的实施方案 | 政策文件知识库'],
  ['关于<img src=x onerror=alert(1)>测试 | 站', '关于&lt;img src=x onerror=alert(1)&gt;测试 | 站'],
  ['$& $1 `{{ 7*7 }}`', '$&amp; $1 `{{ 7*7 }}`'],
])('writes %s as text', (title, written) => {
  const out = withPageTitle(page('VitePress 的标题'), title, 'index.html')
  expect(out).toBe(page(written))
  // What a browser shows: the title as given.
  expect(written.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(title)
})

it('stops with the page named when there is no title', () => {
  expect(() => withPageTitle('<html><head></head></html>', '标题', 'units/villages.html')).toThrow(/units\/villages\.html: no <title>/)
})
