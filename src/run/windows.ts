// Huge documents (a 50 MB one-line dump) are cleaned in windows. Segmentation already parses in
// 64 KB chunks; the page-level stages (boilerplate's page-relative features, quality's n-gram
// maps) look at the whole document at once, and some of that work grows with (segments x line
// length), which is quadratic on a one-line dump: 1 MB on one line took 11 s in boilerplate.
// Above HUGE_DOC characters, boilerplate and quality therefore see consecutive windows of at most
// WINDOW characters, cut between segments, each as a document of its own (its text, its segments
// with offsets into it); their decisions are copied back onto the whole document. The cut points
// depend on the text only, so the output is the same at any concurrency. Pages below HUGE_DOC
// (every page of ../shared/bench: the largest is 114 KB) are cleaned whole.
import { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Doc, Segment } from '../types.js';
import { plainMessages, restoreMessages, type PlainMessage } from './plain.js';

export const HUGE_DOC = 1 << 20;
export const WINDOW = 1 << 16;

/** Consecutive segment ranges [from, to) whose text spans at most `max` characters (one segment may exceed it). */
export function windowRanges(segments: readonly Segment[], max = WINDOW): [number, number][] {
  const ranges: [number, number][] = [];
  let from = 0;
  for (let i = 1; i <= segments.length; i++) {
    const first = segments[from];
    const seg = segments[i];
    if (!first) break;
    if (!seg || seg.end - first.start > max) {
      ranges.push([from, i]);
      from = i;
    }
  }
  return ranges;
}

/** Run `clean` (boilerplate, quality) on each window of `doc` as a document of its own. */
export function cleanInWindows(doc: Doc, clean: (window: Doc) => void): void {
  const { text } = doc.source;
  const moved: PlainMessage[] = [];
  let first = true;
  for (const [from, to] of windowRanges(doc.segments)) {
    const start = doc.segments[from]?.start ?? 0;
    const end = doc.segments[to - 1]?.end ?? start;
    const wtext = text.slice(start, end);
    const segments = doc.segments.slice(from, to).map((s) => ({ ...s, start: s.start - start, end: s.end - start }));
    const file = new VFile({ path: doc.source.path, value: wtext });
    const window: Doc = { ...doc, source: { ...doc.source, text: wtext }, file, segments, claims: [], sources: [] };
    clean(window);
    if (first && window.lang !== undefined) doc.lang = window.lang;
    first = false;
    segments.forEach((s, k) => {
      const target = doc.segments[from + k];
      if (target) Object.assign(target, s, { start: target.start, end: target.end, text: target.text });
    });
    for (const m of plainMessages(file)) moved.push(shift(m, start));
  }
  if (moved.length) restoreMessages(doc.file, relocate(doc, moved));
}

// Offsets of a window's message -> offsets into the whole text (line and column fixed below).
function shift(m: PlainMessage, by: number): PlainMessage {
  const point = (p: { offset?: number | undefined }): object => ({ ...p, ...(p.offset !== undefined ? { offset: p.offset + by } : {}) });
  if (!m.place) return m;
  const place = 'start' in m.place ? { start: point(m.place.start), end: point(m.place.end) } : point(m.place);
  return { ...m, place: place as PlainMessage['place'] };
}

function relocate(doc: Doc, messages: PlainMessage[]): PlainMessage[] {
  const at = location(doc.file);
  const fix = (p: { offset?: number | undefined }): object => {
    const q = p.offset !== undefined ? at.toPoint(p.offset) : undefined;
    return q ? { line: q.line, column: q.column, offset: p.offset } : p;
  };
  return messages.map((m) => {
    if (!m.place) return m;
    const place = 'start' in m.place ? { start: fix(m.place.start), end: fix(m.place.end) } : fix(m.place);
    return { ...m, place: place as PlainMessage['place'] };
  });
}
