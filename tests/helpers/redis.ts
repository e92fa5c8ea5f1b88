// A real redis-server and real `sieve worker` processes for the tests of runs over Redis.
// redis-server comes from the Debian package (`npm run redis` installs it where missing); the
// tests start their own on a free loopback port, so a test may stop it without touching others.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RedisServer {
  url: string;
  port: number;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A redis-server of this test's own, on 127.0.0.1 only, no persistence; resolves once it answers. */
export async function startRedis(): Promise<RedisServer> {
  if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('redis-server is missing: run `npm run redis` once (installs the Debian package)');
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-redis-'));
  const proc = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  await until(async () => {
    const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      return await probe.ping();
    } catch {
      return undefined;
    } finally {
      probe.disconnect();
    }
  }, `redis-server on port ${port}`, 100, 50);
  return {
    url,
    port,
    stop: () => {
      proc.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface WorkerProcess {
  proc: ChildProcess;
  pid: number;
  /** What it printed (stderr). */
  output(): string;
  /** Resolves once its job threads have loaded the stages (it prints `ready`). */
  ready(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `sieve worker` as its own Node process: from the sources (tsx loaded by --import, so a signal
 * reaches the worker itself), or `compiled`, as the package runs it (bin/sieve.js on dist/, which
 * the caller has built).
 */
export function startWorker(url: string, { concurrency = 1, lockMs = 1500, compiled = false } = {}): WorkerProcess {
  const entry = compiled ? ['bin/sieve.js'] : ['--import', 'tsx', 'src/cli.ts'];
  const proc = spawn(process.execPath, [...entry, 'worker', '--redis', url, '--concurrency', String(concurrency), '--lock-ms', String(lockMs)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  let isReady!: () => void;
  const ready = new Promise<void>((resolve) => (isReady = resolve));
  proc.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    if (err.includes('sieve worker: ready')) isReady();
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    proc,
    pid: proc.pid!,
    output: () => err,
    ready: () => ready,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}

/** Poll until `f` gives a value (Redis-side state the test waits for). Fails after `tries`. */
export async function until<T>(f: () => Promise<T | undefined>, what: string, tries = 600, everyMs = 100): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await f();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`gave up waiting for ${what}`);
}
