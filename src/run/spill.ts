// The spill file between the two passes of a streaming run: each document, once past the corpus
// stages, is appended here and read back in the same order when the corpus statistics are final.
// A record is "<header bytes> <text bytes>\n", the header (a PlainDoc as JSON), then the text as
// raw UTF-8 (no escaping, so a 50 MB text is copied, never re-encoded into a JSON string).
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface SpillRecord {
  header: string;
  text: string;
}

export class Spill {
  readonly file: string;
  private readonly out: fs.WriteStream;
  private failed: Error | undefined;
  count = 0;
  bytes = 0;

  private constructor(private readonly dir: string) {
    this.file = path.join(dir, 'docs.spill');
    this.out = fs.createWriteStream(this.file);
    this.out.on('error', (e) => { this.failed = e; });
  }

  /** A spill in a fresh folder under the system temp folder (TMPDIR). */
  static async create(): Promise<Spill> {
    return new Spill(await fsp.mkdtemp(path.join(os.tmpdir(), 'sieve-run-')));
  }

  async add(header: string, text: string): Promise<void> {
    if (this.failed) throw this.failed;
    const head = Buffer.from(header, 'utf8');
    const body = Buffer.from(text, 'utf8');
    const prefix = `${head.length} ${body.length}\n`;
    this.count++;
    this.bytes += prefix.length + head.length + body.length;
    this.out.write(prefix);
    this.out.write(head);
    if (!this.out.write(body)) await new Promise<void>((resolve) => this.out.once('drain', resolve));
  }

  /** Finish writing; then `read` may start. */
  async end(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    if (this.failed) throw this.failed;
  }

  async *read(): AsyncGenerator<SpillRecord> {
    const handle = await fsp.open(this.file, 'r');
    try {
      let pos = 0;
      const probe = Buffer.alloc(64);
      for (let n = 0; n < this.count; n++) {
        const { bytesRead } = await handle.read(probe, 0, probe.length, pos);
        const nl = probe.subarray(0, bytesRead).indexOf(0x0a);
        if (nl === -1) throw new Error(`spill file damaged at byte ${pos}`);
        const [headBytes, textBytes] = probe.toString('latin1', 0, nl).split(' ').map(Number) as [number, number];
        pos += nl + 1;
        const header = (await readExactly(handle, pos, headBytes)).toString('utf8');
        pos += headBytes;
        const text = (await readExactly(handle, pos, textBytes)).toString('utf8');
        pos += textBytes;
        yield { header, text };
      }
    } finally {
      await handle.close();
    }
  }

  async remove(): Promise<void> {
    if (!this.out.closed) {
      const closed = once(this.out, 'close');
      this.out.destroy();
      await closed;
    }
    await fsp.rm(this.dir, { recursive: true, force: true });
  }
}

async function readExactly(handle: fsp.FileHandle, pos: number, length: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(length);
  let at = 0;
  while (at < length) {
    const { bytesRead } = await handle.read(buf, at, length - at, pos + at);
    if (bytesRead === 0) throw new Error(`spill file ends early at byte ${pos + at}`);
    at += bytesRead;
  }
  return buf;
}
