// The pipeline, stage after stage, as in the design card:
//   ingest -> segment -> boilerplate -> quality   (per document, in worker threads: src/run)
//   site repeats, dedupe                          (corpus: all documents, in input order)
//   claims                                        (corpus statistics, then per document)
// and then the writers (src/write). Per-document stages are pure: their order of completion
// never changes the output, because every corpus decision is taken in input order.
//
// runPipeline keeps every document in memory and returns them (for npm run eval and the
// scripts). The command line uses the streaming run (src/run/stream.ts): same stages, same
// output, bounded memory.
import { Dedupe } from './dedupe/index.js';
import { SiteRepeats } from './boilerplate/site-repeats.js';
import { claimStages } from './claims/index.js';
import { createExecutor, MIN_PARALLEL_BYTES } from './run/pool.js';
import { effectiveConcurrency } from './run/sizes.js';
import { preparedInOrder } from './run/ordered.js';
import type { Doc, InputProblem } from './types.js';

export { runStreaming, type RunReport, type StreamOptions } from './run/stream.js';

export interface PipelineOptions {
  /** File or folder to read. */
  input: string;
  /** How many documents are processed at once (above 1: in worker threads). */
  concurrency: number;
  /** Inputs smaller than this run inline whatever the concurrency (default MIN_PARALLEL_BYTES). */
  minParallelBytes?: number;
}

export interface PipelineResult {
  /** In input order. */
  docs: Doc[];
  /** In input order. */
  problems: InputProblem[];
  /** Segment stage: how many cuts each split rule made. (Removals are counted from the segments.) */
  segmentCuts: Map<string, number>;
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const exec = createExecutor(await effectiveConcurrency(options.input, options.concurrency, options.minParallelBytes ?? MIN_PARALLEL_BYTES));
  const segmentCuts = new Map<string, number>();
  const problems: InputProblem[] = [];
  const docs: Doc[] = [];
  const siteRepeats = new SiteRepeats();
  const dedupe = new Dedupe();
  try {
    for await (const item of preparedInOrder(options.input, exec)) {
      if (item.kind === 'problem') {
        problems.push(item.problem);
        continue;
      }
      for (const [rule, n] of item.cuts) segmentCuts.set(rule, (segmentCuts.get(rule) ?? 0) + n);
      // Corpus stages: one pass over all documents in input order.
      siteRepeats.add(item.doc);
      dedupe.add(item.doc);
      docs.push(item.doc);
    }
  } finally {
    await exec.close();
  }
  claimStages(docs);
  return { docs, problems, segmentCuts };
}
