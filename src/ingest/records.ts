// Records handed over by a program (the API's `clean`) instead of files: each is read exactly as a
// line of a JSONL input (parseRecord), so ids, urls, extra fields and bad records behave the same.
// A record's path is RECORDS_PATH and its line is its 1-based position.
import type { IngestItem } from '../types.js';
import { parseRecord } from './jsonl.js';
import { problem } from './problem.js';

/** One document to clean: `id` names its output (default: `records-<position>`); other fields are carried through. */
export interface InputRecord {
  id?: string | number;
  text: string;
  url?: string;
  [field: string]: unknown;
}

export type RecordSource = Iterable<InputRecord> | AsyncIterable<InputRecord>;

export const RECORDS_PATH = 'records';

export async function* recordItems(records: RecordSource): AsyncGenerator<IngestItem> {
  let n = 0;
  for await (const record of records) {
    n++;
    let line: string;
    try {
      line = JSON.stringify(record) ?? '';
    } catch (e) {
      yield problem(RECORDS_PATH, `record cannot be read as JSON (${e instanceof Error ? e.message : String(e)})`, `record ${n}`);
      continue;
    }
    const item = parseRecord(line, n, RECORDS_PATH, RECORDS_PATH) ?? problem(RECORDS_PATH, 'record has no "text" string', `record ${n}`);
    yield item.kind === 'problem' ? { ...item, problem: { ...item.problem, where: `record ${n}` } } : item;
  }
}
