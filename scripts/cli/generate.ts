// npm run generate (and npm run dev): docs/ from seeds/, nothing else.
import { generate } from '../site/generate.ts'

// No PDFs here (only `npm run build` prints them): the pages link none.
const result = await generate({ base: process.env.SITE_BASE || '/', siteUrl: process.env.SITE_URL ?? '', pdf: false })
if (!result.ok) {
  for (const line of result.report) process.stderr.write(line + '\n')
  process.stderr.write('generate: stopped; docs/ was left as it was\n')
  process.exitCode = 1
} else {
  for (const line of result.warnings) process.stderr.write(line + '\n')
  process.stdout.write(`generate: ${result.pages} pages for ${result.site.plans.length} plan(s) written to docs/\n`)
}
