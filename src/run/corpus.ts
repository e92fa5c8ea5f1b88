// The corpus statistics (CorpusStats: in how many kept segments each term occurs) are counted on
// the main thread in input order, after dedupe, over the kept segments only. Finding a segment's
// terms (tokenising, stemming) is the costly part, so workers do it in pass 1 for every segment
// still kept after quality, with termsIn, the function CorpusStats.add counts one per term of;
// the main thread then only adds one per term for the segments dedupe kept, so the statistics
// are exactly CorpusStats.add's. (`null`, for a text whose terms were not worked out, makes the
// main thread call `add` on the text itself.)
import type { CorpusStats } from '../topics/index.js';
import { termsIn } from '../topics/corpus.js';

/** The distinct terms CorpusStats.add counts for `text`, joined by "\n" (terms never hold a line break). */
export function termsOf(text: string): string | null {
  return [...termsIn(text)].join('\n');
}

/** Count one kept segment, from its precomputed terms when there are any. */
export function addSegment(corpus: CorpusStats, text: string, terms: string | null | undefined): void {
  if (terms === null || terms === undefined) {
    corpus.add(text);
    return;
  }
  corpus.segments++;
  if (!terms) return;
  for (const term of terms.split('\n')) corpus.df.set(term, (corpus.df.get(term) ?? 0) + 1);
}
