// The progress line on a terminal: documents, MB, rate and, when the total is known, ETA. It
// appears only after the run has taken a moment (short runs print nothing but the summary), is
// redrawn in place at most a few times a second, and is never shown in CI, with --quiet, or when
// stderr is not a terminal.

export interface ProgressCounts {
  docs: number;
  /** Input bytes consumed so far. */
  bytes: number;
  /** Total input bytes, or total documents for the writing phase, when known. */
  totalBytes?: number;
  totalDocs?: number;
}

export interface Progress {
  /** Start a phase ("cleaning", "writing"); counts restart. */
  phase(label: string): void;
  update(counts: ProgressCounts): void;
  /** Print a line above the progress line (a problem found during the run). */
  log(line: string): void;
  /** Remove the progress line. */
  done(): void;
}

export interface ProgressOptions {
  quiet?: boolean;
  stream?: NodeJS.WriteStream;
  /** Show the line only once a run has lasted this long (ms). */
  after?: number;
  /** Redraw at most this often (ms). */
  every?: number;
  log: (line: string) => void;
}

export function progressEnabled(stream: NodeJS.WriteStream = process.stderr, quiet = false): boolean {
  const ci = process.env.CI;
  return !quiet && stream.isTTY === true && (ci === undefined || ci === '' || ci === 'false' || ci === '0');
}

/** A progress line on `stream` if enabled, else one that only passes log lines through. */
export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  if (!progressEnabled(stream, options.quiet)) return { phase() {}, update() {}, log: options.log, done() {} };
  return new TerminalProgress(stream, options.after ?? 1500, options.every ?? 200, options.log);
}

class TerminalProgress implements Progress {
  private readonly started = performance.now();
  private phaseStart = performance.now();
  private label = '';
  private lastDraw = 0;
  private shown = false;

  constructor(private readonly stream: NodeJS.WriteStream, private readonly after: number, private readonly every: number,
    private readonly print: (line: string) => void) {}

  phase(label: string): void {
    this.label = label;
    this.phaseStart = performance.now();
  }

  update(c: ProgressCounts): void {
    const now = performance.now();
    if (now - this.started < this.after || now - this.lastDraw < this.every) return;
    this.lastDraw = now;
    this.shown = true;
    const secs = (now - this.phaseStart) / 1000;
    const mb = c.bytes / 1e6;
    const parts = [`sieve: ${this.label}`, c.totalDocs ? `${c.docs} of ${c.totalDocs} docs` : `${c.docs} docs`];
    let fraction: number | undefined;
    if (c.totalBytes) {
      parts.push(`${mb.toFixed(1)} of ${(c.totalBytes / 1e6).toFixed(1)} MB`);
      fraction = c.bytes / c.totalBytes;
    } else if (c.bytes) parts.push(`${mb.toFixed(1)} MB`);
    if (c.totalDocs) fraction = c.docs / c.totalDocs;
    if (secs > 0.5) parts.push(c.bytes ? `${(mb / secs).toFixed(2)} MB/s` : `${(c.docs / secs).toFixed(1)} docs/s`);
    if (fraction !== undefined && fraction > 0.01 && fraction < 1) parts.push(`ETA ${clock(secs * (1 - fraction) / fraction)}`);
    this.draw(parts.join('  '));
  }

  log(line: string): void {
    this.clear();
    this.print(line);
  }

  done(): void {
    this.clear();
  }

  private draw(line: string): void {
    const width = this.stream.columns || 100;
    this.stream.write(`\r\x1b[K${line.slice(0, width - 1)}`);
  }

  private clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
  }
}

function clock(secs: number): string {
  const s = Math.round(secs);
  return s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}` : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
