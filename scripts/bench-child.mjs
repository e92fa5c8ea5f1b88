// One run of `npm run bench` (scripts/bench.ts), as users run sieve: plain Node on the compiled
// build (dist/, `npm run build`), no TypeScript loader in this process or in its worker threads.
// Usage: node scripts/bench-child.mjs INPUT OUTPUT CONCURRENCY [REDIS_URL]. Prints one line of
// JSON (the process's GC policy is the command's, bin/heap.js): wall and CPU milliseconds of the whole process (every thread), peak RSS, the run report.
import '../bin/heap.js';
import { runStreaming } from '../dist/run/stream.js';
import { WriteSink } from '../dist/write/sink.js';

const [input, output, concurrency, redis] = process.argv.slice(2);
const t0 = performance.now();
const sink = new WriteSink(output, false);
const report = await runStreaming({ input, concurrency: Number(concurrency), formats: ['json', 'md', 'jsonl'], sink, ...(redis ? { redis } : {}) });
await sink.finish();
const usage = process.resourceUsage(); // all threads of the process
process.stdout.write(JSON.stringify({ wallMs: performance.now() - t0, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMB: usage.maxRSS / 1024, report }) + '\n');
