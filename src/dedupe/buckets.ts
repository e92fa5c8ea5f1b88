// A multimap from a small integer key (an LSH band or an anchor: 30-bit, never negative) to entry
// numbers, holding at most maxBucket entries per key: the earliest ones, so the result does not
// depend on anything but input order, and a templated line cannot make every later line a
// candidate.
//
// This is most of dedupe's memory (21 of them, one row per unique segment each), so it is an
// open-addressing table on typed arrays (8 bytes a slot, at most half full) instead of a Map (about
// 40 bytes an entry on the bench). Most keys only ever see one entry, stored in the slot itself; a
// key with several keeps them in a list, and its slot holds -1 - (the list's number).
import { thresholds } from './rules.js';

const EMPTY = -1;
const FIRST_SIZE = 1 << 10;

export class Buckets {
  private keys = new Int32Array(FIRST_SIZE).fill(EMPTY);
  private values = new Int32Array(FIRST_SIZE);
  private readonly lists: number[][] = [];
  private used = 0;

  add(key: number, entry: number): void {
    const at = this.slot(key);
    if (this.keys[at] === EMPTY) {
      this.keys[at] = key;
      this.values[at] = entry;
      if (++this.used * 2 > this.keys.length) this.grow();
      return;
    }
    const value = this.values[at]!;
    if (value >= 0) {
      this.values[at] = -1 - this.lists.length;
      this.lists.push([value, entry]);
      return;
    }
    const list = this.lists[-1 - value]!;
    if (list.length < thresholds.maxBucket) list.push(entry);
  }

  /** Append the entries filed under `key` to `into` (an entry filed under several keys comes once per key). */
  collect(key: number, into: number[]): void {
    const at = this.slot(key);
    if (this.keys[at] === EMPTY) return;
    const value = this.values[at]!;
    if (value >= 0) into.push(value);
    else for (const e of this.lists[-1 - value]!) into.push(e);
  }

  /** Keys held. */
  get size(): number {
    return this.used;
  }

  /** The slot holding `key`, or the empty slot where it would go (linear probing). */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let at = key & mask; // keys are hashes already (bandKeys, wordsKey): their low bits are spread
    while (this.keys[at] !== EMPTY && this.keys[at] !== key) at = (at + 1) & mask;
    return at;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2).fill(EMPTY);
    this.values = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (key === EMPTY) continue;
      const at = this.slot(key);
      this.keys[at] = key;
      this.values[at] = values[i]!;
    }
  }
}
