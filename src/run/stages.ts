// The per-document work of a run, as functions of plain data, so the same code runs in a worker
// thread (src/run/worker.ts) or inline (src/run/executor.ts) and the output cannot depend on which:
//   prepare: source -> pass 1's steps (src/pipeline.ts)                    (before the corpus steps)
//   finish:  spilled doc + its late copies -> pass 2's steps -> rendered files
//            (after the corpus steps; needs the corpus statistics, sent once: setContext)
// Each step runs through runStep (src/run/steps.ts); what they did comes back as tallies.
import { VFile } from 'vfile';
import { resolveSettings, type Overrides } from '../settings.js';
import { pass1, pass2, type Pass1Context, type Pass2Context } from '../pipeline.js';
import { CorpusStats, topicModel, type PackedCorpusStats, type Taxonomy } from '../topics/index.js';
import { renderDocument, type Format, type RenderedDocument } from '../write/index.js';
import { summarize, type DocSummary } from '../write/summary.js';
import type { Doc, SourceDoc } from '../types.js';
import { toPlainDoc, type PlainDoc } from './plain.js';
import { handover, restoreDoc, type Handover } from './changes.js';
import { utf8 } from './utf8.js';
import { cleanInWindows, HUGE_DOC } from './windows.js';
import { segmentTerms, type SegmentTerms } from './corpus.js';
import { packKeys, type PackedKeys } from '../dedupe/keys.js';
import { siteLines, type SiteLines } from '../boilerplate/site-repeats.js';
import type { LateForDoc } from './late.js';
import { decodeRecord, textBytes, type SpillRecord } from './spill.js';
import { addTime, countDocument, runStep, type Tallies } from './steps.js';

function timed<T>(tallies: Tallies, name: string, run: () => T): T {
  const t0 = performance.now();
  try {
    return run();
  } finally {
    addTime(tallies, name, performance.now() - t0);
  }
}

export interface PrepareInput {
  source: SourceDoc;
  name: string;
  /** Compute the corpus steps' summaries here, site-repeats' lines and the kept segments' terms and dedupe keys (in a worker: off the main thread). */
  summaries?: boolean;
  /** The run's threshold overrides (src/settings.ts), when there are any. */
  overrides?: Overrides;
}

export interface Prepared extends Handover {
  /** The term hashes of the segments still kept (src/run/corpus.ts); when `summaries` were asked for. */
  terms?: SegmentTerms;
  /** Dedupe's lookup keys of the segments still kept (src/dedupe/keys.ts); when `summaries` were asked for. */
  keys?: PackedKeys;
  /** Site-repeats' key and length of every segment (src/boilerplate/site-repeats.ts); when `summaries` were asked for. */
  lines?: SiteLines;
  /** Segment step: cuts per split rule in this document. */
  cuts: [string, number][];
  /** What each step did (and milliseconds of the summaries, under `lines`, `terms` and `keys`). */
  tallies: Tallies;
}

export function prepare({ source, name, summaries = false, overrides }: PrepareInput): Prepared {
  const tallies: Tallies = {};
  const ctx: Pass1Context = { settings: resolveSettings(overrides), cuts: new Map() };
  const doc: Doc = { source, name, file: new VFile({ path: source.path, value: source.text }), segments: [], claims: [], sources: [] };
  const huge = source.text.length > HUGE_DOC;
  for (let i = 0; i < pass1.length; ) {
    const step = pass1[i]!;
    if (!huge || !step.windowed) {
      runStep(step, doc, ctx, tallies);
      i++;
      continue;
    }
    // A run of windowed steps, on each window of the huge document in turn.
    let j = i;
    while (j < pass1.length && pass1[j]!.windowed) j++;
    const group = pass1.slice(i, j);
    for (const s of group) countDocument(tallies, s.name);
    cleanInWindows(doc, (window) => { for (const s of group) runStep(s, window, ctx, tallies, true); });
    i = j;
  }
  const lines = summaries ? timed(tallies, 'lines', () => siteLines(doc, ctx.settings['boilerplate.siteRepeats'])) : undefined;
  const terms = summaries ? timed(tallies, 'terms', () => segmentTerms(doc.segments.map((s) => (s.status === 'kept' ? s.text : null)))) : undefined;
  const keys = summaries ? timed(tallies, 'keys', () => packKeys(doc.segments.map((s) => s.text), (i) => doc.segments[i]?.status === 'kept')) : undefined;
  return { ...handover(doc), ...(terms ? { terms } : {}), ...(keys ? { keys } : {}), ...(lines ? { lines } : {}), cuts: [...ctx.cuts], tallies };
}

/** What pass 2 needs besides the document: the run's corpus statistics, the taxonomy, the formats. */
export interface RunContext {
  corpus: CorpusStats;
  taxonomy: Taxonomy;
  formats: Format[];
  /** Hand each finished document back as plain data too (the in-memory run and the API need it). */
  documents?: boolean;
}

