// A one-hidden-layer network (tanh), weighted log-loss, mini-batch Adam; deterministic: weights
// start from a seeded generator and batches follow a seeded shuffle, so training twice gives
// the same model.
import type { Network } from '../src/boilerplate/model.js';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainNetwork(X: number[][], y: number[], w: number[], hidden = 24, epochs = 12, batch = 256, rate = 0.003, l2 = 1e-5): Omit<Network, 'features'> {
  const d = X[0]?.length ?? 0;
  const n = X.length;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const row of X) for (let j = 0; j < d; j++) mean[j]! += row[j]! / n;
  for (const row of X) for (let j = 0; j < d; j++) std[j]! += (row[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) std[j] = Math.sqrt(std[j]!) || 1;
  const Z = X.map((row) => Float64Array.from(row, (v, j) => (v - mean[j]!) / std[j]!));
  const meanW = w.reduce((a, b) => a + b, 0) / n;

  const rnd = prng(42);
  const scale = 1 / Math.sqrt(d);
  const W1 = new Float64Array(hidden * d).map(() => (rnd() * 2 - 1) * scale);
  const b1 = new Float64Array(hidden);
  const W2 = new Float64Array(hidden).map(() => (rnd() * 2 - 1) / Math.sqrt(hidden));
  let b2 = 0;
  const params = [W1, b1, W2];
  const m = params.map((p) => new Float64Array(p.length));
  const v = params.map((p) => new Float64Array(p.length));
  let mb2 = 0, vb2 = 0, step = 0;
  const g = params.map((p) => new Float64Array(p.length));
  const h = new Float64Array(hidden);
  const order = Array.from({ length: n }, (_, i) => i);

  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
    for (let start = 0; start < n; start += batch) {
      for (const gi of g) gi.fill(0);
      let gb2 = 0;
      const end = Math.min(n, start + batch);
      for (let k = start; k < end; k++) {
        const i = order[k]!;
        const z = Z[i]!;
        let out = b2;
        for (let u = 0; u < hidden; u++) {
          let s = b1[u]!;
          const off = u * d;
          for (let j = 0; j < d; j++) s += W1[off + j]! * z[j]!;
          h[u] = Math.tanh(s);
          out += W2[u]! * h[u]!;
        }
        const err = ((1 / (1 + Math.exp(-out)) - y[i]!) * w[i]!) / meanW / (end - start);
        gb2 += err;
        for (let u = 0; u < hidden; u++) {
          g[2]![u]! += err * h[u]!;
          const dh = err * W2[u]! * (1 - h[u]! ** 2);
          g[1]![u]! += dh;
          const off = u * d;
          for (let j = 0; j < d; j++) g[0]![off + j]! += dh * z[j]!;
        }
      }
      step++;
      params.forEach((p, pi) => {
        const gp = g[pi]!, mp = m[pi]!, vp = v[pi]!;
        for (let j = 0; j < p.length; j++) {
          const grad = gp[j]! + l2 * p[j]!;
          mp[j] = 0.9 * mp[j]! + 0.1 * grad;
          vp[j] = 0.999 * vp[j]! + 0.001 * grad * grad;
          p[j]! -= (rate * (mp[j]! / (1 - 0.9 ** step))) / (Math.sqrt(vp[j]! / (1 - 0.999 ** step)) + 1e-8);
        }
      });
      mb2 = 0.9 * mb2 + 0.1 * gb2;
      vb2 = 0.999 * vb2 + 0.001 * gb2 * gb2;
      b2 -= (rate * (mb2 / (1 - 0.9 ** step))) / (Math.sqrt(vb2 / (1 - 0.999 ** step)) + 1e-8);
    }
  }
  return { mean, std, hidden, W1: [...W1], b1: [...b1], W2: [...W2], b2 };
}
