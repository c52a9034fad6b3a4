// The shape of scripts/: which modules exist and what each exports (pinned in modules.expected.json, so a move or a
// new export is deliberate: UPDATE=1 writes it again), which stage may import which (the pipeline reads one way),
// and which modules touch the file system (the edge only).
import { readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../scripts/paths.ts'
import { filesBelow } from '../scripts/site/site-cache.ts'
import { expectFile } from './helpers/expect-file.ts'

const modules = filesBelow(join(ROOT, 'scripts')).filter((f) => f.endsWith('.ts') && !f.startsWith('bench/baseline/')).sort()
const source = (file: string) => ts.createSourceFile(file, readFileSync(join(ROOT, 'scripts', file), 'utf8'), ts.ScriptTarget.ES2022, false)

/** The names a module exports, each with what it is (function, const, type …). */
function exportsOf(file: string): string[] {
  const names: string[] = []
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  for (const node of source(file).statements) {
    if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
      for (const e of node.exportClause.elements) names.push(`${e.name.text} (re-export)`)
    } else if (ts.isExportAssignment(node)) names.push('default')
    else if (!exported(node)) continue
    else if (ts.isFunctionDeclaration(node) && node.name) names.push(`${node.name.text}()`)
    else if (ts.isClassDeclaration(node) && node.name) names.push(`class ${node.name.text}`)
    else if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) names.push(`type ${node.name.text}`)
    else if (ts.isVariableStatement(node)) for (const d of node.declarationList.declarations) names.push(d.name.getText(source(file)))
  }
  return names.sort()
}

/** The modules of scripts/ a module imports, as paths below scripts/. */
function importsOf(file: string): string[] {
  return source(file).statements.flatMap((node) => {
    if (!ts.isImportDeclaration(node) || !ts.isStringLiteral(node.moduleSpecifier)) return []
    const spec = node.moduleSpecifier.text
    if (!spec.startsWith('.')) return []
    return [relative(join(ROOT, 'scripts'), normalize(join(ROOT, 'scripts', dirname(file), spec)))]
  })
}

const stageOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : file.replace(/\.ts$/, ''))

/** What each stage may import beside itself: the pipeline's order (parse → model → views → render → site). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  paths: [],
  text: [],
  model: ['text'],
  parse: ['model', 'text'],
  // Placing plans in their administrative divisions and unit names on bodies, before the views group by body.
  divisions: ['model', 'text', 'parse'],
  views: ['model', 'text', 'divisions'],
  render: ['model', 'views', 'text', 'divisions'],
  // The plan's file offered for download is cleaned with the readers of its format (exports/original.ts).
  exports: ['model', 'views', 'render', 'text', 'parse'],
  search: ['model', 'views', 'render', 'text'],
  // Ledgers sent back: read as workbooks and matched to their plan's tasks.
  ledgers: ['model', 'text', 'parse', 'views'],
  data: ['parse', 'views', 'paths', 'divisions'],
  site: ['paths', 'data', 'text', 'model', 'parse', 'divisions', 'views', 'render', 'exports', 'search', 'ledgers'],
  bench: ['paths', 'data', 'text', 'model', 'parse', 'divisions', 'views', 'render', 'exports', 'search', 'ledgers', 'site'],
  cli: ['paths', 'data', 'text', 'model', 'parse', 'divisions', 'views', 'render', 'exports', 'search', 'ledgers', 'site', 'bench'],
}

/** The edge: the only modules that read or write files. */
const EDGE = (file: string) => ['site', 'cli', 'bench'].includes(stageOf(file)) || ['data/load.ts', 'data/divisions.ts'].includes(file)

describe('the modules of scripts/', () => {
  it('export what modules.expected.json says', () => {
    const listed = Object.fromEntries(modules.map((file) => [file, exportsOf(file)]))
    expectFile(join(ROOT, 'tests/modules.expected.json'), JSON.stringify(listed, null, 2) + '\n')
  })

  it('import only from the stages before them', () => {
    const wrong = modules.flatMap((file) => {
      const stage = stageOf(file)
      const allowed = MAY_IMPORT[stage]
      if (!allowed) return [`${file}: stage "${stage}" is not in MAY_IMPORT`]
      return importsOf(file).filter((target) => stageOf(target) !== stage && !allowed.includes(stageOf(target))).map((target) => `${file} → ${target}`)
    })
    expect(wrong).toEqual([])
  })

  // The knowledge layers are computed once a build (knowledgeOf) and passed down: no page reads a plan's text for them.
  it('read the knowledge layers from the view, never compute them, in render/ and site/', () => {
    const COMPUTE = new Set(['glossary', 'citations', 'nationalMatches', 'uncoveredNational', 'sectorTasks', 'planTexts', 'definitionOf', 'similarity'])
    const computing = modules.filter((file) => ['render', 'site'].includes(stageOf(file))).flatMap((file) =>
      source(file).statements.flatMap((node) => {
        if (!ts.isImportDeclaration(node) || !ts.isStringLiteral(node.moduleSpecifier) || !node.moduleSpecifier.text.endsWith('views/knowledge.ts')) return []
        const bindings = node.importClause?.namedBindings
        if (!bindings || !ts.isNamedImports(bindings)) return []
        return bindings.elements.filter((e) => COMPUTE.has((e.propertyName ?? e.name).text)).map((e) => `${file}: ${e.name.text}`)
      }))
    expect(computing).toEqual([])
  })

  it('touch files only at the edge (site/, cli/, bench/, the loaders of data/)', () => {
    const touching = modules.filter((file) => !EDGE(file)).filter((file) =>
      source(file).statements.some((node) => ts.isImportDeclaration(node) && /^(node:)?fs(\/promises)?$/.test((node.moduleSpecifier as ts.StringLiteral).text)))
    expect(touching).toEqual([])
  })
})