/** RunContext as it crosses to a worker: CorpusStats as its typed arrays (copied as they are, no Map rebuilt). */
export interface PackedContext extends Omit<RunContext, 'corpus'> {
  corpus: PackedCorpusStats;
}

export function packContext({ corpus, ...rest }: RunContext): PackedContext {
  return { ...rest, corpus: corpus.pack() };
}

export function unpackContext({ corpus, ...rest }: PackedContext): RunContext {
  return { ...rest, corpus: new CorpusStats(corpus) };
}

/** A RunContext made ready for `finish` (the topic model built once per run and thread). */
export interface FinishContext extends Pass2Context {
  formats: Format[];
  documents: boolean;
}

export function finishContext(ctx: RunContext): FinishContext {
  return { corpus: ctx.corpus, model: topicModel(ctx.taxonomy), formats: ctx.formats, documents: ctx.documents ?? false };
}

/** A spilled document (pass 1's header, the corpus steps' changes, and its text: decoded here, off the main thread) and its late changes. */
export interface FinishInput extends LateForDoc, SpillRecord {}

export interface Finished {
  /** UTF-8 bytes, so a worker hands them over without copying (transferred, see transferList). */
  rendered: RenderedDocument<Uint8Array[]>;
  summary: DocSummary;
  tallies: Tallies;
  /** The finished document without its text, when the context asked for `documents`. */
  doc?: PlainDoc;
}

export function finish(ctx: FinishContext, input: FinishInput): Finished {
  const tallies: Tallies = {};
  const { header, changes, text } = decodeRecord(input);
  const doc = restoreDoc(header, changes, text);
  addCopies(doc, input.late);
  applyEdits(doc, input.edits);
  for (const step of pass2) runStep(step, doc, ctx, tallies);
  const rendered = timed(tallies, 'render', () => encode(renderDocument(doc, ctx.formats)));
  return { rendered, summary: summarize(doc), tallies, ...(ctx.documents ? { doc: toPlainDoc(doc) } : {}) };
}

const PIECE = 1 << 20;

/**
 * Each file as UTF-8 in pieces of about 1 MB: a file is encoded as it is rendered, never held whole
 * as text. A file rendered as one string (all but huge documents) is encoded without a join.
 */
function encode(r: RenderedDocument<Iterable<string>>): RenderedDocument<Uint8Array[]> {
  const out: RenderedDocument<Uint8Array[]> = {};
  for (const k of ['json', 'md', 'html', 'cleaned'] as const) {
    const pieces = r[k];
    if (pieces === undefined) continue;
    const bytes: Uint8Array[] = [];
    let pending: string[] = [];
    let size = 0;
    const flush = (): void => {
      if (pending.length === 1) bytes.push(utf8(pending[0]!));
      else if (pending.length) bytes.push(utf8(pending.join('')));
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

/** What a worker may hand over without a copy: the rendered files' buffers; pass 1's header and spans, the site lines, term hashes and dedupe's keys. */
export function transferList(output: unknown): ArrayBuffer[] {
  const { rendered, head, spans, kept, lines, terms, keys } = (output ?? {}) as Partial<Finished & Prepared>;
  if (head) {
    const arrays = [head, spans, kept, lines?.keys, lines?.short, terms?.hashes, terms?.spans, keys?.has, keys?.cutOff, keys?.hashes, keys?.bands, keys?.anchors];
    return arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []));
  }
  return rendered ? Object.values(rendered).flatMap((parts: Uint8Array[]) => parts.map((u) => u.buffer as ArrayBuffer)) : [];
}

/** What the main thread may hand a worker without a copy: a finish task's spilled bytes (their own ArrayBuffer, see Spill.read). */
export function inputTransferList(kind: TaskKind | 'setContext', input: unknown): ArrayBuffer[] {
  return kind === 'finish' ? [(input as FinishInput).bytes.buffer as ArrayBuffer] : [];
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

/** The tasks an executor runs, by kind: their input and output are plain data (structured-clonable). */
export interface Tasks {
  prepare: { input: PrepareInput; output: Prepared };
  finish: { input: FinishInput; output: Finished };
}
export type TaskKind = keyof Tasks;

/**
 * How much document text a task carries (the pool sends huge documents to a worker of their own):
 * characters, or for a spilled document its text's bytes (at least one per character; not the
 * header's, which for a page of many segments is larger than its text).
 */
export function taskChars(kind: TaskKind | 'setContext', input: unknown): number {
  if (kind === 'prepare') return (input as PrepareInput).source.text.length;
  if (kind === 'finish') return textBytes(input as FinishInput);
  return 0;
}
