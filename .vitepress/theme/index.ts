// The default theme without its bundled Latin web fonts (the site is Chinese
// and reads fonts from the machine), plus what it lacks: print styles, the
// projection mode, the large-type toggle, and a search box of its own
// (SearchBox.vue: Chinese, pinyin, previews of the passage that matched).
import DefaultTheme from 'vitepress/theme-without-fonts'
import { useRoute, withBase, type Theme } from 'vitepress'
import { defineComponent, h, nextTick, onMounted, watch } from 'vue'
import { sortDue } from './due.ts'
import { dayLabel, localDay } from '../../scripts/views/dates.ts'
import { usePlanSidebar } from './plan-sidebar.ts'
import { wholePageLoadsOutsideMap } from './page-map.ts'
import LargeTypeToggle from './LargeTypeToggle.vue'
import SearchBox from './SearchBox.vue'
import Presentation from './Presentation.vue'
import './style.css'
import './print.css'
import './present.css'
import './search.css'

export default {
  extends: DefaultTheme,
  enhanceApp({ router, siteData }) {
    wholePageLoadsOutsideMap(router, () => siteData.value.base)
  },
  Layout: defineComponent({
    name: 'PolicyLayout',
    setup() {
      usePlanSidebar()
      // Due and late by the reader's date (due.ts), on load and after each page change; the print date on paper.
      const route = useRoute()
      const printDate = () => {
        for (const el of document.querySelectorAll<HTMLElement>('.print-date')) el.textContent = `打印日期：${dayLabel(localDay(new Date()))}`
      }
      const sort = () => {
        sortDue(document, new Date())
        printDate()
      }
      // On paper the folded lists of 到期提醒 are open (a closed <details> prints its summary only).
      let opened: HTMLDetailsElement[] = []
      onMounted(() => {
        // A PDF the build prints (scripts/site/pdf.ts) is read on other days: no reader's date, no 到期提醒.
        if ((window as { __POLICY_PDF_BUILD__?: boolean }).__POLICY_PDF_BUILD__) {
          document.documentElement.classList.add('pdf-build')
          return
        }
        sort()
        addEventListener('beforeprint', () => {
          printDate()
          opened = [...document.querySelectorAll<HTMLDetailsElement>('details.due-list:not([open])')]
          for (const d of opened) d.open = true
        })
        addEventListener('afterprint', () => {
          for (const d of opened) d.open = false
          opened = []
        })
      })
      watch(() => route.path, () => nextTick(() => { if (!document.documentElement.classList.contains('pdf-build')) sort() }), { flush: 'post' })
      return () =>
        h(DefaultTheme.Layout, null, {
          'nav-bar-content-before': () => h(SearchBox),
          // One toggle, in the bar: it stays there on a phone too (the menu has none).
          'nav-bar-content-after': () => h(LargeTypeToggle),
          'doc-before': () => [h(Presentation), h('p', { class: 'print-only print-date page-print-date' })],
          // Every page's foot: the help page (scripts/render/help.ts), on screen only. A landmark of its own: the
          // slot is outside the page's main, and the theme's pager is the page's one footer (contentinfo).
          'doc-after': () => h('nav', { class: 'site-foot screen-only', 'aria-label': '帮助' }, [h('a', { href: withBase('/help.html') }, '使用帮助')]),
        })
    },
  }),
} satisfies Theme
