// The corpus statistics (CorpusStats: in how many kept segments each term occurs) are counted on
// the main thread in input order, after dedupe, over the kept segments only. Finding a segment's
// terms (tokenising, stemming) is the costly part, so workers do it in pass 1 for every segment
// still kept after quality, with termHashes, the function CorpusStats.add counts one per term of,
// and hand over each term's hash (src/topics/terms.ts): two Uint32 per term in one transferred
// array per document. The main thread then only adds one per hash for the segments dedupe kept,
// so the statistics are exactly CorpusStats.add's. A segment whose terms were not worked out (no
// SegmentTerms, or a span starting at -1) makes the main thread call `add` on the text itself.
import type { CorpusStats } from '../topics/index.js';
import { termBuffer, termHashes } from '../topics/corpus.js';
import { tokens } from '../topics/text.js';

/** A document's segments' term hashes: pairs (lo, hi) in `hashes`; segment i's from spans[2i] to spans[2i+1]. */
export interface SegmentTerms {
  hashes: Uint32Array;
  /** Start and end in `hashes` per segment; start -1 for a segment whose terms were not worked out. */
  spans: Int32Array;
}

/** The term hashes of the segments `texts` holds (null: not worked out, the segment is not kept). */
export function segmentTerms(texts: readonly (string | null)[]): SegmentTerms {
  const spans = new Int32Array(texts.length * 2).fill(-1);
  let hashes = termBuffer(0);
  let at = 0;
  texts.forEach((text, i) => {
    if (text === null) return;
    const toks = tokens(text);
    if (at + toks.length * 4 > hashes.length) {
      // A larger scratch array: the hashes so far move into it.
      const had = hashes.subarray(0, at);
      hashes = termBuffer((at >> 2) + toks.length + 1);
      hashes.set(had);
    }
    spans[i * 2] = at;
    at = termHashes(toks, hashes, at);
    spans[i * 2 + 1] = at;
  });
  return { hashes: hashes.slice(0, at), spans };
}

/** Count kept segment `i`, from its term hashes when they were worked out. */
export function addSegment(corpus: CorpusStats, text: string, terms: SegmentTerms | undefined, i: number): void {
  const from = terms?.spans[i * 2] ?? -1;
  if (!terms || from === -1) corpus.add(text);
  else corpus.addHashes(terms.hashes, from, terms.spans[i * 2 + 1]!);
}
