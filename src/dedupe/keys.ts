// What dedupe looks a segment up by: its normalised text, cut-off mark, 64-bit exact hash, LSH
// band keys and anchor keys. They depend on the segment's text alone, so a worker computes them
// in pass 1 (`packKeys`) and the main thread's corpus-wide dedupe only looks them up: normalising
// and MinHash signing were about two thirds of dedupe's main-thread time, and at concurrency 2
// the main thread shares the two cores with the workers. Dedupe computes them itself (`keysOf`)
// when nothing was precomputed (inline runs), with the same functions: the same keys either way.
import { bandKeys, exactKey, signature, wordsKey } from './hash.js';
import { fingerprint } from './normalize.js';
import { minhash, thresholds } from './rules.js';

export interface SegmentKeys {
  /** Normalised text ('' when nothing is left: such a segment is not compared). */
  norm: string;
  cutOff: boolean;
  hash: bigint;
  /** One key per LSH band; null when the segment is too short for the near tests. */
  bands: number[] | null;
  /** The first and last words' keys (empty when shorter than anchorWords). */
  anchors: number[];
}

const SALT_PREFIX = 1;
const SALT_SUFFIX = 2;

export function keysOf(text: string): SegmentKeys {
  const { norm, cutOff } = fingerprint(text);
  if (!norm) return { norm, cutOff, hash: 0n, bands: null, anchors: [] };
  const long = hasWords(norm, thresholds.minWords);
  return { norm, cutOff, hash: exactKey(norm), bands: long ? bandKeys(signature(norm)) : null, anchors: long ? anchorsOf(norm) : [] };
}

// A normalised text's words are separated by single spaces (normalize.ts): they are counted, and
// the first and last few cut out, from the spaces, without splitting the text into words.

/** Does the normalised text have at least `n` words (n - 1 spaces)? */
function hasWords(norm: string, n: number): boolean {
  let at = -1;
  for (let i = 1; i < n; i++) if ((at = norm.indexOf(' ', at + 1)) < 0) return false;
  return true;
}

/** The first and the last anchorWords words of a normalised text, for texts at least that long. */
export function anchorsOf(norm: string): number[] {
  const n = thresholds.anchorWords;
  if (!norm || !hasWords(norm, n)) return [];
  // The n-th space from either end, if there is one: the first n words end before it, the last n start after it.
  let head = -1;
  for (let i = 0; i < n && (head = norm.indexOf(' ', head + 1)) >= 0; i++);
  let tail = norm.length;
  for (let i = 0; i < n && (tail = norm.lastIndexOf(' ', tail - 1)) >= 0; i++);
  return [wordsKey(head < 0 ? norm : norm.slice(0, head), SALT_PREFIX), wordsKey(tail < 0 ? norm : norm.slice(tail + 1), SALT_SUFFIX)];
}

/**
 * A document's keys as they cross from a worker: typed arrays and one list of strings, indexed
 * by segment (only the segments asked for have keys; `has` says which).
 */
export interface PackedKeys {
  has: Uint8Array;
  cutOff: Uint8Array;
  norms: string[];
  hashes: BigInt64Array;
  /** bands per segment, minhash.bands each; -1 when the segment has none (keys are 30-bit). */
  bands: Int32Array;
  /** two per segment; -1 when none. */
  anchors: Int32Array;
}

/** Keys of the texts for which `want(i)` is true (the segments still kept after pass 1). */
export function packKeys(texts: readonly string[], want: (i: number) => boolean): PackedKeys {
  const n = texts.length;
  const B = minhash.bands;
  const packed: PackedKeys = {
    has: new Uint8Array(n), cutOff: new Uint8Array(n), norms: new Array<string>(n).fill(''),
    hashes: new BigInt64Array(n), bands: new Int32Array(n * B).fill(-1), anchors: new Int32Array(n * 2).fill(-1),
  };
  texts.forEach((text, i) => {
    if (!want(i)) return;
    const k = keysOf(text);
    packed.has[i] = 1;
    packed.cutOff[i] = k.cutOff ? 1 : 0;
    packed.norms[i] = k.norm;
    packed.hashes[i] = BigInt.asIntN(64, k.hash);
    k.bands?.forEach((key, b) => { packed.bands[i * B + b] = key; });
    k.anchors.forEach((key, a) => { packed.anchors[i * 2 + a] = key; });
  });
  return packed;
}

/** Segment i's keys from a pack, or undefined when it has none there. */
export function unpackKeys(packed: PackedKeys, i: number): SegmentKeys | undefined {
  if (!packed.has[i]) return undefined;
  const B = minhash.bands;
  const first = packed.bands[i * B] ?? -1;
  const anchors: number[] = [];
  for (const a of [packed.anchors[i * 2] ?? -1, packed.anchors[i * 2 + 1] ?? -1]) if (a >= 0) anchors.push(a);
  return {
    norm: packed.norms[i] ?? '', cutOff: packed.cutOff[i] === 1, hash: BigInt.asUintN(64, packed.hashes[i] ?? 0n),
    bands: first < 0 ? null : Array.from(packed.bands.subarray(i * B, (i + 1) * B)), anchors,
  };
}
