// The words a topic model reads in a text: its content stems (natural's Porter stemmer, stop
// words left out) and each pair of adjacent content stems ("blood pressur"), plus the claim's
// type ("=advice") when it is known. Each feature counts once; a text's features share a total
// weight of 1 in length (1/sqrt(n) each), so a long sentence does not outvote a short one.
// Training and fitting read the features by name; a claim's scores are read from its tokens
// without naming them (scores.ts), to the same numbers.
import type { ClaimType } from '../types.js';
import type { Taxonomy } from './taxonomy.js';
import { stemPairs, tokens, type Token } from './text.js';

export interface Features {
  names: string[];
  /** The value of each feature, in the order of `names`. */
  values: number[];
}

/** A taxonomy's cue phrases, stemmed, by their first stem (cueIndex). */
export type CueIndex = Map<string, string[][]>;

/** The cue terms of a taxonomy as features: phrases made of stop words ("is a", "refers to") too. */
export function cueIndex(taxonomy: Taxonomy): CueIndex {
  const index: CueIndex = new Map();
  for (const t of taxonomy.topics) for (const g of t.cues) for (const term of g.terms) {
    const s = tokens(term).map((x) => x.stem);
    if (s[0] !== undefined && !index.get(s[0])?.some((c) => c.join(' ') === s.join(' '))) index.set(s[0], [...(index.get(s[0]) ?? []), s]);
  }
  return index;
}

/** `toks`, `pairs`: the text's tokens and their stemPairs, when the caller has them already. */
export function featuresOf(text: string, type?: ClaimType, toks: Token[] = tokens(text), cues?: CueIndex, pairs: readonly (string | undefined)[] = stemPairs(toks)): Features {
  const seen = new Set<string>();
  if (cues) {
    toks.forEach((t, i) => {
      for (const c of cues.get(t.stem) ?? []) if (c.every((s, j) => toks[i + j]?.stem === s)) seen.add(`cue:${c.join(' ')}`);
    });
  }
  // A pair follows a word that is a feature itself (no stop word; a token is letters only, never a
  // number): the pair of the two.
  let afterFeature = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.stop) {
      afterFeature = false;
      continue;
    }
    seen.add(t.stem);
    if (afterFeature) seen.add(pairs[i - 1]!);
    afterFeature = true;
  }
  const names = [...seen];
  const values = names.map(() => 1 / Math.sqrt(names.length));
  // The type is a prior of its own (value 1 whatever the length), not a word of the claim.
  if (type) names.push(`=${type}`), values.push(1);
  return { names, values };
}
