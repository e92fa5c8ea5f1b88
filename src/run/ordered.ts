// Pass 1's front half, shared by the streaming run and the in-memory runPipeline: read the input
// (ingest streams it), hand each document to the executor, and give the results back in input
// order with a bounded window in flight (documents and characters), so memory does not grow with
// the input and the corpus stages see documents in the same order at any concurrency.
import { readInputs } from '../ingest/index.js';
import { recordItems, type RecordSource } from '../ingest/records.js';
import { oneLine, problem } from '../ingest/problem.js';
import { NameRegistry } from '../names.js';
import type { Doc, InputProblem, SourceDoc } from '../types.js';
import { corpusDoc } from './changes.js';
import { quietRemovals } from '../doc.js';
import type { Executor } from './executor.js';
import type { Overrides } from '../settings.js';
import type { Prepared } from './stages.js';
import type { SegmentTerms } from './corpus.js';
import type { Tallies } from './steps.js';
import type { PackedKeys } from '../dedupe/keys.js';
import type { SiteLines } from '../boilerplate/site-repeats.js';

export type OrderedItem =
  | { kind: 'problem'; problem: InputProblem }
  | { kind: 'doc'; doc: Doc; head: Uint8Array; kept: Uint8Array; lines?: SiteLines; terms?: SegmentTerms; keys?: PackedKeys; cuts: [string, number][]; tallies: Tallies; end?: number };

interface Waiting {
  item: { kind: 'problem'; problem: InputProblem } | { kind: 'doc'; source: SourceDoc; name: string; end?: number };
  result?: Promise<Prepared | Error>;
}

export interface WindowLimits {
  /** Documents dispatched and not yet handed on. */
  docs: number;
  /** Characters of text in flight (a larger single document still goes, alone). */
  chars: number;
}

export function windowFor(exec: Executor): WindowLimits {
  return { docs: exec.workers ? exec.workers * 4 : 1, chars: 64 * 1024 * 1024 };
}

/** Documents of `input` (a file or folder, or records) after pass 1's steps, and input problems, in input order. */
export async function* preparedInOrder(input: string | RecordSource, exec: Executor, limits = windowFor(exec), overrides: Overrides = {}): AsyncGenerator<OrderedItem> {
  const settings = Object.keys(overrides).length ? { overrides } : {};
  const names = new NameRegistry();
  const window: Waiting[] = [];
  let chars = 0;

  const next = async (): Promise<OrderedItem> => {
    const head = window.shift()!;
    if (head.item.kind === 'problem') return head.item;
    const { source, name, end } = head.item;
    chars -= source.text.length;
    const result = await head.result!;
    if (result instanceof Error) {
      // A step failed on this document (its message names the step): reported like a bad input, and the run goes on.
      return problem(source.path, `cannot process (${oneLine(result.message, 200)})`, source.line !== undefined ? `line ${source.line}` : undefined);
    }
    // The corpus steps' removals on it are spilled as changes, without messages: none are made (quietRemovals).
    return { kind: 'doc', doc: quietRemovals(corpusDoc(source, name, result)), head: result.head, kept: result.kept, ...(result.lines ? { lines: result.lines } : {}), ...(result.terms ? { terms: result.terms } : {}), ...(result.keys ? { keys: result.keys } : {}), cuts: result.cuts, tallies: result.tallies, ...(end !== undefined ? { end } : {}) };
  };

  for await (const item of typeof input === 'string' ? readInputs(input) : recordItems(input)) {
    if (item.kind === 'problem') {
      window.push({ item });
    } else {
      const source = item.doc;
      // Names are claimed in input order, so they never depend on which document finished first.
      const name = names.claim(source.path, source.line !== undefined ? source.id : undefined);
      // The stages read the text only: the record's other fields (often larger than the text) stay here.
      const { extra: _extra, ...light } = source;
      const result = exec.run('prepare', { source: light, name, summaries: exec.workers > 0, ...settings }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      window.push({ item: { kind: 'doc', source, name, ...(item.end !== undefined ? { end: item.end } : {}) }, result });
      chars += source.text.length;
    }
    while (window.length >= limits.docs || (chars > limits.chars && window.length > 1)) yield await next();
  }
  while (window.length) yield await next();
}
