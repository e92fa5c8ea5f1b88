// Cross-validation figures for scripts/train-cleaner.ts: token-weighted F1 of "content" per
// fold, its mean and spread, and the threshold with the best mean over folds.

export interface Sample { rows: number[][]; labels: (0 | 1 | null)[]; weights: number[]; file: string; flat: boolean; fold: number; inSample: boolean; key?: string }

/** F1 mean and standard deviation over folds, and each fold's F1 (folds with no labeled tokens are skipped). */
export interface Fit { mean: number; sd: number; folds: number[]; p?: number; r?: number }

function counts(samples: Sample[], probs: number[][], keep: (s: Sample) => boolean, threshold: number, folds: number): { tp: number; fp: number; fn: number }[] {
  const c = Array.from({ length: folds }, () => ({ tp: 0, fp: 0, fn: 0 }));
  samples.forEach((s, k) => {
    if (!keep(s)) return;
    const f = c[folds === 1 ? 0 : s.fold]!;
    s.labels.forEach((l, i) => {
      if (l === null) return;
      const kept = (probs[k]![i] ?? 0) >= threshold;
      const w = s.weights[i]!;
      if (kept && l) f.tp += w; else if (kept) f.fp += w; else if (l) f.fn += w;
    });
  });
  return c;
}

const f1 = (c: { tp: number; fp: number; fn: number }): number => (c.tp ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0);

/** The F1 of the pages `keep` picks, per fold (folds = 1: pooled, with precision and recall). */
export function spread(samples: Sample[], probs: number[][], keep: (s: Sample) => boolean, folds: number, threshold: number, withPR = false): Fit {
  const per = counts(samples, probs, keep, threshold, folds).filter((c) => c.tp + c.fp + c.fn > 0);
  const scores = per.map(f1);
  const mean = scores.reduce((a, b) => a + b, 0) / (scores.length || 1);
  const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / (scores.length || 1));
  const fit: Fit = { mean, sd, folds: scores };
  if (withPR && per[0]) Object.assign(fit, { p: per[0].tp / (per[0].tp + per[0].fp || 1), r: per[0].tp / (per[0].tp + per[0].fn || 1) });
  return fit;
}

/** The threshold (0.2 to 0.8 by 0.025) with the best mean F1 over folds, and that fit. */
export function thresholdByFolds(samples: Sample[], probs: number[][], keep: (s: Sample) => boolean, folds: number): { threshold: number; fit: Fit } {
  let best = { threshold: 0.5, fit: { mean: -1, sd: 0, folds: [] as number[] } as Fit };
  for (let i = 0; i <= 24; i++) {
    const t = +(0.2 + i * 0.025).toFixed(3);
    const fit = spread(samples, probs, keep, folds, t);
    if (fit.mean > best.fit.mean) best = { threshold: t, fit };
  }
  return best;
}
