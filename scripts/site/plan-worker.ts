// The worker thread of scripts/site/plan-reader.ts: reads and parses the plan
// files it is sent, one at a time, and posts back each result in a form that
// crosses threads (the line-to-place function as the list of places).

import { parentPort, workerData } from 'node:worker_threads'
import { readPlan } from './load.ts'
import type { Registry } from '../parse/units.ts'
import type { ReadReply, ReadRequest } from './plan-reader.ts'

const registry = (workerData as { registry: Registry }).registry
const port = parentPort!

port.on('message', async ({ file }: ReadRequest) => {
  let reply: ReadReply
  try {
    const { result, text, where, dropped } = await readPlan(file, registry)
    // Where each line stands, for every line of the text and the one after it (a problem at the end of the file).
    let lines = 1
    if (text !== null) for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++
    const places: string[] = []
    for (let line = 1; line <= lines + 1; line++) places.push(where(line))
    reply = { ok: true, result, text, places, dropped }
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? Object.assign({ message: error.message }, 'code' in error ? { code: String(error.code) } : {}) : { message: String(error) } }
  }
  port.postMessage(reply)
})
port.postMessage('ready')
