// Gender of a person's first name, to resolve 'he' / 'she' to the last person of that gender named
// in the passage. Names come from gender-detection-from-name (its English list), overridden by first-names.json (unisex names get none). Unknown -> undefined: the
// caller then resolves nothing rather than guess.
import { createRequire } from 'node:module';
import firstNamesFile from './first-names.json' with { type: 'json' };
import type { PersonName } from './names.js';

export type Gender = 'male' | 'female';

const words = (groups: { words: string[] }[]): string[] => groups.flatMap((g) => g.words.map((w) => w.toLowerCase()));
const unisex = new Set(words(firstNamesFile.unisex));
const female = new Set(words(firstNamesFile.female));
const male = new Set(words(firstNamesFile.male));

let english: Map<string, string> | undefined;
// The package's English list (760 KB of map) is loaded on the first name asked about, and alone:
// its index loads five more languages, which tripled the load time for names English pages rarely use.
function packageGender(name: string): string | undefined {
  english ??= createRequire(import.meta.url)('gender-detection-from-name/names/en.js') as Map<string, string>;
  return english.get(name);
}

/** 'male' / 'female' for a first name the lists know with one gender, else undefined. */
export function genderOfFirstName(first: string): Gender | undefined {
  const name = first.toLowerCase();
  if (name.length < 2 || /\.$/u.test(first) || unisex.has(name)) return undefined;
  if (female.has(name)) return 'female';
  if (male.has(name)) return 'male';
  const g = packageGender(name);
  return g === 'male' || g === 'female' ? g : undefined;
}

/** A person's gender from the first of two or more name tokens (a lone surname tells nothing). */
export function genderOf(p: PersonName): Gender | undefined {
  if (p.tokens.length < 2) return titleGender(p.title);
  return genderOfFirstName(p.tokens[0] ?? '') ?? titleGender(p.title);
}

// 'Mr.' and 'Mrs.'/'Ms.' tell the gender; 'Dr.' and 'Prof.' do not.
function titleGender(title: string | undefined): Gender | undefined {
  if (!title) return undefined;
  if (/^Mr\.?$/u.test(title)) return 'male';
  if (/^M(?:r)?s\.?$/u.test(title)) return 'female';
  return undefined;
}
