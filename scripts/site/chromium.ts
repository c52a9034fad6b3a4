// Debian's chromium driven by playwright-core, started as this machine needs
// (no sandbox as root, no background networking on a closed network), and
// the wait for a page's app that printing and the browser tests share.

import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const chromiumMissing = (): string | null =>
  existsSync(CHROMIUM) ? null : `chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH`

/** How long chromium may take to start before the build gives up on it (CHROMIUM_TIMEOUT_MS, default 60 s). */
export const LAUNCH_TIMEOUT_MS = Number(process.env.CHROMIUM_TIMEOUT_MS) || 60_000

/** The flags this machine needs (also given to Lighthouse's own launch: scripts/cli/lighthouse.ts). */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']

export async function launch(): Promise<Browser> {
  const missing = chromiumMissing()
  if (missing) throw new Error(missing)
  return chromium.launch({ executablePath: CHROMIUM, timeout: LAUNCH_TIMEOUT_MS, args: CHROMIUM_FLAGS })
}

/**
 * Waits until the page's app runs (it starts after the first paint:
 * scripts/site/start-after-paint.ts); before that the page is its HTML, and
 * its buttons do nothing yet.
 */
export async function appRunning(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('#app') !== null && '__vue_app__' in document.querySelector('#app')!)
}
