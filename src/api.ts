// sieve as a library (exported by src/index.ts): the run of src/run/stream.ts on records handed
// over by a program, each document's output given back as the JSON contract (an object of
// src/write/output-types.ts, exactly what <name>.json holds). Settings belong to an instance
// (createSieve); nothing is kept in module state, so instances with different settings can run
// side by side in one process.
import { readTaxonomy, validateTaxonomy, type Taxonomy } from './topics/index.js';
import { runStreaming } from './run/stream.js';
import { NullSink } from './run/memory.js';
import type { ExecutorFactory } from './run/executor.js';
import { checkOverrides, type Overrides, type SettingsInput } from './settings.js';
import type { InputRecord, RecordSource } from './ingest/records.js';
import type { InputProblem } from './types.js';
import type { SieveDocumentOutput } from './write/output-types.js';

/** A taxonomy as its file holds it (src/topics/taxonomy.json); checked as a file would be. */
export interface TaxonomyInput {
  id?: string;
  scoring?: Partial<Taxonomy['scoring']>;
  topics: { id: string; label?: string; description?: string; cues?: (string | { terms: string[]; weight?: number; why?: string })[]; examples?: string[] }[];
  adviceTopics?: string[];
}

export interface SieveOptions {
  /** Topics to tag claims with: a taxonomy (as its JSON file holds it) or the path of its file (default: consumer health). */
  taxonomy?: TaxonomyInput | string;
  /** Documents processed at once; above 1 in worker threads (default 1). The output is the same at any value. */
  concurrency?: number;
  /** Where the per-document steps run instead of the built-in executors (src/run/executor.ts). */
  executor?: ExecutorFactory;
  /** Threshold overrides by name, `{"boilerplate.teasers.minRun": 4}` or nested (src/settings.ts); checked at once. */
  settings?: SettingsInput;
}

export interface Sieve {
  /** One text in, its output out; `id` names it (default "text"), `url` helps tell a page's type. */
  cleanText(text: string, doc?: { id?: string; url?: string }): Promise<SieveDocumentOutput>;
  /** Records in, outputs out in input order; duplicates are found across all the records. */
  clean(records: RecordSource): AsyncIterable<SieveDocumentOutput>;
}

/** A bad record or a document a step failed on: the message names it ("record 3: record has no "text" string"). */
export class SieveInputError extends Error {
  constructor(readonly problem: InputProblem) {
    super(`${problem.where ?? problem.path}: ${problem.message}`);
    this.name = 'SieveInputError';
  }
}

/** How many finished documents wait for the reader before the run pauses. */
const AHEAD = 16;

export function createSieve(options: SieveOptions = {}): Sieve {
  const taxonomy = typeof options.taxonomy === 'string' ? readTaxonomy(options.taxonomy) : options.taxonomy !== undefined ? validateTaxonomy(options.taxonomy, 'taxonomy option') : undefined;
  const settings = checkOverrides(options.settings, 'settings option');
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new RangeError(`sieve: "concurrency" must be a whole number from 1 to 64, not ${JSON.stringify(options.concurrency)}`);
  const clean = (records: RecordSource): AsyncIterable<SieveDocumentOutput> => ({
    [Symbol.asyncIterator]: () => outputs(records, { concurrency, settings, ...(taxonomy ? { taxonomy } : {}), ...(options.executor ? { executor: options.executor } : {}) }),
  });
  return {
    clean,
    async cleanText(text, doc = {}) {
      if (typeof text !== 'string') throw new TypeError('sieve: cleanText needs a string');
      const record: InputRecord = { id: doc.id ?? 'text', text, ...(doc.url !== undefined ? { url: doc.url } : {}) };
      for await (const out of clean([record])) return out;
      throw new Error('sieve: no output for the text');
    },
  };
}

/** cleanText with settings for this call only. */
export function cleanText(text: string, options: SieveOptions & { id?: string; url?: string } = {}): Promise<SieveDocumentOutput> {
  const { id, url, ...settings } = options;
  return createSieve(settings).cleanText(text, { ...(id !== undefined ? { id } : {}), ...(url !== undefined ? { url } : {}) });
}

/** clean with settings for this call only. */
export function clean(records: RecordSource, options: SieveOptions = {}): AsyncIterable<SieveDocumentOutput> {
  return createSieve(options).clean(records);
}

const decoder = new TextDecoder();
class Stopped extends Error {}

/**
 * The run in the background, its outputs handed to the reader as they are written. The run waits
 * when AHEAD outputs are unread; a reader that stops early ends the run (workers and spill file
 * are let go).
 */
async function* outputs(records: RecordSource, settings: { concurrency: number; settings: Overrides; taxonomy?: Taxonomy; executor?: ExecutorFactory }): AsyncGenerator<SieveDocumentOutput> {
  const ready: SieveDocumentOutput[] = [];
  let wake: (() => void) | undefined;
  let resume: (() => void) | undefined;
  let stopped = false;
  let finished = false;
  let failure: unknown;
  const poke = (): void => { wake?.(); wake = undefined; };
  const run = runStreaming({
    ...settings,
    input: records,
    formats: ['json'],
    sink: new NullSink(),
    onProblem: (p) => { if (p.severity === 'error') throw new SieveInputError(p); },
    onDocument: async ({ rendered }) => {
      if (stopped) throw new Stopped();
      ready.push(JSON.parse((rendered.json ?? []).map((u) => decoder.decode(u, { stream: true })).join('') + decoder.decode()) as SieveDocumentOutput);
      poke();
      if (ready.length >= AHEAD) await new Promise<void>((r) => { resume = r; });
      if (stopped) throw new Stopped();
    },
  }).then(
    () => { finished = true; poke(); },
    (e: unknown) => { finished = true; failure = e; poke(); },
  );
  try {
    for (;;) {
      const next = ready.shift();
      if (next) {
        resume?.();
        resume = undefined;
        yield next;
        continue;
      }
      if (finished) {
        if (failure !== undefined && !(failure instanceof Stopped)) throw failure;
        return;
      }
      await new Promise<void>((r) => { wake = r; });
    }
  } finally {
    stopped = true;
    resume?.();
    await run;
  }
}
