// Documents as plain data, for crossing threads (worker -> main) and for the spill file between
// the two passes (src/run/stream.ts). A vfile and its messages cannot be cloned, and segment
// texts are slices of the document text, so neither is carried: the text travels once and the
// rest is re-created on the other side exactly as the stages left it.
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { findings } from '../doc.js';
import type { Doc, Segment, SourceDoc } from '../types.js';
import { ownString } from '../strings.js';

/** A vfile message reduced to what the writers and reporters read. */
export interface PlainMessage {
  reason: string;
  ruleId?: string;
  source?: string;
  fatal?: boolean | null;
  place?: VFileMessage['place'];
  note?: string;
  url?: string;
  actual?: string;
  expected?: string[];
}

/** A segment without its text (re-sliced from the document text on arrival). */
export type PlainSegment = Omit<Segment, 'text'>;

/** Everything of a Doc except its source text: what a stage decided, as plain data. */
export interface PlainDoc {
  /** The source without `text`. */
  source: Omit<SourceDoc, 'text'>;
  name: string;
  segments: PlainSegment[];
  /** Other fields the stages set on the doc (lang, claims, sources, and any added later). */
  fields: Record<string, unknown>;
  /** Messages that are not removals (removals are carried by the segments' reasons). */
  messages: PlainMessage[];
}

const MESSAGE_FIELDS = ['note', 'url', 'actual', 'expected'] as const;

export function plainMessages(file: VFile): PlainMessage[] {
  return findings(file).map((m) => {
    const p: PlainMessage = { reason: m.reason };
    if (m.ruleId != null) p.ruleId = m.ruleId;
    if (m.source != null) p.source = m.source;
    if (m.fatal !== undefined) p.fatal = m.fatal;
    if (m.place != null) p.place = structuredClone(m.place);
    for (const k of MESSAGE_FIELDS) if (m[k] != null) (p as unknown as Record<string, unknown>)[k] = m[k];
    return p;
  });
}

/** Append plain messages to a file, as `file.message` would have made them. */
export function restoreMessages(file: VFile, messages: PlainMessage[]): void {
  for (const p of messages) {
    const m = file.message(p.reason, {
      ...(p.place != null ? { place: p.place } : {}),
      ...(p.ruleId !== undefined ? { ruleId: p.ruleId } : {}),
      ...(p.source !== undefined ? { source: p.source } : {}),
    });
    m.fatal = p.fatal as boolean | undefined;
    for (const k of MESSAGE_FIELDS) if (p[k] !== undefined) (m as unknown as Record<string, unknown>)[k] = p[k];
  }
}

export function toPlainDoc(doc: Doc): PlainDoc {
  const { source, file, segments, name, ...fields } = doc;
  const { text: _text, ...rest } = source;
  return {
    source: rest,
    name,
    segments: segments.map(plainSegment),
    fields: fields as Record<string, unknown>,
    messages: plainMessages(file),
  };
}

export function plainSegment(s: Segment): PlainSegment {
  const { text: _text, ...rest } = s;
  return rest;
}

/**
 * The Doc again, with a fresh vfile holding the same messages. Segment texts are strings of their
 * own, not slices of the document text (ownString): V8 keeps the whole text alive as long as one
 * slice of it lives, so whatever a corpus stage remembers of a segment does not hold its
 * document's text, and a Latin-1 sentence is one byte per character even on a page that is not.
 * `source`: the source to use as it is (the main thread's own, with the fields workers never see).
 * `slices`: segment texts are slices of the text instead (pass 2: nothing of the document outlives
 * it, and a copy of every segment's text was allocated and collected for nothing).
 */
export function fromPlainDoc(plain: PlainDoc, text: string, options: { source?: SourceDoc; slices?: boolean } = {}): Doc {
  const source = options.source ?? ({ ...plain.source, text } as SourceDoc);
  const file = new VFile({ path: source.path, value: text });
  restoreMessages(file, plain.messages);
  const own = options.slices ? (s: string) => s : ownString;
  const segments = plain.segments.map((s) => ({ ...s, text: own(text.slice(s.start, s.end)) }) as Segment);
  return { claims: [], sources: [], ...plain.fields, source, name: plain.name, file, segments } as Doc;
}
