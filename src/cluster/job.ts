// One job, in a thread of `sieve worker` (threads.ts, thread.ts):
// the same pure functions of plain data as a worker thread of the local pool (src/run/stages.ts).
// Input and result are v8-serialized (codec.ts). A stage that throws fails the job for good
// (UnrecoverableError: the same data would fail again), so the coordinator makes the document a
// problem; a worker that dies mid-job is BullMQ's to notice (stalled) and run again elsewhere.
import { UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import { finish, finishContext, prepare, unpackContext, type FinishContext, type PackedContext } from '../run/stages.js';
import { decode, decodeBytes, encode } from './codec.js';
import { client } from './connect.js';

export type JobKind = 'prepare' | 'finish';

export interface JobData {
  kind: JobKind;
  /** The task's input, encoded (codec.ts): the document's text and settings, never a path. */
  input: string;
  /** finish: the Redis key of the run's context (set once by the coordinator, read-only after). */
  context?: string;
}

let redis: Redis | undefined;
/** The context in use, by key: a copy of what the key holds, which never changes during a run. */
let current: string | undefined;
let context: FinishContext | undefined;

async function useContextOf(key: string, url: string): Promise<void> {
  if (current === key) return;
  redis ??= client(url);
  const packed = await redis.getBuffer(key);
  if (!packed) throw new Error(`the run's context is gone from Redis (${key})`);
  context = finishContext(unpackContext(decodeBytes<PackedContext>(packed)));
  current = key;
}

/** Run one job; `url` is the Redis that holds the run's context. */
export async function processJob(data: JobData, url: string): Promise<string> {
  if (data.kind === 'finish') {
    if (!data.context) throw new UnrecoverableError('finish job without a context key');
    await useContextOf(data.context, url);
  }
  let output: unknown;
  try {
    output = data.kind === 'prepare' ? prepare(decode(data.input)) : finish(context!, decode(data.input));
  } catch (e) {
    throw new UnrecoverableError(e instanceof Error ? e.message : String(e));
  }
  return encode(output);
}
