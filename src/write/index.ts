// The writers: per document <name>.json and <name>.md; for the run index.json, index.md and
// cleaned.jsonl (one line per document, in input order).
import type { Doc } from '../types.js';
import type { PipelineResult } from '../pipeline.js';
import { documentOutput, runIndex, toJson } from './json.js';
import { documentMarkdown, indexMarkdown } from './markdown.js';
import { cleanedLine } from './cleaned.js';
import type { Sink } from './sink.js';

export type Format = 'json' | 'md' | 'jsonl';
export const FORMATS: Format[] = ['json', 'md', 'jsonl'];

export async function writeRun(result: PipelineResult, sink: Sink, formats: Format[]): Promise<void> {
  const want = new Set(formats);
  for (const doc of result.docs) await writeDocument(doc, sink, want);
  const index = runIndex(result.docs, result.problems, result.segmentCuts);
  if (want.has('json')) await sink.write('index.json', toJson(index));
  if (want.has('md')) await sink.write('index.md', indexMarkdown(index, result.docs));
  if (want.has('jsonl')) await sink.write('cleaned.jsonl', result.docs.map(cleanedLine).join(''));
}

async function writeDocument(doc: Doc, sink: Sink, want: Set<Format>): Promise<void> {
  if (want.has('json')) await sink.write(`${doc.name}.json`, toJson(documentOutput(doc)));
  if (want.has('md')) await sink.write(`${doc.name}.md`, documentMarkdown(doc));
}
