// The per-document work of a run, as functions of plain data, so the same code runs in a worker
// thread (src/run/worker.ts) or inline (--concurrency 1) and the output cannot depend on which:
//   prepare: source -> segment -> boilerplate -> quality                (pass 1, before dedupe)
//   finish:  spilled doc + its late copies -> claims -> sources -> topics -> rendered files
//            (pass 2, after the corpus stages; needs the corpus statistics, sent once: setContext)
import { segmentText } from '../segment/index.js';
import { boilerplate } from '../boilerplate/index.js';
import { quality } from '../quality/index.js';
import { claims } from '../claims/index.js';
import { sources } from '../sources/index.js';
import { CorpusStats, topicModel, topics, type Taxonomy, type TopicModel } from '../topics/index.js';
import { createDoc } from '../doc.js';
import { renderDocument, type Format, type RenderedDocument } from '../write/index.js';
import { summarize, type DocSummary } from '../write/summary.js';
import type { Doc, SourceDoc } from '../types.js';
import { fromPlainDoc, toPlainDoc, type PlainDoc } from './plain.js';
import { cleanInWindows, HUGE_DOC } from './windows.js';
import { termsOf } from './corpus.js';
import { packKeys, type PackedKeys } from '../dedupe/keys.js';
import type { LateForDoc } from './late.js';

/** Milliseconds spent per stage (summed over documents; per thread). */
export type Timings = Record<string, number>;

function timed<T>(timings: Timings, stage: string, run: () => T): T {
  const t0 = performance.now();
  try {
    return run();
  } finally {
    timings[stage] = (timings[stage] ?? 0) + performance.now() - t0;
  }
}

export interface PrepareInput {
  source: SourceDoc;
  name: string;
  /** Compute the corpus stages' summaries of kept segments here, terms and dedupe keys (in a worker: off the main thread). */
  summaries?: boolean;
}

export interface Prepared {
  /** The document as the per-document stages left it, without its text. */
  doc: PlainDoc;
  /** Per segment still kept: its corpus terms (src/run/corpus.ts); null otherwise; empty if not asked for. */
  terms: (string | null)[];
  /** Dedupe's lookup keys of the segments still kept (src/dedupe/keys.ts); when `summaries` were asked for. */
  keys?: PackedKeys;
  /** Segment stage: cuts per split rule in this document. */
  cuts: [string, number][];
  timings: Timings;
}

export function prepare({ source, name, summaries = false }: PrepareInput): Prepared {
  const timings: Timings = {};
  const cuts = new Map<string, number>();
  const spans = timed(timings, 'segment', () => segmentText(source.text, cuts));
  const doc = createDoc(source, name, spans);
  if (source.text.length <= HUGE_DOC) {
    timed(timings, 'boilerplate', () => boilerplate(doc));
    timed(timings, 'quality', () => quality(doc));
  } else {
    cleanInWindows(doc, (window) => {
      timed(timings, 'boilerplate', () => boilerplate(window));
      timed(timings, 'quality', () => quality(window));
    });
  }
  const terms = summaries ? timed(timings, 'terms', () => doc.segments.map((s) => (s.status === 'kept' ? termsOf(s.text) : null))) : [];
  const keys = summaries ? timed(timings, 'keys', () => packKeys(doc.segments.map((s) => s.text), (i) => doc.segments[i]?.status === 'kept')) : undefined;
  return { doc: toPlainDoc(doc), terms, ...(keys ? { keys } : {}), cuts: [...cuts], timings };
}

/** What pass 2 needs besides the document: the run's corpus statistics, the taxonomy, the formats. */
export interface RunContext {
  corpus: CorpusStats;
  taxonomy: Taxonomy;
  formats: Format[];
}

/** RunContext as it crosses to a worker: CorpusStats.df as two parallel lists (terms joined by "\n"). */
export interface PackedContext extends Omit<RunContext, 'corpus'> {
  terms: string;
  counts: Int32Array;
  segments: number;
}

export function packContext({ corpus, taxonomy, formats }: RunContext): PackedContext {
  const counts = new Int32Array(corpus.df.size);
  let i = 0;
  for (const n of corpus.df.values()) counts[i++] = n;
  return { terms: [...corpus.df.keys()].join('\n'), counts, segments: corpus.segments, taxonomy, formats };
}

