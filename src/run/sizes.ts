// Input sizes for the progress line: the total bytes of the input files, and for each file how
// many bytes come before it in reading order (ingest reads files in walk order), so a document's
// byte offset in its file gives how far into the whole input the run is.
import { stat } from 'node:fs/promises';
import { walk } from '../ingest/walk.js';

export interface InputSizes {
  total: number;
  /** File path (as documents name it) -> bytes of the files read before it. */
  before: Map<string, number>;
}

export async function inputSizes(input: string): Promise<InputSizes> {
  const before = new Map<string, number>();
  let total = 0;
  for await (const entry of walk(input)) {
    if (entry.kind !== 'file') continue;
    before.set(entry.rel, total);
    try {
      total += (await stat(entry.abs)).size;
    } catch {
      // unreadable: ingest reports it; it adds nothing here
    }
  }
  return { total, before };
}

/** Total bytes of the input files (0 if the input cannot be read: ingest reports that). */
export async function inputBytes(input: string): Promise<number> {
  return (await inputSizes(input)).total;
}

/** The concurrency to run with: 1 (inline) for inputs too small to repay starting workers. */
export async function effectiveConcurrency(input: string, concurrency: number, minParallelBytes: number): Promise<number> {
  if (concurrency <= 1 || minParallelBytes <= 0) return concurrency;
  return (await inputBytes(input)) >= minParallelBytes ? concurrency : 1;
}
