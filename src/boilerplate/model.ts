// The furniture model: two logistic regressions. Stage 1 scores each segment from its features;
// stage 2 adds the stage-1 scores of its neighbours (jusText's context smoothing, learned), so
// a short line inside the article stays and a long line inside a footer goes. Weights come from
// model.json, written by scripts/train-cleaner.ts.

export interface Regression {
  features: string[];
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
}

export interface CleanerModel {
  stage1: Regression;
  stage2: Regression;
  /** Below this probability of being content, a segment is furniture. */
  threshold: number;
}

export const CONTEXT_FEATURES = ['p:-2', 'p:-1', 'p:+1', 'p:+2', 'p:window'];
const WINDOW = 5;

export function predict(r: Regression, row: number[]): number {
  let z = r.bias;
  for (let j = 0; j < r.weights.length; j++) z += (r.weights[j] ?? 0) * (((row[j] ?? 0) - (r.mean[j] ?? 0)) / (r.std[j] || 1));
  return 1 / (1 + Math.exp(-z));
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