function unpackCorpus(ctx: PackedContext): CorpusStats {
  const stats = new CorpusStats();
  stats.segments = ctx.segments;
  if (ctx.counts.length) ctx.terms.split('\n').forEach((t, i) => stats.df.set(t, ctx.counts[i] ?? 0));
  return stats;
}

let context: { corpus: CorpusStats; model: TopicModel; formats: Format[] } | undefined;

/** Inline: use the main thread's statistics as they are. */
export function useContext(ctx: RunContext): void {
  context = { corpus: ctx.corpus, model: topicModel(ctx.taxonomy), formats: ctx.formats };
}

/** In a worker: the statistics as packed by the main thread. */
export function setContext(ctx: PackedContext): void {
  useContext({ corpus: unpackCorpus(ctx), taxonomy: ctx.taxonomy, formats: ctx.formats });
}

export interface FinishInput extends LateForDoc {
  /** The spilled PlainDoc as JSON (parsed here, off the main thread). */
  header: string;
  text: string;
}

export interface Finished {
  /** UTF-8 bytes, so a worker hands them over without copying (transferred, see transferList). */
  rendered: RenderedDocument<Uint8Array[]>;
  summary: DocSummary;
  timings: Timings;
}

export function finish(input: FinishInput): Finished {
  if (!context) throw new Error('finish before setContext');
  const { corpus, model, formats } = context;
  const timings: Timings = {};
  const doc = fromPlainDoc(JSON.parse(input.header) as PlainDoc, input.text);
  addCopies(doc, input.late);
  applyEdits(doc, input.edits);
  timed(timings, 'claims', () => claims(doc));
  timed(timings, 'sources', () => sources(doc));
  timed(timings, 'topics', () => topics(doc, model, corpus));
  const rendered = timed(timings, 'render', () => encode(renderDocument(doc, formats)));
  return { rendered, summary: summarize(doc), timings };
}

const encoder = new TextEncoder();
const PIECE = 1 << 20;

/** Each file as UTF-8 in pieces of about 1 MB: a file is encoded as it is rendered, never held whole as text. */
function encode(r: RenderedDocument<Iterable<string>>): RenderedDocument<Uint8Array[]> {
  const out: RenderedDocument<Uint8Array[]> = {};
  for (const k of ['json', 'md', 'html', 'cleaned'] as const) {
    const pieces = r[k];
    if (pieces === undefined) continue;
    const bytes: Uint8Array[] = [];
    let pending: string[] = [];
    let size = 0;
    const flush = (): void => {
      if (pending.length) bytes.push(encoder.encode(pending.join('')));
      pending = [];
      size = 0;
    };
    for (const piece of pieces) {
      pending.push(piece);
      size += piece.length;
      if (size >= PIECE) flush();
    }
    flush();
    out[k] = bytes;
  }
  return out;
}

/** What a worker may hand over without a copy: the rendered files' buffers. */
export function transferList(output: unknown): ArrayBuffer[] {
  const rendered = (output as Partial<Finished> | null)?.rendered;
  return rendered ? Object.values(rendered).flatMap((parts: Uint8Array[]) => parts.map((u) => u.buffer as ArrayBuffer)) : [];
}

function addCopies(doc: Doc, late: [number, string[]][]): void {
  for (const [i, ids] of late) {
    const seg = doc.segments[i];
    if (!seg) throw new Error(`${doc.name}: late copies for a segment that does not exist (${i})`);
    seg.copies = [...(seg.copies ?? []), ...ids];
  }
}

/** Dedupe's late edits (src/run/late.ts): each segment removed as a copy, with no copies of its own. */
function applyEdits(doc: Doc, edits: LateForDoc['edits']): void {
  for (const [i, reason, duplicateOf] of edits) {
    const seg = doc.segments[i];
    if (!seg) throw new Error(`${doc.name}: a late edit for a segment that does not exist (${i})`);
    seg.status = 'removed';
    seg.reason = reason;
    seg.duplicateOf = duplicateOf;
    delete seg.copies;
  }
}

export const handlers = { prepare, finish, setContext } as const;

/** How much document text a task carries (the pool sends huge documents to a worker of their own). */
export function taskChars(kind: TaskKind, input: unknown): number {
  if (kind === 'prepare') return (input as PrepareInput).source.text.length;
  if (kind === 'finish') return (input as FinishInput).text.length;
  return 0;
}
export type Handlers = typeof handlers;
export type TaskKind = keyof Handlers;
