// When a part of the default theme becomes interactive
// (scripts/site/late-hydration.ts). A part a screen does not show (the sidebar
// and the nav bar's menus on a phone; the pager, which changes only with the
// page): at once where the screen shows it (its media query matches), else
// when it may be needed: the first time the reader touches, clicks, types or
// tabs (caught before the event reaches the page, so the part is live when it
// acts: a page changes only after such an event), or when the screen grows to
// show it. The nav bar and the page's content: as soon as the browser is
// idle, each in a task of its own, or at that first interaction. Until then
// the server-rendered HTML is on screen as it is, and its links work as links.
// Hydrating it all at once blocked a phone's main thread for about 150 ms at
// load (Lighthouse, 4× CPU slowdown).
import type { HydrationStrategy } from 'vue'

const INTERACTIONS = ['pointerdown', 'keydown', 'touchstart', 'focusin'] as const

/** Runs `run` when the browser is idle (Safari has no requestIdleCallback: a task of its own there); returns its cancel. */
function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 2000 })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(run, 50)
  return () => clearTimeout(id)
}

/** `query`: where a screen shows the part (null: none). `idle`: also as soon as the browser is idle (a part on screen). */
export function hydrateOnNeed(query: string | null, idle = false): HydrationStrategy {
  return (hydrate) => {
    const shown = matchMedia(query ?? 'not all')
    if (shown.matches) {
      hydrate()
      return
    }
    const cancelIdle = idle ? whenIdle(now) : () => {}
    const stop = () => {
      cancelIdle()
      for (const type of INTERACTIONS) removeEventListener(type, now, true)
      shown.removeEventListener('change', now)
    }
    function now() {
      stop()
      hydrate()
    }
    for (const type of INTERACTIONS) addEventListener(type, now, { capture: true, passive: true })
    shown.addEventListener('change', now)
    return stop
  }
}
