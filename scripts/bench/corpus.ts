// Synthetic corpora for the benchmark: deterministic variations of the seed
// plan, as a county would hold them — each from another township, signed on
// another day, with other deadlines, so every plan has its own id and text
// while keeping the seed's structure (13 measures, 35 tasks).

/** 10 × 10 two-character names; from plan 101 on, a third character in front: up to 1,000 distinct townships. */
const FIRST = '安平宁泰和兴永丰长福'
const SECOND = '山川河源泉林岭阳桥庄'
const THIRD = '东西南北中上下新前'
export const MAX_PLANS = FIRST.length * SECOND.length * (1 + THIRD.length)

export interface SyntheticPlan {
  /** The file name: the plan id plus ".txt". */
  file: string
  text: string
}

/** The township of plan i (0-based): 安山镇, 平山镇, …, 福庄镇, then 东安山镇, … 前福庄镇. */
export function township(i: number): string {
  const hundred = Math.floor(i / (FIRST.length * SECOND.length))
  return `${hundred > 0 ? THIRD[hundred - 1] : ''}${FIRST[i % FIRST.length]}${SECOND[Math.floor(i / FIRST.length) % SECOND.length]}镇`
}

/**
 * Plan i of a corpus: the seed with the issuing township renamed, the
 * signing day moved and each "N月底前" deadline moved by 0–2 months (at most
 * to 12月). Throws when the seed lacks what is varied, so a changed seed
 * cannot silently yield identical plans.
 */
export function syntheticPlan(seed: string, i: number): SyntheticPlan {
  if (!Number.isInteger(i) || i < 0 || i >= MAX_PLANS) throw new Error(`synthetic plan ${i}: expected 0 to ${MAX_PLANS - 1}`)
  const need = (pattern: RegExp, what: string) => {
    if (!pattern.test(seed)) throw new Error(`the seed plan has no ${what} (${pattern}) to vary`)
  }
  need(/荫城镇/, 'issuing township')
  need(/2022年5月10日/, 'signing date')
  need(/\d+月底前/, 'month deadline')
  const shift = i % 3
  const text = seed
    .replace(/荫城镇/g, township(i))
    .replace(/2022年5月10日/g, `2022年5月${(i % 28) + 1}日`)
    .replace(/(\d+)月底前/g, (_, month: string) => `${Math.min(12, Number(month) + shift)}月底前`)
  return { file: `plan-${String(i + 1).padStart(3, '0')}.txt`, text }
}

/** The first n synthetic plans: corpus n is a prefix of every larger corpus. */
export function syntheticCorpus(seed: string, n: number): SyntheticPlan[] {
  return Array.from({ length: n }, (_, i) => syntheticPlan(seed, i))
}

/** What the benchmark changes in one plan to time a rebuild: a sentence of task 7's text (not its title). */
export const CHANGE = { from: '定期召开会议', to: '定期召开专题会议' }

/** A plan with CHANGE made; throws if the plan lacks the sentence. */
export function changedPlan(plan: SyntheticPlan): SyntheticPlan {
  if (plan.text.split(CHANGE.from).length !== 2) throw new Error(`${plan.file}: expected "${CHANGE.from}" once, to change it`)
  return { ...plan, text: plan.text.replace(CHANGE.from, CHANGE.to) }
}

/** The units of largePlan's tasks: each task names two of them, so each unit's list holds half the plan. */
const LARGE_UNITS = ['各村', '镇政府', '镇党委', '各站所']
/** Tasks a measure of largePlan holds, numbered 1. to 20. in each (a heading marker has at most three digits, 999.). */
const LARGE_PER_MEASURE = 20

/** Chinese counting numerals for a measure's marker: 一 … 九十九, 一百 … 九百九十九. */
function counting(n: number): string {
  const digits = '〇一二三四五六七八九'
  const parts: string[] = []
  const units = ['百', '十', '']
  const values = [100, 10, 1]
  let zero = false
  values.forEach((v, i) => {
    const d = Math.floor(n / v) % 10
    if (d === 0) {
      if (parts.length > 0) zero = true
      return
    }
    if (zero) parts.push('〇')
    zero = false
    // 十 alone for 10–19 at the start (十一), 一十 inside (一百一十).
    parts.push(v === 10 && d === 1 && parts.length === 0 ? '十' : `${digits[d]}${units[i]}`)
  })
  return parts.join('')
}

/** The most tasks largePlan writes: 999 measures (the most a marker numbers) of LARGE_PER_MEASURE. */
export const MAX_LARGE_TASKS = 999 * LARGE_PER_MEASURE

/**
 * One plan of `tasks` tasks, in measures of twenty, each task of two of four
 * units with a deadline (the bench's one-plan sizes: output and time per task
 * as a plan grows). Deterministic.
 */
export function largePlan(tasks: number): SyntheticPlan {
  if (!Number.isInteger(tasks) || tasks < 1 || tasks > MAX_LARGE_TASKS) throw new Error(`a large plan of ${tasks} tasks: expected 1 to ${MAX_LARGE_TASKS}`)
  const lines = ['某某镇人民政府', '关于加强安全生产的实施方案', '各村，各站所：', `为加强安全生产，细化为${tasks}项具体任务，制定本方案：`, '一、指导思想', '坚持安全发展。', '二、细化措施']
  for (let n = 1; n <= tasks; n++) {
    const measure = Math.floor((n - 1) / LARGE_PER_MEASURE) + 1
    const within = (n - 1) % LARGE_PER_MEASURE + 1
    if (within === 1) lines.push(`（${counting(measure)}）第${measure}项措施`)
    lines.push(`${within}.任务${n}。开展第${n}项安全检查，建立台账。（责任单位：${LARGE_UNITS[n % 4]}、${LARGE_UNITS[(n + 1) % 4]}。完成时限：长期坚持。）`)
  }
  lines.push('', '某某镇人民政府', '2023年5月8日', '')
  return { file: `large-${tasks}.txt`, text: lines.join('\n') }
}
