// Creating documents and recording decisions on them. Every removal goes through `remove`, so a
// removed segment always has a reason and the stage's vfile gets a message naming the rule.
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Doc, Reason, Segment, SourceDoc } from './types.js';
import { location, type Location } from 'vfile-location';
import type { Span } from './segment/index.js';
import { ownString } from './strings.js';

/** `spans`: in order; a span's `text`, when given (segmentText's), is its slice of the source text. */
export function createDoc(source: SourceDoc, name: string, spans: (Span & { text?: string })[]): Doc {
  const file = new VFile({ path: source.path, value: source.text });
  const segments: Segment[] = spans.map((s, i) => ({
    id: `${name}:${i}`, // the output name is unique in a run; ids (a/seed.txt, b/seed.txt) may not be
    start: s.start,
    end: s.end,
    text: s.text ?? ownString(source.text.slice(s.start, s.end)),
    status: 'kept',
  }));
  return { source, name, file, segments, claims: [], sources: [] };
}

// Messages that only restate a segment's removal; the JSON writer leaves them out (the segment
// carries the reason) but they stay on the vfile for reporters.
const removalMessages = new WeakSet<VFileMessage>();

export function isRemovalMessage(m: VFileMessage): boolean {
  return removalMessages.has(m);
}

// Documents whose removal messages nobody would read (quietRemovals).
const quiet = new WeakSet<Doc>();

/**
 * Removals on `doc` set the segment's status and reason only, with no vfile message. For the run's
 * main-thread copy of a document in the corpus steps (src/run/ordered.ts): it is spilled as plain
 * data, which leaves removal messages out (src/run/plain.ts), so making them (a message, and a
 * line index of the whole text for its place) was work thrown away.
 */
export function quietRemovals<D extends Doc>(doc: D): D {
  quiet.add(doc);
  return doc;
}

/** Remove a kept segment with a reason; the stage's finding is also reported on the vfile. */
export function remove(doc: Doc, segment: Segment, reason: Reason, extra?: { duplicateOf?: string; why?: string }): void {
  if (segment.status === 'removed') return;
  segment.status = 'removed';
  segment.reason = reason;
  if (extra?.duplicateOf !== undefined) segment.duplicateOf = extra.duplicateOf;
  if (quiet.has(doc)) return;
  const place = { start: toPoint(doc, segment.start), end: toPoint(doc, segment.end) };
  const message = withoutStack(() => doc.file.message(extra?.why ?? `${reason.kind}: ${reason.rule}`, { place, ruleId: reason.rule, source: reason.stage }));
  removalMessages.add(message);
}

/** Report a note that is not a removal (stub stages, warnings). It appears in the JSON `messages`. */
export function note(doc: Doc, stage: string, ruleId: string, reason: string): void {
  withoutStack(() => doc.file.info(reason, { ruleId, source: stage }));
}

// A vfile message is an Error whose stack vfile-message then sets to '': capturing the stack first
// is wasted work (a third of dedupe's time and a tenth of boilerplate's on the bench), so the
// message is made with no stack capture; the limit is restored at once.
export function withoutStack<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

// vfile points are line/column (for reporters); offsets are what sieve's contract uses.
const locators = new WeakMap<Doc, Location>();
function toPoint(doc: Doc, offset: number): { line: number; column: number; offset: number } {
  let at = locators.get(doc);
  if (!at) locators.set(doc, (at = location(doc.file)));
  const p = at.toPoint(offset);
  return { line: p?.line ?? 1, column: p?.column ?? 1, offset };
}
