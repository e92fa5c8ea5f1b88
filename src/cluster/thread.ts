// A thread of `sieve worker`'s pool (threads.ts): runs each job it is given (job.ts) and answers
// with the encoded result, or the error and whether running it again could help.
import { parentPort, workerData } from 'node:worker_threads';
import { UnrecoverableError } from 'bullmq';
import { processJob, type JobData } from './job.js';

export interface ThreadTask {
  id: number;
  data: JobData;
}

export type ThreadReply = { id: number; ok: true; output: string } | { id: number; ok: false; error: string; unrecoverable: boolean };

const port = parentPort;
if (!port) throw new Error('src/cluster/thread.ts runs in a worker thread');

const url = (workerData as { redis: string }).redis;

// Loaded (the imports above are the seconds of work): say so once, so the pool knows it is warm.
port.postMessage({ ready: true });

port.on('message', (task: ThreadTask) => {
  processJob(task.data, url).then(
    (output) => port.postMessage({ id: task.id, ok: true, output } satisfies ThreadReply),
    (e: unknown) => port.postMessage({ id: task.id, ok: false, error: e instanceof Error ? e.message : String(e), unrecoverable: e instanceof UnrecoverableError } satisfies ThreadReply),
  );
});
