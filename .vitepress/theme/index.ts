// The default theme without its bundled Latin web fonts (the site is Chinese
// and reads fonts from the machine), plus what it lacks: print styles, the
// projection mode and the large-type toggle.
import DefaultTheme from 'vitepress/theme-without-fonts'
import type { Theme } from 'vitepress'
import { h } from 'vue'
import LargeTypeToggle from './LargeTypeToggle.vue'
import Presentation from './Presentation.vue'
import './style.css'
import './print.css'
import './present.css'

export default {
  extends: DefaultTheme,
  Layout: () =>
    h(DefaultTheme.Layout, null, {
      'nav-bar-content-after': () => h(LargeTypeToggle),
      'nav-screen-content-after': () => h(LargeTypeToggle),
      'doc-before': () => h(Presentation),
    }),
} satisfies Theme
