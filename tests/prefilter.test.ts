// The prefilter may only skip a regex where it cannot match: on every text, a regex that matches
// has its flag set. Checked on the claim-type and hedge rules and the attribution patterns, over
// sentences written here, the rules' own literals in several cases and spacings, and seeded
// random mixes of both.
import { describe, expect, it } from 'vitest';
import { seededRandom as random } from './helpers/random.js';
import noClaimFile from '../src/claims/no-claim.json' with { type: 'json' };
import adviceFile from '../src/claims/advice-cues.json' with { type: 'json' };
import hedgeFile from '../src/claims/hedge-words.json' with { type: 'json' };
import { Prefilter, requiredLiteralLists, requiredLiterals } from '../src/prefilter.js';
import { literalChar } from '../src/regex-literals.js';
import { attributionPatterns } from '../src/sources/attribution.js';

const ruleRegexes = [...noClaimFile.shape, ...noClaimFile.filler, ...adviceFile.patterns].map(
  (r) => new RegExp(r.pattern, 'caseSensitive' in r && r.caseSensitive ? 'u' : 'iu'),
);
const hedgeRegexes = hedgeFile.hedges.flatMap((h) => h.words.map((w) => new RegExp(`\\b${w.replace(/ /gu, '\\s+')}\\b(?!['’]t)`, 'iu')));
const regexes = [...ruleRegexes, ...hedgeRegexes, ...attributionPatterns().map((re) => new RegExp(re.source, re.flags.replace('g', '')))];

const written = [
  'You should rest the muscle for two days.',
  'YOU SHOULD REST THE MUSCLE.',
  'It’s best to see a doctor if the pain lasts.',
  'it is a good idea to stretch before a run',
  'The best thing you can do is to keep moving.',
  'Doctors recommend stretching twice a day.',
  'Your doctor may also recommend a relaxant.',
  'Read on to learn more about back pain.',
  'As you can see, the results were mixed.',
  'Easier said than done, of course.',
  '“Ice helps,” says Dr. Jane Roe, a physical therapist at Mercy Clinic.',
  'According to the Mayo Clinic, most spasms pass within days.',
  'Roe says the pain should ease; she adds that heat also works.',
  'Researchers at Harvard found that sleep matters.',
  'Studies suggest that walking may help.',
  'Answered by Dr. Ann Lee: Yes, it can.',
  'Visit our website at www.example.com for more.',
  'This might possibly be the cause, perhaps.',
  'Massage therapy is very important for recovery.',
  'Don’t push through the pain — never do that.',
  'The ſtudy ſays you ſhould reſt.',
  'Take the \u212Aey step: you \u212Anow it.',
  'İt İs best to rest.',
  'Maybe it is; maybe it isn’t.',
  'Sleep. Water. Rest.',
  '',
  'a',
  '...',
];


function texts(): string[] {
  const out = [...written];
  const pieces: string[] = [];
  for (const re of regexes) for (const l of requiredLiterals(re) ?? []) pieces.push(l);
  const words = ['the', 'pain', 'Dr.', 'Smith', 'said', '“', '”', ',', ':', ';', '—', 'you', 'may', 'it', 'is', 'K', 'ſ', 'İ', '’', 'Study', 'found', 'that', '.', '?'];
  const cases = [(s: string) => s, (s: string) => s.toUpperCase(), (s: string) => s.charAt(0).toUpperCase() + s.slice(1)];
  for (const p of pieces) for (const c of cases) out.push(`Well, ${c(p)} it all.`, `${c(p)} the muscle`, c(p));
  const next = random(17);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(next() * xs.length)]!;
  for (let n = 0; n < 4000; n++) {
    const parts: string[] = [];
    const len = 1 + Math.floor(next() * 8);
    for (let i = 0; i < len; i++) parts.push(next() < 0.4 ? pick(cases)(pick(pieces)) : pick(words));
    out.push(parts.join(next() < 0.8 ? ' ' : ''));
  }
  return out;
}

