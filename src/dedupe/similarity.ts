// Verification of a candidate pair: is the new segment a near or contained copy of a kept one?
// Every test is against the kept copy itself (never through another copy), so clusters do not
// chain. Thresholds: rules.json.
import { distance } from 'fastest-levenshtein';
import { thresholds, type RuleId } from './rules.js';

/** The thresholds compare and fragmentRun use: rules.json's, or a run's overrides of them (src/settings.ts). */
export type Limits = typeof thresholds;
import { charShingles } from './hash.js';
import { digitRuns, type Fingerprint } from './normalize.js';

export interface Match {
  rule: RuleId;
  /** 0-1, rounded to 3 decimals: the measure the rule tested. */
  score: number;
}

/** A normalised segment, with what the tests need computed when first needed. */
export class Probe {
  private w?: string[];
  private d?: string[];
  private chars?: Set<number>;
  private trigrams?: Set<string>;
  constructor(readonly norm: string, readonly cutOff: boolean) {}

  static of(fp: Fingerprint): Probe {
    return new Probe(fp.norm, fp.cutOff);
  }

  get words(): string[] {
    return (this.w ??= this.norm ? this.norm.split(' ') : []);
  }

  /** The digit runs, in order: near copies must have the same, fragments a run of them. */
  get digits(): string[] {
    return (this.d ??= digitRuns(this.norm));
  }

  charSet(): Set<number> {
    return (this.chars ??= charShingles(this.norm));
  }

  trigramSet(): Set<string> {
    return (this.trigrams ??= wordTrigrams(this.words));
  }
}

function wordTrigrams(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function jaccard(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const x of small) if (large.has(x)) both++;
  const union = a.size + b.size - both;
  return union ? both / union : 1;
}

/** Share of `part`'s members that are in `whole`. */
export function containment<T>(part: Set<T>, whole: Set<T>): number {
  if (!part.size) return 0;
  let found = 0;
  for (const x of part) if (whole.has(x)) found++;
  return found / part.size;
}

/**
 * Word 3-gram containment of `part` in `whole`, 0 unless `part`'s first and last 3-grams are
 * both in `whole`: a copy keeps its ends, a different sentence on the same start does not.
 */
function endsContained(part: Probe, whole: Probe): number {
  const w = part.words;
  const set = whole.trigramSet();
  if (w.length < 3 || !set.has(w.slice(0, 3).join(' ')) || !set.has(w.slice(-3).join(' '))) return 0;
  return containment(part.trigramSet(), set);
}

/** Where `part` occurs as a contiguous run in `whole` (start indices; the empty run occurs at 0). */
function runsOf<T>(part: readonly T[], whole: readonly T[], lastIsPrefix = false): number[] {
  if (!part.length) return [0];
  const n = part.length;
  const found: number[] = [];
  outer: for (let at = 0; at + n <= whole.length; at++) {
    for (let i = 0; i < n; i++) {
      const w = whole[at + i];
      const p = part[i];
      const ok = lastIsPrefix && i === n - 1 ? typeof w === 'string' && typeof p === 'string' && w.startsWith(p) : w === p;
      if (!ok) continue outer;
    }
    found.push(at);
  }
  return found;
}

const isRun = <T,>(part: readonly T[], whole: readonly T[], lastIsPrefix = false): boolean => runsOf(part, whole, lastIsPrefix).length > 0;

/**
 * Word-level edit distance: each distinct word becomes one character (from the CJK block, far
 * from surrogates), so fastest-levenshtein counts word edits.
 */
export function wordEdits(a: readonly string[], b: readonly string[]): number {
  const code = new Map<string, string>();
  const encode = (words: readonly string[]): string => words.map((w) => {
    let c = code.get(w);
    if (c === undefined) code.set(w, (c = String.fromCharCode(0x4e00 + code.size)));
    return c;
  }).join('');
  return distance(encode(a), encode(b));
}

const sameDigits = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * 1 when `fragment`'s words are a run of `whole`'s (the last one may be cut mid-word when the
 * fragment ends in a cut-off mark); null otherwise, or when it is not a shorter piece of five
 * words or more. The score is the share of the fragment's words found, so a run scores 1.
 */
