// Where a run's CPU goes, thread by thread: `node scripts/bench-threads.mjs INPUT CONCURRENCY [OUTPUT]`
// runs scripts/bench-child.mjs (the compiled build) and samples /proc/<pid>/task/*/stat every
// 100 ms, keeping each thread's last CPU figure (a thread that ends keeps what it had used at the
// last sample). Threads are grouped by kind: the main thread (tid = pid), JavaScript worker threads
// (named "node" by Linux, like the main one), V8's platform threads (garbage collection and
// compilation in the background), libuv's pool and the rest. Prints a table and the child's line.
// Linux only; a diagnostic, not part of `npm run bench`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

const [input, concurrency = '1', output = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-threads-'))] = process.argv.slice(2);
if (!input) throw new Error('usage: node scripts/bench-threads.mjs INPUT CONCURRENCY [OUTPUT]');
const root = path.resolve(import.meta.dirname, '..');
const TICK_MS = 10; // Linux counts thread CPU in clock ticks of 1/100 s
const child = spawn(process.execPath, [path.join(root, 'scripts', 'bench-child.mjs'), input, output, concurrency], { stdio: ['ignore', 'pipe', 'inherit'] });
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

const kindOf = (tid, name) => (tid === String(child.pid) ? 'main thread' : name === 'node' ? `worker ${tid}` : /^V8|DefaultWorker|DelayedTask/.test(name) ? 'V8 platform (GC, compile)' : /libuv/.test(name) ? 'libuv pool' : `other (${name})`);
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
for (const [k, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) console.log(`  ${k.padEnd(28)} ${((g.user + g.sys) / 1000).toFixed(2).padStart(7)} s  (user ${(g.user / 1000).toFixed(2)}, sys ${(g.sys / 1000).toFixed(2)}, threads ${g.n})`);
const t = result.report.timings;
console.log('  timings (ms):', Object.entries(t).map(([k, v]) => `${k} ${Math.round(v)}`).join(', '));
