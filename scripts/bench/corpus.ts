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
