// npm run preview: the built site under SITE_BASE, as the intranet's server
// would serve it, and a rebuild (a new folder put in place of the old, as the
// build does) served at once without a restart.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/plans.ts'
import { swap } from '../../scripts/site/generate.ts'
import { normaliseBase } from '../../scripts/site/serve.ts'

const BASE = '/anquan/'

function site(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
}

const FIRST = {
  'index.html': `<html><script src="${BASE}assets/app.abc.js"></script>首页</html>`,
  '404.html': '<html>页面不存在</html>',
  'assets/app.abc.js': 'console.log(1)',
  'plan-a/index.html': '<html>方案甲</html>',
  'plan-a/tasks/1.html': '<html>任务 1</html>',
  'plan-a/calendar.ics': 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
}

let root: string
let dist: string
let preview: ChildProcess
let origin: string

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'preview-'))
  dist = join(root, 'dist')
  site(dist, FIRST)
  preview = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/cli/preview.ts'), '--dir', dist, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, SITE_BASE: '/anquan' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  origin = await new Promise<string>((resolve, reject) => {
    let out = ''
    preview.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /at (http:\/\/\S+\/) /.exec(out)
      if (match) resolve(match[1]!)
    })
    preview.on('exit', (code) => reject(new Error(`preview exited (${code})`)))
  })
}, 30_000)

afterAll(() => {
  preview?.kill()
})

const get = (path: string) => fetch(new URL(path.replace(/^\//, ''), origin), { redirect: 'manual' })

describe('npm run preview', () => {
  it('serves under SITE_BASE (given without its slashes), pages with and without .html', async () => {
    expect(origin).toMatch(/\/anquan\/$/)
    expect(await (await get('/')).text()).toContain('首页')
    const task = await get('/plan-a/tasks/1.html')
    expect(task.status).toBe(200)
    expect(task.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await (await get('/plan-a/tasks/1')).text()).toBe('<html>任务 1</html>')
  })

  it('sends the site root without its slash to the root', async () => {
    const response = await fetch(origin.slice(0, -1), { redirect: 'manual' })
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe(BASE)
  })

  it('answers a missing page with the site\'s 404 page and status 404', async () => {
    const response = await get('/plan-b/')
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('<html>页面不存在</html>')
    expect((await fetch(new URL('/elsewhere/index.html', origin))).status).toBe(404)
  })

  it('gives calendars, scripts and hashed assets their types and caching', async () => {
    const ics = await get('/plan-a/calendar.ics')
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(await ics.text()).toContain('BEGIN:VCALENDAR')
    const js = await get('/assets/app.abc.js')
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect((await get('/plan-a/')).headers.get('cache-control')).toBe('no-cache')
  })

  it('serves a rebuilt site at once: a new plan answers 200 and a removed page 404, no restart', async () => {
    expect((await get('/plan-b/')).status).toBe(404)
    const next = join(root, 'dist.next')
    const { 'plan-a/calendar.ics': _removed, ...kept } = FIRST
    site(next, { ...kept, 'plan-a/tasks/1.html': '<html>任务 1（新）</html>', 'plan-b/index.html': '<html>方案乙</html>' })
    swap(next, dist)
    const planB = await get('/plan-b/')
    expect(planB.status).toBe(200)
    expect(await planB.text()).toBe('<html>方案乙</html>')
    expect(await (await get('/plan-a/tasks/1.html')).text()).toBe('<html>任务 1（新）</html>')
    expect((await get('/plan-a/calendar.ics')).status).toBe(404)
  })

  it('gzips text for a browser that asks for it', async () => {
    const { request } = await import('node:http')
    const body = await new Promise<Buffer>((resolve, reject) => {
      request(new URL('plan-a/', origin), { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        expect(res.headers['content-encoding']).toBe('gzip')
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)))
      }).on('error', reject).end()
    })
    expect(gunzipSync(body).toString()).toBe('<html>方案甲</html>')
  })
})

describe('npm run preview, refusing', () => {
  it('a folder with no site, saying to build first', async () => {
    const { spawnSync } = await import('node:child_process')
    const empty = mkdtempSync(join(tmpdir(), 'preview-empty-'))
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/cli/preview.ts'), '--dir', empty], { cwd: ROOT, encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr).toBe(`preview: no site in ${empty} (build it first: npm run build)\n`)
  })
})

describe('normaliseBase', () => {
  it.each([[undefined, '/'], ['', '/'], ['/', '/'], ['anquan', '/anquan/'], ['/anquan', '/anquan/'], ['/a/b/', '/a/b/']])('%s → %s', (value, base) => {
    expect(normaliseBase(value)).toBe(base)
  })
})
