// The furniture model's features are computed in one pass per segment (scan.ts) and with the
// end-anchored patterns read backwards; every column must equal the pattern it replaced, on any
// text: words by /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu with their casing and stop words, the
// character counts, and the tests at the segment's and the line's end.
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, featureRows, FINISHED, isFlat, repeatedKeys } from '../src/boilerplate/features.js';
import { endsQuestion, finished, lastClass, scanSegment } from '../src/boilerplate/scan.js';
import { LETTER, NUMBER, wordCount, wordCountIn } from '../src/boilerplate/chars.js';
import { stopwords } from '../src/boilerplate/language.js';

const PIECES = ['the', 'The', 'THE', 'and', 'AND', 'don', "don't", 'don’t', "'ll", 'I', 'we', 'you', 'Your', 'my', 'our', 'OUR', 'NASA', 'x', 'Über', 'über', 'ÜBER',
  'straße', 'STRASSE', 'İstanbul', 'ΣΑΣ', 'σας', 'der', 'und', 'w', 'się', '𝐀𝐁', '𐐀𐐨', '😀', '漢字', 'a1', '2024', '٣', '½', 'Ⅻ', '\u0301', '\ud800', '\udc00',
  ' ', ' ', ' ', '  ', '\u00a0', '\u2003', '\t', '\n', '\r\n', '\n\n', ',', ', ', '.', '. ', '!', '?', ':', ';', '…', '...', '"', '“', '”', "'", '’', ')', ']', '(',
  '|', ' | ', '»', ' » ', '›', '-', '–', '$', '%', '_', 'http://x.org', 'https:// y', 'www.z.com', 'www.', 'http', "IT'S", "Aren't", 'it’s', 'ABOUT', 'Über', 'co-op', 'A'];

let seed = 777;
const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const randomText = (max: number): string => Array.from({ length: Math.floor(next() * max) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

describe('segment features in one pass', () => {
  it('counts words, runs of letters and digits, casing, stop words, digits, symbols, commas and quotes as the patterns did', () => {
    for (const lang of ['en', 'de', 'el', 'tr']) {
      const stop = stopwords(lang);
      for (let k = 0; k < 3000; k++) {
        const s = randomText(25);
        const words = s.match(WORD) ?? [];
        const alpha = words.filter((w) => /^\p{L}/u.test(w));
        const expected = {
          words: words.length,
          runs: wordCount(s),
          alpha: alpha.length,
          title: alpha.filter((w) => /^\p{Lu}/u.test(w)).length,
          caps: alpha.filter((w) => w.length > 1 && w !== w.toLowerCase() && w === w.toUpperCase()).length,
          stops: words.filter((w) => stop.has(w.toLowerCase())).length,
          digits: (s.match(/\p{N}/gu) ?? []).length,
          symbols: (s.match(/[^\p{L}\p{N}\s]/gu) ?? []).length,
          commas: (s.match(/,/gu) ?? []).length,
          quote: /["“”]/u.test(s),
        };
        expect(scanSegment(s, stop), JSON.stringify(s)).toEqual(expected);
      }
    }
  });

  it('finds the texts whose key recurs on the page as counting the built keys does', () => {
    const key = (lower: string): string => lower.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    let repeats = 0;
    for (let k = 0; k < 400; k++) {
      // few pieces per text and many texts per page, so keys recur, across case and punctuation too
      const lowers = Array.from({ length: 1 + Math.floor(next() * 40) }, () => randomText(4).toLowerCase());
      const count = new Map<string, number>();
      for (const l of lowers) if (key(l)) count.set(key(l), (count.get(key(l)) ?? 0) + 1);
      const expected = lowers.map((l) => (count.get(key(l)) ?? 0) > 1);
      repeats += expected.filter(Boolean).length;
      expect(repeatedKeys(lowers), JSON.stringify(lowers)).toEqual(expected);
    }
    expect(repeats).toBeGreaterThan(500);
  });

  it('reads the end of a segment as the end-anchored patterns did', () => {
    for (let k = 0; k < 5000; k++) {
      const s = randomText(8);
      expect(finished(s), JSON.stringify(s)).toBe(FINISHED.test(s));
      expect(endsQuestion(s), JSON.stringify(s)).toBe(/\?["'”’)]*$/u.test(s));
      expect((lastClass(s) & (LETTER | NUMBER)) !== 0, JSON.stringify(s)).toBe(/[\p{L}\p{N}]$/u.test(s));
      const a = Math.floor(next() * (s.length + 1));
      const b = a + Math.floor(next() * (s.length - a + 1));
      expect(wordCountIn(s, a, b), JSON.stringify([s, a, b])).toBe(wordCount(s.slice(a, b)));
    }
  });

  it('gives each row the values of the patterns, lines and neighbours included', () => {
    const col = (name: string): number => FEATURE_NAMES.indexOf(name);
    for (let k = 0; k < 300; k++) {
      const text = randomText(120);
      // spans: the trimmed pieces between line breaks and sentence ends, as a segmenter would cut
      const spans: { start: number; end: number }[] = [];
      for (const m of text.matchAll(/[^\n.!?]+[.!?]*/gu)) {
        const lead = m[0].length - m[0].trimStart().length;
        const body = m[0].trim();
        if (body) spans.push({ start: m.index + lead, end: m.index + lead + body.length });
      }
      const rows = featureRows(text, spans, 'en');
      const lines = text.split('\n');
      const withWords = lines.filter((l) => wordCount(l) > 0).length;
      expect(isFlat(text)).toBe(withWords < 5);
      spans.forEach((span, i) => {
        const s = text.slice(span.start, span.end);
        const line = text.slice(0, span.start).split('\n').length - 1;
        const row = rows[i]!;
        const expected: Record<string, number> = {
          endsSentence: FINISHED.test(s) ? 1 : 0,
          endsColon: /:$/u.test(s) ? 1 : 0,
          noEndPunct: /[\p{L}\p{N}]$/u.test(s) ? 1 : 0,
          hasUrl: /(https?:\s?\/\/|www\.)\S/u.test(s) ? 1 : 0,
          pipeOrCrumb: /\s[|»›]\s|^[|»›]/u.test(s) ? 1 : 0,
          question: /\?["'”’)]*$/u.test(s) ? 1 : 0,
          quote: /["“”]/u.test(s) ? 1 : 0,
          ellipsisEnd: /(…|\.\.\.)$/u.test(s) ? 1 : 0,
          lineLogWords: Math.log1p(wordCount(lines[line]!)) / 2,
          flatDoc: withWords < 5 ? 1 : 0,
          lineEndsSentence: FINISHED.test(lines[line]!.trimEnd()) ? 1 : 0,
        };
        for (const [name, value] of Object.entries(expected)) expect(row[col(name)], `${name} of ${JSON.stringify(s)} in ${JSON.stringify(text)}`).toBe(value);
      });
    }
  });
});
