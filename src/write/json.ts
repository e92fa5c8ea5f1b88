// The JSON writer: typed against the contract (output-types.ts is generated from the schema).
import type { Doc, InputProblem, Segment } from '../types.js';
import type { DocumentStats, SegmentOutput, SieveDocumentOutput, SieveRunIndex, MessageOutput } from './output-types.js';
import { isRemovalMessage } from '../doc.js';

export function documentOutput(doc: Doc): SieveDocumentOutput {
  const { source } = doc;
  const bySegment = new Map(doc.segments.map((s) => [s.id, s]));
  return {
    schemaVersion: 1,
    document: {
      id: source.id,
      path: source.path,
      ...(source.line !== undefined ? { line: source.line } : {}),
      format: source.format,
      ...(source.url !== undefined ? { url: source.url } : {}),
      chars: source.text.length,
      sha256: source.sha256,
      ...(source.extra !== undefined ? { extra: source.extra } : {}),
    },
    stats: documentStats(doc),
    segments: doc.segments.map(segmentOutput),
    claims: doc.claims.map((c) => {
      const copies = bySegment.get(c.segment)?.copies;
      return { ...c, occurrences: (copies?.length ?? 0) + 1, ...(copies?.length ? { copies: [...copies] } : {}) };
    }),
    sources: doc.sources.map((s) => ({ ...s })),
    messages: messages(doc),
  };
}

export function documentStats(doc: Doc): DocumentStats {
  const removed = { boilerplate: 0, quality: 0, dedupe: 0 };
  let kept = 0;
  for (const s of doc.segments) {
    if (s.status === 'kept') kept++;
    else if (s.reason) removed[s.reason.stage]++;
  }
  return { segments: doc.segments.length, kept, removed, claims: doc.claims.length };
}

function segmentOutput(s: Segment): SegmentOutput {
  return {
    id: s.id,
    start: s.start,
    end: s.end,
    text: s.text,
    status: s.status,
    ...(s.reason ? { reason: { stage: s.reason.stage, kind: s.reason.kind, rule: s.reason.rule, ...(s.reason.score !== undefined ? { score: s.reason.score } : {}) } } : {}),
    ...(s.duplicateOf !== undefined ? { duplicateOf: s.duplicateOf } : {}),
    ...(s.copies?.length ? { occurrences: s.copies.length + 1, copies: [...s.copies] } : {}),
  };
}

function messages(doc: Doc): MessageOutput[] {
  return doc.file.messages.filter((m) => !isRemovalMessage(m)).map((m) => ({
    source: m.source ?? 'sieve',
    ruleId: m.ruleId ?? 'unknown',
    reason: m.reason,
    severity: m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info',
    ...(m.place && 'start' in m.place && m.place.start.offset !== undefined ? { start: m.place.start.offset } : {}),
    ...(m.place && 'end' in m.place && m.place.end.offset !== undefined ? { end: m.place.end.offset } : {}),
  }));
}

export function runIndex(docs: Doc[], problems: InputProblem[], segmentCuts: Map<string, number>): SieveRunIndex {
  const totals = { documents: docs.length, chars: 0, segments: 0, kept: 0, removed: { boilerplate: 0, quality: 0, dedupe: 0 }, claims: 0, errors: 0 };
  const removals = new Map<string, Map<string, number>>();
  const documents = docs.map((doc) => {
    const stats = documentStats(doc);
    totals.chars += doc.source.text.length;
    totals.segments += stats.segments;
    totals.kept += stats.kept;
    totals.claims += stats.claims;
    for (const k of ['boilerplate', 'quality', 'dedupe'] as const) totals.removed[k] += stats.removed[k];
    for (const s of doc.segments) {
      if (!s.reason) continue;
      const byRule = removals.get(s.reason.stage) ?? new Map<string, number>();
      removals.set(s.reason.stage, byRule);
      byRule.set(s.reason.rule, (byRule.get(s.reason.rule) ?? 0) + 1);
    }
    return {
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
    };
  });
  totals.errors = problems.filter((p) => p.severity === 'error').length;
  const stages: Record<string, Record<string, number>> = { segment: sortedRecord(segmentCuts) };
  for (const stage of ['boilerplate', 'quality', 'dedupe']) stages[stage] = sortedRecord(removals.get(stage) ?? new Map());
  return {
    schemaVersion: 1,
    totals,
    documents,
    problems: problems.map((p) => ({ path: p.path, ...(p.where ? { where: p.where } : {}), message: p.message, severity: p.severity })),
    stages,
  };
}

// Counts gathered while documents finish in any order: keys sorted so the output is stable.
function sortedRecord(m: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
