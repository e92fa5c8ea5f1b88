// Character classes for the per-segment counts of the boilerplate stage, by table lookup: the
// same answers as the Unicode property regexes (/\p{L}/u, /\p{Lu}/u, /\p{N}/u, /\s/u), which
// define each entry the first time a character is seen, without running a regex per word or
// allocating the array of every match. Counting words and characters this way was about a fifth
// of the stage's time (profile of 391 bench pages).

export const LETTER = 1;
export const UPPER = 2;
export const NUMBER = 4;
export const SPACE = 8;
const KNOWN = 16;

const table = new Uint8Array(0x10000);
const astral = new Map<number, number>();

function classify(ch: string): number {
  return KNOWN | (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{Lu}/u.test(ch) ? UPPER : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0) | (/\s/u.test(ch) ? SPACE : 0);
}

/** The classes of the code point at `i` of `text` (a lone surrogate has none). */
export function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      let k = astral.get(cp);
      if (k === undefined) astral.set(cp, (k = classify(String.fromCodePoint(cp))));
      return k;
    }
  }
  let k = table[c]!;
  if (k === 0) table[c] = k = classify(String.fromCharCode(c));
  return k;
}

/** UTF-16 length of the code point at `i` (2 for a surrogate pair). */
export function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/** Runs of letters and digits: `text.match(/[\p{L}\p{N}]+/gu).length`. */
export function wordCount(text: string): number {
  return wordCountIn(text, 0, text.length);
}

/** wordCount of `text.slice(start, end)`, without the slice. */
export function wordCountIn(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; ) {
    // A surrogate pair cut at `end` leaves a lone high surrogate in the slice: no class.
    const width = widthAt(text, i);
    const word = i + width <= end && (classAt(text, i) & (LETTER | NUMBER)) !== 0;
    if (word && !inWord) n++;
    inWord = word;
    i += i + width <= end ? width : 1;
  }
  return n;
}
