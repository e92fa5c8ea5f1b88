// The run: the steps of src/pipeline.ts over an input, in bounded memory.
//   pass 1  read -> pass 1's steps (executor, in flight: a bounded window)
//           -> in input order on the main thread: the corpus steps, then spill
//   pass 2  spill -> pass 2's steps and render (executor) -> the sink, in input order
// Two passes because every document's claims need the run's final corpus statistics (TF-IDF) and
// every kept segment's copies may grow while later documents are deduplicated. What the main
// thread keeps is dedupe's own memory, the corpus statistics (one count per distinct term), and
// per document a name and its index row; copies that a kept segment gets from a later document,
// and dedupe's late edits, are remembered as numbers (LateChanges, src/run/late.ts) and handed to
// pass 2 with the document they belong to. The in-memory run (src/run/memory.ts) and the API
// (src/api.ts) are this run with a sink that keeps what it is given.
import { VFile } from 'vfile';
import { corpus as corpusSteps, STEP_NAMES, type CorpusItem } from '../pipeline.js';
import { CorpusStats, defaultTaxonomy, type Taxonomy } from '../topics/index.js';
import { writeIndex, type Format, type RenderedDocument } from '../write/index.js';
import { FileWrites } from '../write/files.js';
import { IndexBuilder } from '../write/summary.js';
import type { Sink } from '../write/sink.js';
import type { Doc, InputProblem } from '../types.js';
import type { RecordSource } from '../ingest/records.js';
import { fromPlainDoc } from './plain.js';
import { corpusChanges } from './changes.js';
import { createExecutor, MIN_PARALLEL_BYTES, type Executor, type ExecutorFactory } from './executor.js';
import { preparedInOrder, windowFor } from './ordered.js';
import type { Finished } from './stages.js';
import { recordText, Spill, textBytes } from './spill.js';
import { LateChanges } from './late.js';
import { addTime, mergeTallies, runStep, type Tallies } from './steps.js';
import { effectiveConcurrency, inputSizes } from './sizes.js';
import type { Progress } from './progress.js';
import { resolveSettings, type Overrides } from '../settings.js';
import { producer } from '../provenance.js';

/** Milliseconds per step or phase: worker steps summed over threads, main-thread ones as measured. */
export type Timings = Record<string, number>;

/** A document as pass 2 hands it to `onDocument`, in input order. */
export interface FinishedDocument {
  name: string;
  /** Its files in the run's formats, as UTF-8 pieces. */
  rendered: RenderedDocument<Uint8Array[]>;
  /** The document itself, when the run was asked for `documents`. */
  doc?: Doc;
}

export interface StreamOptions {
  /** A file or folder to read, or records ({id, text, url?}) handed over by a program. */
  input: string | RecordSource;
  concurrency: number;
  formats: Format[];
  sink: Sink;
  /** Topics to tag claims with (default: consumer health, src/topics/taxonomy.json). */
  taxonomy?: Taxonomy;
  /** Threshold overrides, checked (src/settings.ts checkOverrides). */
  settings?: Overrides;
  progress?: Progress;
  /** Called for each input problem as it is reached (in input order). */
  onProblem?: (problem: InputProblem) => void;
  /** Inputs smaller than this run inline whatever the concurrency (default MIN_PARALLEL_BYTES). */
  minParallelBytes?: number;
  /** Where the per-document steps run (default: inline at concurrency 1, else worker threads). */
  executor?: ExecutorFactory;
  /** Called for each finished document in input order, before its files go to the sink. */
  onDocument?: (done: FinishedDocument) => void | Promise<void>;
  /** Hand `onDocument` the finished Doc too (costs a copy of each document's decisions). */
  documents?: boolean;
  /** Run the per-document stages as jobs on this Redis (src/cluster), whatever the input's size. */
  redis?: string;
}

