// One logistic regression per topic over text features (features.ts), fitted together: the
// learned part of the topic model. Used by scripts/train-topics.ts on labeled claims, and at load
// time for a taxonomy the shipped weights were not trained for (fit.ts). Full-batch Adam on the
// weighted log loss with L2, a fixed number of steps from zero: the same samples give the same
// weights on any machine.
import type { Features } from './features.js';

export interface Sample {
  x: Features;
  /** Topic indexes the text is about; empty for a text outside the taxonomy. */
  labels: number[];
  /** How much the sample counts (a background sentence, an example, a labeled claim). */
  weight: number;
}

export interface LinearTopics {
  bias: number[];
  /** Feature -> one weight per topic. */
  weights: Record<string, number[]>;
}

export interface FitOptions {
  /** L2 strength per unit of sample weight. */
  l2: number;
  steps?: number;
  rate?: number;
}

export function fitLinear(samples: Sample[], topicCount: number, opts: FitOptions): LinearTopics {
  const steps = opts.steps ?? 250, rate = opts.rate ?? 0.1;
  const index = new Map<string, number>();
  const rows = samples.map((s) => {
    const idx = Int32Array.from(s.x.names.map((n) => index.get(n) ?? (index.set(n, index.size), index.size - 1)));
    const y = new Float64Array(topicCount);
    for (const k of s.labels) y[k] = 1;
    return { idx, val: Float64Array.from(s.x.values), y, weight: s.weight };
  });
  const total = samples.reduce((a, s) => a + s.weight, 0) || 1;
  const K = topicCount, F = index.size;
  const w = new Float64Array(F * K), b = new Float64Array(K);
  const m = new Float64Array(F * K), v = new Float64Array(F * K), mb = new Float64Array(K), vb = new Float64Array(K);
  const g = new Float64Array(F * K), gb = new Float64Array(K);
  const z = new Float64Array(K), e = new Float64Array(K);
  const b1 = 0.9, b2 = 0.999;
  for (let step = 1; step <= steps; step++) {
    g.fill(0);
    gb.fill(0);
    for (const r of rows) {
      z.set(b);
      for (let j = 0; j < r.idx.length; j++) {
        const base = r.idx[j]! * K, x = r.val[j]!;
        for (let k = 0; k < K; k++) z[k]! += w[base + k]! * x;
      }
      const c = r.weight / total;
      for (let k = 0; k < K; k++) {
        e[k] = c * (1 / (1 + Math.exp(-z[k]!)) - r.y[k]!);
        gb[k]! += e[k]!;
      }
      for (let j = 0; j < r.idx.length; j++) {
        const base = r.idx[j]! * K, x = r.val[j]!;
        for (let k = 0; k < K; k++) g[base + k]! += e[k]! * x;
      }
    }
    const c1 = 1 - b1 ** step, c2 = 1 - b2 ** step;
    for (let j = 0; j < F * K; j++) {
      const gj = g[j]! + opts.l2 * w[j]!;
      m[j] = b1 * m[j]! + (1 - b1) * gj;
      v[j] = b2 * v[j]! + (1 - b2) * gj * gj;
      w[j]! -= (rate * m[j]! / c1) / (Math.sqrt(v[j]! / c2) + 1e-8);
    }
    for (let k = 0; k < K; k++) {
      mb[k] = b1 * mb[k]! + (1 - b1) * gb[k]!;
      vb[k] = b2 * vb[k]! + (1 - b2) * gb[k]! * gb[k]!;
      b[k]! -= (rate * mb[k]! / c1) / (Math.sqrt(vb[k]! / c2) + 1e-8);
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [name, f] of index) weights[name] = Array.from(w.subarray(f * K, f * K + K));
  return { bias: Array.from(b), weights };
}

// The weights as a Map, made once per model: looking a fresh feature string up as a property of
// the weights object first interns it (a string-table lookup), a Map only hashes it. Only the
// model's own features have weights: a word whose stem names a property every object inherits
// ('constructor') has none, where reading it from the object gave a function and NaN logits.
const weightMaps = new WeakMap<LinearTopics, Map<string, number[]>>();

export function weightsOf(model: LinearTopics): Map<string, number[]> {
  let map = weightMaps.get(model);
  if (!map) {
    map = new Map(Object.entries(model.weights));
    weightMaps.set(model, map);
  }
  return map;
}

/** The weights of feature `name`, as `logits` reads them (undefined: the feature has none). */
export function weightOf(model: LinearTopics, name: string, weights: Map<string, number[]> = weightsOf(model)): number[] | undefined {
  return weights.get(name);
}

/** Raw scores (logits) per topic of one text's features. */
export function logits(model: LinearTopics, x: Features): number[] {
  const z = [...model.bias];
  x.names.forEach((n, j) => {
    const ws = weightOf(model, n);
    if (ws) for (let k = 0; k < z.length; k++) z[k]! += ws[k]! * x.values[j]!;
  });
  return z;
}
