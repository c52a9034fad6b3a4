// The HTML rewrite that starts a page's scripts after its first paint, on
// VitePress's page template (base / and a sub-path), and on the built site.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BOOT_FILE, startAfterPaint } from '../../scripts/site/start-after-paint.ts'
import { filesBelow } from '../../scripts/site/site-cache.ts'
import { SITE_BASE, SITE_DIR } from '../helpers/site.ts'

// As VitePress 1.6 writes a page's head (scripts/site/start-after-paint.ts follows it).
const head = (base: string) => `<head>
    <link rel="preload stylesheet" href="${base}assets/style.X1.css" as="style">
    <script type="module" src="${base}assets/chunks/metadata.aa11.js"></script>
    <script type="module" src="${base}assets/app.B2_c-3.js"></script>
    <link rel="modulepreload" href="${base}assets/chunks/theme.T4.js">
    <link rel="modulepreload" href="${base}assets/chunks/framework.F5.js">
    <link rel="modulepreload" href="${base}assets/index.md.P6.lean.js">
    <link rel="icon" href="data:,">
  </head><body><p>任务</p></body>`

describe.each(['/', '/anquan/'])('with the base %s', (base) => {
  it('names the app and its modules, framework first, on the boot script and preloads nothing itself', () => {
    const out = startAfterPaint(head(base), 'index.html')
    expect(out).toContain(`<script type="module" src="${base}assets/${BOOT_FILE}" data-app="${base}assets/app.B2_c-3.js" data-modules="${base}assets/chunks/framework.F5.js ${base}assets/chunks/theme.T4.js ${base}assets/index.md.P6.lean.js"></script>`)
    expect(out).not.toContain('modulepreload')
    expect(out).not.toContain(`src="${base}assets/app.`)
    // The rest as it was: styles, site data first, the page.
    expect(out).toContain(`<link rel="preload stylesheet" href="${base}assets/style.X1.css" as="style">`)
    expect(out.indexOf('metadata.aa11.js')).toBeLessThan(out.indexOf(BOOT_FILE))
    expect(out).toContain('<link rel="icon" href="data:,">\n  </head><body><p>任务</p></body>')
  })
})

it('stops with the page named when VitePress\'s template is not what it expects', () => {
  expect(() => startAfterPaint('<head></head>', 'units/villages.html')).toThrow(/units\/villages\.html: expected one VitePress app script, found 0/)
  expect(() => startAfterPaint('<p>任务</p>', 'index.html')).toThrow(/index\.html: no <\/head>/)
  const twice = head('/').replace('<link rel="icon"', '<script type="module" src="/assets/app.Z.js"></script><link rel="icon"')
  expect(() => startAfterPaint(twice, 'index.html')).toThrow(/found 2/)
})

it('reads and changes the head only: nothing in the page body can pose as the app or a module', () => {
  // Plan text reaches pages escaped (scripts/render/markdown.ts); even so, the rewrite does not look past </head>.
  const body = '<script type="module" src="/assets/app.evil.js"></script><link rel="modulepreload" href="/evil.js">'
  const out = startAfterPaint(head('/').replace('<p>任务</p>', body), 'index.html')
  expect(out.endsWith(`</head><body>${body}</body>`)).toBe(true)
  expect(out).toContain('data-app="/assets/app.B2_c-3.js"')
  expect(out).not.toContain('data-modules="/evil.js')
  expect(out.slice(0, out.indexOf('</head>'))).not.toContain('evil')
})

it('every built page starts its scripts through the boot script, whose modules are in the site', () => {
  const pages = filesBelow(SITE_DIR).filter((f) => f.endsWith('.html'))
  expect(pages.length).toBeGreaterThan(100)
  expect(existsSync(join(SITE_DIR, 'assets', BOOT_FILE))).toBe(true)
  for (const file of pages) {
    const html = readFileSync(join(SITE_DIR, file), 'utf8')
    const boot = /<script type="module" src="([^"]+)" data-app="([^"]+)" data-modules="([^"]*)"><\/script>/.exec(html)
    expect(boot, file).not.toBeNull()
    expect(html, file).not.toContain('modulepreload')
    for (const src of [boot![1]!, boot![2]!, ...boot![3]!.split(' ').filter(Boolean)]) {
      expect(src.startsWith(`${SITE_BASE}assets/`), `${file}: ${src}`).toBe(true)
      expect(existsSync(join(SITE_DIR, src.slice(SITE_BASE.length))), `${file}: ${src}`).toBe(true)
    }
  }
})
