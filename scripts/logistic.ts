// Weighted logistic regression with L2, trained by full-batch Adam on standardized features.
// Small and dependency-free; deterministic (no random initialisation or shuffling).

export interface Fitted {
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
}

export function trainLogistic(X: number[][], y: number[], w: number[], epochs = 400, l2 = 1e-4, rate = 0.05): Fitted {
  const d = X[0]?.length ?? 0;
  const n = X.length;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const row of X) for (let j = 0; j < d; j++) mean[j]! += row[j]! / n;
  for (const row of X) for (let j = 0; j < d; j++) std[j]! += (row[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) std[j] = Math.sqrt(std[j]!) || 1;
  const Z = X.map((row) => Float64Array.from(row, (v, j) => (v - mean[j]!) / std[j]!));
  const totalW = w.reduce((a, b) => a + b, 0);

  const weights = new Float64Array(d);
  let bias = 0;
  const m = new Float64Array(d + 1), v = new Float64Array(d + 1);
  const grad = new Float64Array(d + 1);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      const z = Z[i]!;
      let s = bias;
      for (let j = 0; j < d; j++) s += weights[j]! * z[j]!;
      const err = (1 / (1 + Math.exp(-s)) - y[i]!) * w[i]! / totalW;
      for (let j = 0; j < d; j++) grad[j]! += err * z[j]!;
      grad[d]! += err;
    }
    for (let j = 0; j < d; j++) grad[j]! += l2 * weights[j]!;
    for (let j = 0; j <= d; j++) {
      m[j] = 0.9 * m[j]! + 0.1 * grad[j]!;
      v[j] = 0.999 * v[j]! + 0.001 * grad[j]! ** 2;
      const step = (rate * (m[j]! / (1 - 0.9 ** epoch))) / (Math.sqrt(v[j]! / (1 - 0.999 ** epoch)) + 1e-8);
      if (j < d) weights[j]! -= step; else bias -= step;
    }
  }
  return { mean, std, weights: [...weights], bias };
}
