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

/** A TermCounts as it crosses threads (or Redis): its array, as it is. */
export interface PackedTermCounts {
  slots: Uint32Array;
  size: number;
}

const FIRST_SLOTS = 1 << 16;

/**
 * Counts per term hash. `slots` holds (hi, lo, count) per slot, side by side so a lookup reads one
 * cache line; a slot's place is the hash's low bits, the next free slot on a clash. Half full at
 * most (it doubles), so a lookup reads one or two slots. A count taken back to 0 keeps its slot
 * (reads as 0, as absent does).
 */
export class TermCounts {
  private slots: Uint32Array;
  /** Distinct terms counted. */
  size = 0;

  constructor(packed?: PackedTermCounts) {
    this.slots = packed?.slots ?? new Uint32Array(FIRST_SLOTS * 3);
    this.size = packed?.size ?? 0;
  }

  /** How many segments hold `term` (undefined: none was ever counted), as Map.get. */
  get(term: string): number | undefined {
    const hi = hashTerm(term);
    const at = this.find(hi, lastLo);
    return this.slots[at + 1] === 0 ? undefined : this.slots[at + 2];
  }

  /** Add one to the count of each term hash in `hashes` (pairs) from `from` to `to`. */
  addHashes(hashes: Uint32Array, from: number, to: number): void {
    for (let i = from; i < to; i += 2) this.bump(hashes[i]!, hashes[i + 1]!, 1);
  }

  /** Add `by` (1 or -1) to the count of each term; a count never goes below 0. */
  addTerms(terms: Iterable<string>, by: 1 | -1): void {
    for (const term of terms) {
      const hi = hashTerm(term);
      this.bump(hi, lastLo, by);
    }
  }

  pack(): PackedTermCounts {
    return { slots: this.slots, size: this.size };
  }

  private bump(hi: number, lo: number, by: 1 | -1): void {
    const slots = this.slots;
    const at = this.find(hi, lo);
    if (slots[at + 1] === 0) {
      if (by < 0) return;
      slots[at] = hi;
      slots[at + 1] = lo;
      slots[at + 2] = 1;
      if (++this.size * 2 > slots.length / 3) this.grow();
      return;
    }
    const n = slots[at + 2]!;
    slots[at + 2] = by > 0 ? n + 1 : n > 0 ? n - 1 : 0;
  }

  /** Where (hi, lo) is in `slots` (the index of its hi), or the empty slot where it would go. */
  private find(hi: number, lo: number): number {
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    let slot = lo & mask;
    for (;;) {
      const at = slot * 3;
      const l = slots[at + 1]!;
      if (l === 0 || (l === lo && slots[at] === hi)) return at;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    for (let at = 0; at < old.length; at += 3) {
      const lo = old[at + 1]!;
      if (lo === 0) continue;
      const to = this.find(old[at]!, lo);
      this.slots[to] = old[at]!;
      this.slots[to + 1] = lo;
      this.slots[to + 2] = old[at + 2]!;
    }
  }
}
