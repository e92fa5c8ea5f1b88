// Names in the shared Redis. Each run has a queue of its own (named by the run), so runs that
// share one Redis never see each other's jobs; workers find the runs in progress in one sorted set
// (score: until when the coordinator last said it is alive).
import crypto from 'node:crypto';

/** BullMQ's key prefix for sieve's queues: sieve:<queue>:... */
export const PREFIX = 'sieve';

/** The runs in progress: member = queue name, score = expiry (ms since the epoch). */
export const RUNS_KEY = `${PREFIX}:runs`;

/** A coordinator renews its entry this often; a run not renewed for LIVE_MS is over (its coordinator died). */
export const HEARTBEAT_MS = 2000;
export const LIVE_MS = 10_000;
/**
 * A run not renewed for this long is dead for good (its coordinator is gone): a worker removes
 * what is left of it. Far longer than LIVE_MS, so a coordinator busy for a while on one huge
 * document (its heartbeat late) only pauses its workers, never loses its queue.
 */
export const DEAD_MS = 10 * 60_000;

/** A fresh, unguessable queue name for one run. */
export function newRunName(): string {
  return `run-${Date.now().toString(36)}-${crypto.randomBytes(6).toString('hex')}`;
}

/** Where the run's pass-2 context (corpus statistics, taxonomy, formats) is kept for the workers. */
export function contextKey(queue: string): string {
  return `${PREFIX}:${queue}:context`;
}
