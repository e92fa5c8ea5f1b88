// Runs over Redis (src/cluster): a coordinator and `sieve worker` processes on a real
// redis-server give the same bytes as a local run, and the faults behave as the README says.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { main } from '../src/cli.js';
import { contextKey, DEAD_MS, PREFIX, RUNS_KEY } from '../src/cluster/keys.js';
import { QueueExecutor } from '../src/cluster/executor.js';
import { readTree, tempDir } from './helpers/run.js';
import { hasShared, sharedDir } from './helpers/shared.js';
import { startRedis, startWorker, until, type RedisServer, type WorkerProcess } from './helpers/redis.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

async function sieve(args: string[]): Promise<{ code: number; log: string[] }> {
  const log: string[] = [];
  const code = await main([...args, '--quiet'], (l) => log.push(l));
  return { code, log };
}

/** A local run (worker threads or inline) of `input`, for comparison. */
async function local(input: string): Promise<Map<string, string>> {
  const out = tempDir('sieve-local-');
  const { code } = await sieve(['--input', input, '--output', out, '--concurrency', '2']);
  expect(code).toBe(0);
  return readTree(out);
}

/** A bench sample: the first records of two bench files, as one JSONL input of this test's own. */
function benchSample(lines: number): string {
  const dir = tempDir('sieve-sample-');
  const text = ['aeb.jsonl', 'c4.jsonl'].map((f) => fs.readFileSync(path.join(sharedDir, 'bench', f), 'utf8').split('\n').slice(0, lines).join('\n')).join('\n');
  fs.writeFileSync(path.join(dir, 'sample.jsonl'), text + '\n');
  return dir;
}

function configWith(settings: Record<string, unknown>): string {
  const file = path.join(tempDir('sieve-config-'), 'sieve.json');
  fs.writeFileSync(file, JSON.stringify(settings));
  return file;
}

let redis: RedisServer;
let workers: WorkerProcess[] = [];
let probe: Redis;

beforeAll(async () => {
  // CI's redis-server (.ci/run, npm run redis) when there is one, else one of this file's own.
  redis = process.env.SIEVE_TEST_REDIS ? { url: process.env.SIEVE_TEST_REDIS, port: Number(new URL(process.env.SIEVE_TEST_REDIS).port), stop: () => undefined } : await startRedis();
  probe = new Redis(redis.url);
  workers = [startWorker(redis.url), startWorker(redis.url)];
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  probe?.disconnect();
  redis?.stop();
});

/** Nothing of any run is left in Redis once its coordinator is done and the workers have let go of it. */
async function leftovers(): Promise<string[]> {
  const keys = async (): Promise<string[]> => (await probe.keys(`${PREFIX}:*`)).sort();
  return until(async () => ((await keys()).length ? undefined : []), 'the runs\' keys to go', 50).catch(keys);
}

let sampleRun: { input: string; expected: Map<string, string> } | undefined;
/** A bench sample and its local output (made once for the tests that use it). */
async function sample(): Promise<{ input: string; expected: Map<string, string> }> {
  if (!sampleRun) {
    const input = benchSample(10);
    sampleRun = { input, expected: await local(input) };
  }
  return sampleRun;
}

