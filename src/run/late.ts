// What dedupe changes in documents already spilled, kept until pass 2 writes them (src/run/stream.ts):
//   - copies: a kept segment gets copies from later documents. Remembered as numbers: for each
//     target document, triples (segment index, copy's document, copy's segment index), in the
//     order dedupe made them (input order). Segment ids are `${name}:${index}` (createDoc), so ids
//     are rebuilt from names.
//   - edits: a later complete sentence supersedes a kept cut-off one; the fragment and the copies
//     merged into it, in sealed documents, are removed as copies of the new kept segment
//     (Dedupe.takeEdits). Applied after the copies, so a superseded fragment loses them.
import type { LateEdit } from '../dedupe/index.js';
import type { Doc, Reason } from '../types.js';

/** Pass 2's share of a document: [segment index, copy ids] and [segment index, reason, duplicateOf]. */
export interface LateForDoc {
  late: [number, string[]][];
  edits: [number, Reason, string][];
}

export class LateChanges {
  readonly names: string[] = [];
  private readonly byName = new Map<string, number>();
  private readonly copies = new Map<number, number[]>();
  private readonly edits = new Map<number, [number, Reason, string][]>();

  /** After dedupe.add(doc): note which of doc's duplicates point into earlier documents, and dedupe's edits to them. */
  add(doc: Doc, edits: readonly LateEdit[]): void {
    const k = this.names.length;
    this.names.push(doc.name);
    this.byName.set(doc.name, k);
    doc.segments.forEach((s, i) => {
      if (s.duplicateOf === undefined) return;
      if (s.id !== `${doc.name}:${i}`) throw new Error(`${s.id}: segment ids must be name:index`);
      const [target, seg] = this.locate(s.duplicateOf, s.id);
      if (target === k) return; // within the document: already on the kept segment
      push(this.copies, target, seg, k, i);
    });
    for (const e of edits) {
      const [target, seg] = this.locate(e.id, e.id);
      const list = this.edits.get(target) ?? [];
      this.edits.set(target, list);
      list.push([seg, e.reason, e.duplicateOf]);
    }
  }

  /** Document k's late copies, grouped by kept segment, and its edits; forgotten once taken. */
  take(k: number): LateForDoc {
    const edits = this.edits.get(k) ?? [];
    this.edits.delete(k);
    const list = this.copies.get(k);
    if (!list) return { late: [], edits };
    this.copies.delete(k);
    const bySeg = new Map<number, string[]>();
    for (let j = 0; j < list.length; j += 3) {
      const seg = list[j]!;
      const ids = bySeg.get(seg) ?? [];
      bySeg.set(seg, ids);
      ids.push(`${this.names[list[j + 1]!]}:${list[j + 2]}`);
    }
    return { late: [...bySeg], edits };
  }

  /** An id `${name}:${index}` as [document number, segment index]. */
  private locate(id: string, from: string): [number, number] {
    const cut = id.lastIndexOf(':');
    const target = this.byName.get(id.slice(0, cut));
    const seg = Number(id.slice(cut + 1));
    if (target === undefined || !Number.isInteger(seg)) throw new Error(`${from}: refers to an unknown segment ${id}`);
    return [target, seg];
  }
}

function push(map: Map<number, number[]>, key: number, ...values: number[]): void {
  const list = map.get(key) ?? [];
  map.set(key, list);
  list.push(...values);
}
