// Corpus stage, run over all documents in input order before dedupe: lines that recur on many
// pages of one site are furniture (datatrove's and trafilatura's cross-page signal), removed in
// every copy with rule `site-repeat`. Only compact keys are kept: site -> line key -> pages.
import { remove } from '../doc.js';
import type { Doc } from '../types.js';
import { normalizeForDedupe } from '../dedupe/normalize.js';
import { wordCount } from './rules.js';
import settings from './site-repeats.json' with { type: 'json' };

export function siteOf(doc: Doc): string {
  const { url, path } = doc.source;
  if (url) {
    try {
      return new URL(url).host.toLowerCase().replace(/^www\./u, '');
    } catch {
      // not a URL: fall through to the file
    }
  }
  return `file:${path}`;
}

export function removeSiteRepeats(docs: Doc[]): void {
  const pagesPerSite = new Map<string, number>();
  const seen = new Map<string, Map<string, Set<number>>>(); // site -> key -> document indexes
  const keyOf = (text: string): string => (wordCount(text) <= settings.maxWords.value ? normalizeForDedupe(text) : '');
  docs.forEach((doc, d) => {
    const site = siteOf(doc);
    pagesPerSite.set(site, (pagesPerSite.get(site) ?? 0) + 1);
    const keys = seen.get(site) ?? new Map<string, Set<number>>();
    seen.set(site, keys);
    for (const s of doc.segments) {
      const key = keyOf(s.text);
      if (!key) continue;
      const pages = keys.get(key) ?? new Set<number>();
      pages.add(d);
      keys.set(key, pages);
    }
  });
  docs.forEach((doc) => {
    const site = siteOf(doc);
    const total = pagesPerSite.get(site) ?? 1;
    const keys = seen.get(site);
    for (const s of doc.segments) {
      if (s.status !== 'kept') continue;
      const pages = keys?.get(keyOf(s.text))?.size ?? 0;
      if (pages >= settings.minPages.value && pages / total >= settings.minShare.value) {
        remove(doc, s, { stage: 'boilerplate', kind: wordCount(s.text) <= 3 ? 'nav' : 'other', rule: 'site-repeat', score: +(pages / total).toFixed(3) },
          { why: `on ${pages} of ${total} pages of ${site}` });
      }
    }
  });
}
