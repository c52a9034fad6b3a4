// A static server for a built site, as an intranet web server would serve it
// (used by the build to print PDFs, and by the browser tests):
// under a sub-path, index.html for folders, "x.html" for "x", 404.html otherwise;
// text gzipped and hashed assets cached for a year, as README's nginx block does.
// Optional extra headers (e.g. a Content-Security-Policy) on every response.

import { createServer, type Server } from 'node:http'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { AddressInfo } from 'node:net'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.woff2': 'font/woff2', '.pdf': 'application/pdf', '.ics': 'text/calendar; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.wasm': 'application/wasm',
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234/anquan/ */
  origin: string
  base: string
  url: (path: string) => string
  close: () => Promise<void>
}

function resolveFile(root: string, path: string): string | null {
  const candidates = path.endsWith('/') ? [join(path, 'index.html')] : [path, `${path}.html`, join(path, 'index.html')]
  for (const candidate of candidates) {
    const file = normalize(join(root, candidate))
    if (!file.startsWith(normalize(root))) return null
    if (existsSync(file) && statSync(file).isFile()) return file
  }
  return null
}

/** The types README's nginx block gzips (nginx always gzips text/html). */
const COMPRESSED = new Set(['.html', '.js', '.css', '.json', '.txt', '.ics', '.csv', '.svg'])

export async function serve(root: string, base = '/', headers: Record<string, string> = {}): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = pathname.startsWith(base) ? resolveFile(root, '/' + pathname.slice(base.length)) : null
    const status = file ? 200 : 404
    const body = file ? readFileSync(file) : existsSync(join(root, '404.html')) ? readFileSync(join(root, '404.html')) : Buffer.from('not found')
    const ext = file ? extname(file) : '.html'
    const gzip = COMPRESSED.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    res.writeHead(status, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
      ...(file && pathname.startsWith(`${base}assets/`) ? { 'cache-control': 'public, max-age=31536000, immutable' } : {}),
      ...headers,
    })
    res.end(gzip ? gzipSync(body, { level: 6 }) : body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}${base}`
  return {
    origin,
    base,
    url: (path: string) => origin + path.replace(/^\//, ''),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
