// Terms as numbers: a 64-bit hash per term, and a table counting them (open addressing over typed
// arrays). The corpus statistics count a few million distinct terms per run; as a Map of strings
// they cost the main thread a fresh string per term and segment (split from what a worker sent)
// and a string hash per lookup, and every worker a Map rebuilt from all the terms for pass 2. As
// numbers, a worker hands the main thread two Uint32 per term, transferred, and the table crosses
// to the workers as three typed arrays, copied as they are.
//
// A collision (two distinct terms with the same 64 bits) would add their counts together, so both
// would get the same, lower idf. The hash is two independent 32-bit lanes (cyrb53's mixing, both
// lanes kept whole): for n distinct terms the chance of any collision is about n^2 / 2^65, 1e-7
// for the bench's terms and 3e-6 for ten million. Nothing else depends on the hash: not the order
// of anything written, nor which terms exist.

/** Both 32-bit halves of `term`'s hash: `hi` returned, `lo` left in `lastLo` (no allocation per term). */
let lastLo = 0;
function hashTerm(term: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // (0, 0) marks an empty slot of the table: no term hashes to it.
  lastLo = (h1 >>> 0) || 1;
  return h2 >>> 0;
}

/** The hashes of `terms` as pairs (hi, lo) into `out` from `at`; returns the index after the last. */
export function hashTerms(terms: Iterable<string>, out: Uint32Array, at: number): number {
  for (const term of terms) {
    out[at++] = hashTerm(term);
    out[at++] = lastLo;
  }
  return at;
}

/** A TermCounts as it crosses threads (or Redis): its arrays, as they are. */
export interface PackedTermCounts {
  keys: Uint32Array;
  counts: Int32Array;
  size: number;
}

const FIRST_SLOTS = 1 << 16;

/**
 * Counts per term hash. `keys` holds (hi, lo) per slot, `counts` the count; a slot's place is the
 * hash's low bits, the next free slot on a clash. Half full at most (it doubles), so a lookup
 * reads one or two slots. A count taken back to 0 keeps its slot (reads as 0, as absent does).
 */
export class TermCounts {
  private keys: Uint32Array;
  private counts: Int32Array;
  /** Distinct terms counted. */
  size = 0;

  constructor(packed?: PackedTermCounts) {
    this.keys = packed?.keys ?? new Uint32Array(FIRST_SLOTS * 2);
    this.counts = packed?.counts ?? new Int32Array(FIRST_SLOTS);
    this.size = packed?.size ?? 0;
  }

  /** How many segments hold `term` (undefined: none was ever counted), as Map.get. */
  get(term: string): number | undefined {
    const hi = hashTerm(term);
    const slot = this.find(hi, lastLo);
    return this.keys[slot * 2 + 1] === 0 ? undefined : this.counts[slot];
  }

  /** Add `by` to the count of each term hash in `hashes` (pairs) from `from` to `to`. */
  addHashes(hashes: Uint32Array, from: number, to: number, by: number): void {
    for (let i = from; i < to; i += 2) this.bump(hashes[i]!, hashes[i + 1]!, by);
  }

  /** Add `by` to the count of each term. */
  addTerms(terms: Iterable<string>, by: number): void {
    for (const term of terms) {
      const hi = hashTerm(term);
      this.bump(hi, lastLo, by);
    }
  }

  pack(): PackedTermCounts {
    return { keys: this.keys, counts: this.counts, size: this.size };
  }

  private bump(hi: number, lo: number, by: number): void {
    const slot = this.find(hi, lo);
    if (this.keys[slot * 2 + 1] === 0) {
      this.keys[slot * 2] = hi;
      this.keys[slot * 2 + 1] = lo;
      if (++this.size * 2 > this.counts.length) {
        this.counts[slot] = by;
        this.grow();
        return;
      }
    }
    this.counts[slot]! += by;
  }

  /** The slot holding (hi, lo), or the empty slot where it would go. */
  private find(hi: number, lo: number): number {
    const keys = this.keys;
    const mask = this.counts.length - 1;
    let slot = lo & mask;
    for (;;) {
      const at = slot * 2;
      const l = keys[at + 1]!;
      if (l === 0 || (l === lo && keys[at] === hi)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.counts = new Int32Array(counts.length * 2);
    for (let slot = 0; slot < counts.length; slot++) {
      const lo = keys[slot * 2 + 1]!;
      if (lo === 0) continue;
      const hi = keys[slot * 2]!;
      const to = this.find(hi, lo);
      this.keys[to * 2] = hi;
      this.keys[to * 2 + 1] = lo;
      this.counts[to] = counts[slot]!;
    }
  }
}
