// Dedupe stage (corpus-wide): exact duplicates within and across documents. Documents must be
// fed in the stable order (input path, then record line); segments are taken in offset order,
// so the first copy in that order is the one kept. Only hashes of kept copies are remembered,
// not documents. Near and contained duplicates come with issue 4.
import { remove } from '../doc.js';
import type { Doc } from '../types.js';
import { dedupeKey } from './normalize.js';

export class Dedupe {
  /** key -> the kept segment (only its id and copies list are used) */
  private readonly seen = new Map<string, { id: string; copies?: string[] }>();

  add(doc: Doc): void {
    for (const segment of doc.segments) {
      if (segment.status !== 'kept') continue;
      const key = dedupeKey(segment.text);
      if (!key) continue;
      const first = this.seen.get(key);
      if (first === undefined) {
        this.seen.set(key, segment);
        continue;
      }
      remove(doc, segment, { stage: 'dedupe', kind: 'exact', rule: 'exact-hash', score: 1 }, {
        duplicateOf: first.id,
        why: `exact duplicate of ${first.id}`,
      });
      (first.copies ??= []).push(segment.id);
    }
  }
}
