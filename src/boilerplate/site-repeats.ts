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

/**
 * A document's short lines as site-repeats counts them: per segment, the 64-bit key of its site and
 * normalised text, and how short it is (0: longer than maxWords, not counted; 1: counted; 2:
 * counted, and at most 3 words, a menu item). They depend on the document alone, so a worker works
 * them out in pass 1 (`siteLines`) and the main thread only counts (normalising and hashing every
 * segment was most of this step there); the step works them out itself when none were handed over.
 */
export interface SiteLines {
  keys: BigInt64Array;
  short: Uint8Array;
}

/** `settings`: site-repeats.json's, or a run's overrides of them (src/settings.ts). */
export function siteLines(doc: Doc, settings: typeof defaults = defaults): SiteLines {
  const site = siteOf(doc);
  const n = doc.segments.length;
  const lines: SiteLines = { keys: new BigInt64Array(n), short: new Uint8Array(n) };
  doc.segments.forEach((s, i) => {
    const words = wordCount(s.text);
    if (words > settings.maxWords.value) return;
    lines.short[i] = words <= 3 ? 2 : 1;
    lines.keys[i] = BigInt.asIntN(64, exactKey(`${site}\n${normalizeForDedupe(s.text)}`));
  });
  return lines;
}

export class SiteRepeats {
  /** 64-bit hash of site and normalised line -> pages of that site seen so far with the line. */
  private readonly pages = new Map<bigint, number>();
  /** `settings`: site-repeats.json's, or a run's overrides of them (src/settings.ts). */
  constructor(private readonly settings: typeof defaults = defaults) {}
  /** Count the document's short lines, then remove those its site has repeated often enough. `lines`: siteLines(doc), when worked out already. */
  add(doc: Doc, lines: SiteLines = siteLines(doc, this.settings)): void {
    const { keys, short } = lines;
    const counted = new Set<bigint>();
    for (let i = 0; i < short.length; i++) {
      if (!short[i] || counted.has(keys[i]!)) continue;
      counted.add(keys[i]!);
      this.pages.set(keys[i]!, (this.pages.get(keys[i]!) ?? 0) + 1);
    }
    let site: string | undefined; // for the message, worked out once if any line goes
    doc.segments.forEach((s, i) => {
      if (s.status !== 'kept' || !short[i]) return;
      const seen = this.pages.get(keys[i]!) ?? 0;
      if (seen < this.settings.minPages.value) return;
      remove(doc, s, { stage: 'boilerplate', kind: short[i] === 2 ? 'nav' : 'other', rule: 'site-repeat', score: seen },
        { why: `this line is on ${seen} pages of ${(site ??= siteOf(doc))} so far` });
    });
  }
}
