// One pass over a segment's characters for the furniture model's features: its words (as
// features.ts's WORD pattern finds them), their casing and stop words, and its digits, symbols,
// commas and double quotes, where the features ran a regex or a split per count. The answers are
// those of the patterns they replace (tests/features.test.ts compares them on varied text); the
// character classes come from chars.ts's tables.
import { classAt, widthAt, LETTER, NUMBER, SPACE, UPPER } from './chars.js';

export interface SegmentCounts {
  /** Matches of /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu. */
  words: number;
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

export function scanSegment(s: string, stop: ReadonlySet<string>): SegmentCounts {
  let words = 0, alpha = 0, title = 0, caps = 0, stops = 0, digits = 0, symbols = 0, commas = 0;
  let quote = false;
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
    do {
      if (k & NUMBER) digits++;
      i += widthAt(s, i);
    } while (i < n && (k = classAt(s, i)) & (LETTER | NUMBER));
    if (i + 1 < n) {
      const c = s.charCodeAt(i);
      if ((c === APOSTROPHE || c === RIGHT_QUOTE) && classAt(s, i + 1) & LETTER) {
        symbols++; // the apostrophe
        i++;
        while (i < n && classAt(s, i) & LETTER) i += widthAt(s, i);
      }
    }
    words++;
    const w = s.slice(start, i);
    const lower = w.toLowerCase();
    if (stop.has(lower)) stops++;
    if (!(first & LETTER)) continue;
    alpha++;
    if (first & UPPER) title++;
    if (w.length > 1 && w !== lower && w === w.toUpperCase()) caps++;
  }
  return { words, alpha, title, caps, stops, digits, symbols, commas, quote };
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
