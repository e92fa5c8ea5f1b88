// The writers: per document <name>.json and <name>.md; for the run index.json, index.md and
// cleaned.jsonl (one line per document, in input order). `writeRun` writes a run held in memory;
// a streaming run (src/run/stream.ts) renders each document with `renderDocument` as soon as it
// is final and writes the index from summaries (`writeIndex`).
import type { Doc, InputProblem } from '../types.js';
import type { PipelineResult } from '../pipeline.js';
import type { SieveRunIndex } from './output-types.js';
import { documentOutput, runIndex, toJson, toJsonPieces } from './json.js';
import { documentMarkdown, indexMarkdown } from './markdown.js';
import { cleanedLine } from './cleaned.js';
import type { Content, Sink } from './sink.js';
import { producer } from '../provenance.js';
import { defaultTaxonomy } from '../topics/index.js';

export type Format = 'json' | 'md' | 'jsonl';
export const FORMATS: Format[] = ['json', 'md', 'jsonl'];

/** One document's files: `<name>.json`, `<name>.md`, its cleaned.jsonl line. */
export interface RenderedDocument<C = Content> {
  json?: C;
  md?: C;
  cleaned?: C;
}

/**
 * A document's files as pieces of text (concatenated, each file exactly): the JSON comes out
 * element by element (toJsonPieces), so a huge document can be encoded and written piece by piece.
 */
export function renderDocument(doc: Doc, formats: readonly Format[]): RenderedDocument<Iterable<string>> {
  const out: RenderedDocument<Iterable<string>> = {};
  if (formats.includes('json')) out.json = toJsonPieces(documentOutput(doc));
  if (formats.includes('md')) out.md = [documentMarkdown(doc)];
  if (formats.includes('jsonl')) out.cleaned = [cleanedLine(doc)];
  return out;
}

/** The rendered files as whole strings. */
export function renderText(doc: Doc, formats: readonly Format[]): RenderedDocument<string> {
  const out: RenderedDocument<string> = {};
  for (const [k, pieces] of Object.entries(renderDocument(doc, formats)) as [keyof RenderedDocument, Iterable<string>][]) out[k] = [...pieces].join('');
  return out;
}

/** Write one rendered document (cleaned.jsonl is appended, in the order of the calls). */
export async function writeDocument(name: string, rendered: RenderedDocument, sink: Sink): Promise<void> {
  if (rendered.json !== undefined) await sink.write(`${name}.json`, rendered.json);
  if (rendered.md !== undefined) await sink.write(`${name}.md`, rendered.md);
  if (rendered.cleaned !== undefined) await sink.append('cleaned.jsonl', rendered.cleaned);
}

export async function writeIndex(index: SieveRunIndex, sink: Sink, formats: readonly Format[]): Promise<void> {
  if (formats.includes('json')) await sink.write('index.json', toJson(index));
  if (formats.includes('md')) await sink.write('index.md', indexMarkdown(index));
}

export async function writeRun(result: PipelineResult, sink: Sink, formats: Format[]): Promise<void> {
  if (formats.includes('jsonl')) await sink.append('cleaned.jsonl', '');
  for (const doc of result.docs) await writeDocument(doc.name, renderText(doc, formats), sink);
  await writeIndex(runIndex(result.docs, result.problems as InputProblem[], result.segmentCuts, result.steps, producer(defaultTaxonomy, { formats, settings: {} })), sink, formats);
}
