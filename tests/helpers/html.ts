// Reading the built HTML as a person would read its text, and its links as a crawler would.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The visible text of the page's main content (<main>), tags removed, entities decoded. */
export function mainText(html: string): string {
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? html
  return decodeEntities(main.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, '')).replace(/\u200b/g, '').replace(/[ \t\r\n]+/g, ' ')
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&')
}

/** Every file below a folder, as paths relative to it, sorted (the build's own walker). */
export { filesBelow } from '../../scripts/site/site-cache.ts'

export function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8')
}

/** The hrefs of the links inside the page's main content. */
export function mainLinks(html: string): string[] {
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? html
  return [...main.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => decodeEntities(m[1]!))
}
