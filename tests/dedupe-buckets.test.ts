import { describe, expect, it } from 'vitest';
import { Buckets } from '../src/dedupe/buckets.js';
import { thresholds } from '../src/dedupe/rules.js';

const collect = (b: Buckets, key: number): number[] => {
  const into: number[] = [];
  b.collect(key, into);
  return into.sort((x, y) => x - y);
};

describe('dedupe buckets', () => {
  it('gives back every entry filed under a key, and nothing for a key never filed', () => {
    const b = new Buckets();
    b.add(7, 1);
    b.add(0, 2);
    b.add(7, 3);
    expect(collect(b, 7)).toEqual([1, 3]);
    expect(collect(b, 0)).toEqual([2]);
    expect(collect(b, 8)).toEqual([]);
  });

  it('keeps only the earliest maxBucket entries of a key', () => {
    const b = new Buckets();
    for (let e = 0; e < thresholds.maxBucket + 5; e++) b.add(42, e);
    expect(collect(b, 42)).toEqual(Array.from({ length: thresholds.maxBucket }, (_, e) => e));
  });

  it('keeps every key through growth, including keys that collide in the table', () => {
    const b = new Buckets();
    const keys = Array.from({ length: 5000 }, (_, i) => (i * 1024) & 0x3fffffff); // same low bits: all collide at first
    keys.forEach((k, i) => b.add(k, i));
    keys.forEach((k, i) => b.add(k, i + 10_000));
    expect(b.size).toBe(new Set(keys).size);
    keys.forEach((k, i) => expect(collect(b, k)).toEqual([i, i + 10_000]));
  });
});
