// Which English words can be a verb in its base form ("reflect", "incorporate", "return"), and which
// are usually some verb form, from the part-of-speech lexicon that ships with natural (its Brill
// tagger's), as three word lists in verbs.json (`npm run build:verbs` regenerates them). An
// instruction starts with such a verb, and a heading in Title Case has no lower-case one; a curated
// list would only ever hold the verbs of the pages someone has read.
import verbsFile from './verbs.json' with { type: 'json' };

const verbs = new Set(verbsFile.verbs.words);
const nounVerbs = new Set(verbsFile.nounVerbs.words);
const verbForms = new Set(verbsFile.verbForms.words);

/** 'verb': the word's most frequent reading is a base verb. 'noun': a noun or adjective that can also be one. */
export type VerbReading = 'verb' | 'noun' | undefined;

/** How a lower-case word reads as a base-form verb. */
export function verbReading(word: string): VerbReading {
  if (verbs.has(word)) return 'verb';
  if (nounVerbs.has(word)) return 'noun';
  return undefined;
}

/** Is the lower-case word usually a verb in some form ('created', 'complements', 'was', 'can')? */
export function isUsuallyVerb(word: string): boolean {
  return verbForms.has(word) || verbs.has(word);
}
