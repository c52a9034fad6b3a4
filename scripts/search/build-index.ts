// Builds the search index in Node, with the engine settings the browser uses.

import { pinyin } from 'pinyin-pro'
import type { Site } from '../views/site.ts'
import type { Sector } from '../views/knowledge.ts'
import type { SearchData } from './documents.ts'

/**
 * Word boundaries of a Chinese text, from ICU's dictionary (Intl.Segmenter, in
 * Node's full ICU). ICU cuts a word it does not know into single characters
 * (整改 → 整/改, 专项 → 专/项): a run of single characters is taken as one
 * unknown word, with no boundary inside.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })
export function wordBoundaries(text: string): Set<number> {
  const cuts = new Set<number>([0])
  const lengths = [...segmenter.segment(text)].map(({ segment }) => [...segment].length)
  let at = 0
  lengths.forEach((length, i) => {
    at += length
    if (!(length === 1 && lengths[i + 1] === 1)) cuts.add(at)
  })
  return cuts
}

/** What indexing needs beside the site, from the reference data the caller has read (scripts/data/load.ts). */
export function searchData(sectors: Sector[], synonyms: string[][]): SearchData {
  return {
    synonyms,
    pinyin: (text) => pinyin(text, { toneType: 'none', type: 'array', v: true }).map((s) => (/^[a-z]+$/.test(s) ? s : '')),
    boundaries: wordBoundaries,
    sectors,
  }
}

/** What the search box needs beside the index: synonyms to highlight, names to suggest when nothing is found. */
export interface SearchExtras {
  synonyms: string[][]
  /** Unit, sector and synonym names, the nearest of which a query that finds nothing is offered. */
  vocabulary: string[]
}

export function searchExtras(site: Site, data: SearchData): SearchExtras {
  const names = [...site.units.map((u) => u.name), ...data.sectors.flatMap((s) => [s.name, ...s.words]), ...data.synonyms.flat()]
  return { synonyms: data.synonyms, vocabulary: [...new Set(names)].sort() }
}

/**
 * Where the search box finds the index: search/manifest.json and this build's folder beside it (format.ts),
 * written by scripts/site/generate.ts with writeIndex (shards.ts): data files, not part of a script, so a
 * change to a plan's text changes them only, not the hashed scripts every page names.
 */
export const SEARCH_DIR = 'search'
