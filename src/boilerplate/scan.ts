// One pass over a segment's characters for the furniture model's features: its words (as
// features.ts's WORD pattern finds them), their casing and stop words, and its digits, symbols,
// commas and double quotes, where the features ran a regex or a split per count. The answers are
// those of the patterns they replace (tests/features.test.ts compares them on varied text); the
// character classes come from chars.ts's tables.
import { classAt, widthAt, LETTER, NUMBER, SPACE, UPPER } from './chars.js';

export interface SegmentCounts {
  /** Matches of /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu. */
  words: number;
  /** Runs of letters and digits, /[\p{L}\p{N}]+/gu (chars.ts's wordCount: the rules' and the stage's word count). */
  runs: number;
  /** Of the words: starting with a letter, with a capital letter, in capitals (two or more code units), stop words. */
  alpha: number;
  title: number;
  caps: number;
  stops: number;
  /** Code points that are \p{N}; neither letter, number nor space; commas. */
  digits: number;
  symbols: number;
  commas: number;
  /** Holds a double quote: /["“”]/u. */
  quote: boolean;
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

// A stop list's ASCII words as a trie walked by code unit, A-Z read as a-z: an ASCII word is
// looked up without slicing and lower-casing it (for ASCII, toLowerCase changes A-Z only).
// Words with other characters take the list itself.
interface StopTrie {
  /** code unit (< 128) -> column, 0 for a character in no ASCII stop word */
  column: Int32Array;
  width: number;
  /** state * width + column -> next state, 0 for none (state 0 is the root, never re-entered) */
  next: Int32Array;
  final: Uint8Array;
}
const tries = new WeakMap<ReadonlySet<string>, StopTrie>();

function trieOf(stop: ReadonlySet<string>): StopTrie {
  let trie = tries.get(stop);
  if (trie) return trie;
  const words = [...stop].filter((w) => /^[\0-\x7f]*$/u.test(w));
  const column = new Int32Array(128);
  let width = 1;
  for (const w of words) for (let i = 0; i < w.length; i++) if (!column[w.charCodeAt(i)]) column[w.charCodeAt(i)] = width++;
  let next = new Int32Array(width * 64);
  let states = 1;
  const ends: number[] = [];
  for (const w of words) {
    let st = 0;
    for (let i = 0; i < w.length; i++) {
      const at = st * width + column[w.charCodeAt(i)]!;
      if (!next[at]) {
        if ((states + 1) * width > next.length) {
          const bigger = new Int32Array(next.length * 2);
          bigger.set(next);
          next = bigger;
        }
        next[at] = states++;
      }
      st = next[at]!;
    }
    ends.push(st);
  }
  const final = new Uint8Array(states);
  for (const st of ends) final[st] = 1;
  tries.set(stop, (trie = { column, width, next, final }));
  return trie;
}

/** stop.has(s.slice(start, end).toLowerCase()) for an ASCII word. */
function isAsciiStop(trie: StopTrie, s: string, start: number, end: number): boolean {
  let st = 0;
  for (let i = start; i < end; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    const k = trie.column[c]!;
    if (k === 0) return false;
    st = trie.next[st * trie.width + k]!;
    if (st === 0) return false;
  }
  return trie.final[st] === 1;
}

export function scanSegment(s: string, stop: ReadonlySet<string>): SegmentCounts {
  let words = 0, runs = 0, alpha = 0, title = 0, caps = 0, stops = 0, digits = 0, symbols = 0, commas = 0;
  let runEnd = -1; // where the last run of letters and digits ended
  let quote = false;
  let trie: StopTrie | undefined;
  const n = s.length;
  let i = 0;
  while (i < n) {
    let k = classAt(s, i);
    if (!(k & (LETTER | NUMBER))) {
      if (!(k & SPACE)) {
        symbols++;
        const c = s.charCodeAt(i);
        if (c === 44) commas++;
        else if (c === 34 || c === 0x201c || c === 0x201d) quote = true;
      }
      i += widthAt(s, i);
      continue;
    }
    // A word: a run of letters and digits, then an apostrophe and letters when they follow.
    const start = i;
    const first = k;
    if (i !== runEnd) runs++; // digits right after an apostrophe's letters go on their run
    do {
      if (k & NUMBER) digits++;
      i += widthAt(s, i);
    } while (i < n && (k = classAt(s, i)) & (LETTER | NUMBER));
    if (i + 1 < n) {
      const c = s.charCodeAt(i);
      if ((c === APOSTROPHE || c === RIGHT_QUOTE) && classAt(s, i + 1) & LETTER) {
        symbols++; // the apostrophe
        runs++;
        i++;
        while (i < n && classAt(s, i) & LETTER) i += widthAt(s, i);
      }
    }
    runEnd = i;
    words++;
    // An ASCII word: its case from A-Z and a-z, no slice.
    let ascii = true, upper = false, lowerCase = false;
    for (let j = start; j < i; j++) {
      const c = s.charCodeAt(j);
      if (c >= 0x80) { ascii = false; break; }
      if (c >= 0x41 && c <= 0x5a) upper = true;
      else if (c >= 0x61 && c <= 0x7a) lowerCase = true;
    }
    if (ascii) {
      if (isAsciiStop(trie ??= trieOf(stop), s, start, i)) stops++;
      if (!(first & LETTER)) continue;
      alpha++;
      if (first & UPPER) title++;
      if (i - start > 1 && upper && !lowerCase) caps++; // w !== lower && w === w.toUpperCase()
      continue;
    }
    const w = s.slice(start, i);
    const lower = w.toLowerCase();
    if (stop.has(lower)) stops++;
    if (!(first & LETTER)) continue;
    alpha++;
    if (first & UPPER) title++;
    if (w.length > 1 && w !== lower && w === w.toUpperCase()) caps++;
  }
  return { words, runs, alpha, title, caps, stops, digits, symbols, commas, quote };
}

const codes = (chars: string): number[] => [...chars].map((c) => c.charCodeAt(0));
const FINALS = codes('.!?');
const CLOSERS = codes('"\'”’)]');
const QUESTION = codes('?');
const QUESTION_CLOSERS = codes('"\'”’)');

/** /[finals][closers]*$/u on text.slice(start, end), for single code units: the last character that is not a closer is a final. */
function endsLike(s: string, start: number, end: number, finals: readonly number[], closers: readonly number[]): boolean {
  let j = end - 1;
  while (j >= start && closers.includes(s.charCodeAt(j))) j--;
  return j >= start && finals.includes(s.charCodeAt(j));
}

/** Ends like a sentence: /[.!?]["'”’)\]]*$/u (features.ts's FINISHED). */
export const finished = (s: string): boolean => endsLike(s, 0, s.length, FINALS, CLOSERS);

/** `finished(text.slice(start, end))`. */
export const finishedIn = (text: string, start: number, end: number): boolean => endsLike(text, start, end, FINALS, CLOSERS);

/** Ends with a question mark and any closing quotes or bracket: /\?["'”’)]*$/u. */
export const endsQuestion = (s: string): boolean => endsLike(s, 0, s.length, QUESTION, QUESTION_CLOSERS);

/** The classes (chars.ts) of the last code point of `s`; 0 when empty. */
export function lastClass(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  const c = s.charCodeAt(n - 1);
  if (n >= 2 && c >= 0xdc00 && c <= 0xdfff) {
    const h = s.charCodeAt(n - 2);
    if (h >= 0xd800 && h <= 0xdbff) return classAt(s, n - 2);
  }
  return classAt(s, n - 1);
}
