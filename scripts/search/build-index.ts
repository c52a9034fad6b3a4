// Builds the search index in Node, with the engine settings the browser uses.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import MiniSearch from 'minisearch'
import { pinyin } from 'pinyin-pro'
import { ROOT } from '../load.ts'
import type { Site } from '../views.ts'
import { INDEX_OPTIONS } from './engine.ts'
import { searchDocuments, type SearchData } from './documents.ts'

export const SYNONYMS_FILE = join(ROOT, 'scripts/data/synonyms.json')

export function readSynonyms(json: unknown, file = SYNONYMS_FILE): string[][] {
  const groups = typeof json === 'object' && json !== null && 'groups' in json ? json.groups : undefined
  const problem = `${file}: expected {"groups": [["名称", "别称", …], …]}, each group of two names or more`
  if (!Array.isArray(groups)) throw new Error(problem)
  return groups.map((group: unknown, i) => {
    if (!Array.isArray(group) || group.length < 2) throw new Error(`${problem}; groups[${i}] is not`)
    return group.map((name: unknown) => {
      if (typeof name !== 'string' || name === '') throw new Error(`${problem}; groups[${i}] has a name that is not text`)
      return name
    })
  })
}

export function searchData(): SearchData {
  return {
    synonyms: readSynonyms(JSON.parse(readFileSync(SYNONYMS_FILE, 'utf8'))),
    pinyin: (text) => pinyin(text, { toneType: 'none', type: 'array', v: true }).map((s) => (/^[a-z]+$/.test(s) ? s : '')),
  }
}

/** The index as JSON, for the browser to load. */
export function buildSearchIndex(site: Site, base: string, data = searchData()): string {
  const index = new MiniSearch(INDEX_OPTIONS)
  index.addAll(searchDocuments(site, base, data))
  return JSON.stringify(index)
}
