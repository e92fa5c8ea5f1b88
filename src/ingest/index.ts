// The ingest stage: walk the input, decode every file, yield documents and problems in a stable order.
import type { IngestItem } from '../types.js';
import { errorCode, problem } from './problem.js';
import { readFileItems } from './read.js';
import { walk } from './walk.js';

export { formatProblem } from './problem.js';

/**
 * Every document under `inputPath` (a file or a folder), in POSIX-path codepoint order.
 * Bad inputs come out as `problem` items in their place; this never throws for a bad file.
 */
export async function* readInputs(inputPath: string): AsyncGenerator<IngestItem> {
  for await (const entry of walk(inputPath)) {
    if (entry.kind === 'problem') {
      yield entry;
      continue;
    }
    try {
      yield* readFileItems(entry.abs, entry.rel);
    } catch (err) {
      // Safety net for anything unforeseen (e.g. a parser bug): report the file, go on with the rest.
      yield problem(entry.rel, `cannot process (${errorCode(err)})`);
    }
  }
}
