// npm run --silent parse -- FILE (.txt, .md, .docx, .pdf): prints the plan model
// as JSON, or one "FILE:LINE: message" line per problem on stderr and exits 1
// ("FILE: 第N段: …" for Word, "FILE: 第N页: …" for PDF).

import { loadRegistry, planIdProblem, readPlan } from '../site/load.ts'
import { reportLines } from '../report.ts'

function reason(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'it is a folder, not a file'
  if (code === 'EACCES') return 'permission denied'
  return error instanceof Error ? error.message : String(error)
}

async function main(args: string[]): Promise<number> {
  if (args.length !== 1) {
    process.stderr.write('usage: npm run --silent parse -- FILE\n')
    return 2
  }
  const file = args[0]!
  const badName = planIdProblem(file, new Set())
  if (badName) {
    process.stderr.write(`${file}: ${badName}\n`)
    return 1
  }
  let loaded
  try {
    loaded = await readPlan(file, loadRegistry())
  } catch (error) {
    process.stderr.write(`${file}:1: cannot read the file: ${reason(error)}\n`)
    return 1
  }
  const { result, where } = loaded
  for (const line of reportLines(file, result, where)) process.stderr.write(line + '\n')
  if (!result.ok) return 1
  process.stdout.write(JSON.stringify(result.plan, null, 2) + '\n')
  return 0
}

process.exitCode = await main(process.argv.slice(2))
