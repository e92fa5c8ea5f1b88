// One walked file -> items, dispatched by extension.
import { readFile } from 'node:fs/promises';
import type { IngestItem } from '../types.js';
import { decodeBytes } from './decode.js';
import { FORMATS, makeDoc, splitName } from './doc.js';
import { htmlToText } from './html.js';
import { readJsonl } from './jsonl.js';
import { problem, readErrorMessage } from './problem.js';

/**
 * Read the file at `abs`, reported as `rel`. Never throws: a bad file becomes one problem item.
 * txt/md/html are read whole; jsonl is streamed line by line.
 */
export async function* readFileItems(abs: string, rel: string): AsyncGenerator<IngestItem> {
  const { ext, stem } = splitName(rel);
  const format = FORMATS[ext];
  if (format === undefined) {
    yield problem(rel, ext === '' ? 'skipped: no file extension' : `skipped: unknown extension ${ext}`, undefined, 'note');
    return;
  }
  if (format === 'jsonl') {
    yield* readJsonl(abs, rel, stem);
    return;
  }

  let bytes: Buffer;
  try {
    bytes = await readFile(abs);
  } catch (err) {
    yield problem(rel, readErrorMessage(err));
    return;
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    yield problem(rel, decoded.message);
    return;
  }
  // HTML: the extracted visible text becomes the document text; offsets downstream refer to it.
  // Note: the bytes are decoded as UTF-8 whatever <meta charset> says.
  const text = format === 'html' ? htmlToText(decoded.text) : decoded.text;
  yield { kind: 'doc', doc: makeDoc({ id: stem, rawId: stem, path: rel, format, text }), end: bytes.length };
}
