// Words and stems, shared by topic scoring, keywords and the corpus statistics. Stemming is
// natural's Porter stemmer (imported as a submodule; see natural.d.ts). Each distinct word is
// stemmed, looked up in the stop list and its stem hashed as a corpus term (terms.ts) once per
// thread: a token is the one shared, frozen record of its word (no copy per occurrence), so a run
// stems and hashes a word once however often it recurs.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { isStopWord } from './stopwords.js';
import { stemHash } from './terms.js';
import { fnv1a } from '../strings.js';

export interface Token {
  /** Lower-cased word as written ("spasms"). */
  readonly word: string;
  readonly stem: string;
  /** On the stop list of topics and keywords (stopwords.ts). */
  readonly stop: boolean;
  /** The stem's hash as a corpus term (terms.ts stemHash): low and high 32 bits. */
  readonly lo: number;
  readonly hi: number;
}

const WORD = /\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu;
/** Distinct words remembered; past this many (a run over many languages), new words are worked out each time. */
const CACHE_WORDS = 100_000;

const hashed = new Uint32Array(2);

function make(word: string): Token {
  const stem = PorterStemmer.stem(word.replace(/['’]s$/u, ''));
  stemHash(stem, hashed, 0);
  return Object.freeze({ word, stem, stop: isStopWord(word), lo: hashed[0]!, hi: hashed[1]! });
}

// The cache: an open-addressing table keyed by a word's characters, so that a word read from a
// text is found without first cutting it out as a string of its own (a Map needs the string, and
// hashing that fresh string was most of the time of tokens()). FNV-1a over the UTF-16 code units
// (strings.ts). Each slot is three integers (hash, where the word's characters start in `chars`,
// its length; 0 for an empty slot) and a word is compared with the text there, in two typed
// arrays, not in the string objects spread over the heap.
let mask = 1023;
let slots = new Int32Array((mask + 1) * 3);
let records: (Token | undefined)[] = new Array<Token | undefined>(mask + 1);
let chars = new Uint16Array(1 << 16);
let used = 0;
let size = 0;

/** The token of `src.slice(from, to)`. */
function tokenAt(src: string, from: number, to: number): Token {
  const h = fnv1a(src, from, to);
  const length = to - from;
  let slot = h & mask;
  for (let len = slots[slot * 3 + 2]!; len !== 0; len = slots[slot * 3 + 2]!) {
    if (len === length && slots[slot * 3] === h) {
      const at = slots[slot * 3 + 1]!;
      let i = 0;
      while (i < length && chars[at + i] === src.charCodeAt(from + i)) i++;
      if (i === length) return records[slot]!;
    }
    slot = (slot + 1) & mask;
  }
  const t = make(from === 0 && to === src.length ? src : src.slice(from, to));
  if (size < CACHE_WORDS) {
    if (used + length > chars.length) {
      const more = new Uint16Array(Math.max(chars.length * 2, used + length));
      more.set(chars);
      chars = more;
    }
    for (let i = 0; i < length; i++) chars[used + i] = src.charCodeAt(from + i);
    slots[slot * 3] = h;
    slots[slot * 3 + 1] = used;
    slots[slot * 3 + 2] = length;
    records[slot] = t;
    used += length;
    if (++size * 2 > mask) grow();
  }
  return t;
}

function grow(): void {
  const [oldSlots, oldRecords] = [slots, records];
  mask = mask * 2 + 1;
  slots = new Int32Array((mask + 1) * 3);
  records = new Array<Token | undefined>(mask + 1);
  for (let i = 0; i < oldRecords.length; i++) {
    if (oldSlots[i * 3 + 2] === 0) continue;
    let slot = oldSlots[i * 3]! & mask;
    while (slots[slot * 3 + 2] !== 0) slot = (slot + 1) & mask;
    slots.set(oldSlots.subarray(i * 3, i * 3 + 3), slot * 3);
    records[slot] = oldRecords[i];
  }
}

const token = (word: string): Token => tokenAt(word, 0, word.length);

export const stem = (word: string): string => token(word).stem;

// Which BMP characters are letters (\p{L}): 0 not known yet, 1 a letter, 2 not.
const LETTER = /^\p{L}$/u;
const bmpLetter = new Uint8Array(0x10000);

/** Code units of the letter (\p{L}) at `i`: 1, 2 for one outside the BMP, 0 for no letter. */
function letterAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER.test(s.slice(i, i + 2)) ? 2 : 0;
  }
  let known = bmpLetter[c]!;
  if (known === 0) bmpLetter[c] = known = LETTER.test(s[i]!) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

/**
 * Letters-only words, lower-cased, with stems. Hyphenated words are split ("warm-up" -> warm, up).
 * The words are what WORD finds in the lower-cased text (a letter, then letters, apostrophes and
 * hyphens up to the last letter), read here character by character.
 */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  const lower = text.toLowerCase();
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const first = letterAt(lower, i);
    if (!first) {
      i++;
      continue;
    }
    const start = i;
    let end = i + first;
    let hyphen = false, hyphenAfterEnd = false;
    for (let j = end; j < n;) {
      const c = lower.charCodeAt(j);
      if (c === 0x27 || c === 0x2019 || c === 0x2d) {
        if (c === 0x2d) hyphenAfterEnd = true;
        j++;
        continue;
      }
      const l = letterAt(lower, j);
      if (!l) break;
      j += l;
      end = j;
      if (hyphenAfterEnd) hyphen = true;
    }
    if (!hyphen) out.push(tokenAt(lower, start, end));
    else {
      let from = start;
      for (let j = start; j <= end; j++) {
        if (j < end && lower.charCodeAt(j) !== 0x2d) continue;
        if (j > from) out.push(tokenAt(lower, from, j));
        from = j + 1;
      }
    }
    i = end;
  }
  return out;
}

/** tokens() as the regex reads them (kept to test the scanner against). */
export function tokensByRegex(text: string): Token[] {
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

/**
 * The stem pair at token i, "stem_i stem_i+1", when neither word is a stop word; undefined
 * otherwise (also for the last token). The one definition the corpus terms, the topic features
 * and the keywords read.
 */
export function stemPair(toks: readonly Token[], i: number): string | undefined {
  const t = toks[i]!, next = toks[i + 1];
  return next && !t.stop && !next.stop ? `${t.stem} ${next.stem}` : undefined;
}

/** Every stemPair of a text's tokens, made once for all that read them (a claim's features and keywords). */
export function stemPairs(toks: readonly Token[]): (string | undefined)[] {
  const pairs = new Array<string | undefined>(toks.length);
  for (let i = 0; i < toks.length; i++) pairs[i] = stemPair(toks, i);
  return pairs;
}
