// The step runner, as datatrove's PipelineStep wraps each step: every step of src/pipeline.ts
// runs through `runStep`, which times it, counts what it did (kept segments in and out, removals
// by rule) and turns an exception into a StepError naming the step and the document. The counts
// go to index.json (`steps`, in the declared order); the milliseconds only to the run report,
// since nothing in the output may depend on the time.
import type { Doc, Reason } from '../types.js';

/**
 * A step over one document: one job, a name. It changes the document in place; a corpus step may
 * also return the removals it made in earlier documents (dedupe's late edits), to be counted.
 */
export interface Step<C> {
  readonly name: string;
  run(doc: Doc, ctx: C): void | readonly { reason: Reason }[];
}

/** What one step did over a run (or over one document, before the tallies are merged). */
export interface StepTally {
  documents: number;
  /** Kept segments when the step started, summed over documents. */
  segmentsIn: number;
  /** Kept segments when it ended. */
  segmentsOut: number;
  /** Segments it removed, by rule (dedupe: with its changes to earlier documents). */
  removed: Record<string, number>;
  /** Milliseconds, summed over documents (and threads). Never written to the output. */
  ms: number;
}

export type Tallies = Record<string, StepTally>;

/** A step threw on a document: the message names both, so the problem line says where it broke. */
export class StepError extends Error {
  constructor(readonly step: string, readonly doc: string, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`step ${step} failed on ${doc}: ${why.split('\n')[0] ?? why}`, { cause });
    this.name = 'StepError';
  }
}

const tallyOf = (tallies: Tallies, name: string): StepTally =>
  (tallies[name] ??= { documents: 0, segmentsIn: 0, segmentsOut: 0, removed: {}, ms: 0 });

/**
 * Run one step on one document and add what it did to `tallies[step.name]`. `part`: the document
 * is a window of a larger one (src/run/windows.ts), so it is not counted as a document again.
 */
export function runStep<C>(step: Step<C>, doc: Doc, ctx: C, tallies: Tallies, part = false): void {
  const tally = tallyOf(tallies, step.name);
  const kept = doc.segments.map((s) => s.status === 'kept');
  const t0 = performance.now();
  let late: void | readonly { reason: Reason }[];
  try {
    late = step.run(doc, ctx);
  } catch (e) {
    throw e instanceof StepError ? e : new StepError(step.name, doc.name, e);
  } finally {
    tally.ms += performance.now() - t0;
  }
  if (!part) tally.documents++;
  for (const k of kept) if (k) tally.segmentsIn++;
  doc.segments.forEach((s, i) => {
    if (s.status === 'kept') tally.segmentsOut++;
    else if (kept[i] && s.reason) bump(tally.removed, s.reason.rule);
  });
  for (const e of late ?? []) bump(tally.removed, e.reason.rule);
}

/** A step's document count only (a document cleaned in windows: its windows ran the steps). */
export function countDocument(tallies: Tallies, name: string): void {
  tallyOf(tallies, name).documents++;
}

export function mergeTallies(into: Tallies, from: Tallies): void {
  for (const [name, t] of Object.entries(from)) {
    const to = tallyOf(into, name);
    to.documents += t.documents;
    to.segmentsIn += t.segmentsIn;
    to.segmentsOut += t.segmentsOut;
    to.ms += t.ms;
    for (const [rule, n] of Object.entries(t.removed)) bump(to.removed, rule, n);
  }
}

/** Add milliseconds spent outside a step (reading, writing) under `name`. */
export function addTime(tallies: Tallies, name: string, ms: number): void {
  tallyOf(tallies, name).ms += ms;
}

function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}
