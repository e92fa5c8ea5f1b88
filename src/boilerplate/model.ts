// The furniture model: two scorers, each a one-hidden-layer network (a logistic regression is
// also read, for older model files). Stage 1 scores each segment from its features; stage 2
// adds the stage-1 scores of its neighbours (jusText's context smoothing, learned), so
// a short line inside the article stays and a long line inside a footer goes. Weights come from
// model.json, written by scripts/train-cleaner.ts.

import { hiddenLayer, type HiddenLayer } from './hidden-sums.js';
import type { FeatureMatrix } from './features.js';

export interface Regression {
  features: string[];
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
}

/** One hidden layer (tanh) and a logistic output; inputs standardized like Regression's. */
export interface Network {
  features: string[];
  mean: number[];
  std: number[];
  hidden: number;
  /** hidden x inputs, row-major */
  W1: number[];
  b1: number[];
  W2: number[];
  b2: number;
}

export type Scorer = Regression | Network;

export interface CleanerModel {
  stage1: Scorer;
  stage2: Scorer;
  /** Below this probability of being content, a segment of a page with line breaks is furniture. */
  threshold: number;
  /** The same for a flattened page (fewer than five lines), where the model is less sure. */
  thresholdFlat: number;
}

export const CONTEXT_FEATURES = ['p:-2', 'p:-1', 'p:+1', 'p:+2', 'p:window', 'p:wide', 'anchors:before', 'anchors:outside'];
const WINDOW = 5;
const WIDE = 15;
/** A stage-1 score this sure marks the article's body: the anchors of the main block. */
export const ANCHOR = 0.9;

export function predict(r: Scorer, row: ArrayLike<number>): number {
  if ('W1' in r) return predictNetwork(r, row);
  let z = r.bias;
  for (let j = 0; j < r.weights.length; j++) z += (r.weights[j] ?? 0) * (((row[j] ?? 0) - (r.mean[j] ?? 0)) / (r.std[j] || 1));
  return 1 / (1 + Math.exp(-z));
}

function predictNetwork(r: Network, row: ArrayLike<number>): number {
  const c = compiled(r);
  const { d, mean, div } = c;
  const z = c.layer.z;
  for (let j = 0; j < d; j++) {
    const v = row[j];
    z[j] = v === undefined ? 0 : (v - mean[j]!) / div[j]!;
  }
  return output(r, c);
}

/** The network's probability from the standardized inputs in its layer's `z`. */
function output(r: Network, { hidden, W2, layer }: Compiled): number {
  layer.run();
  const sums = layer.sums;
  let out = r.b2;
  for (let u = 0; u < hidden; u++) out += W2[u]! * Math.tanh(sums[u]!);
  return 1 / (1 + Math.exp(-out));
}

let scratch = new Float64Array(64);

/**
 * predict(r, row) for the row made of a[ao] to a[ao + aw - 1] and then b[bo] onwards, read through
 * `cols` (columnsOf) when not null, without building it: the same numbers in the same order.
 * Every column the scorer reads is in the row (columnsOf checks; without `cols` the row is as
 * long as the scorer's inputs).
 */
function predictAt(r: Scorer, cols: readonly number[] | null, a: Float64Array, ao: number, aw: number, b: Float64Array, bo: number): number {
  const count = 'W1' in r ? r.mean.length : r.weights.length;
  if (scratch.length < count) scratch = new Float64Array(count);
  const x = scratch;
  for (let j = 0; j < count; j++) {
    const k = cols ? cols[j]! : j;
    x[j] = k < aw ? a[ao + k]! : b[bo + k - aw]!;
  }
  return predict(r, x); // reads the scorer's first `count` inputs only
}

// A network's weights made ready on first use: the hidden layer in WebAssembly (hidden-sums.ts:
// the same numbers summed in the same order), the rest as typed arrays. A scorer is not changed
// once it is used (model.json, or the trainer's finished network).
interface Compiled {
  d: number;
  hidden: number;
  mean: Float64Array;
  /** std, or 1 where std is 0 */
  div: Float64Array;
  W2: Float64Array;
  layer: HiddenLayer;
}
const compiledNetworks = new WeakMap<Network, Compiled>();

function compiled(r: Network): Compiled {
  let c = compiledNetworks.get(r);
  if (c) return c;
  const d = r.mean.length;
  const fill = (n: number, at: (i: number) => number): Float64Array => Float64Array.from({ length: n }, (_, i) => at(i));
  c = {
    d, hidden: r.hidden,
    mean: fill(d, (j) => r.mean[j] ?? 0), div: fill(d, (j) => r.std[j] || 1),
    W2: fill(r.hidden, (u) => r.W2[u] ?? 0),
    layer: hiddenLayer(d, r.hidden, r.W1, r.b1),
  };
  compiledNetworks.set(r, c);
  return c;
}

