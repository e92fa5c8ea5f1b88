import { describe, expect, it } from 'vitest';
import { matchesOf } from '../src/matches.js';

const viaMatchAll = (re: RegExp, text: string): [string, number][] => [...text.matchAll(re)].map((m) => [m[0], m.index]);
const viaMatchesOf = (re: RegExp, text: string): [string, number][] => matchesOf(re, text).map((m) => [m[0], m.index]);

describe('matchesOf', () => {
  it('finds the same matches at the same places as matchAll', () => {
    const text = 'Dr. Ann Lee says so, “yes” — according to Bo. 😀 x 😀';
    for (const re of [/\p{Lu}\p{Ll}+/gu, /\s*/gu, /(?:)/gu, /(?:)/g, /\b\w+\b/g, /😀|x/gu]) {
      expect(viaMatchesOf(re, text), String(re)).toEqual(viaMatchAll(re, text));
    }
  });

  it('leaves the regex ready for the next text', () => {
    const re = /a/gu;
    expect(matchesOf(re, 'aaa')).toHaveLength(3);
    expect(re.lastIndex).toBe(0);
    expect(matchesOf(re, 'ba')).toHaveLength(1);
  });

  it('refuses a regex without the g flag, as matchAll does', () => {
    expect(() => matchesOf(/a/u, 'a')).toThrow(TypeError);
  });
});
