// Stop-word lists per language (stopwords-iso), for jusText's main signal: body text is full of
// function words, furniture is not. The language is detected per document with franc-min's data
// (trigrams.ts: franc's answer without its per-call allocations).
import { francCode } from './trigrams.js';
import stopwordsIso from 'stopwords-iso' with { type: 'json' };
import languages from './languages.json' with { type: 'json' };

const lists = stopwordsIso as unknown as Record<string, string[]>;
const byIso3 = languages.languages as Record<string, string>;
const cache = new Map<string, Set<string>>();

/** ISO 639-1 code of the document's language among those with a stop list; 'en' when unsure. */
export function detectLanguage(text: string): string {
  // franc reads trigrams of the whole string: a sample from the middle is enough and bounded.
  const mid = Math.max(0, Math.floor(text.length / 2) - 1500);
  const code = francCode(text.slice(mid, mid + 3000), 20);
  return byIso3[code] ?? 'en';
}

export function stopwords(lang: string): Set<string> {
  let set = cache.get(lang);
  if (!set) cache.set(lang, (set = new Set((lists[lang] ?? lists.en ?? []).map((w) => w.toLowerCase()))));
  return set;
}
