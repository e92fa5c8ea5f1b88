// A multimap from a small integer key (an LSH band or an anchor) to entry numbers, holding at most
// maxBucket entries per key: the earliest ones, so the result does not depend on anything but
// input order, and a templated line cannot make every later line a candidate.
import { thresholds } from './rules.js';

export class Buckets {
  // One entry number, or several: most keys only ever see one, and a bare number costs nothing.
  private readonly map = new Map<number, number | number[]>();

  add(key: number, entry: number): void {
    const at = this.map.get(key);
    if (at === undefined) this.map.set(key, entry);
    else if (typeof at === 'number') this.map.set(key, [at, entry]);
    else if (at.length < thresholds.maxBucket) at.push(entry);
  }

  collect(key: number, into: Set<number>): void {
    const at = this.map.get(key);
    if (at === undefined) return;
    if (typeof at === 'number') into.add(at);
    else for (const e of at) into.add(e);
  }

  get size(): number {
    return this.map.size;
  }
}
