// Corpus stage, run on the main thread over the documents in input order, before dedupe: a short
// line that recurs on many pages of one site is the site's template (menus, taglines, sign-up
// boxes), learned per run. Online, as trafilatura's duplicate filter does it: once a line has
// been seen on `minPages` pages of a site, it is removed from that page and every later one with
// rule `site-repeat`. Its first copies stay (dedupe keeps one and points the others at it), so
// no page already passed is changed and the run stays streaming. Memory: one count per distinct
// short line per site (a 64-bit hash, as dedupe's exact keys).
import { remove } from '../doc.js';
import type { Doc } from '../types.js';
import { normalizeForDedupe } from '../dedupe/normalize.js';
import { exactKey } from '../dedupe/hash.js';
import { wordCount } from './rules.js';
import defaults from './site-repeats.json' with { type: 'json' };

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

export class SiteRepeats {
  /** 64-bit hash of site and normalised line -> pages of that site seen so far with the line. */
  private readonly pages = new Map<bigint, number>();
  /** `settings`: site-repeats.json's, or a run's overrides of them (src/settings.ts). */
  constructor(private readonly settings: typeof defaults = defaults) {}
  /** Count the document's short lines, then remove those its site has repeated often enough. */
  add(doc: Doc): void {
    const site = siteOf(doc);
    const words = doc.segments.map((s) => wordCount(s.text));
    const keys = doc.segments.map((s, i) => (words[i]! <= this.settings.maxWords.value ? exactKey(`${site}\n${normalizeForDedupe(s.text)}`) : null));
    for (const key of new Set(keys)) if (key !== null) this.pages.set(key, (this.pages.get(key) ?? 0) + 1);
    doc.segments.forEach((s, i) => {
      const key = keys[i];
      if (s.status !== 'kept' || key === null || key === undefined) return;
      const seen = this.pages.get(key) ?? 0;
      if (seen < this.settings.minPages.value) return;
      remove(doc, s, { stage: 'boilerplate', kind: words[i]! <= 3 ? 'nav' : 'other', rule: 'site-repeat', score: seen },
        { why: `this line is on ${seen} pages of ${site} so far` });
    });
  }
}
