// The worker-thread executor (src/run/executor.ts): a small pool of node:worker_threads (no pool
// package needed for this) and the main thread itself, running the same task functions
// (src/run/stages.ts) on the same plain data as the inline executor, so the output is the same.
import { Worker } from 'node:worker_threads';
import { finish, finishContext, inputTransferList, packContext, prepare, taskChars, type FinishContext, type FinishInput, type PackedContext, type PrepareInput, type RunContext, type TaskKind } from './stages.js';
import type { Executor, TaskInput, TaskOutput } from './executor.js';
import type { ResultMessage, TaskMessage } from './worker.js';

export { createExecutor, MIN_PARALLEL_BYTES, type Executor } from './executor.js';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  slot: Slot;
}

interface Slot {
  worker: Worker;
  /** Tasks posted to it and not answered yet. */
  load: number;
  /** The pool's worker for documents above BIG_TASK_CHARS (no heap cap; ended when idle). */
  big: boolean;
}

interface Queued {
  task: TaskMessage;
  big: boolean;
}

/**
 * The old-generation heap of each pool worker, in MB. Without a cap V8 lets every thread's heap
 * grow lazily towards its default limit (several GB on a large machine) long before it collects:
 * on twice the bench, two workers and the main thread peaked at 1.76 GB RSS although each thread's
 * live heap fits in 600 MB. A bench page at its largest (114 KB) needs a small part of this.
 */
export const WORKER_HEAP_MB = 384;

/**
 * The young generation of each worker, in MB: 64 MB of new space (two 32 MB semi-spaces; V8's
 * default here is 16 MB each). A document's pass leaves trees and token lists that die young;
 * with twice the room, half as many scavenges run and fewer of them are promoted to the old
 * generation only to be collected there. On the whole bench (NODE_FLAGS=--max-semi-space-size=32,
 * which sets it for every thread, back to back): 51.3 -> 48.3 CPU s at concurrency 2.
 */
export const WORKER_YOUNG_MB = 96;

/**
 * Documents longer than this (characters) are not sent to the capped workers: a retext tree costs
 * about 110 MB per MB of text, and pass 2 holds a whole document's claims and rendered files. They
 * go to one worker of their own, with Node's default limits, started when such a document comes
 * and ended when it has no task left, so its heap is given back. Rare by design (a 50 MB dump),
 * and the output does not depend on which thread ran a task.
 */
export const BIG_TASK_CHARS = 1 << 20;

/** Tasks posted to one worker ahead of time, so it never waits for the main thread between two. */
const AHEAD = 2;
/**
 * Compiled (dist/run/pool.js), a worker starts from dist/run/worker.js. From the TypeScript sources
 * (tsx, vitest), it starts from worker-boot.mjs, which registers tsx in the thread and imports
 * worker.ts.
 */
const COMPILED = import.meta.url.endsWith('.js');
const ENTRY = new URL(COMPILED ? './worker.js' : './worker.ts', import.meta.url);
const START = COMPILED ? { script: ENTRY, workerData: {} } : { script: new URL('./worker-boot.mjs', import.meta.url), workerData: { entry: ENTRY.href } };

export class WorkerPool implements Executor {
  private readonly slots: Slot[] = [];
  private bigSlot: Slot | undefined;
  private readonly queue: Queued[] = [];
  private readonly pending = new Map<number, Pending>();
  private context: PackedContext | undefined;
  private nextId = 1;
  private closed = false;
  /** Pass 2's context for the tasks the main thread runs itself. */
  private ownContext: FinishContext | undefined;
  private ownTurn = false;

  /**
   * `workers` threads run tasks: the main thread is one of them (it runs a queued task whenever it
   * has nothing else to do, see runOwn) and `workers - 1` are worker threads. One isolate fewer
   * than `workers` worker threads: each isolate compiles the same hot code and collects its own
   * garbage on V8's platform threads, and each task a worker runs crosses threads twice.
   */
  constructor(readonly workers: number) {
    for (let i = 1; i < workers; i++) this.slots.push(this.spawn(false));
  }

