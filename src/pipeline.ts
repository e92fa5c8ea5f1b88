// The pipeline, stage after stage, as in the design card:
//   ingest -> segment -> boilerplate -> quality   (per document, concurrently)
//   site repeats, dedupe                          (corpus: all documents, in input order)
//   claims                                        (per document)
// and then the writers (src/write). Per-document stages are pure: their order of completion
// never changes the output, because every corpus decision is taken in input order.
import pLimit from 'p-limit';
import { readInputs } from './ingest/index.js';
import { segmentText } from './segment/index.js';
import { boilerplate } from './boilerplate/index.js';
import { quality } from './quality/index.js';
import { Dedupe } from './dedupe/index.js';
import { removeSiteRepeats } from './boilerplate/site-repeats.js';
import { claimStages } from './claims/index.js';
import { createDoc } from './doc.js';
import { NameRegistry } from './names.js';
import type { Doc, InputProblem, SourceDoc } from './types.js';

export interface PipelineOptions {
  /** File or folder to read. */
  input: string;
  /** How many documents are processed at once. */
  concurrency: number;
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
  const limit = pLimit(options.concurrency);
  const names = new NameRegistry();
  const segmentCounts = new Map<string, number>();
  const problems: InputProblem[] = [];
  const pending: Promise<Doc>[] = [];

  for await (const item of readInputs(options.input)) {
    if (item.kind === 'problem') {
      problems.push(item.problem);
      continue;
    }
    const name = names.claim(item.doc.path, item.doc.line !== undefined ? item.doc.id : undefined);
    pending.push(limit(async () => perDocument(item.doc, name, segmentCounts)));
  }
  const docs = await Promise.all(pending);

  // Corpus stages: one pass over all documents in input order.
  removeSiteRepeats(docs);
  const dedupe = new Dedupe();
  for (const doc of docs) dedupe.add(doc);

  claimStages(docs);

  return { docs, problems, segmentCuts: segmentCounts };
}

function perDocument(source: SourceDoc, name: string, segmentCounts: Map<string, number>): Doc {
  const doc = createDoc(source, name, segmentText(source.text, segmentCounts));
  boilerplate(doc);
  quality(doc);
  return doc;
}
