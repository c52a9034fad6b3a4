// What a government portal adds around a plan copied from its page: the 信息公开
// table above it (索引号, 发布机构, 发文字号, 成文日期, 发布日期 …), read as the
// plan's metadata; and the page's own words (听全文, 打印本页, 相关内容,
// "(本文有删减)"), no part of the plan. Both are taken out of the text the
// plan is read from — their lines left blank, so every line keeps its number —
// and kept verbatim beside it. Pure: lines in, lines and what was taken out.

import { readMarker } from './markers.ts'
import { isSpace, trimBy } from '../text/prose.ts'

/** The labels of a portal's 信息公开 table. */
export const PORTAL_LABELS = ['索引号', '标题', '发布机构', '发文机关', '发文字号', '文号', '成文日期', '发布日期', '生效日期', '有效性', '主题分类', '体裁分类', '组配分类', '信息来源', '公开方式', '公开范围', '主题词'] as const

/** Words of the page, not of the plan: a line made of these alone (with brackets, bars and spaces) is page chrome. */
const CHROME_WORDS = ['听全文', '打印本页', '打印此页', '打印', '关闭窗口', '关闭本页', '关闭', '相关内容', '相关文件', '相关链接', '相关阅读', '分享到', '分享', '收藏', '返回顶部', '扫一扫在手机打开当前页', '字体', '大', '中', '小', '本文有删减', '【', '】', '[', ']', '（', '）', '(', ')', '|', '：', ':', '/', '丨']

export interface PortalField {
  label: string
  /** As written, white space and bars around it trimmed. */
  value: string
  line: number
}

export interface Portal {
  /** The text's lines, those taken out left blank. */
  lines: string[]
  fields: PortalField[]
  /** The lines of the 信息公开 table, verbatim (bars and all). */
  table: string[]
  /** Lines of page chrome, verbatim. */
  chrome: Array<{ line: number; text: string }>
}

const CUT_REMARK = /[（(]本文有删减[）)][\s\u3000]*$/

/** The page's place in the portal: "首页 > 政务公开 > 政府文件", "当前位置：首页 » 信息公开"; short parts between ">" or "»". */
const BREADCRUMB = /^(?:(?:您)?(?:当前|现在)?(?:的)?(?:所在)?位置[：:]\s*)?[^。；;，,>»＞]{1,12}(?:\s*[>»＞]\s*[^。；;，,>»＞]{1,12}){2,}$/
/** Links to the portal's neighbouring pages: "上一篇：…", "下一篇：…". */
const NEIGHBOUR = /^(?:上一篇|下一篇|上一条|下一条)[：:]/
/** A heading of the page over links to other pages ("相关内容"): the lines after it are those links. */
const RELATED = /^[【\[]?(?:相关内容|相关文件|相关链接|相关阅读|相关新闻|相关信息|相关稿件)[】\]]?[：:]?$/

const trimCell = (text: string) => trimBy(text, (c) => isSpace(c) || c === '|', (c) => isSpace(c) || c === '|')

const WORDS_LONGEST_FIRST = [...CHROME_WORDS].sort((a, b) => b.length - a.length)

/** Whether a line is made of page chrome words alone: matched greedily from its start, the longest word first. */
function isChrome(line: string): boolean {
  const words = WORDS_LONGEST_FIRST
  let i = 0
  let named = false
  while (i < line.length) {
    if (isSpace(line[i]!)) { i++; continue }
    const word = words.find((w) => line.startsWith(w, i))
    if (!word) return false
    if (word.length > 1) named = true
    i += word.length
  }
  return named
}

/** Labels that are common words too ("标题 …" may be a line of the plan): a label of the table only with its colon. */
const WITH_COLON: ReadonlySet<string> = new Set(['标题'])

/** The label a cell starts with, or null. */
const labelAt = (text: string, at: number) =>
  PORTAL_LABELS.find((l) => text.startsWith(l, at) && (!WITH_COLON.has(l) || /^[\s\u3000]*[：:]/.test(text.slice(at + l.length)))) ?? null

/**
 * The fields of a line of the 信息公开 table: "索引号：… 发布机构：…", with bars,
 * tabs or runs of spaces between the cells; a label alone on its line takes
 * the next line as its value. Null where the line does not start with a label.
 */
function fieldsOf(line: string, next: string | undefined): { fields: Array<{ label: string; value: string }>; usesNext: boolean } | null {
  const text = trimCell(line)
  if (labelAt(text, 0) === null) return null
  // Cut the line at each label that starts a cell: at the line's start, or after a bar or white space.
  const starts: Array<{ at: number; label: string }> = []
  for (let i = 0; i < text.length; i++) {
    const label = i === 0 || text[i - 1] === '|' || isSpace(text[i - 1]!) ? labelAt(text, i) : null
    if (label) {
      starts.push({ at: i, label })
      i += label.length - 1
    }
  }
  const fields = starts.map((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]!.at : text.length
    const value = trimCell(text.slice(s.at + s.label.length, end).replace(/^[\s|]*[：:]/, ''))
    return { label: s.label, value }
  })
  const last = fields.at(-1)!
  if (last.value === '' && next !== undefined && labelAt(trimCell(next), 0) === null && !isChrome(next) && readMarker(next.trim()) === null) {
    last.value = trimCell(next)
    return { fields, usesNext: true }
  }
  return { fields, usesNext: false }
}

export function readPortal(source: readonly string[]): Portal {
  const lines = [...source]
  const fields: PortalField[] = []
  const table: string[] = []
  const chrome: Portal['chrome'] = []
  // The table stands above the plan: before its first numbered heading.
  const firstMarker = lines.findIndex((l) => readMarker(l.trim()) !== null)
  const headEnd = firstMarker < 0 ? lines.length : firstMarker
  // After a "相关内容" below the plan's last numbered item, every line is a link of the page.
  const lastMarker = lines.findLastIndex((l) => readMarker(l.trim()) !== null)
  const related = lines.findIndex((l, i) => i > lastMarker && RELATED.test(l.trim()))
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.trim() === '') continue
    if (isChrome(line) || NEIGHBOUR.test(line.trim()) || (related >= 0 && i >= related) || (i < headEnd && BREADCRUMB.test(line.trim()))) {
      chrome.push({ line: i + 1, text: line.trim() })
      lines[i] = ''
      continue
    }
    // "(本文有删减)" at the end of a paragraph: the portal's remark, not the plan's words.
    const cut = CUT_REMARK.exec(line)
    if (cut) {
      chrome.push({ line: i + 1, text: cut[0].trim() })
      lines[i] = line.slice(0, cut.index)
    }
    if (i >= headEnd) continue
    const found = fieldsOf(line, lines[i + 1])
    if (!found) continue
    for (const f of found.fields) fields.push({ ...f, line: i + 1 })
    table.push(line)
    lines[i] = ''
    if (found.usesNext) {
      table.push(lines[++i]!)
      lines[i] = ''
    }
  }
  return { lines, fields, table, chrome }
}
