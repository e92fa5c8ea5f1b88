// Corpus statistics for TF-IDF: in how many kept segments of the whole run each stem (and each
// pair of adjacent content stems) occurs. Computed once over all documents before the per-document
// stages, so a claim's keywords and topic similarity weigh words by how rare they are in the run.
// The counts are kept by term hash (src/topics/terms.ts, where what a collision would do is said).
import type { Doc } from '../types.js';
import { stemPair, tokens } from './text.js';
import { TermCounts, type PackedTermCounts } from './terms.js';

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
    this.df.addTerms(termsIn(text), 1);
  }

  /** Count one kept segment from its terms' hashes, worked out elsewhere (pairs in `hashes`, from `from` to `to`). */
  addHashes(hashes: Uint32Array, from: number, to: number): void {
    this.segments++;
    this.df.addHashes(hashes, from, to);
  }

  /** Take back a text counted earlier (dedupe removed it later: a superseded cut-off copy). */
  remove(text: string): void {
    this.segments--;
    this.df.addTerms(termsIn(text), -1);
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

export function corpusStats(docs: Doc[]): CorpusStats {
  const stats = new CorpusStats();
  for (const doc of docs) for (const s of doc.segments) if (s.status === 'kept') stats.add(s.text);
  return stats;
}
