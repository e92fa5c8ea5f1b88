// Trains the furniture model (src/boilerplate/model.json) on ../shared/bench:
//   npm run train:cleaner
// Labels: a segment of aeb/wcxb is content when most of its word trigrams (or, if short, its
// whole word sequence) occur in the page's gold text; a trafilatura segment is content or not
// when it contains, or is contained in, one of the page's `with` or `without` snippets (others
// are unlabeled). Each page is used twice: with its line breaks and flattened. One page in five
// (by a hash of its id) is held out to measure overfitting; the seed dump is never used.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { segmentText } from '../src/segment/index.js';
import { featureRows, FEATURE_NAMES } from '../src/boilerplate/features.js';
import { detectLanguage } from '../src/boilerplate/language.js';
import { CONTEXT_FEATURES, contentProbabilities, predict, withContext, type CleanerModel, type Scorer } from '../src/boilerplate/model.js';
import { trainNetwork } from './mlp.js';
import { isHeldOut } from '../src/eval/split.js';
import { labelerFor, tokens, type BenchPage } from './bench-labels.js';

const { values: opts } = parseArgs({ options: { hidden: { type: 'string' }, epochs: { type: 'string' }, out: { type: 'string' }, 'page-weight': { type: 'string' }, calibrate: { type: 'string' } } });
const bench = path.resolve(import.meta.dirname, '..', '..', 'shared', 'bench');
const target = opts.out ? path.resolve(opts.out) : path.resolve(import.meta.dirname, '..', 'src', 'boilerplate', 'model.json');
const HIDDEN = Number(opts.hidden ?? 24);
const EPOCHS = Number(opts.epochs ?? 12);
// Sample weight = tokens / pageTokens^PAGE_WEIGHT: 0 weighs every token alike, 1 every page alike
// (the benchmark metrics average over pages).
const PAGE_WEIGHT = Number(opts['page-weight'] ?? 0);

interface Sample { rows: number[][]; labels: (0 | 1 | null)[]; weights: number[]; file: string; flat: boolean; dev: boolean }

function load(): Sample[] {
  const samples: Sample[] = [];
  for (const file of ['aeb.jsonl', 'wcxb.jsonl', 'trafilatura.jsonl']) {
    for (const line of fs.readFileSync(path.join(bench, file), 'utf8').split('\n')) {
      if (!line) continue;
      const d = JSON.parse(line) as BenchPage;
      const dev = isHeldOut(d.id);
      const label = labelerFor(d);
      for (const [flat, text] of [[false, d.text], [true, d.text_flat]] as const) {
        const spans = segmentText(text);
        const lang = detectLanguage(text);
        const segs = spans.map((s) => text.slice(s.start, s.end));
        const counts = segs.map((s) => Math.max(1, tokens(s).length));
        const pageTokens = counts.reduce((a, b) => a + b, 0);
        samples.push({
          rows: featureRows(text, spans, lang), labels: segs.map(label),
          weights: counts.map((n) => (n / pageTokens ** PAGE_WEIGHT) * 100 ** PAGE_WEIGHT), file, flat, dev,
        });
      }
    }
  }
  return samples;
}

function flatten(samples: Sample[], rowsOf: (s: Sample) => number[][]): { X: number[][]; y: number[]; w: number[] } {
  const X: number[][] = []; const y: number[] = []; const w: number[] = [];
  for (const s of samples) {
    const rows = rowsOf(s);
    s.labels.forEach((l, i) => { if (l !== null) { X.push(rows[i]!); y.push(l); w.push(s.weights[i]!); } });
  }
  return { X, y, w };
}

/** Token-weighted precision/recall/F1 of "content" at a threshold. */
function score(samples: Sample[], probs: number[][], threshold: number): { p: number; r: number; f1: number } {
  let tp = 0, fp = 0, fn = 0;
  samples.forEach((s, k) => s.labels.forEach((l, i) => {
    if (l === null) return;
    const kept = (probs[k]![i] ?? 0) >= threshold;
    const w = s.weights[i]!;
    if (kept && l) tp += w; else if (kept) fp += w; else if (l) fn += w;
  }));
  const p = tp / (tp + fp || 1), r = tp / (tp + fn || 1);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

const t0 = Date.now();
const samples = load();
const train = samples.filter((s) => !s.dev);
const dev = samples.filter((s) => s.dev);
console.error(`loaded ${samples.length} page versions in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

// --calibrate MODEL: keep that model's networks, only choose its thresholds again.
function train2(): { stage1: Scorer; stage2: Scorer } {
  if (opts.calibrate) return JSON.parse(fs.readFileSync(opts.calibrate, 'utf8')) as { stage1: Scorer; stage2: Scorer };
  const d1 = flatten(train, (s) => s.rows);
  const stage1: Scorer = { features: FEATURE_NAMES, ...trainNetwork(d1.X, d1.y, d1.w, HIDDEN, EPOCHS) };
  const ctxRows = (s: Sample): number[][] => withContext(s.rows, s.rows.map((r) => predict(stage1, r)));
  const d2 = flatten(train, ctxRows);
  const stage2: Scorer = { features: [...FEATURE_NAMES, ...CONTEXT_FEATURES], ...trainNetwork(d2.X, d2.y, d2.w, HIDDEN, EPOCHS) };
  return { stage1, stage2 };
}
const { stage1, stage2 } = train2();
const model: CleanerModel = { stage1: stage1, stage2: stage2, threshold: 0.5, thresholdFlat: 0.5 };
const probsOf = (set: Sample[]): number[][] => set.map((s) => contentProbabilities(model, s.rows, FEATURE_NAMES));
const devProbs = probsOf(dev);
// One threshold for pages with line breaks, one for flattened pages: the model is surer on the first.
for (const flat of [false, true]) {
  const idx = dev.map((s, i) => [s, i] as const).filter(([s]) => s.flat === flat);
  let best = { t: 0.5, f1: 0 };
  for (let t = 0.2; t <= 0.8001; t += 0.025) {
    const f = score(idx.map(([s]) => s), idx.map(([, i]) => devProbs[i]!), t).f1;
    if (f > best.f1) best = { t: +t.toFixed(3), f1: f };
  }
  if (flat) model.thresholdFlat = best.t; else model.threshold = best.t;
}

const report: Record<string, unknown> = {};
const trainProbs = probsOf(train);
for (const file of ['aeb.jsonl', 'wcxb.jsonl', 'trafilatura.jsonl']) for (const flat of [false, true]) {
  const pick = (set: Sample[], probs: number[][]) => {
    const idx = set.map((s, i) => [s, i] as const).filter(([s]) => s.file === file && s.flat === flat);
    return score(idx.map(([s]) => s), idx.map(([, i]) => probs[i]!), flat ? model.thresholdFlat : model.threshold);
  };
  const round = (x: { p: number; r: number; f1: number }) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, +v.toFixed(3)]));
  report[`${file}${flat ? ' flat' : ''}`] = { train: round(pick(train, trainProbs)), dev: round(pick(dev, devProbs)) };
}
const out = {
  $comment: 'Generated by `npm run train:cleaner` (scripts/train-cleaner.ts) from ../shared/bench; do not edit by hand. Token-weighted content precision/recall/F1 on the training pages and on the held-out fifth are in `fit`.',
  ...model,
  fit: report,
};
const rounded = JSON.stringify(out, (_k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? +v.toPrecision(6) : v), 1);
fs.writeFileSync(target, rounded + '\n');
console.error(JSON.stringify(report, null, 1));
console.error(`thresholds ${model.threshold} (line breaks), ${model.thresholdFlat} (flat); wrote ${path.relative(process.cwd(), target)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
