// Every package the code and the tests import is listed in package.json,
// pinned to an exact version: a package reached only as another's
// dependency (saxes through exceljs, vite through vitepress) can vanish or
// change with that package's next release, and a fresh clone's npm ci then
// fails or tests another version.
import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './helpers/plans.ts'

const FOLDERS = ['scripts', 'tests', '.vitepress']
const CODE = /\.(ts|mts|vue|js|mjs)$/

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return ['node_modules', 'output', 'cache', 'dist', '.temp'].includes(entry.name) ? [] : codeFiles(path)
    return CODE.test(entry.name) ? [path] : []
  })
}

/** The package a module specifier names ("pdfjs-dist/legacy/build/pdf.mjs" → pdfjs-dist), or null for a file or a built-in. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || specifier.startsWith('data:') || specifier.startsWith('virtual:')) return null
  // A specifier in a test's own strings and patterns ("\\.") names no package.
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/.*)?$/i.test(specifier)) return null
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!
  return builtinModules.includes(name) ? null : name
}

/** Specifiers of import and export statements, dynamic imports and require calls with a literal. */
const SPECIFIER = /(?:^|[^\w.])(?:import|export)\s[^'"`;]*?from\s+['"]([^'"]+)['"]|(?:^|[^\w.])import\s+['"]([^'"]+)['"]|(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/gm

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }
  const listed = { ...pkg.dependencies, ...pkg.devDependencies }

  it('lists every package imported by the code and the tests', () => {
    const missing = new Map<string, string>()
    for (const file of FOLDERS.flatMap((f) => codeFiles(join(ROOT, f)))) {
      for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
        const name = packageOf(match[1] ?? match[2] ?? match[3]!)
        // Type-only imports of a package's types ("mdast") are served by its @types package.
        if (name && !(name in listed) && !(`@types/${name}` in listed)) missing.set(name, file.slice(ROOT.length))
      }
    }
    expect(Object.fromEntries(missing)).toEqual({})
  })

  it('pins each to one version', () => {
    expect(Object.entries(listed).filter(([, version]) => !/^\d+\.\d+\.\d+$/.test(version))).toEqual([])
  })
})
