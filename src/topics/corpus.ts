// Corpus statistics for TF-IDF: in how many kept segments of the whole run each stem (and each
// pair of adjacent content stems) occurs. Computed once over all documents before the per-document
// stages, so a claim's keywords and topic similarity weigh words by how rare they are in the run.
// The counts are kept by term hash (src/topics/terms.ts, where what a collision would do is said).
import type { Doc } from '../types.js';
import { stemPair, tokens, type Token } from './text.js';
import { pairHash, TermCounts, type PackedTermCounts } from './terms.js';

/** CorpusStats as it crosses threads or Redis: typed arrays, no Map to rebuild. */
export interface PackedCorpusStats extends PackedTermCounts {
  segments: number;
}

export class CorpusStats {
  /** Kept segments holding each term: `df.get(term)`, undefined for a term never counted. */
  readonly df: TermCounts;
  segments = 0;

  constructor(packed?: PackedCorpusStats) {
    this.df = new TermCounts(packed);
    this.segments = packed?.segments ?? 0;
  }

  /** Count one text (a kept segment) as one unit. */
  add(text: string): void {
    this.segments++;
    this.addText(text, 1);
  }

  /** Count one kept segment from its terms' hashes, worked out elsewhere (pairs in `hashes`, from `from` to `to`). */
  addHashes(hashes: Uint32Array, from: number, to: number): void {
    this.segments++;
    this.df.addHashes(hashes, from, to);
  }

  /** Take back a text counted earlier (dedupe removed it later: a superseded cut-off copy). */
  remove(text: string): void {
    this.segments--;
    this.addText(text, -1);
  }

  private addText(text: string, by: 1 | -1): void {
    const toks = tokens(text);
    const out = termBuffer(toks.length);
    this.df.addHashes(out, 0, termHashes(toks, out, 0), by);
  }

  pack(): PackedCorpusStats {
    return { ...this.df.pack(), segments: this.segments };
  }

  /** Smoothed inverse document frequency: rare terms high, terms in every segment near 1. */
  idf(term: string): number {
    return this.idfOfCount(this.df.get(term) ?? 0);
  }

  /** idf of a term counted in `df` segments (for a caller that has looked the count up already). */
  idfOfCount(df: number): number {
    return Math.log((this.segments + 1) / (df + 1)) + 1;
  }
}

/**
 * The distinct terms a text counts for, in the order they first occur: its stems, and each pair
 * of adjacent content stems (two stems joined by a space; no term holds a line break).
 */
export function termsIn(text: string): Set<string> {
  const seen = new Set<string>();
  const toks = tokens(text);
  for (let i = 0; i < toks.length; i++) {
    seen.add(toks[i]!.stem);
    const pair = stemPair(toks, i);
    if (pair !== undefined) seen.add(pair);
  }
  return seen;
}

/**
 * The hashes (terms.ts) of the terms termsIn gives for a text, from its tokens: pairs (lo, hi) into
 * `out` from `at`, each distinct term once, in the order they first occur; returns the index after
 * the last. `out` needs room for 4 per token from `at` (termBuffer). No term is made as a string.
 * Terms are told apart by their hashes here, as the counts tell them apart anyway.
 */
export function termHashes(toks: readonly Token[], out: Uint32Array, at: number): number {
  startSeen(toks.length * 2);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!, next = toks[i + 1];
    if (isNew(t.lo, t.hi)) {
      out[at] = t.lo;
      out[at + 1] = t.hi;
      at += 2;
    }
    // A pair as stemPair gives one: two adjacent stems, neither a stop word.
    if (!next || t.stop || next.stop) continue;
    pairHash(t.lo, t.hi, next.lo, next.hi, out, at);
    if (isNew(out[at]!, out[at + 1]!)) at += 2;
  }
  return at;
}

let buffer = new Uint32Array(1 << 12);

/** A scratch array with room for the term hashes of `tokens` tokens (reused by the next call). */
export function termBuffer(tokens: number): Uint32Array {
  if (tokens * 4 > buffer.length) buffer = new Uint32Array(Math.max(tokens * 4, buffer.length * 2));
  return buffer;
}

// The terms a text has given so far: an open-addressing set of hashes (lo, hi), its slots marked
// with the number of the text they were filled for, so a new text starts with no clearing.
let seenMask = 255;
let seenKeys = new Uint32Array((seenMask + 1) * 2);
let seenMark = new Int32Array(seenMask + 1);
let mark = 0;

function startSeen(most: number): void {
  if (most * 2 > seenMask + 1) {
    let size = seenMask + 1;
    while (size < most * 2) size *= 2;
    seenMask = size - 1;
    seenKeys = new Uint32Array(size * 2);
    seenMark = new Int32Array(size);
    mark = 0;
  }
  mark = (mark + 1) | 0;
  if (mark === 0) {
    seenMark.fill(0);
    mark = 1;
  }
}

/** Whether (lo, hi) is new to the current text (and remember it). */
function isNew(lo: number, hi: number): boolean {
  for (let slot = lo & seenMask; ; slot = (slot + 1) & seenMask) {
    if (seenMark[slot] !== mark) {
      seenMark[slot] = mark;
      seenKeys[slot * 2] = lo;
      seenKeys[slot * 2 + 1] = hi;
      return true;
    }
    if (seenKeys[slot * 2] === lo && seenKeys[slot * 2 + 1] === hi) return false;
  }
}

export function corpusStats(docs: Doc[]): CorpusStats {
  const stats = new CorpusStats();
  for (const doc of docs) for (const s of doc.segments) if (s.status === 'kept') stats.add(s.text);
  return stats;
}
