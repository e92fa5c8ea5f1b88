// Words and stems, shared by topic scoring, keywords and the corpus statistics. Stemming is
// natural's Porter stemmer (imported as a submodule; see natural.d.ts). Each distinct word is
// stemmed and looked up in the stop list once per thread: a token is the one shared, frozen record
// of its word (no copy per occurrence), so a run stems a word once however often it recurs.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { isStopWord } from './stopwords.js';

export interface Token {
  /** Lower-cased word as written ("spasms"). */
  readonly word: string;
  readonly stem: string;
  /** On the stop list of topics and keywords (stopwords.ts). */
  readonly stop: boolean;
}

const WORD = /\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu;
const cache = new Map<string, Token>();
/** Distinct words remembered; past this many (a run over many languages), new words are worked out each time. */
const CACHE_WORDS = 100_000;

function token(word: string): Token {
  let t = cache.get(word);
  if (t === undefined) {
    t = Object.freeze({ word, stem: PorterStemmer.stem(word.replace(/['’]s$/u, '')), stop: isStopWord(word) });
    if (cache.size < CACHE_WORDS) cache.set(word, t);
  }
  return t;
}

export const stem = (word: string): string => token(word).stem;

/** Letters-only words, lower-cased, with stems. Hyphenated words are split ("warm-up" -> warm, up). */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  const lower = text.toLowerCase();
  WORD.lastIndex = 0;
  // WORD never matches the empty string, so exec always moves on.
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
    const w = m[0];
    if (!w.includes('-')) out.push(token(w));
    else for (const part of w.split('-')) if (part) out.push(token(part));
  }
  WORD.lastIndex = 0;
  return out;
}

export const stems = (text: string): string[] => tokens(text).map((t) => t.stem);
