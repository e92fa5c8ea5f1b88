// The writers: per document <name>.json, <name>.md and the review page <name>.html; for the run
// index.json, index.md, index.html and cleaned.jsonl (one line per document, in input order).
// `writeRun` writes a run held in memory; a streaming run (src/run/stream.ts) renders each
// document with `renderDocument` as soon as it is final and writes the index from summaries
// (`writeIndex`).
import type { Doc, InputProblem } from '../types.js';
import type { PipelineResult } from '../pipeline.js';
import type { SieveRunIndex } from './output-types.js';
import { documentOutput, runIndex, toJson, toJsonPieces } from './json.js';
import { documentMarkdown, indexMarkdown } from './markdown.js';
import { cleanedLine } from './cleaned.js';
import { documentHtml } from './html/document.js';
import { runHtml } from './html/run.js';
import { RunReview, reviewSummary } from './html/run-data.js';
import type { Content, Sink } from './sink.js';
import { producer } from '../provenance.js';
import { defaultTaxonomy } from '../topics/index.js';

export type Format = 'json' | 'md' | 'jsonl' | 'html';
export const FORMATS: Format[] = ['json', 'md', 'jsonl', 'html'];

/** One document's files: `<name>.json`, `<name>.md`, `<name>.html`, its cleaned.jsonl line. */
export interface RenderedDocument<C = Content> {
  json?: C;
  md?: C;
  html?: C;
  cleaned?: C;
}

/**
 * Documents with more text than this (characters) have their JSON rendered element by element
 * (toJsonPieces); below it, in one JSON.stringify (toJson), which is the same text (see
 * toJsonPieces) made about twice as fast.
 */
export const JSON_PIECES_ABOVE = 1 << 20;

/**
 * A document's files as pieces of text (concatenated, each file exactly): a huge document's JSON
 * comes out element by element (toJsonPieces), so it can be encoded and written piece by piece.
 */
export function renderDocument(doc: Doc, formats: readonly Format[]): RenderedDocument<Iterable<string>> {
  const out: RenderedDocument<Iterable<string>> = {};
  // The review page is drawn from the JSON's own data, so the two cannot disagree.
  const data = formats.includes('json') || formats.includes('html') ? documentOutput(doc) : undefined;
  if (formats.includes('json')) out.json = doc.source.text.length > JSON_PIECES_ABOVE ? toJsonPieces(data!) : [toJson(data!)];
  if (formats.includes('md')) out.md = [documentMarkdown(doc)];
  if (formats.includes('html')) out.html = documentHtml(data!, doc.source.text, doc.name);
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
  if (rendered.html !== undefined) await sink.write(`${name}.html`, rendered.html);
  if (rendered.cleaned !== undefined) await sink.append('cleaned.jsonl', rendered.cleaned);
}

/** `review`: what the run page needs beyond the index (IndexBuilder gathers it). */
export async function writeIndex(index: SieveRunIndex, sink: Sink, formats: readonly Format[], review: RunReview = new RunReview()): Promise<void> {
  if (formats.includes('json')) await sink.write('index.json', toJson(index));
  if (formats.includes('md')) await sink.write('index.md', indexMarkdown(index));
  if (formats.includes('html')) await sink.write('index.html', runHtml(index, review));
}

export async function writeRun(result: PipelineResult, sink: Sink, formats: Format[]): Promise<void> {
  if (formats.includes('jsonl')) await sink.append('cleaned.jsonl', '');
  for (const doc of result.docs) await writeDocument(doc.name, renderText(doc, formats), sink);
  const review = new RunReview();
  for (const doc of result.docs) review.add(reviewSummary(doc));
  await writeIndex(runIndex(result.docs, result.problems as InputProblem[], result.segmentCuts, result.steps, producer(defaultTaxonomy, { formats, settings: {} })), sink, formats, review);
}
