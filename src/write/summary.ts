// The run index from compact per-document summaries, so a streaming run can write index.json and
// index.md at the end without holding its documents: each document leaves one small entry.
import type { Doc, InputProblem } from '../types.js';
import type { SieveRunIndex } from './output-types.js';
import { documentStats } from './json.js';
import { RepeatsTally } from './markdown-repeats.js';
import { STEP_NAMES } from '../pipeline.js';
import type { Tallies } from '../run/steps.js';
import { reviewSummary, RunReview, type ReviewSummary } from './html/run-data.js';

type IndexDocument = SieveRunIndex['documents'][number];
const STAGES = ['boilerplate', 'quality', 'dedupe'] as const;

/** What the index needs of one document: its row, its removals by stage, and by rule. */
export interface DocSummary {
  entry: IndexDocument;
  removed: { boilerplate: number; quality: number; dedupe: number };
  /** [stage, rule, count] for every segment that has a reason. */
  rules: [string, string, number][];
  /** Its kept segments with copies, for the run's most repeated sentences (most documents: none). */
  repeated: Pick<Doc, 'segments'>;
  /** What the run's review page needs of it beyond index.json (its message count). */
  review: ReviewSummary;
}

export function summarize(doc: Doc): DocSummary {
  const stats = documentStats(doc);
  const rules = new Map<string, [string, string, number]>();
  for (const s of doc.segments) {
    if (!s.reason) continue;
    const key = `${s.reason.stage}\u0000${s.reason.rule}`;
    const had = rules.get(key);
    if (had) had[2]++;
    else rules.set(key, [s.reason.stage, s.reason.rule, 1]);
  }
  return {
    entry: {
      id: doc.source.id,
      name: doc.name,
      path: doc.source.path,
      ...(doc.source.line !== undefined ? { line: doc.source.line } : {}),
      ...(doc.source.url !== undefined ? { url: doc.source.url } : {}),
      chars: doc.source.text.length,
      segments: stats.segments,
      kept: stats.kept,
      removed: stats.segments - stats.kept,
      claims: stats.claims,
    },
    removed: stats.removed,
    rules: [...rules.values()],
    repeated: { segments: doc.segments.filter((s) => s.status === 'kept' && s.copies?.length).map((s) => ({ ...s })) },
    review: reviewSummary(doc),
  };
}

/** Adds summaries in input order; `build` gives the index exactly as runIndex over the documents would. */
export class IndexBuilder {
  readonly totals = { documents: 0, chars: 0, segments: 0, kept: 0, removed: { boilerplate: 0, quality: 0, dedupe: 0 }, claims: 0, errors: 0 };
  private readonly documents: IndexDocument[] = [];
  private readonly removals = new Map<string, Map<string, number>>();
  private readonly repeats = new RepeatsTally();
  /** For index.html: per document its message count. */
  readonly review = new RunReview();

  add(summary: DocSummary): void {
    const { entry } = summary;
    const t = this.totals;
    t.documents++;
    t.chars += entry.chars;
    t.segments += entry.segments;
    t.kept += entry.kept;
    t.claims += entry.claims;
    for (const k of STAGES) t.removed[k] += summary.removed[k];
    for (const [stage, rule, n] of summary.rules) {
      const byRule = this.removals.get(stage) ?? new Map<string, number>();
      this.removals.set(stage, byRule);
      byRule.set(rule, (byRule.get(rule) ?? 0) + n);
    }
    this.documents.push(entry);
    this.repeats.add(summary.repeated);
    this.review.add(summary.review);
  }

  build(problems: InputProblem[], segmentCuts: Map<string, number>, tallies: Tallies, producer: SieveRunIndex['producer']): SieveRunIndex {
    const totals = { ...this.totals, removed: { ...this.totals.removed }, errors: problems.filter((p) => p.severity === 'error').length };
    const stages: Record<string, Record<string, number>> = { segment: sortedRecord(segmentCuts) };
    for (const stage of STAGES) stages[stage] = sortedRecord(this.removals.get(stage) ?? new Map());
    return {
      schemaVersion: 1,
      producer,
      totals,
      documents: this.documents,
      problems: problems.map((p) => ({ path: p.path, ...(p.where ? { where: p.where } : {}), message: p.message, severity: p.severity })),
      stages,
      repeated: this.repeats.result(),
      // What each step did, in the declared order; the counts only (milliseconds would differ from run to run).
      steps: STEP_NAMES.flatMap((name) => {
        const t = tallies[name];
        return t ? [{ name, documents: t.documents, segmentsIn: t.segmentsIn, segmentsOut: t.segmentsOut, removed: sortedRecord(new Map(Object.entries(t.removed))) }] : [];
      }),
    };
  }
}

// Counts gathered while documents finish in any order: keys sorted so the output is stable.
function sortedRecord(m: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
