// The default theme without its bundled Latin web fonts (the site is Chinese
// and reads fonts from the machine), plus the project's stylesheet.
import DefaultTheme from 'vitepress/theme-without-fonts'
import type { Theme } from 'vitepress'
import './style.css'

export default { extends: DefaultTheme } satisfies Theme
