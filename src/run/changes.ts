// How a document crosses from pass 1 to the corpus steps and on to the spill (src/run/stream.ts)
// without its decisions being rebuilt as objects on the main thread. The thread that ran pass 1
// writes the document's header once, as the spill wants it (PlainBody as UTF-8 JSON), and adds
// the little the corpus steps read: each segment's offsets and whether pass 1 kept it. The main
// thread makes a light Doc of that (corpusDoc), runs the corpus steps on it, and spills the
// header untouched with what the steps changed (corpusChanges: the kept segments they removed or
// gave copies, and the source with the record's fields the workers never see). Pass 2 puts the
// two together again (restoreDoc): the same Doc as the main thread's one, without either of the
// two copies of every segment object (the structured clone, then JSON.stringify) it used to make.
import { VFile } from 'vfile';
import type { Doc, Reason, Segment, SourceDoc } from '../types.js';
import { fromPlainDoc, toPlainDoc, type PlainDoc } from './plain.js';
import { ownString } from '../strings.js';
import { utf8 } from './utf8.js';

/** A PlainDoc without its source (the main thread spills its own, which has every field of the record). */
export type PlainBody = Omit<PlainDoc, 'source'>;

/** What pass 1 hands on: the header (PlainBody as UTF-8 JSON), each segment's [start, end], and 1 where it is kept. */
export interface Handover {
  head: Uint8Array;
  spans: Int32Array;
  kept: Uint8Array;
}

export function handover(doc: Doc): Handover {
  const n = doc.segments.length;
  const spans = new Int32Array(n * 2);
  const kept = new Uint8Array(n);
  doc.segments.forEach((s, i) => {
    // The main thread names segments name:index (corpusDoc); dedupe's duplicateOf and copies are these ids.
    if (s.id !== `${doc.name}:${i}`) throw new Error(`${s.id}: segment ids must be name:index`);
    spans[i * 2] = s.start;
    spans[i * 2 + 1] = s.end;
    kept[i] = s.status === 'kept' ? 1 : 0;
  });
  const { source: _source, ...body } = toPlainDoc(doc);
  return { head: utf8(JSON.stringify(body)), spans, kept };
}

/**
 * The document as the corpus steps see it: its segments with their text and status (the reasons
 * of pass 1's removals stay in the header), and no messages (its removals are quiet, see
 * quietRemovals). A kept segment's text is a string of its own (ownString): dedupe keeps it past
 * the document, and a slice would keep the whole text alive.
 */
export function corpusDoc(source: SourceDoc, name: string, { spans, kept }: Pick<Handover, 'spans' | 'kept'>): Doc {
  const { text } = source;
  const segments: Segment[] = [];
  for (let i = 0; i < kept.length; i++) {
    const start = spans[i * 2]!;
    const end = spans[i * 2 + 1]!;
    const piece = text.slice(start, end);
    segments.push({ id: `${name}:${i}`, start, end, text: kept[i] ? ownString(piece) : piece, status: kept[i] ? 'kept' : 'removed' });
  }
  return { source, name, file: new VFile(), segments, claims: [], sources: [] };
}

/** A kept segment's state after the corpus steps: [index, status, reason, duplicateOf, copies]. */
type Change = [number, Segment['status'], Reason | null, string | null, string[] | null];

/** What the corpus steps changed in a document, and its source without the text. */
export interface CorpusChanges {
  source: Omit<SourceDoc, 'text'>;
  segments: Change[];
}

/** `kept`: pass 1's (Handover); only segments it kept can have changed. */
export function corpusChanges(doc: Doc, kept: Uint8Array): CorpusChanges {
  const { text: _text, ...source } = doc.source;
  const segments: Change[] = [];
  doc.segments.forEach((s, i) => {
    if (!kept[i] || (s.status === 'kept' && !s.copies?.length)) return;
    segments.push([i, s.status, s.reason ?? null, s.duplicateOf ?? null, s.copies?.length ? s.copies : null]);
  });
  return { source, segments };
}

/** The Doc of a spilled record, for pass 2: pass 1's header with the corpus steps' changes. */
export function restoreDoc(header: string, changes: string, text: string): Doc {
  const { source, segments } = JSON.parse(changes) as CorpusChanges;
  const body = JSON.parse(header) as PlainBody;
  const doc = fromPlainDoc({ ...body, source }, text, { slices: true });
  for (const [i, status, reason, duplicateOf, copies] of segments) {
    const seg = doc.segments[i];
    if (!seg) throw new Error(`${doc.name}: a corpus change for a segment that does not exist (${i})`);
    // A segment pass 1 kept has none of these yet. Set in the order the corpus steps set them
    // (remove: status, reason, duplicateOf), so the object is the same, of the same shape (no
    // `delete`: that turns it into a slow dictionary, and every step of pass 2 reads segments).
    seg.status = status;
    if (reason) seg.reason = reason;
    if (duplicateOf !== null) seg.duplicateOf = duplicateOf;
    if (copies) seg.copies = copies;
  }
  return doc;
}
