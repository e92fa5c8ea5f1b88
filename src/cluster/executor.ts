// The coordinator's side of a run over Redis: a third Executor (beside inline and worker threads,
// src/run/pool.ts). Each task becomes a BullMQ job on the run's own queue, added in batches; the
// results come back as the queue's events. Which worker ran a job, and how often BullMQ had to
// run it (retries with backoff, stalled jobs of a killed worker), never shows in the output: the
// coordinator takes results in input order (src/run/ordered.ts, src/run/stream.ts) as it does
// from threads. Redis is the engine: sieve keeps no scheduler of its own.
import { Queue, QueueEvents, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Executor, TaskInput, TaskOutput } from '../run/executor.js';
import { packContext, type RunContext, type TaskKind } from '../run/stages.js';
import { decode, encode, encodeBytes } from './codec.js';
import { client, open, reason, RedisError } from './connect.js';
import type { JobData } from './job.js';
import { contextKey, HEARTBEAT_MS, LIVE_MS, newRunName, PREFIX, RUNS_KEY } from './keys.js';

type Input<K extends TaskKind> = TaskInput<K>;
type Output<K extends TaskKind> = TaskOutput<K>;

/** Jobs added in one round trip (documents dispatched in the same turn of the event loop). */
const BATCH = 32;
/** Trim the run's event stream once this many events have been read (the results live there until then). */
const TRIM_EVERY = 32;
/** Reconnects the coordinator tries before it calls Redis lost (about 3 s). */
const RETRIES = 5;

/** How BullMQ runs every job: retried with backoff after an error that may pass; removed once reported. */
const JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: true,
  removeOnFail: true,
};

export interface QueueExecutorOptions {
  /** Tasks kept in flight as if this many workers ran them (sizes the run's window). */
  slots?: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class QueueExecutor implements Executor {
  /** Rejects once Redis is lost; the run must stop (no document is made a problem by it). */
  readonly failed: Promise<never>;
  private fail!: (e: RedisError) => void;
  private lost: RedisError | undefined;
  private readonly pending = new Map<string, Pending>();
  private batch: { name: string; data: JobData; opts: JobsOptions }[] = [];
  private flushing = false;
  private nextId = 1;
  private context: string | undefined;
  private read = 0;
  private readonly heartbeat: NodeJS.Timeout;

  private constructor(
    readonly workers: number,
    readonly url: string,
    readonly name: string,
    private readonly redis: Redis,
    private readonly eventsRedis: Redis,
    private readonly queue: Queue,
    private readonly events: QueueEvents,
  ) {
    this.failed = new Promise<never>((_, reject) => (this.fail = reject));
    this.failed.catch(() => undefined);
    for (const c of [redis, eventsRedis]) {
      c.on('error', () => undefined); // reported by 'end' below, once reconnecting gives up
      c.on('end', () => this.lose(new RedisError(`lost the connection to Redis at ${url}`)));
    }
    events.on('error', () => undefined);
    queue.on('error', () => undefined);
    events.on('completed', ({ jobId, returnvalue }, id) => this.settle(jobId, id, (p) => p.resolve(decode(returnvalue as unknown as string))));
    events.on('failed', ({ jobId, failedReason }, id) => this.settle(jobId, id, (p) => p.reject(new Error(failedReason))));
    this.heartbeat = setInterval(() => void this.alive(), HEARTBEAT_MS).unref();
  }

  /** Connect, make the run's queue and announce it to the workers; RedisError if Redis cannot be reached. */
  static async start(url: string, { slots = 16 }: QueueExecutorOptions = {}): Promise<QueueExecutor> {
    const redis = await open(client(url, { retries: RETRIES }), url);
    const eventsRedis = await open(client(url, { retries: RETRIES }), url).catch((e: unknown) => {
      redis.disconnect();
      throw e;
    });
    const name = newRunName();
    const queue = new Queue(name, { connection: redis, prefix: PREFIX, defaultJobOptions: JOB_OPTIONS });
    // From the start of the stream: the queue is new, and no event may slip by before the first read.
    const events = new QueueEvents(name, { connection: eventsRedis, prefix: PREFIX, lastEventId: '0-0' });
    const exec = new QueueExecutor(slots, url, name, redis, eventsRedis, queue, events);
    await events.waitUntilReady();
    await exec.alive();
    return exec;
  }

  run<K extends TaskKind>(kind: K, input: Input<K>): Promise<Output<K>> {
    return new Promise<Output<K>>((resolve, reject) => {
      const jobId = `${kind[0]}${this.nextId++}`;
      this.pending.set(jobId, { resolve: resolve as (v: unknown) => void, reject });
      const data: JobData = { kind: kind as JobData['kind'], input: encode(input), ...(kind === 'finish' ? { context: this.context } : {}) };
      this.batch.push({ name: kind, data, opts: { jobId } });
      if (this.batch.length >= BATCH) void this.flush();
      else if (this.batch.length === 1) setImmediate(() => void this.flush());
    });
  }

  /** Pass 2's context goes to Redis once, under the run's name; finish jobs name the key. */
  async setContext(ctx: RunContext): Promise<void> {
    const key = contextKey(this.name);
    await this.guard(this.redis.set(key, encodeBytes(packContext(ctx))));
    this.context = key;
  }

  /**
   * Remove everything of this run from Redis: its queue (jobs, events), its context, its entry in
   * the run list. Best effort: the output is written by now, and what a failed clean-up leaves is
   * removed by the workers once the run's entry is long expired (keys.ts, DEAD_MS).
   */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    if (!this.lost) {
      try {
        await this.events.close();
        await this.redis.zrem(RUNS_KEY, this.name);
        await this.queue.obliterate({ force: true });
        await this.redis.del(contextKey(this.name));
        await this.queue.close();
      } catch {
        // left for the workers, as above
      }
    } else {
      // Stop BullMQ's own reconnect loops, or they keep the process alive; nothing is awaited.
      this.events.close().catch(() => undefined);
      this.queue.close().catch(() => undefined);
    }
    this.redis.disconnect();
    this.eventsRedis.disconnect();
  }

  private async flush(): Promise<void> {
    if (this.flushing || !this.batch.length) return;
    this.flushing = true;
    try {
      while (this.batch.length) {
        const jobs = this.batch.splice(0, BATCH);
        await this.guard(this.queue.addBulk(jobs));
      }
    } catch {
      // guard() reported it
    } finally {
      this.flushing = false;
    }
  }

  private settle(jobId: string, eventId: string, f: (p: Pending) => void): void {
    const p = this.pending.get(jobId);
    if (!p || this.lost) return;
    this.pending.delete(jobId);
    f(p);
    if (++this.read % TRIM_EVERY === 0) void this.guard(this.redis.xtrim(this.queue.keys.events!, 'MINID', eventId)).catch(() => undefined);
  }

  /** Tell the workers this run is alive (they serve the runs listed, and drop those not renewed). */
  private async alive(): Promise<void> {
    if (this.lost) return;
    await this.guard(this.redis.zadd(RUNS_KEY, Date.now() + LIVE_MS, this.name)).catch(() => undefined);
  }

  private async guard<T>(p: Promise<T>): Promise<T> {
    try {
      return await p;
    } catch (e) {
      this.lose(new RedisError(`Redis at ${this.url} failed (${reason(e)})`));
      throw e;
    }
  }

  private lose(e: RedisError): void {
    if (this.lost) return;
    this.lost = e;
    clearInterval(this.heartbeat);
    this.fail(e);
  }
}
