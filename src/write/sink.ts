// Where the writers' files go. A normal run writes them; --update also deletes the files of an
// earlier run that this run did not produce (so golden folders match exactly); --check writes
// nothing and reports each difference as a readable unified diff.
import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';

/** File content: text, or its UTF-8 bytes in one or more pieces (what worker threads hand over without a copy). */
export type Content = string | Uint8Array | readonly Uint8Array[];

const asText = (c: Content): string => {
  if (typeof c === 'string') return c;
  const parts = c instanceof Uint8Array ? [c] : c;
  return Buffer.concat(parts.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength))).toString('utf8');
};
const isEmpty = (c: Content): boolean => (typeof c === 'string' || c instanceof Uint8Array ? c.length === 0 : c.every((u) => u.length === 0));

export interface Sink {
  write(relPath: string, content: Content): Promise<void>;
  /** Add to a file written piece by piece (cleaned.jsonl); the first call starts it afresh. */
  append(relPath: string, chunk: Content): Promise<void>;
  /** Differences found (check mode); empty for writing sinks. */
  finish(): Promise<string[]>;
  /** The run failed: drop every file not complete yet (optional; nothing half-written stays). */
  abort?(): Promise<void>;
}

// Only files of the kinds sieve writes are considered part of an output folder.
const OUTPUT_FILE = /\.(json|md|jsonl|html)$/u;

async function listOutputFiles(dir: string, rel = ''): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) files.push(...(await listOutputFiles(dir, r)));
    else if (OUTPUT_FILE.test(e.name)) files.push(r);
  }
  return files.sort();
}

/** Write every byte of `parts` at the file's current position (writev may take fewer bytes than asked). Also the spill's. */
export function writeAll(fd: number, parts: readonly Uint8Array[]): void {
  let rest = parts.filter((p) => p.length);
  while (rest.length) {
    let n = fsSync.writevSync(fd, rest);
    while (rest.length && n >= rest[0]!.length) n -= rest.shift()!.length;
    if (n > 0) rest[0] = rest[0]!.subarray(n);
  }
}

function writeContent(fd: number, content: Content): void {
  if (typeof content === 'string') writeAll(fd, [Buffer.from(content, 'utf8')]);
  else writeAll(fd, content instanceof Uint8Array ? [content] : content);
}

/** A temporary output file: `<file>.<pid>.part`, `<file>` of a kind sieve writes. */
const PART_FILE = /\.(?:json|md|jsonl|html)\.(\d+)\.part$/u;

/** Whether a process with this id runs (one that is not ours to signal still runs). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temporary files that runs which died (killed, out of memory) left in `dir`: their
 * process is gone, so nothing will finish or rename them. The parts of a run still going (another
 * process writing to the same folder) stay.
 */
export function removeStaleParts(dir: string): void {
  for (const name of fsSync.readdirSync(dir)) {
    const pid = PART_FILE.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || running(Number(pid))) continue;
    fsSync.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Every file is written under a temporary name beside its place (`<file>.<pid>.part`, which no
 * output pattern matches) and renamed into place once complete: a run that dies or fails leaves
 * complete files or none, never half of one (the next run into the folder removes what a run
 * that died left: removeStaleParts). cleaned.jsonl, appended all run long, is renamed when
 * the run finishes. The calls are synchronous (open, write, close, rename of a file the page cache
 * takes at once): through node:fs/promises each of them was a promise, a thread-pool round trip and
 * a FileHandle, about three times the CPU for the same four system calls per file.
 */
export class WriteSink implements Sink {
  private readonly written = new Set<string>();
  private readonly open = new Map<string, { fd: number; temp: string; target: string }>();
  private readonly temps = new Set<string>();
  private aborted = false;
  // Folders made by this sink: one recursive mkdir per folder, not per file (it walks the path each time).
  private readonly made = new Set<string>();
  constructor(private readonly dir: string, private readonly prune: boolean) {}

  private folderOf(target: string): void {
    const dir = path.dirname(target);
    if (this.made.has(dir)) return;
    fsSync.mkdirSync(dir, { recursive: true });
    removeStaleParts(dir);
    this.made.add(dir);
  }

  private temp(target: string): string {
    const temp = `${target}.${process.pid}.part`;
    this.temps.add(temp);
    return temp;
  }

  async append(relPath: string, chunk: Content): Promise<void> {
    let file = this.open.get(relPath);
    if (!file) {
      const target = path.join(this.dir, relPath);
      this.folderOf(target);
      const temp = this.temp(target);
      file = { fd: fsSync.openSync(temp, 'w'), temp, target };
      this.open.set(relPath, file);
      this.written.add(relPath);
    }
    writeContent(file.fd, chunk);
  }

  async write(relPath: string, content: Content): Promise<void> {
    if (this.aborted) return;
    const target = path.join(this.dir, relPath);
    this.folderOf(target);
    const temp = this.temp(target);
    const fd = fsSync.openSync(temp, 'w');
    try {
      writeContent(fd, content);
    } finally {
      fsSync.closeSync(fd);
    }
    fsSync.renameSync(temp, target);
    this.temps.delete(temp);
    this.written.add(relPath);
  }

  async finish(): Promise<string[]> {
    for (const { fd, temp, target } of this.open.values()) {
      fsSync.closeSync(fd);
      fsSync.renameSync(temp, target);
      this.temps.delete(temp);
    }
    this.open.clear();
    if (this.prune) {
      for (const f of await listOutputFiles(this.dir)) if (!this.written.has(f)) await fs.rm(path.join(this.dir, f));
    }
    return [];
  }

  async abort(): Promise<void> {
    this.aborted = true;
    for (const { fd } of this.open.values()) {
      try {
        fsSync.closeSync(fd);
      } catch {
        // already closed
      }
    }
    this.open.clear();
    for (const temp of this.temps) await fs.rm(temp, { force: true });
    this.temps.clear();
  }
}

export class CheckSink implements Sink {
  private readonly seen = new Set<string>();
  /** [path, diff]: reported in path order, whatever order the writes finished in. */
  private readonly diffs: [string, string][] = [];
  // Appended files are compared whole at the end (--check is for golden folders, not huge runs).
  private readonly appended = new Map<string, string[]>();
  constructor(private readonly dir: string) {}

  async append(relPath: string, chunk: Content): Promise<void> {
    const parts = this.appended.get(relPath) ?? [];
    this.appended.set(relPath, parts);
    if (!isEmpty(chunk)) parts.push(asText(chunk));
  }

  async write(relPath: string, data: Content): Promise<void> {
    const content = asText(data);
    this.seen.add(relPath);
    let before: string | null = null;
    try {
      before = await fs.readFile(path.join(this.dir, relPath), 'utf8');
    } catch {
      before = null;
    }
    if (before === content) return;
    if (before === null) this.diffs.push([relPath, `new file: ${relPath}\n`]);
    else this.diffs.push([relPath, createTwoFilesPatch(`expected/${relPath}`, `actual/${relPath}`, before, content, '', '', { context: 2 })]);
  }

  async finish(): Promise<string[]> {
    for (const [relPath, parts] of this.appended) await this.write(relPath, parts.join(''));
    this.appended.clear();
    for (const f of await listOutputFiles(this.dir)) if (!this.seen.has(f)) this.diffs.push([f, `missing from this run: ${f}\n`]);
    return this.diffs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, diff]) => diff);
  }
}
