// Executors carry the per-document tasks of a run (src/run/stages.ts: `prepare` runs pass 1's
// steps, `finish` pass 2's) to wherever they run. The run hands every task to one Executor and
// gets the results back as promises; it restores input order itself, so an executor may finish
// tasks in any order. Two are built in: inline (the calling thread) and a pool of worker threads
// (src/run/pool.ts). A third, a job queue say, implements the same three methods: `run` sends the
// task's plain-data input to wherever `prepare`/`finish` run and resolves with their output,
// `setContext` hands every runner pass 2's context (packContext makes it plain data) before any
// `finish`, `close` lets go. Pass it to a run as `executor: (workers) => new MyExecutor(...)`.
import os from 'node:os';
import { finish, finishContext, prepare, type FinishContext, type RunContext, type TaskKind, type Tasks } from './stages.js';
import { WorkerPool } from './pool.js';

export type TaskInput<K extends TaskKind> = Tasks[K]['input'];
export type TaskOutput<K extends TaskKind> = Tasks[K]['output'];

export interface Executor {
  /** Threads (or remote workers) in use, 0 when inline: sets how many documents the run keeps in flight. */
  readonly workers: number;
  run<K extends TaskKind>(kind: K, input: TaskInput<K>): Promise<TaskOutput<K>>;
  /** Give every runner the context of pass 2 (corpus statistics, taxonomy, formats); before any `finish`. */
  setContext(ctx: RunContext): Promise<void>;
  close(): Promise<void>;
}

/** Makes the executor of a run, given the concurrency asked for (after effectiveConcurrency). */
export type ExecutorFactory = (concurrency: number) => Executor;

/**
 * Below this much input (bytes of the input files), documents are processed inline whatever the
 * concurrency: starting worker threads (each loads the stages' modules and models) costs about a
 * second, more than small runs take. The output is the same either way.
 */
export const MIN_PARALLEL_BYTES = 1_000_000;

/**
 * The built-in choice. `concurrency` 1: inline. Above 1: that many threads running tasks (the main
 * thread and worker threads, src/run/pool.ts), but no more than the machine has cores (and never
 * fewer than 2, so the threaded path is the one that runs whenever it was asked for).
 */
export const createExecutor: ExecutorFactory = (concurrency) => {
  if (concurrency <= 1) return new InlineExecutor();
  return new WorkerPool(Math.max(2, Math.min(concurrency, os.availableParallelism())));
};

/** Runs a task by calling it, on the calling thread; its context is its own (two runs at once never share one). */
export class InlineExecutor implements Executor {
  readonly workers = 0;
  private context: FinishContext | undefined;

  async run<K extends TaskKind>(kind: K, input: TaskInput<K>): Promise<TaskOutput<K>> {
    // One turn of the event loop between documents, so timers (the progress line) still fire.
    await new Promise((resolve) => setImmediate(resolve));
    if (kind === 'prepare') return prepare(input as TaskInput<'prepare'>) as TaskOutput<K>;
    if (!this.context) throw new Error('finish before setContext');
    return finish(this.context, input as TaskInput<'finish'>) as TaskOutput<K>;
  }

  async setContext(ctx: RunContext): Promise<void> {
    this.context = finishContext(ctx);
  }

  async close(): Promise<void> {}
}