  run<K extends TaskKind>(kind: K, input: TaskInput<K>): Promise<TaskOutput<K>> {
    return new Promise<TaskOutput<K>>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, slot: undefined as unknown as Slot });
      this.queue.push({ task: { id, kind, input }, big: taskChars(kind, input) > BIG_TASK_CHARS });
      this.dispatch();
    });
  }

  async setContext(ctx: RunContext): Promise<void> {
    this.ownContext = finishContext(ctx);
    const packed = (this.context = packContext(ctx));
    const all = this.bigSlot ? [...this.slots, this.bigSlot] : this.slots;
    await Promise.all(all.map((slot) => this.post(slot, 'setContext', packed)));
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = this.bigSlot ? [...this.slots, this.bigSlot] : this.slots;
    await Promise.all(all.map((s) => s.worker.terminate()));
  }

  private spawn(big: boolean): Slot {
    const limits = { maxYoungGenerationSizeMb: WORKER_YOUNG_MB, ...(big ? {} : { maxOldGenerationSizeMb: WORKER_HEAP_MB }) };
    const worker = new Worker(START.script, { workerData: START.workerData, resourceLimits: limits });
    const slot: Slot = { worker, load: 0, big };
    if (big && this.context) void this.post(slot, 'setContext', this.context).catch(() => undefined);
    worker.on('message', (msg: ResultMessage) => {
      const task = this.pending.get(msg.id);
      if (!task) return;
      this.pending.delete(msg.id);
      slot.load--;
      if (msg.ok) task.resolve(msg.output);
      else task.reject(new Error(msg.error));
      this.dispatch();
      if (big && slot.load === 0 && this.bigSlot === slot) this.endBig(slot);
    });
    const lost = (why: string): void => {
      if (this.closed) return;
      // Its tasks fail (each becomes a problem for its document); a fresh worker takes its place.
      for (const [id, task] of this.pending) {
        if (task.slot !== slot) continue;
        this.pending.delete(id);
        task.reject(new Error(why));
      }
      if (this.bigSlot === slot) {
        this.bigSlot = undefined;
        this.dispatch();
        return;
      }
      const at = this.slots.indexOf(slot);
      if (at === -1) return;
      const fresh = this.spawn(false);
      this.slots[at] = fresh;
      if (this.context) void this.post(fresh, 'setContext', this.context).catch(() => undefined);
      this.dispatch();
    };
    worker.on('error', (e) => lost(`worker failed (${e.message.split('\n')[0]})`));
    worker.on('exit', (code) => lost(`worker exited (code ${code})`));
    return slot;
  }

  private post(slot: Slot, kind: TaskMessage['kind'], input: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject, slot });
      slot.load++;
      slot.worker.postMessage({ id, kind, input } satisfies TaskMessage);
    });
  }

  /** Queued tasks in order, each to the least loaded worker of its lane, at most AHEAD per worker. */
  private dispatch(): void {
    for (let i = 0; i < this.queue.length; ) {
      const { task, big } = this.queue[i]!;
      const slot = big ? this.bigLane() : this.leastLoaded();
      if (!slot) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      const pending = this.pending.get(task.id);
      if (!pending) continue;
      pending.slot = slot;
      slot.load++;
      slot.worker.postMessage(task, inputTransferList(task.kind, task.input));
    }
    if (!this.ownTurn && this.queue.some((q) => !q.big)) {
      this.ownTurn = true;
      setImmediate(() => this.runOwn());
    }
  }

  /**
   * The first queued task that is not a big one, run here on the main thread. Called through
   * setImmediate, so only once the thread has handled what was waiting (results from the workers,
   * the corpus steps they let go on): the main thread takes tasks when it would otherwise idle.
   */
  private runOwn(): void {
    this.ownTurn = false;
    const at = this.queue.findIndex((q) => !q.big);
    if (this.closed || at === -1) return;
    const { task } = this.queue.splice(at, 1)[0]!;
    const pending = this.pending.get(task.id);
    this.pending.delete(task.id);
    try {
      // No summaries: the corpus steps work them out on this thread anyway, and only for the
      // segments dedupe keeps (a worker's are worked out for every segment quality kept).
      if (task.kind === 'prepare') pending?.resolve(prepare({ ...(task.input as PrepareInput), summaries: false }));
      else if (!this.ownContext) throw new Error('finish before setContext');
      else pending?.resolve(finish(this.ownContext, task.input as FinishInput));
    } catch (e) {
      pending?.reject(e instanceof Error ? e : new Error(String(e)));
    }
    this.dispatch();
  }

  private leastLoaded(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) if (s.load < AHEAD && (!best || s.load < best.load)) best = s;
    return best;
  }

  /** The big worker, started if there is none; one task at a time (its heap is the document's). */
  private bigLane(): Slot | undefined {
    this.bigSlot ??= this.spawn(true);
    return this.bigSlot.load === 0 ? this.bigSlot : undefined;
  }

  /** No task left for the big worker: end it, so the memory of a huge document is given back. */
  private endBig(slot: Slot): void {
    if (this.queue.some((q) => q.big)) return;
    this.bigSlot = undefined;
    void slot.worker.terminate();
  }
}
