// JSONL: one document per non-blank line, read as a byte stream so a huge file never sits in memory whole.
// We split on raw 0x0A bytes and decode each line strictly, so bad bytes are reported per line
// (readline over a utf8 stream would silently turn them into U+FFFD).
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IngestItem } from '../types.js';
import { bomLength, decodeBytes, decodeUtf8, detectBom } from './decode.js';
import { makeDoc } from './doc.js';
import { oneLine, problem, readErrorMessage } from './problem.js';

const CHUNK = 64 * 1024;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One decoded line -> a doc, a problem, or nothing (blank line). Exported for the tests. */
export function parseRecord(line: string, lineNo: number, rel: string, stem: string): IngestItem | undefined {
  if (line.trim() === '') return undefined;
  const where = `line ${lineNo}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return problem(rel, `invalid JSON (${oneLine(err instanceof Error ? err.message : String(err), 160)})`, where);
  }
  if (!isObject(value) || typeof value.text !== 'string') return problem(rel, 'record has no "text" string', where);

  const { text, id, url, ...rest } = value;
  // null counts as absent for id and url: dumps often write "url": null.
  let rawId: string | number;
  if (id === undefined || id === null) rawId = `${stem}-${lineNo}`;
  else if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) rawId = id;
  else return problem(rel, 'record "id" is not a string or a number', where);
  if (url !== undefined && url !== null && typeof url !== 'string') return problem(rel, 'record "url" is not a string', where);

  const doc = makeDoc({ id: String(rawId), rawId, path: rel, line: lineNo, format: 'jsonl', text });
  if (typeof url === 'string') doc.url = url;
  if (Object.keys(rest).length > 0) doc.extra = rest;
  return { kind: 'doc', doc };
}

/** Raw bytes of one line (without its \n) -> item. `start` is the line's byte offset in the file. */
function lineItem(bytes: Buffer, lineNo: number, start: number, rel: string, stem: string): IngestItem | undefined {
  if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1); // CRLF
  const nul = bytes.indexOf(0);
  if (nul !== -1) return problem(rel, `binary data (NUL byte at byte ${start + nul})`, `line ${lineNo}`);
  const decoded = decodeUtf8(bytes, start);
  if (!decoded.ok) return problem(rel, decoded.message, `line ${lineNo}`);
  return parseRecord(decoded.text, lineNo, rel, stem);
}

/** UTF-16 files cannot be split on 0x0A bytes; they are rare, so decode them whole. */
async function* readWholeUtf16(abs: string, rel: string, stem: string): AsyncGenerator<IngestItem> {
  const decoded = decodeBytes(await readFile(abs));
  if (!decoded.ok) {
    yield problem(rel, decoded.message);
    return;
  }
  const lines = decoded.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const item = parseRecord(lines[i]!.replace(/\r$/, ''), i + 1, rel, stem);
    if (item) yield item;
  }
}

/**
 * Stream a .jsonl file. A NUL byte in the first chunk (64 KiB, checked before any record is yielded)
 * makes the whole file "binary file"; a NUL found later can only be reported for its line, since
 * earlier records have already gone out.
 */
export async function* readJsonl(abs: string, rel: string, stem: string): AsyncGenerator<IngestItem> {
  const stream = createReadStream(abs, { highWaterMark: CHUNK });
  let first = true;
  let lineNo = 0;
  let chunkStart = 0; // file offset of the current chunk
  let lineStart = 0; // file offset of the line being assembled
  let pending: Buffer[] = []; // pieces of a line that spans chunks
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      if (first) {
        first = false;
        const bom = detectBom(chunk);
        if (bom === 'utf-16le' || bom === 'utf-16be') {
          stream.destroy();
          yield* readWholeUtf16(abs, rel, stem);
          return;
        }
        from = lineStart = bomLength(bom);
        const nul = chunk.indexOf(0, from);
        if (nul !== -1) {
          stream.destroy();
          yield problem(rel, `binary file (NUL byte at byte ${nul})`);
          return;
        }
      }
      for (let nl = chunk.indexOf(0x0a, from); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
        pending.push(chunk.subarray(from, nl));
        const bytes = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
        const item = lineItem(bytes, ++lineNo, lineStart, rel, stem);
        pending = [];
        from = nl + 1;
        lineStart = chunkStart + from;
        if (item) yield item.kind === 'doc' ? { ...item, end: lineStart } : item;
      }
      if (from < chunk.length) pending.push(chunk.subarray(from));
      chunkStart += chunk.length;
    }
    if (pending.length > 0) {
      // Last line without a trailing newline.
      const item = lineItem(Buffer.concat(pending), ++lineNo, lineStart, rel, stem);
      if (item) yield item.kind === 'doc' ? { ...item, end: chunkStart } : item;
    }
  } catch (err) {
    // Open/read errors surface here (EACCES, EISDIR, EIO mid-file); records already yielded stay valid.
    yield problem(rel, readErrorMessage(err));
  }
}
