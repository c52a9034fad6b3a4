// npm run generate (and npm run dev): docs/ from seeds/, nothing else.
// npm run build runs it too, in a process of its own (its memory is given back
// before VitePress starts), as: generate -- --pdf [--no-cache] --summary FILE,
// FILE then holding what the build needs of the plans (GenerateSummary).
// --strict: stop, writing nothing, where any plan has a warning.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { generate, type GenerateSummary } from '../site/generate.ts'
import { siteTheme } from '../site/nav.ts'
import { pdfJobs } from '../site/pdf.ts'
import { loadReference } from '../data/load.ts'
import { describeHolder, LOCK_HELD_ENV, tryLock } from '../site/lock.ts'
import { BUILD_LOCK, ROOT } from '../paths.ts'
import { errorLine } from '../site/durable.ts'

const args = process.argv.slice(2)
const summaryAt = args.indexOf('--summary')
const summaryFile = summaryAt >= 0 && args[summaryAt + 1] ? resolve(args[summaryAt + 1]!) : undefined
// Pages link PDFs only with --pdf: only `npm run build` prints them.
const pdf = args.includes('--pdf')
// docs/ is the build's: alone (npm run generate, npm run dev), generate takes the build's lock; run by a build, which holds it, not.
if (process.env[LOCK_HELD_ENV] !== '1') {
  const taken = tryLock(BUILD_LOCK, ['npm run generate', ...args].join(' '))
  if (!taken.taken) {
    process.stderr.write(`generate: stopped: a build is running in ${ROOT} (${describeHolder(taken.holder)}; its lock: ${BUILD_LOCK}); docs/ was left as it was\n`)
    process.exit(1)
  }
  if (taken.tookOver) process.stderr.write(`generate: took over the lock of a build that is no longer running (${describeHolder(taken.tookOver)})\n`)
  process.on('exit', taken.release)
}
// The reference data, read once for the whole run and passed down.
const reference = loadReference()
let result: Awaited<ReturnType<typeof generate>>
try {
  // WITHHOLD_ORIGINALS=1: a .doc or PDF that holds its author's record is published without its original.
  const originals = process.env.WITHHOLD_ORIGINALS === '1' ? 'withhold' : 'publish'
  result = await generate({ base: process.env.SITE_BASE || '/', siteUrl: process.env.SITE_URL ?? '', pdf, originals }, reference, !args.includes('--no-cache'), args.includes('--strict'))
} catch (error) {
  // A file that could not be written (a full disk, a folder another program writes): one line, no stack trace.
  // A plan's folder in docs/ is replaced whole or not at all and checked before it is kept (generate.ts); the
  // shared pages are written at every run.
  process.stderr.write(`generate: stopped: ${errorLine(error)}; docs/ may be incomplete: the next npm run build (or npm run generate) makes it whole\n`)
  process.exit(1)
}
if (!result.ok) {
  for (const line of result.report) process.stderr.write(line + '\n')
  process.stderr.write('generate: stopped; docs/ was left as it was\n')
  process.exitCode = 1
} else {
  for (const line of [...result.warnings, ...result.notices, ...result.summaries]) process.stderr.write(line + '\n')
  if (summaryFile) {
    const { site } = result
    const summary: GenerateSummary = {
      pages: result.pages,
      plans: site.plans.map((p) => p.id),
      timings: result.timings,
      theme: siteTheme(site, reference.knowledge.sectors),
      pdfJobs: pdf ? pdfJobs(site) : [],
    }
    writeFileSync(summaryFile, JSON.stringify(summary))
  }
  const plans = result.site.plans.length
  const made = result.timings.plansGenerated
  const kept = made === plans ? (plans === 1 ? 'generated' : `all ${plans} generated`) : made === 0 ? 'none generated, every plan unchanged' : `${made} generated, ${plans - made} unchanged`
  process.stdout.write(`generate: ${result.pages} pages for ${plans} plan(s) written to docs/ (${kept})\n`)
}
