// The document language: trigrams.ts must answer what franc-min answers, on any text. Texts here
// are made from franc's own trigram lists (so every language of every script it models is the
// likeliest somewhere, and close calls and ties between languages come up), mixed scripts,
// digits and punctuation only, random Unicode with lone surrogates, and the fixtures.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { franc } from 'franc-min';
import { data } from 'franc-min/data.js';
import { expressions as francExpressions } from 'franc-min/expressions.js';
import { countScripts, francCode } from '../src/boilerplate/trigrams.js';
import { detectLanguage } from '../src/boilerplate/language.js';

let seed = 4242;
const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;

const EXTRA = ['.', ',', ' ', '  ', '\n', '\t', '1', '42', '!', '?', '"', '(', ')', '-', '@', 'İ', 'ß', 'Σ', '𝐀', '😀', '\ud800', '\udc00', '漢字', 'カタ', 'ひら', '한국', 'ไทย', 'ሰላም', 'Ελλ', 'ਪੰਜ', 'தமி', '\u00a0', '\u2003'];

/** Text spun from one language's trigrams, with some of another's and some noise. */
function spun(script: string, lang: string, length: number): string {
  const own = data[script]![lang]!.split('|');
  const langs = Object.keys(data[script]!);
  const other = data[script]![pick(langs)]!.split('|');
  let out = '';
  while (out.length < length) {
    const r = next();
    const t = r < 0.7 ? pick(own.slice(0, 1 + Math.floor(next() * own.length))) : r < 0.9 ? pick(other) : pick(EXTRA);
    out += next() < 0.1 ? t.toUpperCase() : t;
  }
  return out;
}

function randomUnicode(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += next() < 0.5 ? pick(EXTRA) : String.fromCharCode(Math.floor(next() * 0x10000));
  return out;
}

function texts(): string[] {
  const out: string[] = ['', 'a', 'short', '1234567890123456789012345', '!!! ??? ... --- ///', ' '.repeat(50), 'Hello world, this is a sentence of English text.'];
  for (const script of Object.keys(data)) {
    for (const lang of Object.keys(data[script]!)) {
      for (const length of [8, 15, 25, 60, 200, 900, 2100, 3000]) out.push(spun(script, lang, length));
    }
  }
  for (let i = 0; i < 300; i++) out.push(randomUnicode(1 + Math.floor(next() * 400)));
  // Two scripts in one text, in varying proportions.
  const scripts = Object.keys(data);
  for (let i = 0; i < 200; i++) {
    const a = pick(scripts), b = pick(scripts);
    out.push(spun(a, pick(Object.keys(data[a]!)), 20 + Math.floor(next() * 300)) + spun(b, pick(Object.keys(data[b]!)), 20 + Math.floor(next() * 300)));
  }
  const dir = path.join(import.meta.dirname, '..', 'fixtures', 'input');
  for (const f of fs.readdirSync(dir)) out.push(fs.readFileSync(path.join(dir, f), 'utf8'));
  return out;
}

describe('document language', () => {
  it('answers what franc-min answers, on texts of every language and script it models and on noise', () => {
    const all = texts();
    const seen = new Set<string>();
    for (const t of all) {
      for (const minLength of [10, 20]) {
        const expected = franc(t, { minLength });
        seen.add(expected);
        expect(francCode(t, minLength), JSON.stringify(t.slice(0, 80))).toBe(expected);
      }
    }
    // the texts reach most of the languages, 'und' and the single-language scripts
    expect(seen.size).toBeGreaterThan(50);
    expect(seen.has('und')).toBe(true);
  });

  it('counts each script as its expression does, over every code unit of the BMP and on texts beyond it', () => {
    const expressions = Object.values(francExpressions);
    let bmp = '';
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) bmp += String.fromCharCode(c);
    const samples = [bmp, '', 'plain ASCII only', 'abc 漢字 𠀀𠀁 😀 x', 'lone \ud800 high and \udc00 low', ...texts().slice(0, 400)];
    for (let i = 0; i + 2048 <= bmp.length; i += 1024) samples.push(bmp.slice(i, i + 2048));
    for (const v of samples) expect([...countScripts(v)], JSON.stringify(v.slice(0, 40))).toEqual(expressions.map((re) => v.match(re)?.length ?? 0));
  });

  it('maps the detected code to a stop-word language, English when unsure', () => {
    expect(detectLanguage('Der Hund und die Katze sind im Garten, und sie spielen mit dem Ball, den die Kinder dort liegen gelassen haben.')).toBe('de');
    expect(detectLanguage('...')).toBe('en');
  });
});
