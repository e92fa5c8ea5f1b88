// The corpus statistics (CorpusStats: in how many kept segments each term occurs) are counted on
// the main thread in input order, after dedupe, over the kept segments only. Finding a segment's
// terms (tokenising, stemming) is the costly part, so workers do it in pass 1 for every segment
// still kept after quality, with CorpusStats.add itself on a throwaway instance; the main thread
// then only adds one per term for the segments dedupe kept. Should `add` ever count something
// other than one per distinct term and segment, `termsOf` gives null and the main thread calls
// `add` on the text as before, so the statistics are always exactly CorpusStats.add's.
import { CorpusStats } from '../topics/index.js';

/** The distinct terms CorpusStats.add counts for `text`, joined by "\n" (terms never hold a line break). */
export function termsOf(text: string): string | null {
  const one = new CorpusStats();
  one.add(text);
  if (one.segments !== 1) return null;
  for (const [term, n] of one.df) if (n !== 1 || term.includes('\n')) return null;
  return [...one.df.keys()].join('\n');
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
