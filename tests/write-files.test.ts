import { describe, expect, it } from 'vitest';
import { FileWrites, IO_AHEAD, IO_CONCURRENCY } from '../src/write/files.js';
import type { Content, Sink } from '../src/write/sink.js';

/** A sink whose writes finish in reverse order of arrival, and that counts writes in progress. */
class SlowSink implements Sink {
  readonly appended: string[] = [];
  readonly written: string[] = [];
  active = 0;
  most = 0;
  async append(_path: string, chunk: Content): Promise<void> {
    this.appended.push(String(chunk));
  }
  async write(path: string): Promise<void> {
    this.active++;
    this.most = Math.max(this.most, this.active);
    await new Promise((resolve) => setTimeout(resolve, path.endsWith('.md') ? 1 : 5));
    if (path === 'bad.json') throw new Error('disk full');
    this.written.push(path);
    this.active--;
  }
  async finish(): Promise<string[]> {
    return [];
  }
}

describe('writing a streaming run\'s files', () => {
  it('appends cleaned lines in input order, writes every file, and never more than IO_CONCURRENCY at once', async () => {
    const sink = new SlowSink();
    const files = new FileWrites(sink);
    const names = Array.from({ length: IO_AHEAD * 3 }, (_, i) => `doc${i}`);
    for (const name of names) await files.add(name, { json: '{}', md: '#', cleaned: `${name}\n` });
    await files.end();
    expect(sink.appended).toEqual(names.map((n) => `${n}\n`));
    expect([...sink.written].sort()).toEqual(names.flatMap((n) => [`${n}.json`, `${n}.md`]).sort());
    expect(sink.most).toBeLessThanOrEqual(IO_CONCURRENCY);
    expect(sink.most).toBeGreaterThan(1);
  });

  it('reports a failed write instead of losing it', async () => {
    const files = new FileWrites(new SlowSink());
    await files.add('bad', { json: '{}' });
    await expect(files.end()).rejects.toThrow('disk full');
  });
});
