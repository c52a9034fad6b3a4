// Hostile shapes of text (runs of white space and separators, nested brackets,
// long lines): each put into the seed plan at the places where parsing is
// hardest, grown to any size, for the tests that show parse time grows
// linearly with the text.
import { readFileSync } from 'node:fs'
import { SEED } from './plans.ts'

const seed = readFileSync(SEED, 'utf8')
const TASK_1 = seed.split('\n').find((l) => l.startsWith('1.树牢安全发展理念'))!
const NOTE_1 = '（责任单位：各村。完成时限：长期坚持。）'

/** `unit` repeated to `size` characters (whole repetitions). */
export const run = (unit: string, size: number) => unit.repeat(Math.max(1, Math.floor(size / unit.length)))

const withTask1 = (line: string) => seed.replace(TASK_1, line)
/** Inside the text of task 1, between two words. */
export const inText = (s: string) => withTask1(TASK_1.replace('将习近平', `将${s}习近平`))
/** At the end of task 1's text, just before its note. */
export const beforeNote = (s: string) => withTask1(TASK_1.replace(NOTE_1, `${s}${NOTE_1}`))
/** Inside task 1's list of units. */
export const inUnits = (s: string) => withTask1(TASK_1.replace(NOTE_1, `（责任单位：各村${s}镇政府。完成时限：长期坚持。）`))
/** Inside task 1's deadline. */
export const inDeadline = (s: string) => withTask1(TASK_1.replace(NOTE_1, `（责任单位：各村。完成时限：长期${s}坚持。）`))
/** In the title of task 1. */
export const inTitle = (s: string) => withTask1(TASK_1.replace('树牢安全', `树牢${s}安全`))
/** As lines of their own after task 1. */
export const asLines = (s: string) => withTask1(`${TASK_1}\n${s}`)

export interface Shape {
  name: string
  /** The plan text holding the shape at about `size` characters. */
  plan: (size: number) => string
}

export const SHAPES: Shape[] = [
  { name: 'spaces inside a task', plan: (n) => inText(run(' ', n)) },
  { name: 'full-width spaces inside a task', plan: (n) => inText(run('\u3000', n)) },
  { name: 'no-break spaces inside a task', plan: (n) => inText(run('\u00a0', n)) },
  { name: 'tabs inside a task', plan: (n) => inText(run('\t', n)) },
  { name: 'spaces before a note', plan: (n) => beforeNote(run(' 。', n)) },
  { name: 'spaces in a unit list', plan: (n) => inUnits(run(' ', n)) },
  { name: 'full-width spaces in a unit list', plan: (n) => inUnits(run('\u3000', n)) },
  { name: '、 in a unit list', plan: (n) => inUnits(run('、', n)) },
  { name: '、 and spaces in a unit list', plan: (n) => inUnits(run('、 ', n)) },
  { name: '。 and spaces in a unit list', plan: (n) => inUnits(run('。 ', n)) },
  { name: 'units in a unit list', plan: (n) => inUnits(run('、各村', n)) },
  { name: 'spaces in a deadline', plan: (n) => inDeadline(run(' ', n)) },
  { name: 'spaces in a title', plan: (n) => inTitle(run(' ', n)) },
  { name: 'nested brackets in a task', plan: (n) => inText(`${run('（', n / 2)}${run('）', n / 2)}`) },
  { name: 'nested brackets in a unit list', plan: (n) => inUnits(`${run('（', n / 2)}${run('）', n / 2)}`) },
  { name: 'open brackets in a task', plan: (n) => inText(run('（', n)) },
  { name: 'a long line of Chinese', plan: (n) => inText(run('安全生产', n)) },
  { name: 'a long line of ASCII', plan: (n) => inText(run('abc', n)) },
  { name: 'full stops in a task', plan: (n) => inText(run('。', n)) },
  { name: 'labels in a task', plan: (n) => inText(run('责任单位：', n)) },
  { name: 'zero-width spaces in a unit', plan: (n) => inUnits(run('\u200b', n)) },
  { name: 'blank lines after a task', plan: (n) => asLines(run('\n', n)) },
  { name: 'space-only lines after a task', plan: (n) => asLines(run('  \n', n)) },
  { name: 'short lines after a task', plan: (n) => asLines(run('正文\n', n)) },
]
