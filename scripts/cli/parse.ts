// npm run --silent parse -- FILE [--json] (.txt, .md, .docx, .doc, .pdf): reads
// one plan. On stderr: a "FILE:LINE: warning: …" line for each thing it could
// not read ("FILE: 第N段: …" for Word, "FILE: 第N页: …" for PDF), then one
// summary line (measures, tasks, with units, with deadlines, warnings by kind).
// On stdout, when it is a pipe or a file (or with --json): the plan model as
// JSON, the contract other tools read. Exit 1 where the file is refused (not a
// plan, or not readable).

import { planIdProblem } from '../site/load.ts'
import { loadReference } from '../data/load.ts'
import { PlanReader, readBudget } from '../site/plan-reader.ts'
import { reportLines, summaryLine } from '../views/report.ts'

function reason(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined
  if (code === 'ENOENT') return '没有这个文件'
  if (code === 'EISDIR') return '这是一个文件夹，不是文件'
  if (code === 'EACCES') return '没有读取这个文件的权限'
  return error instanceof Error ? error.message : String(error)
}

async function main(args: string[]): Promise<number> {
  const json = args.includes('--json')
  const files = args.filter((a) => a !== '--json')
  if (files.length !== 1) {
    process.stderr.write('usage: npm run --silent parse -- FILE [--json]\n')
    return 2
  }
  const file = files[0]!
  const badName = planIdProblem(file, new Set())
  if (badName) {
    process.stderr.write(`${file}: ${badName}\n`)
    return 1
  }
  const budget = readBudget()
  if (typeof budget === 'string') {
    process.stderr.write(`parse: ${budget}\n`)
    return 2
  }
  // Within the build's budget of time and memory (scripts/site/plan-reader.ts).
  const reader = new PlanReader(loadReference().registry, budget)
  let loaded
  try {
    loaded = await reader.read(file)
  } catch (error) {
    process.stderr.write(`${file}:1: 无法读取此文件：${reason(error)}\n`)
    return 1
  } finally {
    await reader.close()
  }
  const { result, where } = loaded
  for (const line of reportLines(file, result, where)) process.stderr.write(line + '\n')
  if (!result.ok) return 1
  process.stderr.write(summaryLine(file, result) + '\n')
  // A person at a terminal reads the summary; a pipe or a file gets the model.
  if (json || !process.stdout.isTTY) process.stdout.write(JSON.stringify(result.plan, null, 2) + '\n')
  return 0
}

process.exitCode = await main(process.argv.slice(2))