describe('a run over Redis', { timeout: 180_000 }, () => {
  it('gives the fixtures output byte for byte, from a coordinator and two worker processes', async () => {
    const out = tempDir('sieve-cluster-');
    const { code, log } = await sieve(['--input', path.join(FIXTURES, 'input'), '--output', out, '--redis', redis.url]);
    expect(log).toEqual([]);
    expect(code).toBe(0);
    expect(readTree(out)).toEqual(readTree(path.join(FIXTURES, 'expected')));
    expect(await leftovers()).toEqual([]);
  });

  it.runIf(hasShared)('gives a bench sample the bytes of the local run', async () => {
    const { input, expected } = await sample();
    const out = tempDir('sieve-cluster-');
    const { code } = await sieve(['--input', input, '--output', out, '--redis', redis.url]);
    expect(code).toBe(0);
    expect(readTree(out)).toEqual(expected);
  });

  it('keeps two runs on one Redis apart (one named by --redis, one by the config file): each gets its own documents back', async () => {
    const a = tempDir('sieve-a-');
    const b = tempDir('sieve-b-');
    fs.writeFileSync(path.join(a, 'one.txt'), 'The first run reads this page about rivers. Rivers carry water to the sea.\n');
    fs.writeFileSync(path.join(b, 'two.txt'), 'The second run reads another page, about mountains. Mountains rise above the clouds.\n');
    const [outA, outB] = [tempDir('sieve-out-a-'), tempDir('sieve-out-b-')];
    const [ra, rb] = await Promise.all([
      sieve(['--input', a, '--output', outA, '--redis', redis.url]),
      // The second names its Redis in a config file.
      sieve(['--input', b, '--output', outB, '--config', configWith({ redis: redis.url })]),
    ]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    expect([...readTree(outA).keys()]).toContain('one.json');
    expect([...readTree(outA).keys()]).not.toContain('two.json');
    expect(readTree(outA)).toEqual(await local(a));
    expect(readTree(outB)).toEqual(await local(b));
    expect(await leftovers()).toEqual([]);
  });

  it('lets the workers remove what a coordinator that died long ago left in Redis', async () => {
    const name = 'run-dead-coordinator';
    await probe.zadd(RUNS_KEY, Date.now() - DEAD_MS - 1000, name);
    await probe.set(contextKey(name), 'stale');
    expect(await until(async () => ((await probe.exists(contextKey(name))) ? undefined : true), 'the dead run to go', 100)).toBe(true);
    expect(await probe.zscore(RUNS_KEY, name)).toBeNull();
  });

  it('fails a document alone when its job throws on its data', async () => {
    const exec = await QueueExecutor.start(redis.url);
    try {
      const text = 'A sentence that is fine. Another one.';
      const source = { id: 'ok', rawId: 'ok', path: 'ok.txt', format: 'txt' as const, text, sha256: '' };
      const good = exec.run('prepare', { source, name: 'ok', summaries: true });
      // A late edit for a segment the document does not have: the finish stage throws on this data.
      await exec.setContext({ corpus: new (await import('../src/topics/index.js')).CorpusStats(), taxonomy: (await import('../src/topics/index.js')).defaultTaxonomy, formats: ['json'] });
      // The spilled record as pass 2 hands it over: pass 1's header, the corpus steps' changes (none), then the text.
      const { text: _text, ...rest } = source;
      const head = Buffer.from((await good).head);
      const changes = JSON.stringify({ source: rest, segments: [] });
      const record = { bytes: Buffer.concat([head, Buffer.from(changes + text)]), headBytes: head.length, changesBytes: Buffer.byteLength(changes) };
      const bad = exec.run('finish', { ...record, late: [], edits: [[99, { stage: 'dedupe', kind: 'exact', rule: 'x' }, 'y']] });
      await expect(bad).rejects.toThrow(/late edit for a segment that does not exist/);
      expect((await good).kept.length).toBeGreaterThan(0);
    } finally {
      await exec.close();
    }
  });

  it('lists a bad input file as a problem and writes the others (exit 3)', async () => {
    const input = tempDir('sieve-bad-');
    fs.writeFileSync(path.join(input, 'good.txt'), 'This page is fine and has two sentences. Here is the second.\n');
    fs.writeFileSync(path.join(input, 'bad.txt'), Buffer.from([0x41, 0xff, 0xfe, 0x42]));
    const out = tempDir('sieve-cluster-');
    const log: string[] = [];
    const code = await main(['--input', input, '--output', out, '--redis', redis.url], (l) => log.push(l));
    expect(code).toBe(3);
    const index = JSON.parse(fs.readFileSync(path.join(out, 'index.json'), 'utf8')) as { problems: { path: string }[] };
    expect(index.problems.map((p) => path.basename(p.path))).toEqual(['bad.txt']);
    expect(fs.existsSync(path.join(out, 'good.json'))).toBe(true);
  });

  it.runIf(hasShared)('runs the job of a worker killed mid-job again on another worker, output unchanged', async () => {
    const { input, expected } = await sample();
    const [victim, other] = workers as [WorkerProcess, WorkerProcess];
    const out = tempDir('sieve-cluster-');
    const run = sieve(['--input', input, '--output', out, '--redis', redis.url]);
    // Wait for a job in the victim's hands, freeze the victim, and check the job is still active
    // (a frozen process cannot finish it), then kill it: only another worker can finish that job.
    const queueName = await until(async () => (await probe.zrange(RUNS_KEY, '0', '-1'))[0], 'the run to start');
    const queue = new Queue(queueName, { connection: probe.duplicate(), prefix: PREFIX, skipMetasUpdate: true });
    const held = await until(async () => {
      for (const job of await queue.getActive()) {
        if (!job.processedBy?.endsWith(`:${victim.pid}`)) continue;
        victim.proc.kill('SIGSTOP');
        await new Promise((r) => setTimeout(r, 200));
        if ((await queue.getActive()).some((j) => j.id === job.id)) return job.id;
        victim.proc.kill('SIGCONT');
      }
      return undefined;
    }, 'a job on the victim');
    victim.proc.kill('SIGKILL');
    const { code } = await run;
    await queue.close();
    expect(held).toBeTruthy();
    expect(code).toBe(0);
    expect(readTree(out)).toEqual(expected);
    workers = [other];
    await victim.stop();
  });
});

describe('Redis faults', { timeout: 60_000 }, () => {
  it('says in one line that Redis cannot be reached, naming the URL (exit 2)', async () => {
    const log: string[] = [];
    const url = 'redis://127.0.0.1:9'; // discard port: nothing listens
    const code = await main(['--input', path.join(FIXTURES, 'input'), '--output', tempDir(), '--redis', url], (l) => log.push(l));
    expect(code).toBe(2);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^sieve: cannot reach Redis at redis:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)$/);
  });

  it('stops a run whose Redis is lost with one line, non-zero, and no half-written file', async () => {
    const own = await startRedis();
    const out = tempDir('sieve-lost-');
    try {
      // A real process, so the test also sees that it ends. No worker serves this Redis: the run
      // waits on its jobs until Redis goes away.
      const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--input', path.join(FIXTURES, 'input'), '--output', out, '--redis', own.url, '--quiet'], { cwd: path.resolve(FIXTURES, '..'), stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
      const watch = new Redis(own.url);
      await until(async () => ((await watch.zcard(RUNS_KEY)) > 0 ? true : undefined), 'the run to start');
      watch.disconnect();
      own.stop();
      const code = await exited;
      expect(code).not.toBe(0);
      expect(err.trimEnd().split('\n')).toEqual([`sieve: lost the connection to Redis at ${own.url}`]);
      expect(fs.readdirSync(out)).toEqual([]);
    } finally {
      own.stop();
    }
  });
});
