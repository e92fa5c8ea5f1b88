// Where a run's CPU goes, thread by thread: `node scripts/bench-threads.mjs INPUT CONCURRENCY [OUTPUT]`
// runs scripts/bench-child.mjs (the compiled build) and samples /proc/<pid>/task/*/stat every
// 100 ms, keeping each thread's last CPU figure (a thread that ends keeps what it had used at the
// last sample). Node 20 names every thread "node", so they are told apart by order: the main
// thread (tid = pid), then V8's platform threads (4 by default: garbage collection and compilation
// in the background, for every isolate of the process), then libuv's pool, then one thread per
// worker (src/run/pool.ts). Prints CPU per thread and the child's per-stage timings.
// Node flags for the child (say --single-threaded-gc, to see what of the platform threads' CPU is
// garbage collection) go in NODE_FLAGS. Linux only; a diagnostic, not part of `npm run bench`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

const [input, concurrency = '1', output = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-threads-'))] = process.argv.slice(2);
if (!input) throw new Error('usage: node scripts/bench-threads.mjs INPUT CONCURRENCY [OUTPUT]');
const root = path.resolve(import.meta.dirname, '..');
const TICK_MS = 10; // Linux counts thread CPU in clock ticks of 1/100 s
const flags = (process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean);
const child = spawn(process.execPath, [...flags, path.join(root, 'scripts', 'bench-child.mjs'), input, output, concurrency], { stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
child.stdout.on('data', (d) => (out += d));

/** tid -> { name, user, sys } in ticks (the last sample). */
const threads = new Map();
function sample() {
  let tids;
  try {
    tids = fs.readdirSync(`/proc/${child.pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const stat = fs.readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'latin1');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      threads.set(tid, { name, user: Number(fields[11]), sys: Number(fields[12]) });
    } catch {
      // the thread ended between the listing and the read
    }
  }
}
const timer = setInterval(sample, 100);
const code = await new Promise((resolve) => child.on('exit', resolve));
clearInterval(timer);
if (code !== 0) throw new Error(`run failed (${code})`);

const kindOf = (tid, name) => (tid === String(child.pid) ? 'main thread' : `thread ${tid}${name === 'node' ? '' : ` (${name})`}`);
const groups = new Map();
for (const [tid, t] of threads) {
  const k = kindOf(tid, t.name);
  const g = groups.get(k) ?? { user: 0, sys: 0, n: 0 };
  g.user += t.user * TICK_MS;
  g.sys += t.sys * TICK_MS;
  g.n++;
  groups.set(k, g);
}
let total = 0;
for (const g of groups.values()) total += g.user + g.sys;
const result = JSON.parse(out.trim().split('\n').at(-1));
console.log(`input ${input}, concurrency ${concurrency}: wall ${(result.wallMs / 1000).toFixed(2)} s, CPU ${(result.cpuMs / 1000).toFixed(2)} s (sampled ${(total / 1000).toFixed(2)} s), peak RSS ${Math.round(result.maxRssMB)} MB`);
for (const [k, g] of groups) console.log(`  ${k.padEnd(28)} ${((g.user + g.sys) / 1000).toFixed(2).padStart(7)} s  (user ${(g.user / 1000).toFixed(2)}, sys ${(g.sys / 1000).toFixed(2)}, threads ${g.n})`);
const t = result.report.timings;
console.log('  timings (ms):', Object.entries(t).map(([k, v]) => `${k} ${Math.round(v)}`).join(', '));
