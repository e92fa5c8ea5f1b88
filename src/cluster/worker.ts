// `sieve worker --redis URL`: serves every run in progress on that Redis. It finds the runs in
// the list the coordinators keep alive (keys.ts), and for each runs a BullMQ worker on the run's
// queue that hands its jobs to this process's `concurrency` threads (threads.ts, kept across
// runs), so this process's own event loop only talks to Redis and keeps the job locks renewed
// however long a document takes. A job that was running here when the process died is found stalled by another worker
// once its lock runs out (lockMs), and runs again there. No state is kept between jobs: a job
// carries its document and settings; pass 2's context is read from Redis by its key.
import os from 'node:os';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { client, open } from './connect.js';
import { contextKey, DEAD_MS, PREFIX, RUNS_KEY } from './keys.js';
import { JobThreads } from './threads.js';
import type { JobData } from './job.js';

export interface WorkerOptions {
  url: string;
  /** Jobs at once (each in a thread of its own), per run. */
  concurrency: number;
  /** How long a job's lock lasts without renewal: a dead worker's job runs again after about this long. */
  lockMs: number;
  log: (line: string) => void;
}

/** How often the list of runs is read. */
const POLL_MS = 500;

export class ClusterWorker {
  private readonly serving = new Map<string, Worker>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private errors = new Set<string>();

  private readonly threads: JobThreads;

  private constructor(private readonly options: WorkerOptions, private readonly redis: Redis) {
    this.threads = new JobThreads(options.concurrency, options.url);
  }

  /** Connect (RedisError naming the URL if Redis cannot be reached) and start serving runs. */
  static async start(options: WorkerOptions): Promise<ClusterWorker> {
    const redis = await open(client(options.url), options.url);
    redis.on('error', () => undefined);
    const worker = new ClusterWorker(options, redis);
    await worker.poll();
    return worker;
  }

  /** Every job thread has loaded the stages. */
  ready(): Promise<void> {
    return this.threads.ready();
  }

  /** Runs being served now (queue names). */
  get runs(): string[] {
    return [...this.serving.keys()];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.all([...this.serving.values()].map((w) => w.close()));
    this.serving.clear();
    await this.threads.close();
    this.redis.disconnect();
  }

  private async poll(): Promise<void> {
    try {
      const now = Date.now();
      const live = new Set(await this.redis.zrangebyscore(RUNS_KEY, now, '+inf'));
      for (const dead of await this.redis.zrangebyscore(RUNS_KEY, '-inf', now - DEAD_MS)) await this.remove(dead);
      for (const name of live) if (!this.serving.has(name)) this.serve(name);
      for (const [name, worker] of this.serving) {
        if (live.has(name)) continue;
        this.serving.delete(name);
        void this.leave(name, worker);
      }
    } catch (e) {
      this.report(`cannot read the runs from Redis at ${this.options.url} (${(e as Error).message.split('\n')[0]})`);
    }
    if (!this.stopped) this.timer = setTimeout(() => void this.poll(), POLL_MS);
  }

  private serve(name: string): void {
    const { url, concurrency, lockMs } = this.options;
    const worker = new Worker(name, (job) => this.threads.run(job.data as JobData), {
      // Recorded on each job it takes (processedBy): which machine and process ran it.
      name: `${os.hostname()}:${process.pid}`,
      connection: client(url),
      prefix: PREFIX,
      concurrency,
      lockDuration: lockMs,
      stalledInterval: Math.max(500, Math.floor(lockMs / 2)),
      // A job may be found stalled twice (two workers lost under it) before it fails.
      maxStalledCount: 2,
    });
    worker.on('error', (e) => this.report(`${name}: ${e.message.split('\n')[0]}`));
    // Found by this worker's stalled check: the job's lock ran out (its worker died or hung); BullMQ runs it again.
    worker.on('stalled', (jobId) => this.options.log(`sieve worker: ${name}: job ${jobId} stalled; it runs again`));
    // Found by this worker's stalled check: the job's lock ran out (its worker died or hung); BullMQ runs it again.
    worker.on('stalled', (jobId) => this.options.log(`sieve worker: ${name}: job ${jobId} stalled; it runs again`));
    this.serving.set(name, worker);
  }

  /**
   * The run is over (its coordinator removed its queue) or dead (not renewed): stop serving it, and
   * remove the few keys this worker's own polling wrote again after the coordinator's clean-up.
   */
  private async leave(name: string, worker: Worker): Promise<void> {
    await worker.close();
    await this.obliterate(name);
  }

  /** What a dead coordinator left: its queue, its context, its entry. */
  private async remove(name: string): Promise<void> {
    await this.obliterate(name);
    await this.redis.del(contextKey(name));
    await this.redis.zrem(RUNS_KEY, name);
  }

  private async obliterate(name: string): Promise<void> {
    const queue = new Queue(name, { connection: this.redis, prefix: PREFIX, skipMetasUpdate: true });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }

  /** Each distinct trouble once: a worker keeps running while Redis comes and goes. */
  private report(line: string): void {
    if (this.errors.has(line)) return;
    this.errors.add(line);
    this.options.log(`sieve worker: ${line}`);
  }
}