export interface RunReport {
  totals: IndexBuilder['totals'];
  problems: InputProblem[];
  /** Segment step: cuts per split rule. */
  cuts: Map<string, number>;
  /** What each step did, with milliseconds. */
  steps: Tallies;
  /** Milliseconds per step and per phase of the plumbing (terms, keys, spill, context, render, write). */
  timings: Timings;
  /** Wall-clock milliseconds of the two passes. */
  passes: { clean: number; write: number };
  workers: number;
  spillBytes: number;
}

export async function runStreaming(options: StreamOptions): Promise<RunReport> {
  const { input, concurrency } = options;
  const make = options.executor ?? createExecutor;
  const exec = options.redis !== undefined
    ? await (await import('../cluster/executor.js')).QueueExecutor.start(options.redis)
    : make(typeof input === 'string' ? await effectiveConcurrency(input, concurrency, options.minParallelBytes ?? MIN_PARALLEL_BYTES) : concurrency);
  const spill = await Spill.create();
  try {
    // A queue executor that loses Redis ends the run at once (its tasks are left unanswered).
    const failed = (exec as Executor & { failed?: Promise<never> }).failed;
    return await (failed ? Promise.race([run(options, exec, spill), failed]) : run(options, exec, spill));
  } finally {
    await exec.close();
    await spill.remove();
  }
}

async function run(options: StreamOptions, exec: Executor, spill: Spill): Promise<RunReport> {
  const state: RunState = { options, exec, spill, tallies: {}, problems: [], cuts: new Map() };
  const started = performance.now();
  const late = await clean(state);
  const writing = performance.now();
  const totals = await write(state, late);
  return {
    totals,
    problems: state.problems,
    cuts: state.cuts,
    steps: Object.fromEntries(Object.entries(state.tallies).filter(([name]) => STEP_NAMES.includes(name))),
    timings: Object.fromEntries(Object.entries(state.tallies).map(([name, t]) => [name, t.ms])),
    passes: { clean: writing - started, write: performance.now() - writing },
    workers: exec.workers,
    spillBytes: spill.bytes,
  };
}

interface RunState {
  options: StreamOptions;
  exec: Executor;
  spill: Spill;
  tallies: Tallies;
  problems: InputProblem[];
  cuts: Map<string, number>;
}

/** Time plumbing that is not a step (spill, context, write). */
async function time<T>(state: RunState, name: string, f: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    addTime(state.tallies, name, performance.now() - t0);
  }
}

function problemFound(state: RunState, p: InputProblem): void {
  state.problems.push(p);
  state.options.onProblem?.(p);
}

/**
 * Pass 1: the per-document steps, then in input order the corpus steps and the spill. Ends by
 * handing the statistics to the executor, so that neither they (once packed for the workers) nor
 * dedupe's memory outlive this pass on the main thread.
 */
async function clean(state: RunState): Promise<LateChanges> {
  const { options, exec, spill, cuts } = state;
  const { progress } = options;
  const sizes = progress && typeof options.input === 'string' ? await inputSizes(options.input) : undefined;
  progress?.phase('cleaning');
  const counts = { docs: 0, bytes: 0, ...(sizes ? { totalBytes: sizes.total } : {}) };
  const ticker = progress ? setInterval(() => progress.update(counts), 500).unref() : undefined;
  const corpus = new CorpusStats();
  const late = new LateChanges();
  const steps = corpusSteps.map((step) => step.start({ settings: resolveSettings(options.settings), corpus, late }));
  try {
    for await (const item of preparedInOrder(options.input, exec, windowFor(exec), options.settings)) {
      if (item.kind === 'problem') {
        problemFound(state, item.problem);
        continue;
      }
      const { doc } = item;
      mergeTallies(state.tallies, item.tallies);
      for (const [rule, n] of item.cuts) cuts.set(rule, (cuts.get(rule) ?? 0) + n);
      const summaries: CorpusItem = { ...(item.lines ? { lines: item.lines } : {}), ...(item.terms ? { terms: item.terms } : {}), ...(item.keys ? { keys: item.keys } : {}) };
      // A corpus step that throws ends the run (its state may be half-updated); the error names step and document.
      for (const step of steps) runStep(step, doc, summaries, state.tallies);
      await time(state, 'spill', () => spill.add(item.head, JSON.stringify(corpusChanges(doc, item.kept)), doc.source.text));
      for (const step of steps) step.seal?.(doc);
      release(doc);
      counts.docs++;
      if (sizes && item.end !== undefined) counts.bytes = (sizes.before.get(doc.source.path) ?? 0) + item.end;
      progress?.update(counts);
    }
    await spill.end();
  } finally {
    if (ticker) clearInterval(ticker);
  }
  await time(state, 'context', () => exec.setContext({ corpus, taxonomy: options.taxonomy ?? defaultTaxonomy, formats: options.formats, documents: options.documents ?? false }));
  return late;
}

