import { afterAll, beforeAll } from 'vitest'
import type { Browser } from 'playwright-core'
import { launch } from '../../scripts/site/chromium.ts'
import { serve, type StaticServer } from '../../scripts/site/serve.ts'
import { SITE_BASE, SITE_DIR } from './site.ts'

export { appRunning, launch, CHROMIUM } from '../../scripts/site/chromium.ts'

export interface SiteInChromium {
  readonly server: StaticServer
  readonly browser: Browser
}

/**
 * A built site served as nginx would serve it, and a chromium, for the tests of
 * one file: started before its first test, closed after its last.
 */
export function siteInChromium(dir = SITE_DIR, base = SITE_BASE): SiteInChromium {
  const started: { server?: StaticServer; browser?: Browser } = {}
  beforeAll(async () => {
    started.server = await serve(dir, base)
    started.browser = await launch()
  })
  afterAll(async () => {
    await started.browser?.close()
    await started.server?.close()
  })
  return {
    get server() { return started.server! },
    get browser() { return started.browser! },
  }
}

