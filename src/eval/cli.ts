// `npm run eval -- <gold folder | folder of gold folders | bench .jsonl> [--flat] [--held-out] [--out DIR] [--json]`
// Runs the pipeline on labeled data and prints the metrics of ../shared/DESIGN.md (gold) or
// ../shared/bench/README.md (bench), computed as the reference scorers compute them: one gold
// folder as score.mjs, a folder of them as score-gold.mjs (a table per page, then pooled figures).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runPipeline, type PipelineResult } from '../pipeline.js';
import { documentOutput } from '../write/json.js';
import { writeRun, FORMATS } from '../write/index.js';
import { WriteSink } from '../write/sink.js';
import { cleanedText } from '../write/cleaned.js';
import { formatProblem } from '../ingest/index.js';
import { loadGold, scoreGold, formatGoldReport, type GoldScore } from './gold-score.js';
import { formatGoldTable, poolGold, type GoldRootScore } from './gold-pool.js';
import { readBenchDocs, scoreBench, formatBenchSummary, type BenchDoc, type BenchScore } from './bench-score.js';
import { isUnread } from './split.js';

export interface EvalOptions {
  flat?: boolean;
  /** Score only the unread split: the fifth of the pages no rule was read from and nothing trained on (split.ts). */
  heldOut?: boolean;
  /** Also write the run's output files here (to inspect them, or to run the reference scorer on them). */
  out?: string;
  concurrency?: number;
}

/** Score one gold folder (input.txt, segments.jsonl, labels.jsonl). */
export async function evalGold(dir: string, options: EvalOptions = {}): Promise<GoldScore> {
  const gold = loadGold(dir);
  const result = await run(path.join(dir, 'input.txt'), options);
  const doc = result.docs[0];
  if (!doc) throw new Error(`${dir}: input.txt produced no document`);
  return scoreGold(gold, JSON.parse(JSON.stringify(documentOutput(doc))), path.basename(path.resolve(dir)));
}

/**
 * Score every labeled page below a gold root (folders <page>/{input.txt,segments.jsonl,labels.jsonl})
 * in one run, as ../shared/tools/score-gold.mjs scores sieve's output for them: the pages go
 * through the pipeline together as <page>.txt (so `out` holds <page>.json, the layout score-gold.mjs
 * reads), each is scored with its counts, and the counts are pooled.
 */
