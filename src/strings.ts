// Segment texts as V8 stores them best. A page's text holds at least one character beyond Latin-1
// (a curly quote, a dash) on most pages, so V8 stores the whole text two bytes per character, and
// every slice of it too, even a sentence of plain ASCII. Regular expressions with \p{…} classes run
// several times slower on such strings (measured on the segments of 391 bench pages: the citation
// patterns 3.2x, the furniture rules 1.4x), and 85% of those segments are Latin-1 only.

const BEYOND_LATIN1 = /[^\0-\xff]/u;

/**
 * `s` as its own string (not a slice that keeps a larger text alive), one byte per character when
 * every character is Latin-1. Same characters, so the same output.
 */
export function ownString(s: string): string {
  if (!BEYOND_LATIN1.test(s)) return Buffer.from(s, 'latin1').toString('latin1');
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * FNV-1a over the UTF-16 code units of `s` from `from` to `to`, as a signed 32-bit integer.
 * `h`: the hash so far, to go on from where another range left off.
 */
export function fnv1a(s: string, from: number, to: number, h = 0x811c9dc5 | 0): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
