// The unread split of ../shared/bench: one page in five of every bench file, chosen by a hash of
// its id, that nobody reads while writing rules and nothing learns from.
// - scripts/rule-report.ts reports only on the other pages (the readable ones);
// - scripts/train-cleaner.ts and scripts/train-page-type.ts neither train nor choose a setting on
//   them (settings are chosen by cross-validation over the readable pages, folds grouped by site);
// - `npm run eval -- FILE` prints the figures on all pages and on this split side by side, and
//   `npm run eval -- FILE --held-out` scores only this split.
// It is the same fifth the furniture model held out before the split had a name, so earlier
// held-out figures compare; the rules written before then were read on every page, so the split
// measures the model and the rules written from now on, not the older rules.
import { createHash } from 'node:crypto';

/** True for a page of the unread split (one in five, by the first byte of the SHA-1 of its id). */
export function isUnread(id: string): boolean {
  return (createHash('sha1').update(id).digest()[0] ?? 0) % 5 === 0;
}

/**
 * The site of a page: the host of its URL without 'www.' (for a web.archive.org copy, the host of
 * the archived URL), or the page id when it has no URL.
 */
export function siteOf(page: { id: string; url?: string }): string {
  const archived = /^https?:\/\/web\.archive\.org\/web\/[^/]+\/(.+)$/u.exec(page.url ?? '')?.[1];
  const url = archived ?? page.url;
  if (!url) return `id:${page.id}`;
  try {
    return new URL(/^https?:/u.test(url) ? url : `http://${url}`).hostname.replace(/^www\./u, '').toLowerCase();
  } catch {
    return `id:${page.id}`;
  }
}

/** The cross-validation fold (0..folds-1) of a site: every page of one site falls in the same fold. */
export function foldOf(site: string, folds: number): number {
  return createHash('sha1').update(site).digest().readUInt32BE(0) % folds;
}
