// Which English words can be a verb in its base form ("reflect", "incorporate", "return"), from the
// part-of-speech lexicon that ships with natural (its Brill tagger's, ~93k words with their tags,
// most frequent first). An instruction starts with such a verb, and a heading in Title Case has
// no lower-case one; a curated list of them would only
// ever hold the verbs of the pages someone has read. Read once per process; only two sets are kept.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Base-form verb tags of the Penn tag set: VB (base) and VBP (present, not third person). */
const BASE = new Set(['VB', 'VBP']);

/** 'verb': the word's most frequent reading is a base verb. 'noun': a noun or adjective that can also be one. */
export type VerbReading = 'verb' | 'noun' | undefined;

const { verbs, nounVerbs, verbForms } = (() => {
  const lexicon = require('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json') as Record<string, string[]>;
  const verbs = new Set<string>();
  const nounVerbs = new Set<string>();
  const verbForms = new Set<string>();
  for (const [word, tags] of Object.entries(lexicon)) {
    if (/^(?:VB[DZN]?|MD)$/u.test(tags[0] ?? '') && word === word.toLowerCase()) verbForms.add(word);
    if (word !== word.toLowerCase() || !tags.some((t) => BASE.has(t))) continue;
    const usual = tags[0] ?? '';
    if (BASE.has(usual)) verbs.add(word);
    // Only content words: the lexicon also lists rare verb tags for 'the', 'a', 'while', 'when'.
    else if (/^(?:NN|JJ)/u.test(usual)) nounVerbs.add(word);
  }
  return { verbs, nounVerbs, verbForms };
})();

/** Is the lower-case word usually a verb in some form ('created', 'complements', 'was', 'can')? */
export function isUsuallyVerb(word: string): boolean {
  return verbForms.has(word) || verbs.has(word);
}

/** How a lower-case word reads as a base-form verb. */
export function verbReading(word: string): VerbReading {
  if (verbs.has(word)) return 'verb';
  if (nounVerbs.has(word)) return 'noun';
  return undefined;
}