describe('prefilter', () => {
  it('sets the flag of every regex that matches a text', () => {
    const pre = new Prefilter(regexes);
    const missed: string[] = [];
    let skipped = 0;
    for (const text of texts()) {
      const can = pre.scan(text);
      regexes.forEach((re, i) => {
        const match = re.test(text);
        if (match && !can[i]) missed.push(`${re.source.slice(0, 40)} on ${JSON.stringify(text)}`);
        if (!can[i]) skipped++;
      });
    }
    expect(missed).toEqual([]);
    // It does skip: a test that always passed the text on would pass the check above too.
    expect(skipped).toBeGreaterThan(1000);
  });

  it('gives a flag without literals to a regex it cannot read a literal from', () => {
    const pre = new Prefilter([/^\p{Ll}/u, /\w+ing\b/u]);
    expect([...pre.scan('Nothing here')]).toEqual([1, 1]);
  });

  it('reads required literals from alternations, sequences and optional parts', () => {
    expect(requiredLiterals(/\bsays\b/u)).toEqual(['says']);
    expect(requiredLiterals(/\b(?:you|one) (?:should|must)\b/iu)).toEqual(['you should', 'you must', 'one should', 'one must']);
    expect(requiredLiterals(/colou?r/u)).toEqual(['colour', 'color']);
    expect(requiredLiterals(/[Yy]ou\s+can/u)).toEqual(['can']);
    expect(requiredLiterals(/recommend(?:s|ed)?|advise/iu)).toEqual(['recommend', 'advise']);
    // A branch without a literal: nothing is required.
    expect(requiredLiterals(/says|\p{Lu}\w+/u)).toBeNull();
    expect(requiredLiterals(/(?:a|b)*/u)).toBeNull();
  });

  it('folds case only where the i flag does: the only other characters an ASCII letter matches are the long s and the Kelvin sign', () => {
    const others = new Set<string>();
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (/[a-z]/iu.test(c)) others.add(c);
    }
    expect([...others].sort()).toEqual(['\u017f', '\u212a']);
    // Caseless punctuation in literals matches only itself.
    for (const p of ['’', '‘', '“', '”', '—', '–', '…', "'", '.', ':', ' ']) {
      const re = new RegExp(p.replace(/[.]/u, '\\.'), 'iu');
      for (const c of ['\u017f', '\u212a', 'İ', 'ı', p.toUpperCase(), p.toLowerCase()]) expect(re.test(c)).toBe(c === p);
    }
  });

  it('reads the literals a positive lookaround needs beside the match, and none from a negative one', () => {
    expect(requiredLiterals(/(?<=https?:\/\/\S+)\s+/u)).toEqual(['https://', 'http://']);
    expect(requiredLiteralLists(/\s+(?=\|\s)/u)).toEqual([['|']]);
    expect(requiredLiterals(/(?<!foo)bar/u)).toEqual(['bar']);
    expect(requiredLiterals(/\s+(?!x)/u)).toBeNull();
    const pre = new Prefilter([/(?<=see: )\d+/u, /x(?=yz)/iu]);
    expect([...pre.scan('see: 12')]).toEqual([1, 0]);
    expect([...pre.scan('XYZ, 12')]).toEqual([0, 1]);
  });

  it('reads \\d as the ten digits, and finds one-character literals anywhere in a text', () => {
    expect(requiredLiterals(/\d/u)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(requiredLiterals(/no\.\d/iu)).toEqual(Array.from({ length: 10 }, (_, d) => `no.${d}`));
    const pre = new Prefilter([/\d{3}/u, /,[^,]+,/u, /a;b/u, /[|»]/u]);
    expect([...pre.scan('no figures here')]).toEqual([0, 0, 0, 0]);
    expect([...pre.scan('call 555, or, A;B »')]).toEqual([1, 1, 1, 1]);
    expect([...pre.scan('x, y|')]).toEqual([0, 1, 0, 1]);
  });

  it('takes as literals only characters that match nothing but themselves under the i flag, with or without u', () => {
    const allowed: string[] = [];
    for (let cp = 0x80; cp <= 0xffff; cp++) if (literalChar(String.fromCharCode(cp)) && !(cp >= 0xd800 && cp <= 0xdfff)) allowed.push(String.fromCharCode(cp));
    expect(allowed).toContain('©');
    expect(allowed).toContain('»');
    const escaped = allowed.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    const withU = new RegExp(`[${escaped}]`, 'iu');
    const withoutU = new RegExp(`[${escaped}]`, 'i');
    const set = new Set(allowed);
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (withU.test(c) && !set.has(c)) expect.fail(`U+${cp.toString(16)} matches a literal character under iu`);
      if (cp <= 0xffff && withoutU.test(c) && !set.has(c)) expect.fail(`U+${cp.toString(16)} matches a literal character under i`);
    }
  });

  it('passes every i-flag regex on a text holding a long s or a Kelvin sign', () => {
    const pre = new Prefilter([/\bsays\b/iu, /\bkey\b/iu]);
    expect([...pre.scan('ſays')]).toEqual([1, 1]);
    expect([...pre.scan('\u212Aey')]).toEqual([1, 1]);
    expect([...pre.scan('nothing')]).toEqual([0, 0]);
    expect([...pre.scan('SAYS')]).toEqual([1, 0]);
  });
});
