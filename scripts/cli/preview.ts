// npm run preview [-- --port N] [--host ADDRESS] [--dir DIR] (and npm start, after
// the build): serves the built site (.vitepress/dist) under SITE_BASE as the
// intranet's web server would (scripts/site/serve.ts). Each request reads its
// file anew, so a rebuild in another terminal is served at once: no restart.
// --host 0.0.0.0 lets other machines of the network open it.

import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { normaliseBase, serve } from '../site/serve.ts'
import { DIST, ROOT } from '../paths.ts'

const DEFAULT_PORT = 4173

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

async function main(args: string[]): Promise<number> {
  const dir = resolve(option(args, '--dir') ?? DIST)
  const base = normaliseBase(process.env.SITE_BASE)
  const portText = option(args, '--port') ?? process.env.PORT ?? String(DEFAULT_PORT)
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`preview: --port ${portText}: expected a port number (0 to 65535)\n`)
    return 2
  }
  const host = option(args, '--host') ?? '127.0.0.1'
  const home = join(dir, 'index.html')
  if (!existsSync(home)) {
    process.stderr.write(`preview: no site in ${dir} (build it first: npm run build)\n`)
    return 1
  }
  // A site built for another base loads no script or style here: say which base to serve it under.
  if (!readFileSync(home, 'utf8').includes(`"${base}assets/`)) {
    process.stderr.write(`preview: the site in ${dir} was not built for the base ${base}: serve it with the SITE_BASE it was built with, or rebuild (SITE_BASE=${base} npm run build)\n`)
  }
  try {
    const server = await serve(dir, base, {}, { port, host })
    const shown = host === '0.0.0.0' || host === '::' ? server.origin.replace(/\/\/[^/]+:/, '//localhost:') : server.origin
    process.stdout.write(`preview: the site in ${dir} at ${shown} (a rebuild is served at once; Ctrl+C stops)\n`)
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : ''
    process.stderr.write(code === 'EADDRINUSE'
      ? `preview: port ${port} is in use (another preview still running? or choose one: npm run preview -- --port ${port + 1})\n`
      : `preview: cannot listen on ${host}:${port} (${error instanceof Error ? error.message : String(error)})\n`)
    return 1
  }
  return 0
}

const code = await main(process.argv.slice(2))
if (code !== 0) process.exit(code)
