// Numerals as plans write them: Chinese counting numbers and Arabic digits. Shared by the parser
// (reading markers, dates, counts) and the renderers (writing 第N项, 一、), so neither reaches into the other.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}

/** Chinese numerals up to 999 ("十五" → 15, "二十一" → 21, "一百零五" → 105); NaN if not one. */
export function chineseNumber(text: string): number {
  let total = 0
  let digit: number | null = null
  for (const ch of text) {
    // "一百零五": 零 only holds the place of the missing tens.
    if ((ch === '零' || ch === '〇') && digit === null && total > 0) continue
    if (ch in DIGITS) {
      if (digit !== null) return NaN
      digit = DIGITS[ch]!
    } else if (ch === '十' || ch === '百') {
      const unit = ch === '十' ? 10 : 100
      total += (digit ?? 1) * unit
      digit = null
    } else {
      return NaN
    }
  }
  return total + (digit ?? 0)
}

/** A number as plans write one in dates, deadlines and counts: Arabic digits or Chinese numerals (a capture group). */
export const NUMBER = '(\\d{1,4}|[一二三四五六七八九十〇零两]+)'

/** Reads a number written in Arabic or Chinese digits ("35", "十五"). */
export function readNumber(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : chineseNumber(text)
}

const CN_DIGITS = '〇一二三四五六七八九'

/**
 * A year as plans write one: four Arabic digits, or four Chinese digits read one by one ("二〇〇七"), the zero
 * written 〇 or a look-alike (○ a circle, O or Ｏ letters, ◯) or 零. A capture group, for a pattern's start.
 */
export const YEAR = '(\\d{4}|[〇○ＯO◯零一二三四五六七八九]{4})'

/** The year YEAR captured: 2007 for "二○○七"; NaN if it is none. */
export function readYear(text: string): number {
  if (/^\d{4}$/.test(text)) return Number(text)
  const digits = [...text.replace(/[○ＯO◯零]/g, '〇')].map((c) => CN_DIGITS.indexOf(c))
  return digits.length === 4 && digits.every((d) => d >= 0) ? Number(digits.join('')) : NaN
}

/** 1 → 一, 10 → 十, 15 → 十五, 21 → 二十一: numbers as the markers write them (Word's chineseCounting). */
export function chineseCounting(n: number): string {
  if (n < 10) return CN_DIGITS[n]!
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '')
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '')
  return String(n)
}
