// The library of four plans the division tests read (issue 26): 荫城镇's seed; the same plan issued by 西火镇, a
// township of the same county (上党区); the county's own plan, with tasks to 各乡镇人民政府 and to its 区应急管理局;
// and a plan of 徐庄镇 in 郑州市 (four townships are called 徐庄镇: its text names 郑州市 and 登封市).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FIXTURES, SEED } from './plans.ts'

export const LIBRARY_PLANS = {
  yincheng: 'yincheng-2022-safety',
  xihuo: 'xihuo-2022-safety',
  county: 'shangdang-2022-county',
  xuzhuang: 'xuzhuang-2022-safety',
} as const

/** The codes of their divisions (统计用区划代码 2023). */
export const CODES = { yincheng: '140404102', xihuo: '140404103', county: '140404', xuzhuang: '410185107' } as const

/** 西火镇's plan: the seed with the issuer's name changed, and nothing else. */
export function xihuoText(): string {
  const seed = readFileSync(SEED, 'utf8')
  if (!seed.includes('荫城镇')) throw new Error('the seed no longer names 荫城镇')
  return seed.replaceAll('荫城镇', '西火镇')
}

/** Writes the four plans into `dir` (made if missing). */
export function writeDivisionLibrary(dir: string): void {
  mkdirSync(dir, { recursive: true })
  copyFileSync(SEED, join(dir, `${LIBRARY_PLANS.yincheng}.txt`))
  writeFileSync(join(dir, `${LIBRARY_PLANS.xihuo}.txt`), xihuoText())
  copyFileSync(`${FIXTURES}divisions/shangdang-2022-county.txt`, join(dir, `${LIBRARY_PLANS.county}.txt`))
  copyFileSync(`${FIXTURES}divisions/xuzhuang-2022-safety.txt`, join(dir, `${LIBRARY_PLANS.xuzhuang}.txt`))
}
