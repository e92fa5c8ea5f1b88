// The furniture model: two scorers, each a one-hidden-layer network (a logistic regression is
// also read, for older model files). Stage 1 scores each segment from its features; stage 2
// adds the stage-1 scores of its neighbours (jusText's context smoothing, learned), so
// a short line inside the article stays and a long line inside a footer goes. Weights come from
// model.json, written by scripts/train-cleaner.ts.

import { hiddenLayer, type HiddenLayer } from './hidden-sums.js';

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

export function predict(r: Scorer, row: number[]): number {
  if ('W1' in r) return predictNetwork(r, row);
  let z = r.bias;
  for (let j = 0; j < r.weights.length; j++) z += (r.weights[j] ?? 0) * (((row[j] ?? 0) - (r.mean[j] ?? 0)) / (r.std[j] || 1));
  return 1 / (1 + Math.exp(-z));
}

function predictNetwork(r: Network, row: number[]): number {
  const { d, hidden, mean, div, W2, layer } = compiled(r);
  const z = layer.z;
  for (let j = 0; j < d; j++) {
    const v = row[j];
    z[j] = v === undefined ? 0 : (v - mean[j]!) / div[j]!;
  }
  layer.run();
  const sums = layer.sums;
  let out = r.b2;
  for (let u = 0; u < hidden; u++) out += W2[u]! * Math.tanh(sums[u]!);
  return 1 / (1 + Math.exp(-out));
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
  const at = (i: number): number => p1[i] ?? 0.5;
  const mean = (i: number, w: number): number => {
    let sum = 0;
    let n = 0;
    for (let k = Math.max(0, i - w); k <= Math.min(p1.length - 1, i + w); k++) if (k !== i) { sum += at(k); n++; }
    return n ? sum / n : 0.5;
  };
  const anchorsBefore: number[] = [];
  let seen = 0;
  p1.forEach((p, i) => { anchorsBefore[i] = seen; if (p >= ANCHOR) seen++; });
  const total = seen;
  const first = p1.findIndex((p) => p >= ANCHOR);
  let last = p1.length - 1;
  while (last >= 0 && (p1[last] ?? 0) < ANCHOR) last--;
  return rows.map((row, i) => {
    const outside = total === 0 ? 0.5 : i < first || i > last ? 1 : 0;
    return [...row, at(i - 2), at(i - 1), at(i + 1), at(i + 2), mean(i, WINDOW), mean(i, WIDE), total ? (anchorsBefore[i] ?? 0) / total : 0.5, outside];
  });
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
