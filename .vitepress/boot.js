// Starts the site's scripts once the page has been painted
// (scripts/site/start-after-paint.ts): on a slow connection the text a reader
// came for arrives first, not after some 70 kB of scripts that make the page
// interactive. The modules are then evaluated one a task (the framework, the
// theme, then the app), so that no single task blocks the page for long.
// The page's <script data-app> names the app and the modules it imports.

// 大字模式 as the reader left it (the key of .vitepress/theme/LargeTypeToggle.vue),
// set here, before the app, so that the page does not change size once the app is up.
try {
  if (localStorage.getItem('policy-site:large-type') === '1') document.documentElement.classList.add('large-type')
} catch {
  // no storage (a browser's privacy setting): the standard type
}

const tag = document.querySelector('script[data-app]')
let started = false

const nextTask = () => new Promise((resolve) => setTimeout(resolve))

async function start() {
  if (started || !tag) return
  started = true
  const modules = (tag.dataset.modules || '').split(' ').filter(Boolean)
  for (const href of modules) {
    const link = document.createElement('link')
    link.rel = 'modulepreload'
    link.href = href
    document.head.append(link)
  }
  try {
    for (const href of modules) {
      await import(href)
      await nextTask()
    }
  } finally {
    const app = document.createElement('script')
    app.type = 'module'
    app.src = tag.dataset.app
    document.head.append(app)
  }
}

if (!document.getElementById('app')?.hasChildNodes()) {
  // Nothing to paint before the app: VitePress's 404 page is made in the browser.
  start()
} else if (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('paint')) {
  new PerformanceObserver((list, observer) => {
    if (!list.getEntries().some((entry) => entry.name === 'first-contentful-paint')) return
    observer.disconnect()
    setTimeout(start)
  }).observe({ type: 'paint', buffered: true })
  // A page that is not painted (a tab opened in the background) starts all the same.
  setTimeout(start, 3000)
} else {
  start()
}
