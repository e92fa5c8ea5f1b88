// Words and stems, shared by topic scoring and keywords. Stemming is natural's Porter stemmer
// (imported as a submodule; see natural.d.ts).
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { matchesOf } from '../matches.js';

export interface Token {
  /** Lower-cased word as written ("spasms"). */
  word: string;
  stem: string;
}

const WORD = /\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu;
const cache = new Map<string, string>();

export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = PorterStemmer.stem(word.replace(/['’]s$/u, ''));
    if (cache.size < 100_000) cache.set(word, s);
  }
  return s;
}

/** Letters-only words, lower-cased, with stems. Hyphenated words are split ("warm-up" -> warm, up). */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of matchesOf(WORD, text.toLowerCase())) {
    for (const part of m[0].split('-')) if (part) out.push({ word: part, stem: stem(part) });
  }
  return out;
}

export const stems = (text: string): string[] => tokens(text).map((t) => t.stem);