/**
 * A spilled and sealed document is final as far as pass 1 goes: pass 2 reads the spill, and what
 * dedupe still changes in it comes back as late edits. Dedupe may still hold the document object to
 * the end of the pass (the document of a kept cut-off segment, and of every copy merged into one),
 * so everything but the segments dedupe holds is let go: the text, the record's other fields, the
 * segment list, the messages. Held, they made pass 1's memory grow by about four times the text of
 * each document with such a segment (most pages; at 4x the bench, every copy).
 */
function release(doc: Doc): void {
  const { extra: _extra, ...source } = doc.source;
  doc.source = { ...source, text: '' };
  doc.segments = [];
  doc.file = new VFile();
}

/** Pass 2: each spilled document with its late copies through pass 2's steps and render; written in input order. */
async function write(state: RunState, late: LateChanges): Promise<RunReport['totals']> {
  const { options, exec, spill } = state;
  const { sink, formats, progress } = options;
  progress?.phase('writing');
  const index = new IndexBuilder();
  const files = new FileWrites(sink);
  if (formats.includes('jsonl')) await sink.append('cleaned.jsonl', '');
  const queue: { k: number; chars: number; result: Promise<Finished | Error> }[] = [];
  const limits = windowFor(exec);
  let chars = 0;
  const written = { docs: 0, bytes: 0, totalDocs: spill.count };
  const writeHead = async (): Promise<void> => {
    const { k, chars: size, result } = queue.shift()!;
    const done = await result;
    chars -= size;
    const name = late.names[k] ?? '';
    if (done instanceof Error) {
      problemFound(state, { path: name, message: `cannot finish (${done.message.split('\n')[0]})`, severity: 'error' });
      return;
    }
    mergeTallies(state.tallies, done.tallies);
    if (options.onDocument) {
      const doc = done.doc ? fromPlainDoc(done.doc, texts.get(k) ?? '') : undefined;
      await options.onDocument({ name, rendered: done.rendered, ...(doc ? { doc } : {}) });
    }
    texts.delete(k);
    await time(state, 'write', () => files.add(name, done.rendered));
    index.add(done.summary);
    written.docs++;
    progress?.update(written);
  };
  // The texts of documents in flight, when the finished documents are handed back whole.
  const texts = new Map<number, string>();
  let k = 0;
  for await (const record of spill.read()) {
    if (options.documents) texts.set(k, recordText(record));
    // Measured in bytes (at least one per character): the record is handed over undecoded, and may be transferred.
    const size = textBytes(record);
    queue.push({ k, chars: size, result: exec.run('finish', { ...record, ...late.take(k) }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))) });
    chars += size;
    k++;
    while (queue.length >= limits.docs || (chars > limits.chars && queue.length > 1)) await writeHead();
  }
  while (queue.length) await writeHead();
  await time(state, 'write', () => files.end());
  await time(state, 'write', () => writeIndex(index.build(state.problems, state.cuts, state.tallies, producer(options.taxonomy ?? defaultTaxonomy, { formats, settings: options.settings ?? {} })), sink, formats, index.review));
  return { ...index.totals, errors: state.problems.filter((p) => p.severity === 'error').length };
}
