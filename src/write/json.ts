// The JSON writer: typed against the contract (output-types.ts is generated from the schema).
import type { Doc, InputProblem, Segment } from '../types.js';
import type { DocumentStats, SegmentOutput, SieveDocumentOutput, SieveRunIndex, MessageOutput } from './output-types.js';
import { isRemovalMessage } from '../doc.js';
import type { Tallies } from '../run/steps.js';
import { producer } from '../provenance.js';
import { defaultTaxonomy } from '../topics/index.js';
import { IndexBuilder, summarize } from './summary.js';

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

/** `made`: what produced the run (default: the default taxonomy, every format, no overrides). */
export function runIndex(docs: Doc[], problems: InputProblem[], segmentCuts: Map<string, number>, steps: Tallies = {}, made: SieveRunIndex['producer'] = producer(defaultTaxonomy, { formats: ['json', 'md', 'jsonl'], settings: {} })): SieveRunIndex {
  const index = new IndexBuilder();
  for (const doc of docs) index.add(summarize(doc));
  return index.build(problems, segmentCuts, steps, made);
}

export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/**
 * toJson(value) in pieces whose concatenation is exactly the same text: each element of a
 * top-level array is serialised on its own, so a huge document (300 000 segments) is never one
 * string of hundreds of MB. JSON.stringify's indentation is purely structural (a line break never
 * occurs inside a serialised string), so indenting a nested value's text reproduces it.
 */
export function* toJsonPieces(value: object): Generator<string> {
  const record = value as Record<string, unknown>;
  if (Array.isArray(value) || typeof record.toJSON === 'function') {
    yield toJson(value);
    return;
  }
  const keys = Object.keys(record).filter((k) => serialisable(record[k]));
  if (!keys.length) {
    yield '{}\n';
    return;
  }
  yield '{\n';
  for (let n = 0; n < keys.length; n++) {
    const key = keys[n]!;
    const v = record[key];
    const head = `  ${JSON.stringify(key)}: `;
    const tail = n < keys.length - 1 ? ',\n' : '\n';
    if (Array.isArray(v) && v.length > 0) {
      yield `${head}[\n`;
      for (let i = 0; i < v.length; i++) {
        const item = serialisable(v[i]) ? JSON.stringify(v[i], null, 2) : 'null';
        yield `    ${indent(item, '    ')}${i < v.length - 1 ? ',\n' : '\n'}`;
      }
      yield `  ]${tail}`;
    } else {
      yield `${head}${indent(JSON.stringify(v, null, 2), '  ')}${tail}`;
    }
  }
  yield '}\n';
}

const serialisable = (v: unknown): boolean => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
const indent = (text: string, pad: string): string => (text.includes('\n') ? text.replace(/\n/gu, `\n${pad}`) : text);
