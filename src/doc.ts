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

// A removal's message as data until someone reads the file's messages: pass 1 makes hundreds of
// thousands of removals, and the run only ever reads the other messages (findings), so making a
// VFileMessage and its line/column place for each was 5-8% of the boilerplate stage, thrown away.
// Reading `file.messages` (or adding a message) makes the waiting ones first, in order, exactly
// as `remove` used to make them at once.
interface PendingRemoval { start: number; end: number; reason: string; ruleId: string; source: string }
interface Messages { made: VFileMessage[]; pending: PendingRemoval[] }
const lazy = new WeakMap<VFile, Messages>();

function lazyMessages(file: VFile): Messages {
  let state = lazy.get(file);
  if (state) return state;
  const st: Messages = { made: file.messages, pending: [] };
  Object.defineProperty(file, 'messages', {
    configurable: true,
    enumerable: true,
    get: () => {
      if (st.pending.length) makePending(file, st);
      return st.made;
    },
    set: (messages: VFileMessage[]) => {
      // A new list replaces every message, the waiting removals' too.
      st.made = messages;
      st.pending = [];
    },
  });
  lazy.set(file, (state = st));
  return state;
}

function makePending(file: VFile, st: Messages): void {
  const pending = st.pending;
  st.pending = []; // file.message reads file.messages: nothing is waiting by then
  for (const p of pending) {
    const place = { start: toPoint(file, p.start), end: toPoint(file, p.end) };
    const message = withoutStack(() => file.message(p.reason, { place, ruleId: p.ruleId, source: p.source }));
    removalMessages.add(message);
  }
}

/** The file's messages that are not removals (the segments carry those), without making the waiting removals' messages. */
export function findings(file: VFile): VFileMessage[] {
  const made = lazy.get(file)?.made ?? file.messages;
  return made.filter((m) => !isRemovalMessage(m));
}

/** Remove a kept segment with a reason; the stage's finding is also reported on the vfile. */
export function remove(doc: Doc, segment: Segment, reason: Reason, extra?: { duplicateOf?: string; why?: string }): void {
  if (segment.status === 'removed') return;
  segment.status = 'removed';
  segment.reason = reason;
  if (extra?.duplicateOf !== undefined) segment.duplicateOf = extra.duplicateOf;
  if (quiet.has(doc)) return;
  lazyMessages(doc.file).pending.push({ start: segment.start, end: segment.end, reason: extra?.why ?? `${reason.kind}: ${reason.rule}`, ruleId: reason.rule, source: reason.stage });
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
const locators = new WeakMap<VFile, Location>();
function toPoint(file: VFile, offset: number): { line: number; column: number; offset: number } {
  let at = locators.get(file);
  if (!at) locators.set(file, (at = location(file)));
  const p = at.toPoint(offset);
  return { line: p?.line ?? 1, column: p?.column ?? 1, offset };
}
