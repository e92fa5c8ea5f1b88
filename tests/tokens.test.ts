// tokens() reads words character by character; it must find exactly the words the regex finds
// (tokensByRegex), on sentences written here and on seeded random strings of letters from several
// scripts, apostrophes, hyphens, surrogate pairs (letters and not) and lone surrogates.
import { describe, expect, it } from 'vitest';
import { seededRandom as random } from './helpers/random.js';
import { tokens, tokensByRegex } from '../src/topics/text.js';
import { stemHash } from '../src/topics/terms.js';

const written = [
  'Warm-up stretches help; don’t skip the cool-down.',
  "The patient's back--and neck--felt better.",
  'İstanbul ÉTÉ straße ΣΟΦΊΑ σοφός ς',
  'A 𝐁𝐨𝐥𝐝 word and an emoji 😀 between letters',
  "'quoted' -hyphen- end-",
  '中文 text, Кириллица, עברית',
  '',
  '--- \'\' ’’',
];


describe('tokens', () => {
  it('finds the words the regex finds', () => {
    const pieces = ['a', 'Z', 'é', 'İ', 'ß', '-', "'", '’', ' ', '.', '𝐀', '😀', '\ud800', '\udc00', 'ж', 'Σ', 'ς', '中', '\u0301', '1', '_', 'ǅ'];
    const next = random(3);
    const texts = [...written];
    for (let n = 0; n < 20000; n++) {
      let s = '';
      const len = Math.floor(next() * 16);
      for (let i = 0; i < len; i++) s += pieces[Math.floor(next() * pieces.length)];
      texts.push(s);
    }
    for (const text of texts) expect(tokens(text), JSON.stringify(text)).toEqual(tokensByRegex(text));
  });

  it('gives one shared record per word, with its stem\'s term hash', () => {
    const [a, b] = tokens('Spasms spasms');
    expect(a).toBe(b);
    expect(a).toMatchObject({ word: 'spasms', stem: 'spasm', stop: false });
    const hash = new Uint32Array(2);
    stemHash('spasm', hash, 0);
    expect([a?.lo, a?.hi]).toEqual([...hash]);
  });
});
