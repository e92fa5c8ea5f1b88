// Terms as numbers: a 64-bit hash per term, and a table counting them (open addressing over typed
// arrays). The corpus statistics count a few million distinct terms per run; as a Map of strings
// they cost the main thread a fresh string per term and segment (split from what a worker sent)
// and a string hash per lookup, and every worker a Map rebuilt from all the terms for pass 2. As
// numbers, a worker hands the main thread two Uint32 per term, transferred, and the table crosses
// to the workers as three typed arrays, copied as they are.
//
// The hash is xxhash64 (xxhash-wasm, as dedupe's exact key: src/dedupe/hash.ts), written into
// a BigUint64Array and read as its two 32-bit halves (lo, hi: the order of a little-endian machine,
// which is every machine the runs are compared on), so no BigInt arithmetic per term.
// A collision (two distinct terms with the same 64 bits) would add their counts together, so both
// would get the same, lower idf: for n distinct terms the chance of any is about n^2 / 2^65, 1e-7
// for the bench's terms and 3e-6 for ten million. Nothing else depends on the hash: not the order
// of anything written, nor which terms exist.
import { hash64 } from '../dedupe/hash.js';

/** `term`'s hash as (lo, hi) into `out` at `at` (even); lo is never 0, which marks an empty slot. */
function hashInto(term: string, out: Uint32Array, wide: BigUint64Array, at: number): void {
  wide[at / 2] = hash64(term);
  if (out[at] === 0) out[at] = 1;
}

/** The hashes of `terms` as pairs (lo, hi) into `out` (its own buffer) from `at`; returns the index after the last. */
export function hashTerms(terms: Iterable<string>, out: Uint32Array, at: number): number {
  const wide = new BigUint64Array(out.buffer, out.byteOffset, out.length / 2);
  for (const term of terms) {
    hashInto(term, out, wide, at);
    at += 2;
  }
  return at;
}

/** One term's hash, for a lookup. */
const one = new Uint32Array(2);
const oneWide = new BigUint64Array(one.buffer);

/** A TermCounts as it crosses threads (or Redis): its array, as it is. */
export interface PackedTermCounts {
  slots: Uint32Array;
  size: number;
}

const FIRST_SLOTS = 1 << 16;

/**
 * Counts per term hash. `slots` holds (lo, hi, count) per slot, side by side so a lookup reads one
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
    hashInto(term, one, oneWide, 0);
    const at = this.find(one[0]!, one[1]!);
    return this.slots[at] === 0 ? undefined : this.slots[at + 2];
  }

  /** Add one to the count of each term hash in `hashes` (pairs) from `from` to `to`. */
  addHashes(hashes: Uint32Array, from: number, to: number): void {
    for (let i = from; i < to; i += 2) this.bump(hashes[i]!, hashes[i + 1]!, 1);
  }

  /** Add `by` (1 or -1) to the count of each term; a count never goes below 0. */
  addTerms(terms: Iterable<string>, by: 1 | -1): void {
    for (const term of terms) {
      hashInto(term, one, oneWide, 0);
      this.bump(one[0]!, one[1]!, by);
    }
  }

  pack(): PackedTermCounts {
    return { slots: this.slots, size: this.size };
  }

  private bump(lo: number, hi: number, by: 1 | -1): void {
    const slots = this.slots;
    const at = this.find(lo, hi);
    if (slots[at] === 0) {
      if (by < 0) return;
      slots[at] = lo;
      slots[at + 1] = hi;
      slots[at + 2] = 1;
      if (++this.size * 2 > slots.length / 3) this.grow();
      return;
    }
    const n = slots[at + 2]!;
    slots[at + 2] = by > 0 ? n + 1 : n > 0 ? n - 1 : 0;
  }

  /** Where (lo, hi) is in `slots` (the index of its lo), or the empty slot where it would go. */
  private find(lo: number, hi: number): number {
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    let slot = lo & mask;
    for (;;) {
      const at = slot * 3;
      const l = slots[at]!;
      if (l === 0 || (l === lo && slots[at + 1] === hi)) return at;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    for (let at = 0; at < old.length; at += 3) {
      const lo = old[at]!;
      if (lo === 0) continue;
      const to = this.find(lo, old[at + 1]!);
      this.slots[to] = lo;
      this.slots[to + 1] = old[at + 1]!;
      this.slots[to + 2] = old[at + 2]!;
    }
  }
}