/**
 * Stage-2 rows: each row with its neighbours' stage-1 probabilities appended, and where it lies
 * relative to the page's main block (trafilatura's and jusText's idea: the article is one run
 * of text; headline lists and footers lie before or after it): the share of anchors (segments
 * stage 1 is sure are body text) before it, and whether it lies outside the first-to-last anchor.
 */
export function withContext(rows: number[][], p1: number[]): number[][] {
  const context = contextOf(p1);
  const k = CONTEXT_FEATURES.length;
  return rows.map((row, i) => [...row, ...context.subarray(i * k, i * k + k)]);
}

/** withContext's appended values, CONTEXT_FEATURES.length per row, in one array. */
function contextOf(p1: ArrayLike<number>): Float64Array {
  const n = p1.length;
  const at = (i: number): number => (i >= 0 && i < n ? p1[i]! : 0.5);
  const mean = (i: number, w: number): number => {
    let sum = 0;
    let count = 0;
    for (let k = Math.max(0, i - w); k <= Math.min(n - 1, i + w); k++) if (k !== i) { sum += at(k); count++; }
    return count ? sum / count : 0.5;
  };
  const anchorsBefore = new Int32Array(n);
  let seen = 0;
  for (let i = 0; i < n; i++) { anchorsBefore[i] = seen; if (p1[i]! >= ANCHOR) seen++; }
  const total = seen;
  let first = 0;
  while (first < n && p1[first]! < ANCHOR) first++;
  if (first === n) first = -1;
  let last = n - 1;
  while (last >= 0 && p1[last]! < ANCHOR) last--;
  const k = CONTEXT_FEATURES.length;
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const outside = total === 0 ? 0.5 : i < first || i > last ? 1 : 0;
    const o = i * k;
    out[o] = at(i - 2);
    out[o + 1] = at(i - 1);
    out[o + 2] = at(i + 1);
    out[o + 3] = at(i + 2);
    out[o + 4] = mean(i, WINDOW);
    out[o + 5] = mean(i, WIDE);
    out[o + 6] = total ? anchorsBefore[i]! / total : 0.5;
    out[o + 7] = outside;
  }
  return out;
}

// Which column of a feature row each of the scorer's inputs is, by name: a model trained before a
// feature or a rule kind was added still reads the columns it was trained on. A feature the model
// needs that features.ts no longer computes is an error, never a silent shift.
// null: the row is already in the scorer's order (the usual case) and is passed as it is.
const columnCache = new WeakMap<Scorer, Map<string, number[] | null>>();
function columnsOf(scorer: Scorer, names: string[]): number[] | null {
  const key = names.join('\n');
  const byNames = columnCache.get(scorer) ?? new Map<string, number[] | null>();
  columnCache.set(scorer, byNames);
  let cols = byNames.get(key);
  if (cols === undefined) {
    const found = scorer.features.map((f) => {
      const j = names.indexOf(f);
      if (j < 0) throw new Error(`model.json uses the feature "${f}", which features.ts does not compute: retrain with npm run train:cleaner`);
      return j;
    });
    cols = found.length === names.length && found.every((j, k) => j === k) ? null : found;
    byNames.set(key, cols);
  }
  return cols;
}

const pick = (row: number[], cols: number[] | null): number[] => (cols ? cols.map((j) => row[j] ?? 0) : row);

/** Probability that each segment is content, in order; `names` are the columns of `rows`. */
export function contentProbabilities(model: CleanerModel, rows: number[][], names: string[]): number[] {
  const cols1 = columnsOf(model.stage1, names);
  const cols2 = columnsOf(model.stage2, [...names, ...CONTEXT_FEATURES]);
  const p1 = rows.map((r) => predict(model.stage1, pick(r, cols1)));
  return withContext(rows, p1).map((r) => predict(model.stage2, pick(r, cols2)));
}

const NONE = new Float64Array(0);

/** contentProbabilities of featureMatrix's rows, `names` its columns: the same numbers, without a row built. */
export function matrixProbabilities(model: CleanerModel, { rows: n, width, data }: FeatureMatrix, names: string[]): number[] {
  if (width !== names.length) throw new Error(`a feature matrix of ${width} columns with ${names.length} names`);
  const cols1 = columnsOf(model.stage1, names);
  const cols2 = columnsOf(model.stage2, [...names, ...CONTEXT_FEATURES]);
  const p1 = new Float64Array(n);
  for (let i = 0; i < n; i++) p1[i] = predictAt(model.stage1, cols1, data, i * width, width, NONE, 0);
  const context = contextOf(p1);
  const k = CONTEXT_FEATURES.length;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = predictAt(model.stage2, cols2, data, i * width, width, context, i * k);
  return out;
}
