// The spill file between the two passes of a streaming run: each document, once past the corpus
// stages, is appended here and read back in the same order when the corpus statistics are final.
// A record is "<header bytes> <changes bytes> <text bytes>\n", the header (what pass 1 left of the
// document, as JSON: PlainBody, made by the thread that ran pass 1), the corpus steps' changes to it
// (CorpusChanges as JSON, src/run/changes.ts), then the text as raw UTF-8 (no escaping, so a 50 MB
// text is copied, never re-encoded into a JSON string).
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeAll } from '../write/sink.js';

/**
 * A record as it is read back: its bytes, undecoded (the header's UTF-8, then the text's). The
 * main thread hands them to the worker that finishes the document (transferred, not copied), and
 * the worker decodes them (decodeRecord), so neither the decoding nor a copy of two strings per
 * document is done on the main thread. `bytes` has an ArrayBuffer of its own (safe to transfer).
 */
export interface SpillRecord {
  bytes: Uint8Array;
  /** Bytes of the header at the start of `bytes`. */
  headBytes: number;
  /** Bytes of the changes, after the header. */
  changesBytes: number;
}

/** A record's header, changes and text. */
export function decodeRecord({ bytes, headBytes, changesBytes }: SpillRecord): { header: string; changes: string; text: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = headBytes + changesBytes;
  return { header: buf.toString('utf8', 0, headBytes), changes: buf.toString('utf8', headBytes, at), text: buf.toString('utf8', at) };
}

/** Bytes of a record's text. */
export function textBytes({ bytes, headBytes, changesBytes }: SpillRecord): number {
  return bytes.byteLength - headBytes - changesBytes;
}

/** A record's text only. */
export function recordText({ bytes, headBytes, changesBytes }: SpillRecord): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', headBytes + changesBytes);
}

/**
 * The file is written and read with synchronous calls on the main thread: a record goes to the
 * page cache at once, and a write stream's buffering, callbacks and thread-pool round trips cost
 * more CPU than the copy itself.
 */
export class Spill {
  readonly file: string;
  private fd: number | undefined;
  count = 0;
  bytes = 0;

  private constructor(private readonly dir: string) {
    this.file = path.join(dir, 'docs.spill');
    this.fd = fs.openSync(this.file, 'w');
  }

  /** A spill in a fresh folder under the system temp folder (TMPDIR). */
  static async create(): Promise<Spill> {
    return new Spill(await fsp.mkdtemp(path.join(os.tmpdir(), 'sieve-run-')));
  }

  /** `header`: as text, or already UTF-8 (as the thread that ran pass 1 hands it over). */
  async add(header: string | Uint8Array, changes: string, text: string): Promise<void> {
    if (this.fd === undefined) throw new Error('spill file already ended');
    const head = typeof header === 'string' ? Buffer.from(header, 'utf8') : header;
    const delta = Buffer.from(changes, 'utf8');
    const body = Buffer.from(text, 'utf8');
    const prefix = Buffer.from(`${head.length} ${delta.length} ${body.length}\n`, 'latin1');
    this.count++;
    this.bytes += prefix.length + head.length + delta.length + body.length;
    writeAll(this.fd, [prefix, head, delta, body]);
  }

  /** Finish writing; then `read` may start. */
  async end(): Promise<void> {
    if (this.fd === undefined) return;
    fs.closeSync(this.fd);
    this.fd = undefined;
  }

  async *read(): AsyncGenerator<SpillRecord> {
    const fd = fs.openSync(this.file, 'r');
    try {
      let pos = 0;
      const probe = Buffer.alloc(64);
      for (let n = 0; n < this.count; n++) {
        const bytesRead = fs.readSync(fd, probe, 0, probe.length, pos);
        const nl = probe.subarray(0, bytesRead).indexOf(0x0a);
        if (nl === -1) throw new Error(`spill file damaged at byte ${pos}`);
        const [headBytes, changesBytes, textBytes] = probe.toString('latin1', 0, nl).split(' ').map(Number) as [number, number, number];
        pos += nl + 1;
        const length = headBytes + changesBytes + textBytes;
        const bytes = readExactly(fd, pos, length);
        pos += length;
        yield { bytes, headBytes, changesBytes };
      }
    } finally {
      fs.closeSync(fd);
    }
  }

  async remove(): Promise<void> {
    await this.end();
    await fsp.rm(this.dir, { recursive: true, force: true });
  }
}

/** `length` bytes at `pos`, in a buffer with an ArrayBuffer of its own (never Node's shared pool). */
function readExactly(fd: number, pos: number, length: number): Buffer {
  const buf = Buffer.allocUnsafeSlow(length);
  let at = 0;
  while (at < length) {
    const bytesRead = fs.readSync(fd, buf, at, length - at, pos + at);
    if (bytesRead === 0) throw new Error(`spill file ends early at byte ${pos + at}`);
    at += bytesRead;
  }
  return buf;
}
