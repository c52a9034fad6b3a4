// Reading and parsing each plan within a budget of time and memory: one file
// must not hold an unattended rebuild for hours or take its memory. The work
// runs in a worker thread (scripts/site/plan-worker.ts) with a heap limit of
// its own; a plan that takes longer than its time is stopped with the worker,
// and refused with one line naming the limit and how to raise it. The worker
// is started again for the next plan; the other plans are read as usual.

import { Worker } from 'node:worker_threads'
import type { Dropped } from '../parse/formats.ts'
import type { ParseResult } from '../model/plan.ts'
import type { Registry } from '../parse/units.ts'
import type { Loaded } from './load.ts'

/** Seconds one plan may take to be read and parsed (PLAN_READ_SECONDS): the largest real plan takes well under one. */
export const DEFAULT_READ_SECONDS = 60
/** The heap (MB) of the thread that reads a plan (PLAN_READ_HEAP_MB): a plan within the limits of parse/limits.ts needs a few hundred. */
export const DEFAULT_READ_HEAP_MB = 1024

export interface ReadBudget {
  seconds: number
  heapMb: number
}

/** The budget from the environment, or the line saying which variable is wrong. */
export function readBudget(env: NodeJS.ProcessEnv = process.env): ReadBudget | string {
  const seconds = env.PLAN_READ_SECONDS ? Number(env.PLAN_READ_SECONDS) : DEFAULT_READ_SECONDS
  if (!Number.isFinite(seconds) || seconds <= 0) return `PLAN_READ_SECONDS=${env.PLAN_READ_SECONDS}: expected a number of seconds above 0 (the time one plan may take to be read; ${DEFAULT_READ_SECONDS} if unset)`
  const heapMb = env.PLAN_READ_HEAP_MB ? Number(env.PLAN_READ_HEAP_MB) : DEFAULT_READ_HEAP_MB
  if (!Number.isInteger(heapMb) || heapMb < 64) return `PLAN_READ_HEAP_MB=${env.PLAN_READ_HEAP_MB}: expected a whole number of megabytes from 64 (the memory one plan may take to be read; ${DEFAULT_READ_HEAP_MB} if unset)`
  return { seconds, heapMb }
}

export interface ReadRequest {
  file: string
}

export type ReadReply =
  | { ok: true; result: ParseResult; text: string | null; places: string[]; dropped: Dropped[] }
  | { ok: false; error: { message: string; code?: string } }

const TSX_API = new URL('../../node_modules/tsx/dist/esm/api/index.mjs', import.meta.url).href
const WORKER = new URL('./plan-worker.ts', import.meta.url).href
/** The worker's code: TypeScript through tsx, whatever runs this module (tsx, vitest). */
const BOOT = `import(${JSON.stringify(TSX_API)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}) })`

/** A refusal of the whole file, at its first line. */
function refused(message: string): Loaded {
  return { result: { ok: false, problems: [{ line: 1, message }], warnings: [] }, text: null, where: () => ':1', dropped: [] }
}


/** One worker thread: its start, and the request it is working on. */
interface Running {
  worker: Worker
  ready: Promise<void>
  /** Resolves the running request: with the reply, or with why the worker ended. */
  answer: ((reply: ReadReply | { ended: unknown }) => void) | null
}

function startWorker(registry: Registry, heapMb: number): Running {
  const worker = new Worker(BOOT, { eval: true, workerData: { registry }, resourceLimits: { maxOldGenerationSizeMb: heapMb } })
  const running: Running = { worker, ready: Promise.resolve(), answer: null }
  const settle = (reply: ReadReply | { ended: unknown }) => {
    const answer = running.answer
    running.answer = null
    answer?.(reply)
  }
  running.ready = new Promise((resolve, reject) => {
    worker.on('message', (message: ReadReply | 'ready') => message === 'ready' ? resolve() : settle(message))
    const end = (why: unknown) => {
      reject(why instanceof Error ? why : new Error(String(why)))
      settle({ ended: why })
    }
    worker.on('error', end)
    worker.on('exit', (code) => end(new Error(`the thread that reads the plans ended (exit code ${code})`)))
  })
  return running
}

/** A worker that reads plans one at a time; started when first needed, and again after one was stopped. */
export class PlanReader {
  private running: Running | null = null

  constructor(private readonly registry: Registry, private readonly budget: ReadBudget) {}

  /** Reads and parses one plan within the budget. Never throws for the file's content; a missing file throws. */
  async read(file: string): Promise<Loaded> {
    this.running ??= startWorker(this.registry, this.budget.heapMb)
    const running = this.running
    // The budget counts from the plan's start, not the thread's (which loads the readers' code first).
    running.worker.ref()
    await running.ready
    const answer = new Promise<ReadReply | { ended: unknown }>((resolve) => { running.answer = resolve })
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), this.budget.seconds * 1000) })
    running.worker.postMessage({ file } satisfies ReadRequest)
    const reply = await Promise.race([answer, timedOut])
    clearTimeout(timer)
    // Waiting for the next plan, a worker does not keep the process alive.
    running.worker.unref()
    if (reply === 'timeout' || 'ended' in reply) {
      this.running = null
      running.answer = null
      await running.worker.terminate()
    }
    if (reply === 'timeout') {
      return refused(`读取和解析这个文件超过了 ${this.budget.seconds} 秒，这是一份方案允许的时间（可能是程序生成的或损坏的文件）；已停下，没有读入。` +
        `请确认这是要发布的文件，或把它拆开；确需更多时间时：PLAN_READ_SECONDS=${Math.max(DEFAULT_READ_SECONDS, this.budget.seconds * 4)} npm run build`)
    }
    if ('ended' in reply) {
      const why = reply.ended
      if (typeof why === 'object' && why !== null && 'code' in why && why.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        return refused(`读取和解析这个文件需要超过 ${this.budget.heapMb} MB 内存，这是一份方案允许的用量（可能是程序生成的或损坏的文件）；已停下，没有读入。` +
          `请确认这是要发布的文件，或把它拆开；确需更多内存时：PLAN_READ_HEAP_MB=${this.budget.heapMb * 2} npm run build`)
      }
      throw why instanceof Error ? why : new Error(String(why))
    }
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error.code ? { code: reply.error.code } : {})
    const { places } = reply
    return { result: reply.result, text: reply.text, dropped: reply.dropped, where: (line) => places[Math.min(Math.max(line, 1), places.length) - 1]! }
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    const running = this.running
    this.running = null
    if (running) await running.worker.terminate()
  }
}
