// The per-document files of a streaming run, written a few at a time. cleaned.jsonl is appended
// in input order, at once; <name>.json, .md and .html go to a p-limit queue (at most IO_CONCURRENCY
// writes at once), so the main thread goes on handing documents to the workers while the disk
// works. At most IO_AHEAD documents' files wait, so their bytes do not pile up in memory. Which
// file finishes first never shows: every file has its own path, and sinks report in path order.
import pLimit from 'p-limit';
import type { RenderedDocument } from './index.js';
import type { Sink } from './sink.js';

export const IO_CONCURRENCY = 4;
export const IO_AHEAD = 16;

export class FileWrites {
  private readonly limit = pLimit(IO_CONCURRENCY);
  private readonly waiting: Promise<void>[] = [];
  private failed: Error | undefined;

  constructor(private readonly sink: Sink) {}

  /** Append the document's cleaned line now; queue its own files. Throws the first write error seen. */
  async add(name: string, rendered: RenderedDocument): Promise<void> {
    this.check();
    if (rendered.cleaned !== undefined) await this.sink.append('cleaned.jsonl', rendered.cleaned);
    const files: [string, NonNullable<RenderedDocument['json']>][] = [];
    if (rendered.json !== undefined) files.push([`${name}.json`, rendered.json]);
    if (rendered.md !== undefined) files.push([`${name}.md`, rendered.md]);
    if (rendered.html !== undefined) files.push([`${name}.html`, rendered.html]);
    const done = Promise.all(files.map(([file, content]) => this.limit(() => this.sink.write(file, content))));
    this.waiting.push(done.then(() => undefined, (e: unknown) => { this.failed ??= e instanceof Error ? e : new Error(String(e)); }));
    while (this.waiting.length > IO_AHEAD) await this.waiting.shift();
    this.check();
  }

  /** Wait for every queued file. */
  async end(): Promise<void> {
    await Promise.all(this.waiting.splice(0));
    this.check();
  }

  private check(): void {
    if (this.failed) throw this.failed;
  }
}
