// The furniture model: two scorers, each a one-hidden-layer network (a logistic regression is
// also read, for older model files). Stage 1 scores each segment from its features; stage 2
// adds the stage-1 scores of its neighbours (jusText's context smoothing, learned), so
// a short line inside the article stays and a long line inside a footer goes. Weights come from
// model.json, written by scripts/train-cleaner.ts.

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

export const CONTEXT_FEATURES = ['p:-2', 'p:-1', 'p:+1', 'p:+2', 'p:window'];
const WINDOW = 5;

export function predict(r: Scorer, row: number[]): number {
  if ('W1' in r) return predictNetwork(r, row);
  let z = r.bias;
  for (let j = 0; j < r.weights.length; j++) z += (r.weights[j] ?? 0) * (((row[j] ?? 0) - (r.mean[j] ?? 0)) / (r.std[j] || 1));
  return 1 / (1 + Math.exp(-z));
}

function predictNetwork(r: Network, row: number[]): number {
  const { d, hidden, mean, div, W1, b1, W2, z } = compiled(r);
  for (let j = 0; j < d; j++) {
    const v = row[j];
    z[j] = v === undefined ? 0 : (v - mean[j]!) / div[j]!;
  }
  // Four hidden units at a time, each summed on its own in the same order as one at a time (the
  // same numbers), so the four sums proceed in parallel instead of waiting on each other.
  let out = r.b2;
  let u = 0;
  for (; u + 4 <= hidden; u += 4) {
    let s0 = b1[u]!, s1 = b1[u + 1]!, s2 = b1[u + 2]!, s3 = b1[u + 3]!;
    const k0 = u * d, k1 = k0 + d, k2 = k1 + d, k3 = k2 + d;
    for (let j = 0; j < d; j++) {
      const x = z[j]!;
      s0 += W1[k0 + j]! * x;
      s1 += W1[k1 + j]! * x;
      s2 += W1[k2 + j]! * x;
      s3 += W1[k3 + j]! * x;
    }
    out += W2[u]! * Math.tanh(s0);
    out += W2[u + 1]! * Math.tanh(s1);
    out += W2[u + 2]! * Math.tanh(s2);
    out += W2[u + 3]! * Math.tanh(s3);
  }
  for (; u < hidden; u++) {
    let s = b1[u]!;
    const k = u * d;
    for (let j = 0; j < d; j++) s += W1[k + j]! * z[j]!;
    out += W2[u]! * Math.tanh(s);
  }
  return 1 / (1 + Math.exp(-out));
}

// A network's weights as typed arrays, made on first use: the same numbers summed in the same
// order as from the JSON arrays, several times faster (the model was a quarter of boilerplate's time).
// A scorer is not changed once it is used (model.json, or the trainer's finished network).
interface Compiled {
  d: number;
  hidden: number;
  mean: Float64Array;
  /** std, or 1 where std is 0 */
  div: Float64Array;
  W1: Float64Array;
  b1: Float64Array;
  W2: Float64Array;
  /** scratch: the standardized row */
  z: Float64Array;
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
    W1: fill(r.hidden * d, (i) => r.W1[i] ?? 0), b1: fill(r.hidden, (u) => r.b1[u] ?? 0), W2: fill(r.hidden, (u) => r.W2[u] ?? 0),
    z: new Float64Array(d),
  };
  compiledNetworks.set(r, c);
  return c;
}

/** Stage-2 rows: each row with its neighbours' stage-1 probabilities appended. */
export function withContext(rows: number[][], p1: number[]): number[][] {
  const at = (i: number): number => p1[i] ?? 0.5;
  return rows.map((row, i) => {
    let sum = 0;
    let n = 0;
    for (let k = i - WINDOW; k <= i + WINDOW; k++) if (k !== i && k >= 0 && k < p1.length) { sum += at(k); n++; }
    return [...row, at(i - 2), at(i - 1), at(i + 1), at(i + 2), n ? sum / n : 0.5];
  });
}

/** Probability that each segment is content, in order. */
export function contentProbabilities(model: CleanerModel, rows: number[][]): number[] {
  const p1 = rows.map((r) => predict(model.stage1, r));
  return withContext(rows, p1).map((r) => predict(model.stage2, r));
}