export function fragmentRun(fragment: Probe, whole: Probe, T: Limits = thresholds): number | null {
  const words = fragment.words;
  if (words.length < T.minWords || words.length >= whole.words.length) return null;
  return isRun(words, whole.words, fragment.cutOff) ? 1 : null;
}

/**
 * A cut-off copy of `whole`: a run of its words, else (with containmentMinWords words or more)
 * its word 3-gram containment, leaving out the possibly cut last word (which must still begin a
 * word of the whole), with its numbers a run of the whole's: a spun copy cut off. null when
 * neither applies.
 */
function cutOffScore(fragment: Probe, whole: Probe, T: Limits): number | null {
  if (fragmentRun(fragment, whole, T) !== null) return 1;
  const words = fragment.words;
  if (words.length < T.containmentMinWords || words.length >= whole.words.length) return null;
  // The cut word must begin some word of the whole: 'the pre…' is not a cut of 'the needles'.
  const last = words[words.length - 1] ?? '';
  if (!whole.words.some((w) => w.startsWith(last))) return null;
  const body = words.slice(0, -1);
  if (!isRun(digitRuns(body.join(' ')), whole.digits)) return null;
  return round(containment(wordTrigrams(body), whole.trigramSet()));
}

/**
 * The new segment completes the kept cut-off copy: the copy's words are a run of the new one's
 * and the new one goes on where the copy was cut (more words, or the rest of the cut word).
 * A copy that only adds a lead-in before the cut-off text completes nothing.
 */
export function completes(probe: Probe, kept: Probe, T: Limits = thresholds): boolean {
  if (!kept.cutOff || fragmentRun(kept, probe, T) === null) return false;
  const part = kept.words;
  const whole = probe.words;
  const n = part.length;
  return runsOf(part, whole, true).some((at) => at + n < whole.length || whole[at + n - 1] !== part[n - 1]);
}

/** Is `probe` (the new segment) a near or contained copy of `kept`? */
export function compare(probe: Probe, kept: Probe, T: Limits = thresholds): Match | null {
  const n = probe.words.length;
  const k = kept.words.length;
  if (n < T.minWords || k < T.minWords) return null; // short segments: exact only

  if (kept.cutOff) {
    // A cut-off kept copy takes only runs of itself, so that if a complete copy supersedes it
    // later, its copies are runs of that one too (see index.ts).
    if (fragmentRun(probe, kept, T) === null) return null;
    if (probe.cutOff) return { rule: 'contained-cutoff', score: 1 };
    return n >= T.containmentMinWords ? { rule: 'contained-fragment', score: 1 } : null;
  }
  if (n < k && n >= T.containmentMinWords && isRun(probe.words, kept.words)) {
    return { rule: 'contained-fragment', score: 1 }; // a piece cut out of the kept sentence
  }
  if (probe.cutOff) {
    const score = cutOffScore(probe, kept, T);
    if (score !== null && score >= T.containment) return { rule: 'contained-cutoff', score };
  }
  const same = sameDigits(probe.digits, kept.digits);
  if (same && Math.max(n, k) >= T.nearMinWords) {
    const j = jaccard(probe.charSet(), kept.charSet());
    if (j >= T.nearJaccard) return { rule: 'near-jaccard', score: round(j) };
    if (Math.abs(n - k) <= 1 && wordEdits(probe.words, kept.words) <= 1) return { rule: 'near-edit', score: round(1 - 1 / Math.max(n, k)) };
  }
  if (Math.min(n, k) < T.containmentMinWords) return null;
  if (n < k) {
    // A shorter piece of the kept sentence: its numbers must be a run of the kept copy's.
    if (!isRun(probe.digits, kept.digits)) return null;
    const c = endsContained(probe, kept);
    return c >= T.containment ? { rule: 'contained-fragment', score: round(c) } : null;
  }
  // As long or longer: the kept copy with a lead-in or an added clause. Same numbers, and not
  // so much added that removing it would lose text.
  if (!same || k < n * T.nearContainmentMinRatio) return null;
  const c = endsContained(kept, probe);
  return c >= T.containment ? { rule: 'near-containment', score: round(c) } : null;
}