export async function evalGoldRoot(root: string, options: EvalOptions = {}): Promise<GoldRootScore> {
  const pages = goldPages(root);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-eval-'));
  try {
    for (const page of pages) fs.copyFileSync(path.join(root, page, 'input.txt'), path.join(tmp, `${page}.txt`));
    const result = await run(tmp, options);
    const byName = new Map(result.docs.map((d) => [d.name, d]));
    const scores: GoldScore[] = [], missing: string[] = [];
    for (const page of pages) {
      const doc = byName.get(page);
      if (!doc) { missing.push(page); continue; }
      scores.push(scoreGold(loadGold(path.join(root, page)), JSON.parse(JSON.stringify(documentOutput(doc))), page, true));
    }
    return poolGold(scores, missing);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The labeled pages of a gold root, sorted by name: its subfolders with labels.jsonl and input.txt. */
export function goldPages(root: string): string[] {
  return fs.readdirSync(root).sort()
    .filter((d) => fs.existsSync(path.join(root, d, 'labels.jsonl')) && fs.existsSync(path.join(root, d, 'input.txt')));
}

/** Score a benchmark JSONL (id, text, text_flat, gold/with/without): the pipeline's cleaned text per document. */
export async function evalBench(file: string, options: EvalOptions = {}): Promise<BenchScore> {
  const docs = readBenchDocs(file).filter((d) => !options.heldOut || isUnread(d.id));
  return scoreBench(docs, await cleanBench(file, docs, options));
}

/**
 * The same figures on all pages, on the unread split and on the readable pages (the rest: the
 * only figure a rule or a setting may be chosen by), from one run over all pages.
 */
export async function evalBenchSplit(file: string, options: EvalOptions = {}): Promise<{ all: BenchScore; unread: BenchScore; readable: BenchScore }> {
  const docs = readBenchDocs(file);
  const predictions = await cleanBench(file, docs, options);
  return {
    all: scoreBench(docs, predictions),
    unread: scoreBench(docs.filter((d) => isUnread(d.id)), predictions),
    readable: scoreBench(docs.filter((d) => !isUnread(d.id)), predictions),
  };
}

/** Run the pipeline on the pages (their line-broken or flat text) and return each page's cleaned text by id. */
async function cleanBench(file: string, docs: BenchDoc[], options: EvalOptions): Promise<Map<string, string>> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-eval-'));
  try {
    const input = path.join(tmp, path.basename(file));
    fs.writeFileSync(input, docs.map((d) => JSON.stringify({ id: d.id, text: options.flat ? d.text_flat : d.text, ...(d.url ? { url: d.url } : {}) })).join('\n') + '\n');
    const result = await run(input, options);
    return new Map(result.docs.map((d) => [String(d.source.rawId), cleanedText(d)]));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function run(input: string, options: EvalOptions): Promise<PipelineResult> {
  const result = await runPipeline({ input, concurrency: options.concurrency ?? 4 });
  for (const p of result.problems) process.stderr.write(formatProblem(p) + '\n');
  if (options.out) {
    const sink = new WriteSink(options.out, true);
    await writeRun(result, sink, FORMATS);
    await sink.finish();
  }
  return result;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { flat: { type: 'boolean' }, 'held-out': { type: 'boolean' }, out: { type: 'string' }, json: { type: 'boolean' } } });
  } catch (e) {
    process.stderr.write(`sieve eval: ${(e as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  const [target] = parsed.positionals;
  if (!target || parsed.positionals.length > 1 || !fs.existsSync(target)) {
    process.stderr.write('usage: npm run eval -- <gold folder | folder of gold folders | bench .jsonl> [--flat] [--held-out] [--out DIR] [--json]\n');
    return 2;
  }
  const { flat, out, json } = parsed.values;
  if (fs.statSync(target).isDirectory() && fs.existsSync(path.join(target, 'input.txt'))) {
    const score = await evalGold(target, { out });
    process.stdout.write((json ? JSON.stringify(score) : formatGoldReport(score)) + '\n');
  } else if (fs.statSync(target).isDirectory()) {
    if (!goldPages(target).length) {
      process.stderr.write(`sieve eval: ${target}: no gold folder (input.txt, segments.jsonl, labels.jsonl) found\n`);
      return 2;
    }
    const score = await evalGoldRoot(target, { out });
    process.stdout.write((json ? JSON.stringify(score) : formatGoldTable(score)) + '\n');
    if (score.pooled.missing.length) {
      process.stderr.write(`sieve eval: no output for: ${score.pooled.missing.join(', ')}\n`);
      return 1;
    }
  } else {
    const heldOut = parsed.values['held-out'];
    const name = `${path.basename(target)}${flat ? ' (flat)' : ''}`;
    if (heldOut) {
      const score = await evalBench(target, { flat, out, heldOut });
      process.stdout.write(`${name} (unread split): ` + (json ? JSON.stringify(score) : formatBenchSummary(score)) + '\n');
    } else {
      const { all, unread, readable } = await evalBenchSplit(target, { flat, out });
      if (json) process.stdout.write(JSON.stringify({ ...all, unread, readable }) + '\n');
      else process.stdout.write(`${name}: ${formatBenchSummary(all)}\n${name} (unread split): ${formatBenchSummary(unread)}\n${name} (readable pages): ${formatBenchSummary(readable)}\n`);
    }
  }
  return 0;
}

if (process.argv[1] && /eval[/\\]cli\.[tj]s$/u.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`sieve eval: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
      process.exitCode = 4;
    },
  );
}
