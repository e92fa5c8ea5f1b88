// The table-driven character classes of the boilerplate stage must count exactly what the
// Unicode property regexes they replace count, on any text.
import { describe, expect, it } from 'vitest';
import { wordCount } from '../src/boilerplate/chars.js';
import { FEATURE_NAMES, featureRows, isFlat } from '../src/boilerplate/features.js';

const byRegex = (t: string): number => t.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

// Letters and digits of several scripts, astral letters and digits, combining marks, lone
// surrogates, spaces of every kind, punctuation.
const PIECES = ['a', 'Z', 'é', 'ß', 'İ', 'ǅ', '9', '٣', '½', 'Ⅻ', '漢', 'ア', '𝐀', '𝟘', '𐐀', '😀', '\u0301', '\ud800', '\udc00',
  ' ', '\u00a0', '\u2003', '\t', '\n', '\ufeff', ',', '.', "'", '’', '-', '|', '»', '$', '%', '_'];

function randomTexts(count: number): string[] {
  let seed = 12345;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 30) }, () => PIECES[Math.floor(next() * PIECES.length)]).join(''));
}

describe('character classes by table', () => {
  it('counts words as /[\\p{L}\\p{N}]+/gu does, astral letters and lone surrogates included', () => {
    for (const t of [...randomTexts(3000), '', 'one two', 'x𝐀y 𝟘', '\ud800abc\udc00', 'e\u0301t\u00e9']) expect(wordCount(t), JSON.stringify(t)).toBe(byRegex(t));
  });

  it('tells a flattened page from one with five lines of words, blank and symbol-only lines not counted', () => {
    expect(isFlat('one\ntwo\nthree\nfour')).toBe(true);
    expect(isFlat('one\n\n--\ntwo\nthree\nfour\n')).toBe(true);
    expect(isFlat('one\ntwo\nthree\nfour\nfive')).toBe(false);
  });

  it('gives the feature rows the per-word regexes gave: capitals, ALL CAPS, digits, symbols, commas', () => {
    const col = (name: string): number => FEATURE_NAMES.indexOf(name);
    const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
    for (const t of [...randomTexts(1500), 'Home | News » ÉTÉ 2024, Über uns, Kontakt', 'The 3 best tips, with 𝐀 note: read them, all.']) {
      const [row] = featureRows(t, [{ start: 0, end: t.length }], 'en');
      const words = t.match(WORD) ?? [];
      const alpha = words.filter((w) => /^\p{L}/u.test(w));
      const title = alpha.filter((w) => /^\p{Lu}/u.test(w)).length;
      const caps = alpha.filter((w) => w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase()).length;
      const commas = (t.match(/,/gu) ?? []).length;
      const expected: Record<string, number> = {
        titleRatio: alpha.length ? title / alpha.length : 0,
        capsRatio: alpha.length ? caps / alpha.length : 0,
        digitRatio: t.length ? (t.match(/\p{N}/gu) ?? []).length / t.length : 0,
        symbolRatio: t.length ? (t.match(/[^\p{L}\p{N}\s]/gu) ?? []).length / t.length : 0,
        commaRatio: words.length ? Math.min(1, commas / words.length) : 0,
        titleList: commas >= 2 && alpha.length && title / alpha.length > 0.6 ? 1 : 0,
      };
      for (const [name, value] of Object.entries(expected)) expect(row?.[col(name)], `${name} of ${JSON.stringify(t)}`).toBe(value);
    }
  });
});
