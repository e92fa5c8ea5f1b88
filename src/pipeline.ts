// sieve's pipeline, each step once, in order, as on the design card:
//
//   pass 1   per document, in any thread          segment -> boilerplate -> quality
//   corpus   main thread, in input order          site-repeats -> dedupe -> corpus statistics
//   pass 2   per document, in any thread          claims -> sources -> topics   (then render)
//
// Two passes because claims need the run's final corpus statistics (TF-IDF), and a kept
// segment's copies can grow until the last document is deduplicated. Every step runs through one
// runner (src/run/steps.ts: timing, counts for index.json, errors naming step and document); the
// runs (src/run/stream.ts, and src/run/memory.ts which is the same run with an in-memory sink)
// and the executors that carry the per-document steps (src/run/executor.ts) only move documents
// between these lists. Per-document steps are pure: which thread ran them never shows.
import { segmentText } from './segment/index.js';
import { boilerplate } from './boilerplate/index.js';
import { quality } from './quality/index.js';
import { SiteRepeats, type SiteLines } from './boilerplate/site-repeats.js';
import { Dedupe } from './dedupe/index.js';
import { thresholds } from './dedupe/rules.js';
import { claims } from './claims/index.js';
import { sources } from './sources/index.js';
import { topics, type CorpusStats, type TopicModel } from './topics/index.js';
import { createDoc } from './doc.js';
import { addSegment, type SegmentTerms } from './run/corpus.js';
import type { LateChanges } from './run/late.js';
import type { PackedKeys } from './dedupe/keys.js';
import type { Doc } from './types.js';
import type { Step } from './run/steps.js';
import type { Settings } from './settings.js';

export { runPipeline, type PipelineOptions, type PipelineResult } from './run/memory.js';
export { runStreaming, type RunReport, type StreamOptions } from './run/stream.js';

/** What pass 1's steps share for one document: the thresholds in force, the segment step's cuts per split rule. */
export interface Pass1Context {
  settings: Settings;
  cuts: Map<string, number>;
}

/** Pass 1, per document. `windowed`: a huge document runs it window by window (src/run/windows.ts). */
export const pass1: readonly (Step<Pass1Context> & { windowed?: boolean })[] = [
  { name: 'segment', run: (doc, ctx) => { doc.segments = createDoc(doc.source, doc.name, segmentText(doc.source.text, ctx.cuts)).segments; } },
  { name: 'boilerplate', windowed: true, run: (doc, ctx) => boilerplate(doc, ctx.settings) },
  { name: 'quality', windowed: true, run: (doc, ctx) => quality(doc, ctx.settings) },
];

/** What a corpus step gets with each document: what the pass-1 workers summarised of it. */
export interface CorpusItem {
  /** Site-repeats' key and length of each segment (src/boilerplate/site-repeats.ts), when a worker worked them out. */
  lines?: SiteLines;
  /** The kept segments' corpus term hashes (src/run/corpus.ts), when a worker worked them out. */
  terms?: SegmentTerms;
  /** Dedupe's lookup keys of the kept segments (src/dedupe/keys.ts), when a worker computed them. */
  keys?: PackedKeys;
}

/** A run's shared corpus state: the statistics pass 2 needs, and dedupe's changes to documents already spilled. */
export interface CorpusRun {
  settings: Settings;
  corpus: CorpusStats;
  late: LateChanges;
}

/** A corpus step holds state for one run (`start`); `seal` lets go of a document once it is spilled. */
export interface CorpusStep {
  readonly name: string;
  start(run: CorpusRun): Step<CorpusItem> & { seal?(doc: Doc): void };
}

/** The corpus steps, on the main thread, each document in input order. */
export const corpus: readonly CorpusStep[] = [
  {
    name: 'site-repeats',
    start: ({ settings }) => {
      const repeats = new SiteRepeats(settings['boilerplate.siteRepeats']);
      return { name: 'site-repeats', run: (doc, item) => repeats.add(doc, item.lines) };
    },
  },
  {
    name: 'dedupe',
    start: ({ settings, corpus, late }) => {
      const limits = Object.fromEntries(Object.entries(settings['dedupe.thresholds']).map(([k, v]) => [k, v.value]));
      const dedupe = new Dedupe({ ...thresholds, ...limits });
      return {
        name: 'dedupe',
        run: (doc, item) => {
          dedupe.add(doc, item.keys);
          const edits = dedupe.takeEdits();
          late.add(doc, edits);
          // A kept segment of an earlier document became a copy: it no longer counts in the statistics.
          for (const e of edits) if (e.keptText !== undefined) corpus.remove(e.keptText);
          // Counted as removals: the kept fragments superseded (the others were copies already).
          return edits.filter((e) => e.keptText !== undefined);
        },
        seal: (doc) => dedupe.seal(doc),
      };
    },
  },
  {
    name: 'corpus',
    start: ({ corpus }) => ({
      name: 'corpus',
      run: (doc, item) => doc.segments.forEach((s, i) => { if (s.status === 'kept') addSegment(corpus, s.text, item.terms, i); }),
    }),
  },
];

/** What pass 2's steps need besides the document: the run's final corpus statistics and the topic model. */
export interface Pass2Context {
  corpus: CorpusStats;
  model: TopicModel;
}

/** Pass 2, per document, once the corpus steps have seen every document. */
export const pass2: readonly Step<Pass2Context>[] = [
  { name: 'claims', run: (doc) => claims(doc) },
  { name: 'sources', run: (doc) => sources(doc) },
  { name: 'topics', run: (doc, ctx) => topics(doc, ctx.model, ctx.corpus) },
];

/** Every step's name, in the order of the design card (index.json lists them so). */
export const STEP_NAMES: readonly string[] = [...pass1.map((s) => s.name), ...corpus.map((s) => s.name), ...pass2.map((s) => s.name)];
