// The threads of one `sieve worker` process, started once and kept for every run it serves (a
// thread loads the stages' modules and models, seconds of work, so a run on warm workers does
// not pay it again). BullMQ hands the jobs over (worker.ts); here each goes to an idle thread,
// one job per thread at a time, so the process's own event loop stays free to renew job locks.
import { Worker } from 'node:worker_threads';
import { UnrecoverableError } from 'bullmq';
import type { JobData } from './job.js';
import type { ThreadReply, ThreadTask } from './thread.js';

/** Compiled (dist/cluster/threads.js), a thread starts from thread.js; from the sources, through worker-boot.mjs (tsx), as the local pool does (src/run/pool.ts). */
const COMPILED = import.meta.url.endsWith('.js');
const ENTRY = new URL(COMPILED ? './thread.js' : './thread.ts', import.meta.url);
const BOOT = COMPILED ? ENTRY : new URL('../run/worker-boot.mjs', import.meta.url);

interface Task {
  task: ThreadTask;
  resolve: (output: string) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Task | undefined;
  loaded: Promise<void>;
}

export class JobThreads {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  /** `size` threads; `redis`: where the jobs' runs keep their context. */
  constructor(readonly size: number, private readonly redis: string) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  run(data: JobData): Promise<string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { id: this.nextId++, data }, resolve, reject });
      this.dispatch();
    });
  }

  /** Every thread has loaded the stages (jobs may come before: they wait for their thread). */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.loaded));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY.href, redis: this.redis } });
    let loaded!: () => void;
    const slot: Slot = { worker, busy: undefined, loaded: new Promise((resolve) => (loaded = resolve)) };
    slot.worker.on('message', (reply: ThreadReply | { ready: true }) => {
      if ('ready' in reply) return loaded();
      const task = slot.busy;
      if (!task || task.task.id !== reply.id) return;
      slot.busy = undefined;
      if (reply.ok) task.resolve(reply.output);
      else task.reject(reply.unrecoverable ? new UnrecoverableError(reply.error) : new Error(reply.error));
      this.dispatch();
    });
    const lost = (why: string): void => {
      if (this.closed) return;
      // Its job fails this attempt (BullMQ retries it with backoff); a fresh thread takes its place.
      slot.busy?.reject(new Error(why));
      slot.busy = undefined;
      const at = this.slots.indexOf(slot);
      if (at !== -1) this.slots[at] = this.spawn();
      this.dispatch();
    };
    slot.worker.on('error', (e) => lost(`job thread failed (${e.message.split('\n')[0]})`));
    slot.worker.on('exit', (code) => lost(`job thread exited (code ${code})`));
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy || !this.queue.length) continue;
      const task = this.queue.shift()!;
      slot.busy = task;
      slot.worker.postMessage(task.task);
    }
  }
}
