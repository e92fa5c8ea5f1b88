// `sieve worker --redis URL [--concurrency N] [--lock-ms N]`: a worker process for runs over Redis.
// Exit codes as the coordinator's: 2 for a usage error or a Redis that cannot be reached at start.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, parseConcurrency } from '../config.js';
import { checkRedisUrl, RedisError } from './connect.js';
import { ClusterWorker } from './worker.js';

const HELP = `Usage: sieve worker --redis URL [options]
  --redis URL         the Redis the coordinators use (redis://host:port)
  --concurrency N     jobs at once, one thread each (default: the number of cores)
  --lock-ms N         a job's lock; a dead worker's job runs again after about this long (default: 10000)
  --help              this text`;

const STOP_MS = 10_000;

export async function workerMain(argv: string[], log: (line: string) => void = (l) => process.stderr.write(l + '\n')): Promise<number> {
  let worker: ClusterWorker;
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: { redis: { type: 'string' }, concurrency: { type: 'string' }, 'lock-ms': { type: 'string' }, help: { type: 'boolean' }, quiet: { type: 'boolean' } },
    });
    if (values.help) {
      process.stdout.write(HELP + '\n');
      return 0;
    }
    if (!values.redis) throw new ConfigError('worker: --redis URL is required');
    const lockMs = values['lock-ms'] === undefined ? 10_000 : Number(values['lock-ms']);
    if (!Number.isInteger(lockMs) || lockMs < 500) throw new ConfigError(`--lock-ms must be a whole number of milliseconds, at least 500, not ${JSON.stringify(values['lock-ms'])}`);
    const concurrency = values.concurrency === undefined ? os.availableParallelism() : parseConcurrency(values.concurrency, '--concurrency');
    const url = checkRedisUrl(values.redis);
    worker = await ClusterWorker.start({ url, concurrency, lockMs, log });
    if (!values.quiet) log(`sieve worker: serving runs on ${url} (${concurrency} at once)`);
    await worker.ready();
    if (!values.quiet) log(`sieve worker: ready`);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof RedisError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      log(`sieve: ${(e as Error).message.split('\n')[0]}`);
      return 2;
    }
    throw e;
  }
  // On SIGTERM or SIGINT: finish the jobs in hand (at most STOP_MS), then end the process. A job
  // cut off runs again on another worker once its lock runs out.
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      const timer = setTimeout(resolve, STOP_MS).unref();
      void worker.stop().finally(() => {
        clearTimeout(timer);
        resolve();
      });
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  process.exit(0);
}
