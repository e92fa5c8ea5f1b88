// The in-memory run: the streaming run (src/run/stream.ts) with a sink that keeps the finished
// documents instead of writing files, for npm run eval and the scripts. One run, so the two
// cannot drift apart.
import type { Doc, InputProblem } from '../types.js';
import type { Taxonomy } from '../topics/index.js';
import type { Content, Sink } from '../write/sink.js';
import { runStreaming } from './stream.js';
import type { ExecutorFactory } from './executor.js';
import type { Tallies } from './steps.js';
import type { Overrides } from '../settings.js';

export interface PipelineOptions {
  /** File or folder to read. */
  input: string;
  /** How many documents are processed at once (above 1: in worker threads). */
  concurrency: number;
  /** Inputs smaller than this run inline whatever the concurrency (default MIN_PARALLEL_BYTES). */
  minParallelBytes?: number;
  taxonomy?: Taxonomy;
  /** Threshold overrides, checked (src/settings.ts). */
  settings?: Overrides;
  executor?: ExecutorFactory;
}

export interface PipelineResult {
  /** In input order, after every step. */
  docs: Doc[];
  /** In input order. */
  problems: InputProblem[];
  /** Segment step: how many cuts each split rule made. (Removals are counted from the segments.) */
  segmentCuts: Map<string, number>;
  /** What each step did. */
  steps: Tallies;
}

/** A sink that writes nothing: the run's documents come back through onDocument. */
export class NullSink implements Sink {
  async write(_relPath: string, _content: Content): Promise<void> {}
  async append(_relPath: string, _chunk: Content): Promise<void> {}
  async finish(): Promise<string[]> {
    return [];
  }
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const docs: Doc[] = [];
  const report = await runStreaming({
    ...options,
    formats: [],
    sink: new NullSink(),
    documents: true,
    onDocument: ({ doc }) => { if (doc) docs.push(doc); },
  });
  return { docs, problems: report.problems, segmentCuts: report.cuts, steps: report.steps };
}
