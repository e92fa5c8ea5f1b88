// The words a topic model reads in a text: its content stems (natural's Porter stemmer, stop
// words left out) and each pair of adjacent content stems ("blood pressur"), plus the claim's
// type ("=advice") when it is known. Each feature counts once; a text's features share a total
// weight of 1 in length (1/sqrt(n) each), so a long sentence does not outvote a short one.
import type { ClaimType } from '../types.js';
import { tokens, type Token } from './text.js';

export interface Features {
  names: string[];
  /** The value of each feature, in the order of `names`. */
  values: number[];
}

export function featuresOf(text: string, type?: ClaimType, toks: Token[] = tokens(text)): Features {
  const seen = new Set<string>();
  let prev: string | undefined;
  for (const t of toks) {
    if (t.stop || /\d/u.test(t.word)) {
      prev = undefined;
      continue;
    }
    seen.add(t.stem);
    if (prev !== undefined) seen.add(`${prev} ${t.stem}`);
    prev = t.stem;
  }
  const names = [...seen];
  const values = names.map(() => 1 / Math.sqrt(names.length));
  // The type is a prior of its own (value 1 whatever the length), not a word of the claim.
  if (type) names.push(`=${type}`), values.push(1);
  return { names, values };
}
