// Connections to the run's Redis. A coordinator gives up on a lost Redis after a few seconds (its
// run fails with one line); a worker keeps trying, since it serves runs yet to come.
import { Redis } from 'ioredis';
import { RedisError } from './errors.js';

export { checkRedisUrl, RedisError } from './errors.js';

export interface ConnectOptions {
  /** Give up after this many failed reconnects in a row (undefined: never). */
  retries?: number;
}

/** A client that is not connected yet (call `open`). BullMQ needs maxRetriesPerRequest null. */
export function client(url: string, { retries }: ConnectOptions = {}): Redis {
  return new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: null,
    connectTimeout: 3000,
    retryStrategy: (times) => (retries !== undefined && times > retries ? null : Math.min(times * 200, 1000)),
  });
}

/** Connect, or throw RedisError naming the URL (one attempt, a few seconds at most). */
export async function open(redis: Redis, url: string): Promise<Redis> {
  let last: unknown;
  const seen = (e: unknown): void => {
    last = e;
  };
  redis.on('error', seen);
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (e) {
    redis.disconnect();
    throw new RedisError(`cannot reach Redis at ${url} (${reason(last ?? e)})`, true);
  } finally {
    redis.off('error', seen);
  }
}

export function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException & { errors?: NodeJS.ErrnoException[] };
  const code = err?.code ?? err?.errors?.[0]?.code;
  if (code) return code;
  return (err instanceof Error ? err.message : String(e)).split('\n')[0] ?? 'unknown error';
}
