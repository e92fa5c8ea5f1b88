// Hashes of normalised text: the 64-bit exact key (xxhash-wasm), character shingles, MinHash
// signatures and the LSH band and anchor keys derived from them.
import xxhash from 'xxhash-wasm';
import { minhash, thresholds } from './rules.js';
import { fnv1a } from '../strings.js';

// xxhash-wasm compiles its WebAssembly asynchronously, once. A top-level await keeps the stage's
// API synchronous (`new Dedupe().add(doc)`): importing this module waits for it.
const { h64, h64Raw, h32 } = await xxhash();

/** xxhash64 of a string: the exact key of a normalised text here, a corpus term's key in topics/terms.ts. */
export function hash64(s: string): bigint {
  return h64(s);
}

/** xxhash64 of bytes: a corpus term pair's key in topics/terms.ts (the hash of its two stems' hashes). */
export function hashBytes64(bytes: Uint8Array): bigint {
  return h64Raw(bytes);
}

/** 64-bit exact key of a normalised text. */
export function exactKey(norm: string): bigint {
  return hash64(norm);
}

/** 32-bit key of a word sequence (the anchors: words joined by single spaces); kept small so the Maps hold small integers. */
export function wordsKey(words: string, salt: number): number {
  return h32(words, salt) & 0x3fffffff;
}

// Murmur3's finaliser: spreads the bits of a 32-bit value.
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The set of character k-grams (k = shingleChars) of a normalised text, as 32-bit hashes. */
export function charShingles(norm: string): Set<number> {
  const k = thresholds.shingleChars;
  const out = new Set<number>();
  if (norm.length <= k) {
    out.add(fmix(hashRange(norm, 0, norm.length)));
    return out;
  }
  for (let i = 0; i + k <= norm.length; i++) out.add(fmix(hashRange(norm, i, i + k)));
  return out;
}

// A shingle's hash: FNV-1a over UTF-16 code units (strings.ts), cheap, and fmix above makes up
// for its weak low bits (fmix reads the 32 bits alike, signed or not).
const hashRange = fnv1a;

// Where a shingle goes and what it weighs: both from its hash, mixed with the fixed seed.
const SEED = minhash.seed | 0;
const BINS = minhash.bins;
const HIGH = 0x10000 % BINS;

// x % BINS for an unsigned 32-bit x, in small integers: (x >>> 0) % BINS is a floating-point
// remainder, which was most of the time of signing a short segment (its many empty bins probe).
function mod(x: number): number {
  return (((x >>> 16) % BINS) * HIGH + (x & 0xffff)) % BINS;
}

/**
 * MinHash signature by one permutation hashing: each shingle goes to one of `bins` bins by its
 * hash and each bin keeps its smallest value; an empty bin takes the value of the first
 * non-empty bin on a probe sequence that depends only on the bin (optimal densification), so two
 * texts agree on a bin with probability equal to their Jaccard, as with `bins` permutations.
 * Values are compared as signed 32-bit integers (sign bit flipped) to stay in small-integer code.
 */
export function signature(norm: string): Int32Array {
  const shingles = rawShingles(norm);
  const k = BINS;
  const sig = new Int32Array(k).fill(0x7fffffff);
  const filled = filledBins.fill(0);
  for (let j = 0; j < shingles.length; j++) {
    const h = shingles[j]! >>> 0;
    const bin = mod(h);
    const v = (fmix(h ^ SEED) ^ 0x80000000) | 0;
    filled[bin] = 1;
    if (v < sig[bin]!) sig[bin] = v;
  }
  for (let i = 0; i < k; i++) {
    if (filled[i]) continue;
    // At least one bin is filled (every text has a shingle); after 8k probes, scan.
    for (let t = 1; ; t++) {
      const j = t <= TABLED ? PROBE[i * TABLED + t - 1]! : probe(i, t);
      if (filled[j]) {
        sig[i] = (sig[j]! + t) | 0;
        break;
      }
    }
  }
  return sig;
}

/** Bin i's t-th probe: depends on neither the text nor the other bins. */
function probe(i: number, t: number): number {
  return t <= 8 * BINS ? mod(fmix(Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(t, 0x85ebca6b) ^ SEED)) : (i + t) % BINS;
}

// The first probes of every bin, worked out once: a short segment fills few of the bins, and
// hashing the probe sequence of each empty one again for every segment was most of signing it.
const TABLED = 32;
const PROBE = Int32Array.from({ length: BINS * TABLED }, (_, n) => probe(Math.floor(n / TABLED), (n % TABLED) + 1));
const filledBins = new Uint8Array(BINS);

// One buffer reused for the shingle hashes of the segment being signed.
let buffer = new Int32Array(1024);

function rawShingles(norm: string): Int32Array {
  const k = thresholds.shingleChars;
  const count = Math.max(1, norm.length - k + 1);
  if (count > buffer.length) buffer = new Int32Array(count * 2);
  if (norm.length <= k) buffer[0] = fmix(hashRange(norm, 0, norm.length));
  else for (let i = 0; i < count; i++) buffer[i] = fmix(hashRange(norm, i, i + k));
  return buffer.subarray(0, count);
}

/** One key per LSH band (rows consecutive signature values), 30 bits so V8 keeps them unboxed. */
export function bandKeys(sig: Int32Array): number[] {
  const { bands, rows } = minhash;
  const keys: number[] = [];
  for (let b = 0; b < bands; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < rows; r++) h = Math.imul(h ^ sig[b * rows + r]!, 0x01000193);
    keys.push(fmix(h) & 0x3fffffff);
  }
  return keys;
}
