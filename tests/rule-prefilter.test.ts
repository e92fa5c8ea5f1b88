// The prefilter (src/prefilter.ts), as the furniture rules use it, may only skip a pattern that cannot match: on
// every text, a pattern that matches must be among the candidates, and the first matching rule
// must be the one the plain loop over all patterns finds. Texts: pieces of the patterns' own
// literals in other cases (capitals, the Kelvin sign, the long s, dotted and dotless i), noise,
// the fixtures, and the lines of the bench pages when ../shared is there.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Prefilter, requiredLiterals } from '../src/prefilter.js';
import { furnitureRules, RuleMatches, titleShare, type FurnitureRule } from '../src/boilerplate/rules.js';
import { wordCount } from '../src/boilerplate/chars.js';
import { hasShared, projectRoot, readJsonl, sharedDir } from './helpers/shared.js';

/** Every pattern in the data files (rules of all stages), with the flags u and iu. */
function dataPatterns(): RegExp[] {
  const sources = new Set<string>();
  const collect = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(collect);
    else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) (k === 'pattern' && typeof v === 'string' ? sources.add(v) : collect(v));
  };
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.json')) collect(JSON.parse(fs.readFileSync(p, 'utf8')));
    }
  };
  walk(path.join(projectRoot, 'src'));
  const out: RegExp[] = [];
  for (const s of sources) for (const flags of ['u', 'iu']) out.push(new RegExp(s, flags));
  return out;
}

// Patterns written to trip a careless reader: optional and repeated parts, classes, sets,
// backreferences, lookarounds, escapes of every kind, astral characters, empty branches.
const TRICKY = [
  'colou?r', 'ab*c', 'a(bc)?d', '(ab)+c', 'x{0}yz', 'x{2,}y', '(?:foo|bar)baz', 'foo|', '(?:|foo)bar', '[^a]bc', '[a-c]de', '[\\d]x', '\\bend\\b',
  '(?=look)ahead', '(?<=be)hind', '(?!no)yes', '(a)\\1b', '(?<n>ab)\\k<n>', '\\x41\\u0042\\u{43}', '\\ud83d\\ude00!', '😀x', 'a.b', '\\.\\*\\/', '[\\b]x', '\\cJy',
  '\\0z', 'a\\sb', '\\p{Lu}ab', '[-x]y', '[x-]y', 'ſtraße', 'K', 'İi', '(?:a|b){3}c', 'a{1,2}?b', '^(?:x|y)$', 'straße|STRASSE', 'Σίσυφος', '[ǅ]z',
  '(?<=ab)c', 'x(?=y|z)', '(?<=(?:foo|bar) )q', '(?<=a(?=b))', '(?=(?<!x)ab)a', '©|\\(c\\)', '[«»]x', 'µs', '×2',
].flatMap((p) => ['u', 'iu'].map((f) => new RegExp(p, f)));

let seed = 99;
const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;

function variants(s: string): string[] {
  return [s, s.toUpperCase(), s[0]?.toUpperCase() + s.slice(1), s.replace(/s/gu, 'ſ'), s.replace(/k/gu, '\u212a'), s.replace(/i/gu, 'İ'), s.replace(/i/gu, 'ı'), s.replace(/ /gu, '  ')];
}

function randomTexts(patterns: RegExp[], count: number): string[] {
  const pieces = patterns.flatMap((re) => (requiredLiterals(re) ?? []).flatMap(variants));
  const noise = [' ', ', ', '. ', '\n', 'the', 'a', '1', '2024', '(', ')', '»', '|', '-', ':', '?', '"', "'", '’', 'é', '😀', '\ud800', 'www.', 'http://', '@'];
  return Array.from({ length: count }, () => {
    let t = '';
    for (let n = Math.floor(next() * 12); n >= 0; n--) {
      const r = next();
      const piece = r < 0.45 ? pick(pieces) : r < 0.55 ? pick(patterns).source.slice(Math.floor(next() * 20), Math.floor(next() * 60)) : pick(noise);
      t += r < 0.3 && piece.length > 3 ? piece.slice(0, Math.floor(piece.length * next())) : piece; // a cut piece: near misses
    }
    return t;
  });
}

function realTexts(): string[] {
  const out: string[] = [];
  const dir = path.join(projectRoot, 'fixtures', 'input');
  for (const f of fs.readdirSync(dir)) out.push(...fs.readFileSync(path.join(dir, f), 'utf8').split('\n'));
  if (hasShared) {
    for (const file of ['aeb.jsonl', 'wcxb.jsonl', 'trafilatura.jsonl']) {
      for (const page of readJsonl<{ text: string }>(path.join(sharedDir, 'bench', file)).slice(0, 25)) out.push(...page.text.split(/\n|(?<=[.!?]) /u));
    }
  }
  return out.filter((t) => t.trim());
}

/** The rules' first match without the prefilter: the loop as it was. */
function plainFirst(text: string, words: number, lang: string): FurnitureRule | null {
  for (const rule of furnitureRules) {
    if (words > rule.maxWords || words < rule.minWords || (rule.langs && !rule.langs.includes(lang))) continue;
    if (!rule.regex.test(text)) continue;
    if (rule.minTitleShare !== undefined && titleShare(text) < rule.minTitleShare) continue;
    return rule;
  }
  return null;
}

describe('rule prefilter', () => {
  it('never skips a pattern that matches: data patterns, tricky patterns, varied texts', () => {
    const patterns = [...dataPatterns(), ...TRICKY];
    const filter = new Prefilter(patterns);
    const texts = [...randomTexts(patterns, 1500), ...realTexts()];
    let matches = 0;
    for (const t of texts) {
      const may = filter.scan(t);
      patterns.forEach((re, i) => {
        if (!re.test(t)) return;
        matches++;
        if (may[i] !== 1) expect.fail(`/${re.source}/${re.flags} matches ${JSON.stringify(t)} but was skipped`);
      });
    }
    expect(matches).toBeGreaterThan(1000);
  }, 60_000);

  it('finds the rule the plain loop over every pattern finds', () => {
    const texts = [...randomTexts(furnitureRules.map((r) => r.regex), 2000), ...realTexts()];
    let found = 0;
    for (const t of texts) {
      const words = wordCount(t);
      for (const lang of ['en', 'de']) {
        const matches = new RuleMatches(t, lang);
        for (const w of [words, 5]) {
          const expected = plainFirst(t, w, lang);
          if (expected) found++;
          expect(matches.first(w)?.id ?? null, `${JSON.stringify(t)} with ${w} words in ${lang}`).toBe(expected?.id ?? null);
        }
      }
    }
    expect(found).toBeGreaterThan(1000);
  }, 60_000);
});
