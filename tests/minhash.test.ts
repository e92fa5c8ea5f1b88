// signature() computes bins with integer-only arithmetic; it must give the signature of the plain
// definition (unsigned hash % bins), restated here, on seeded random texts of many lengths.
import { describe, expect, it } from 'vitest';
import { fmix, signature } from '../src/dedupe/hash.js';
import { minhash, thresholds } from '../src/dedupe/rules.js';

function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function plainSignature(norm: string): number[] {
  const k = minhash.bins, c = thresholds.shingleChars, seed = minhash.seed | 0;
  const shingles = norm.length <= c ? [fmix(hashRange(norm, 0, norm.length))] : Array.from({ length: norm.length - c + 1 }, (_, i) => fmix(hashRange(norm, i, i + c)));
  const sig = new Array<number>(k).fill(0x7fffffff);
  const filled = new Array<boolean>(k).fill(false);
  for (const s of shingles) {
    const h = s >>> 0, bin = h % k, v = (fmix(h ^ seed) ^ 0x80000000) | 0;
    filled[bin] = true;
    if (v < sig[bin]!) sig[bin] = v;
  }
  for (let i = 0; i < k; i++) {
    if (filled[i]) continue;
    for (let t = 1; ; t++) {
      const j = t <= 8 * k ? fmix(Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(t, 0x85ebca6b) ^ seed) % k : (i + t) % k;
      if (filled[j]) {
        sig[i] = (sig[j]! + t) | 0;
        break;
      }
    }
  }
  return sig;
}

describe('minhash signature', () => {
  it('is the plain definition', () => {
    let a = 11;
    const next = (): number => {
      a = (Math.imul(a, 1103515245) + 12345) & 0x7fffffff;
      return a / 0x7fffffff;
    };
    for (let n = 0; n < 2000; n++) {
      const len = 1 + Math.floor(next() * 200);
      let text = '';
      for (let i = 0; i < len; i++) text += next() < 0.8 ? String.fromCharCode(97 + Math.floor(next() * 26)) : next() < 0.5 ? ' ' : String.fromCharCode(Math.floor(next() * 0xd7ff));
      expect(Array.from(signature(text))).toEqual(plainSignature(text));
    }
  });
});
