// What the command line needs to know of runs over Redis before it loads BullMQ and ioredis
// (they load only for --redis and `sieve worker`, so a local run starts as fast as before).

/** Redis is unreachable or was lost: the run cannot go on. The message is one line naming the URL. */
export class RedisError extends Error {
  /** true: Redis could not be reached when the run began (exit 2); false: lost during the run. */
  constructor(message: string, readonly atStart = false) {
    super(message);
  }
}

/** A URL a person typed: redis://host:port[/db]; anything else is a usage error. */
export function checkRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RedisError(`not a Redis URL: ${JSON.stringify(url)} (use redis://host:port)`, true);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new RedisError(`not a Redis URL: ${JSON.stringify(url)} (use redis://host:port)`, true);
  return url;
}

