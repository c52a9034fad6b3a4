// Due and late in the reader's time: a page carries its tasks' dated facts
// (empty .due-fact elements with data attributes, scripts/render/progress.ts);
// on load this sorts them by the browser's date into 已逾期 / 本月到期 /
// 30天内到期, writes the state beside each, and counts each list. It only
// writes text into elements the page left empty and toggles classes: the
// lists are folded (a click opens them), so nothing on screen moves. Nothing
// is fetched.
import { dayLabel, daysBetween, dueOn, dueState, localDay, STATE_LABEL, type DueFact } from '../../scripts/views/dates.ts'
import type { Period } from '../../scripts/model/plan.ts'

function factOf(el: HTMLElement): DueFact {
  const { dueKind, dueDate, duePeriod, dueDone } = el.dataset
  const kind = dueKind === 'due' || dueKind === 'recurring' || dueKind === 'unspecified' ? dueKind : 'ongoing'
  return { kind, ...(dueDate ? { date: dueDate } : {}), ...(duePeriod ? { period: duePeriod as Period } : {}), ...(dueDone ? { done: true } : {}) }
}

/** What a fact's element says on `today`: the state, how late, or the next occurrence of a recurring duty. */
export function factWords(fact: DueFact, today: string): string {
  const state = dueState(fact, today)
  const date = dueOn(fact, today)
  if (fact.kind === 'due' && fact.done) return '已报告完成'
  if (date === null) return ''
  if (state === 'late') return `已逾期 ${-daysBetween(today, date)} 天`
  const prefix = fact.kind === 'recurring' ? `本期截止 ${dayLabel(date)}` : `剩 ${daysBetween(today, date)} 天`
  return state === 'later' ? prefix : `${STATE_LABEL[state]}，${prefix}`
}

/** Sorts every dated fact below `root` by the day of `now`. */
export function sortDue(root: ParentNode, now: Date): void {
  const today = localDay(now)
  for (const el of root.querySelectorAll<HTMLElement>('.due-today')) el.textContent = dayLabel(today)
  for (const list of root.querySelectorAll<HTMLElement>('[data-due-list]')) {
    let shown = 0
    for (const item of list.querySelectorAll<HTMLElement>('li')) {
      const fact = item.querySelector<HTMLElement>('.due-fact')
      const match = fact !== null && dueState(factOf(fact), today) === list.dataset.dueList
      item.classList.toggle('due-match', match)
      if (match) shown++
    }
    const count = list.querySelector('.due-count')
    if (count) count.textContent = `${shown} 项`
    list.classList.toggle('due-empty', shown === 0)
  }
  for (const el of root.querySelectorAll<HTMLElement>('.due-fact')) {
    const fact = factOf(el)
    const state = dueState(fact, today)
    el.textContent = factWords(fact, today)
    el.dataset.dueState = state
    // A row of the 督办 table: marked, so print keeps only the rows late or due soon.
    const row = el.closest('tr')
    if (row) row.dataset.dueState = state
  }
  // A unit of the 督办 page with nothing late or due soon: not printed.
  for (const unit of root.querySelectorAll<HTMLElement>('.duban-unit')) {
    const pressing = unit.querySelector('tr[data-due-state="late"], tr[data-due-state="month"], tr[data-due-state="soon"]') !== null
    unit.classList.toggle('duban-clear', !pressing)
  }
}
