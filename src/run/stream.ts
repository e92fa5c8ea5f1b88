// A streaming run in bounded memory, with the same output as runPipeline + writeRun:
//   pass 1  read -> [segment, boilerplate, quality] (pool, in flight: a bounded window)
//           -> in input order on the main thread: site repeats, dedupe, corpus statistics, spill
//   pass 2  spill -> [claims, sources, topics, render] (pool) -> write in input order
// Two passes because every document's claims need the run's final corpus statistics (TF-IDF) and
// every kept segment's copies may grow while later documents are deduplicated. What the main
// thread keeps is dedupe's own memory, the corpus statistics (one count per distinct term), and
// per document a name and its index row; copies that a kept segment gets from a later document,
// and dedupe's late edits, are remembered as numbers (LateChanges, src/run/late.ts) and handed to
// pass 2 with the document they belong to.
import { VFile } from 'vfile';
import { Dedupe } from '../dedupe/index.js';
import { SiteRepeats } from '../boilerplate/site-repeats.js';
import { activeTaxonomy, CorpusStats, type Taxonomy } from '../topics/index.js';
import { writeIndex, type Format } from '../write/index.js';
import { FileWrites } from '../write/files.js';
import { IndexBuilder } from '../write/summary.js';
import type { Sink } from '../write/sink.js';
import type { Doc, InputProblem } from '../types.js';
import { toPlainDoc } from './plain.js';
import { createExecutor, MIN_PARALLEL_BYTES, type Executor } from './pool.js';
import { preparedInOrder, windowFor } from './ordered.js';
import type { Finished, Timings } from './stages.js';
import { Spill } from './spill.js';
import { addSegment } from './corpus.js';
import { LateChanges } from './late.js';
import { effectiveConcurrency, inputSizes } from './sizes.js';
import type { Progress } from './progress.js';

export interface StreamOptions {
  input: string;
  concurrency: number;
  formats: Format[];
  sink: Sink;
  taxonomy?: Taxonomy;
  progress?: Progress;
  /** Called for each input problem as it is reached (in input order). */
  onProblem?: (problem: InputProblem) => void;
  /** Inputs smaller than this run inline whatever the concurrency (default MIN_PARALLEL_BYTES). */
  minParallelBytes?: number;
  /** Run the per-document stages as jobs on this Redis (src/cluster), whatever the input's size. */
  redis?: string;
}

export interface RunReport {
  totals: IndexBuilder['totals'];
  problems: InputProblem[];
  /** Milliseconds per stage: worker stages summed over threads, main-thread stages as measured. */
  timings: Timings;
  /** Wall-clock milliseconds of the two passes. */
  passes: { clean: number; write: number };
  workers: number;
  spillBytes: number;
}

export async function runStreaming(options: StreamOptions): Promise<RunReport> {
  const exec = options.redis !== undefined
    ? await (await import('../cluster/executor.js')).QueueExecutor.start(options.redis)
    : createExecutor(await effectiveConcurrency(options.input, options.concurrency, options.minParallelBytes ?? MIN_PARALLEL_BYTES));
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
  const state: RunState = { options, exec, spill, timings: {}, problems: [], cuts: new Map() };
  const started = performance.now();
  const late = await clean(state);
  const writing = performance.now();
  const totals = await write(state, late);
  return {
    totals,
    problems: state.problems,
    timings: state.timings,
    passes: { clean: writing - started, write: performance.now() - writing },
    workers: exec.workers,
    spillBytes: spill.bytes,
  };
}

interface RunState {
  options: StreamOptions;
  exec: Executor;
  spill: Spill;
  timings: Timings;
  problems: InputProblem[];
  cuts: Map<string, number>;
}

async function time<T>(state: RunState, stage: string, f: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    state.timings[stage] = (state.timings[stage] ?? 0) + performance.now() - t0;
  }
}

function addTimings(state: RunState, t: Timings): void {
  for (const [k, v] of Object.entries(t)) state.timings[k] = (state.timings[k] ?? 0) + v;
}

function problemFound(state: RunState, p: InputProblem): void {
  state.problems.push(p);
  state.options.onProblem?.(p);
}

/**
 * Pass 1: the per-document stages, then in input order dedupe, corpus statistics, spill. Ends by
 * handing the statistics to the executor, so that neither they (once packed for the workers) nor
 * dedupe's memory outlive this pass on the main thread.
 */
async function clean(state: RunState): Promise<LateChanges> {
  const { options, exec, spill, cuts } = state;
  const { progress } = options;
  const sizes = progress ? await inputSizes(options.input) : undefined;
  progress?.phase('cleaning');
  const counts = { docs: 0, bytes: 0, ...(sizes ? { totalBytes: sizes.total } : {}) };
  const ticker = progress ? setInterval(() => progress.update(counts), 500).unref() : undefined;
  const siteRepeats = new SiteRepeats();
  const dedupe = new Dedupe();
  const corpus = new CorpusStats();
  const late = new LateChanges();
  try {
    for await (const item of preparedInOrder(options.input, exec, windowFor(exec))) {
      if (item.kind === 'problem') {
        problemFound(state, item.problem);
        continue;
      }
      const { doc } = item;
      addTimings(state, item.timings);
      for (const [rule, n] of item.cuts) cuts.set(rule, (cuts.get(rule) ?? 0) + n);
      await time(state, 'site-repeats', () => siteRepeats.add(doc));
      await time(state, 'dedupe', () => dedupe.add(doc, item.keys));
      const edits = dedupe.takeEdits();
      late.add(doc, edits);
      for (const e of edits) if (e.keptText !== undefined) corpus.remove(e.keptText);
      await time(state, 'corpus', () => doc.segments.forEach((s, i) => { if (s.status === 'kept') addSegment(corpus, s.text, item.terms[i]); }));
      await time(state, 'spill', () => spill.add(JSON.stringify(toPlainDoc(doc)), doc.source.text));
      dedupe.seal(doc);
      release(doc);
      counts.docs++;
      if (sizes && item.end !== undefined) counts.bytes = (sizes.before.get(doc.source.path) ?? 0) + item.end;
      progress?.update(counts);
    }
    await spill.end();
  } finally {
    if (ticker) clearInterval(ticker);
  }
  await time(state, 'context', () => exec.setContext({ corpus, taxonomy: options.taxonomy ?? activeTaxonomy(), formats: options.formats }));
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

/** Pass 2: each spilled document with its late copies through claims, sources, topics, render; written in input order. */
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
    addTimings(state, done.timings);
    await time(state, 'write', () => files.add(name, done.rendered));
    index.add(done.summary);
    written.docs++;
    progress?.update(written);
  };
  let k = 0;
  for await (const record of spill.read()) {
    const input = { header: record.header, text: record.text, ...late.take(k) };
    queue.push({ k, chars: record.text.length, result: exec.run('finish', input).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))) });
    chars += record.text.length;
    k++;
    while (queue.length >= limits.docs || (chars > limits.chars && queue.length > 1)) await writeHead();
  }
  while (queue.length) await writeHead();
  await time(state, 'write', () => files.end());
  await time(state, 'write', () => writeIndex(index.build(state.problems, state.cuts), sink, formats));
  return { ...index.totals, errors: state.problems.filter((p) => p.severity === 'error').length };
}
