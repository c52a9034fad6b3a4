// A static server for a built site, as an intranet web server would serve it
// (npm start and npm run preview, the build's PDF printer, the browser tests):
// under a sub-path, index.html for folders, "x.html" for "x", 404.html otherwise;
// text gzipped and hashed assets cached for a year, as the guide's nginx block does.
// Optional extra headers (e.g. a Content-Security-Policy) on every response.
// Every request looks for its file anew: a rebuild (which puts a new folder in
// place of the old one) is served at once, with no restart.

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

/** The types the nginx block of guides/维护指南.md gzips (nginx always gzips text/html). */
const COMPRESSED = new Set(['.html', '.js', '.css', '.json', '.txt', '.ics', '.csv', '.svg'])

/** A SITE_BASE with its two slashes (anquan → /anquan/, empty → /). */
export function normaliseBase(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '')
  return trimmed ? `/${trimmed}/` : '/'
}

/** Where to listen: by default a free port of 127.0.0.1 (the build, the tests). */
export interface Listen {
  port?: number
  host?: string
}

export async function serve(root: string, base = '/', headers: Record<string, string> = {}, listen: Listen = {}): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    } catch {
      pathname = ''
    }
    // The site's root without its slash (/anquan): where nginx's try_files $uri/ sends it too.
    if (base !== '/' && pathname === base.slice(0, -1)) {
      res.writeHead(301, { location: base })
      res.end()
      return
    }
    const file = pathname.startsWith(base) ? resolveFile(root, '/' + pathname.slice(base.length)) : null
    const status = file ? 200 : 404
    const body = file ? readFileSync(file) : existsSync(join(root, '404.html')) ? readFileSync(join(root, '404.html')) : Buffer.from('not found')
    const ext = file ? extname(file) : '.html'
    const gzip = COMPRESSED.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    res.writeHead(status, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
      // Hashed assets never change; every other file may change at the next build, so it is asked for again.
      'cache-control': file && pathname.startsWith(`${base}assets/`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...headers,
    })
    res.end(gzip ? gzipSync(body, { level: 6 }) : body)
  })
  const host = listen.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(listen.port ?? 0, host, resolve)
  })
  const { port } = server.address() as AddressInfo
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}${base}`
  return {
    origin,
    base,
    url: (path: string) => origin + path.replace(/^\//, ''),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
