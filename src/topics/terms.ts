// Terms as numbers: a 64-bit hash per term, and a table counting them (open addressing over typed
// arrays). The corpus statistics count a few million distinct terms per run; as a Map of strings
// they cost the main thread a fresh string per term and segment (split from what a worker sent)
// and a string hash per lookup, and every worker a Map rebuilt from all the terms for pass 2. As
// numbers, a worker hands the main thread two Uint32 per term, transferred, and the table crosses
// to the workers as three typed arrays, copied as they are.
//
// The hash is xxhash64 (xxhash-wasm, as dedupe's exact key: src/dedupe/hash.ts). A stem's is the
// hash of its text, worked out once per distinct word with its stem (text.ts keeps it in the word's
// token); a pair's ("blood pressur") is the hash of its two stems' hashes, 16 bytes, so counting and
// looking up a pair makes no string of it and hashes no text. Results are read as two 32-bit halves
// (lo, hi: the order of a little-endian machine, which is every machine the runs are compared on),
// so no BigInt arithmetic per term.
// A collision (two distinct terms with the same 64 bits) would add their counts together, so both
// would get the same, lower idf: for n distinct terms the chance of any is about n^2 / 2^65, 1e-7
// for the bench's terms and 3e-6 for ten million. Nothing else depends on the hash: not the order
// of anything written, nor which terms exist.
import { hash64, hashBytes64 } from '../dedupe/hash.js';

const scratch = new Uint32Array(4);
const scratchWide = new BigUint64Array(scratch.buffer);
const scratchBytes = new Uint8Array(scratch.buffer);

/** The hash of the stem `stem` into `out` at `at` (lo) and `at + 1` (hi); lo is never 0, which marks an empty slot. */
export function stemHash(stem: string, out: Uint32Array, at: number): void {
  scratchWide[0] = hash64(stem);
  out[at] = scratch[0] || 1;
  out[at + 1] = scratch[1]!;
}

/** The hash of the pair of stems hashed (loA, hiA) and (loB, hiB), into `out` as stemHash. */
export function pairHash(loA: number, hiA: number, loB: number, hiB: number, out: Uint32Array, at: number): void {
  scratch[0] = loA;
  scratch[1] = hiA;
  scratch[2] = loB;
  scratch[3] = hiB;
  scratchWide[0] = hashBytes64(scratchBytes);
  out[at] = scratch[0] || 1;
  out[at + 1] = scratch[1]!;
}

/** The hash of a term as a string: a stem, or a pair of stems joined by one space (no stem holds a space). */
export function termHash(term: string, out: Uint32Array, at: number): void {
  const space = term.indexOf(' ');
  if (space < 0) return stemHash(term, out, at);
  stemHash(term.slice(0, space), out, at);
  const [loA, hiA] = [out[at]!, out[at + 1]!];
  stemHash(term.slice(space + 1), out, at);
  pairHash(loA, hiA, out[at]!, out[at + 1]!, out, at);
}

/** One term's hash, for a lookup. */
const one = new Uint32Array(2);

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
    termHash(term, one, 0);
    return this.count(one[0]!, one[1]!);
  }

  /** How many segments hold the term hashed (lo, hi) (undefined: none was ever counted). */
  count(lo: number, hi: number): number | undefined {
    const at = this.find(lo, hi);
    return this.slots[at] === 0 ? undefined : this.slots[at + 2];
  }

  /** Add `by` (1 or -1) to the count of each term hash in `hashes` (pairs) from `from` to `to`; a count never goes below 0. */
  addHashes(hashes: Uint32Array, from: number, to: number, by: 1 | -1 = 1): void {
    for (let i = from; i < to; i += 2) this.bump(hashes[i]!, hashes[i + 1]!, by);
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
