// `npm run bench:dedupe [-- --scales 1,2,4] [--dir ../shared/bench]`
// The dedupe stage across every document of ../shared/bench (the `text` field) at 1x, 2x and 4x
// the corpus (the copies get new ids, so from 2x on most segments are cross-document exact
// duplicates). The corpus is segmented once; each scale then runs in its own process, so that
// its peak RSS is its own, and only the dedupe pass is timed. Not a test: it prints figures.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createDoc } from '../src/doc.js';
import { Dedupe } from '../src/dedupe/index.js';
import { segmentText, type Span } from '../src/segment/index.js';
import type { Doc } from '../src/types.js';

interface Cached { id: string; text: string; spans: [number, number][] }
interface Figures { scale: number; docs: number; segments: number; removed: number; kept: number; ms: number; ownMB: number; heapMB: number; peakRssMB: number; byRule: Record<string, number> }

const { values } = parseArgs({
  options: { scales: { type: 'string', default: '1,2,4' }, dir: { type: 'string' }, child: { type: 'string' }, cache: { type: 'string' } },
});

if (values.child) child(Number(values.child), values.cache ?? '');
else parent();

function parent(): void {
  const dir = path.resolve(values.dir ?? path.join(import.meta.dirname, '..', '..', 'shared', 'bench'));
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  if (!files.length) throw new Error(`no .jsonl in ${dir}`);
  const t0 = performance.now();
  const cached: Cached[] = [];
  let chars = 0;
  for (const f of files) {
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const rec = JSON.parse(line) as { id: unknown; text?: unknown };
      const text = typeof rec.text === 'string' ? rec.text : '';
      chars += text.length;
      cached.push({ id: `${path.basename(f, '.jsonl')}-${String(rec.id)}`, text, spans: segmentText(text).map((s) => [s.start, s.end]) });
    }
  }
  const segmentMs = performance.now() - t0;
  const cache = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-bench-')), 'segmented.json');
  fs.writeFileSync(cache, JSON.stringify(cached));
  console.log(`corpus: ${files.join(', ')}: ${cached.length} documents, ${(chars / 1e6).toFixed(1)}M characters; segmented once in ${(segmentMs / 1000).toFixed(1)} s`);

  const rows: Figures[] = [];
  try {
    for (const scale of values.scales.split(',').map(Number)) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=8192', import.meta.filename, '--child', String(scale), '--cache', cache], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`scale ${scale} failed:\n${run.stderr}`);
      rows.push(JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Figures);
    }
  } finally {
    fs.rmSync(path.dirname(cache), { recursive: true, force: true });
  }

  console.log('\nscale    docs  segments   removed  kept (unique)  dedupe s  index MB  heap after MB  peak RSS MB');
  for (const r of rows) {
    console.log([`${r.scale}x`.padStart(5), String(r.docs).padStart(7), String(r.segments).padStart(9), String(r.removed).padStart(9),
      String(r.kept).padStart(14), (r.ms / 1000).toFixed(2).padStart(9), r.ownMB.toFixed(0).padStart(9), r.heapMB.toFixed(0).padStart(14),
      r.peakRssMB.toFixed(0).padStart(12)].join(' '));
  }
  console.log('index MB: the stage\'s own memory (entries, hashes, LSH and anchor buckets); heap after MB: also the decisions it wrote on the segments (reasons, copies, vfile messages), which grow with the duplicates.');
  const one = rows.find((r) => r.scale === 1);
  const four = rows.find((r) => r.scale === 4);
  if (one && four) console.log(`\ntime 4x/1x: ${(four.ms / one.ms).toFixed(2)} (target <= 4.4)`);
  if (one) {
    console.log(`removals at 1x by rule: ${Object.entries(one.byRule).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`segment + dedupe at 1x (the other stages not run): about ${((segmentMs + one.ms) / 1000).toFixed(1)} s`);
  }
}

function child(scale: number, cachePath: string): void {
  const cached = JSON.parse(fs.readFileSync(cachePath, 'utf8')) as Cached[];
  const docs: Doc[] = [];
  for (let copy = 0; copy < scale; copy++) {
    for (const c of cached) {
      const id = copy ? `${c.id}-x${copy}` : c.id;
      const spans: Span[] = c.spans.map(([start, end]) => ({ start, end }));
      docs.push(createDoc({ id, rawId: id, path: `bench/${id}`, format: 'jsonl', text: c.text, sha256: '' }, id, spans));
    }
  }
  const gc = collector();
  gc();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  let dedupe: Dedupe | null = new Dedupe();
  for (const doc of docs) dedupe.add(doc);
  const ms = performance.now() - t0;
  const kept = dedupe.size;
  gc();
  // heapMB: what the pass left in memory: the stage's own index plus the decisions written on
  // the segments (reasons, copies lists, vfile messages), which belong to the output and grow
  // with the duplicates. ownMB: the stage's own index alone (freed when it is dropped).
  const after = process.memoryUsage().heapUsed;
  const heapMB = (after - before) / 1e6;
  dedupe = null;
  gc();
  const ownMB = (after - process.memoryUsage().heapUsed) / 1e6;
  let segments = 0;
  let removed = 0;
  const byRule: Record<string, number> = {};
  for (const d of docs) {
    for (const s of d.segments) {
      segments++;
      if (s.status === 'removed' && s.reason) {
        removed++;
        byRule[s.reason.rule] = (byRule[s.reason.rule] ?? 0) + 1;
      }
    }
  }
  const figures: Figures = {
    scale, docs: docs.length, segments, removed, kept, ms, ownMB, heapMB,
    peakRssMB: process.resourceUsage().maxRSS / 1024, byRule,
  };
  console.log(JSON.stringify(figures));
}

function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (() => void) | undefined;
  return () => gc?.();
}
