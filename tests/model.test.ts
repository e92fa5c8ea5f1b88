// The furniture model's network gives the numbers of the plain loop (sums in input order, tanh,
// logistic output) exactly, whatever its size: the hidden layer runs in WebAssembly (hidden-sums.ts).
import { describe, expect, it } from 'vitest';
import { predict, type Network } from '../src/boilerplate/model.js';

/** A deterministic pseudo-random stream in [-1, 1). */
function numbers(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

function network(inputs: number, hidden: number, seed: number): Network {
  const next = numbers(seed);
  const list = (n: number, f = next): number[] => Array.from({ length: n }, f);
  return {
    features: list(inputs, () => 0).map((_, j) => `f${j}`),
    mean: list(inputs), std: list(inputs, () => (next() > 0.8 ? 0 : Math.abs(next()) * 3)),
    hidden, W1: list(hidden * inputs).map((w) => w * 2), b1: list(hidden), W2: list(hidden).map((w) => w * 3), b2: next(),
  };
}

/** The network as a plain loop, in the order the model's sums are defined. */
function reference(r: Network, row: (number | undefined)[]): number {
  const d = r.mean.length;
  const z = r.mean.map((m, j) => (row[j] === undefined ? 0 : (row[j]! - m) / (r.std[j] || 1)));
  let out = r.b2;
  for (let u = 0; u < r.hidden; u++) {
    let s = r.b1[u]!;
    for (let j = 0; j < d; j++) s += r.W1[u * d + j]! * z[j]!;
    out += r.W2[u]! * Math.tanh(s);
  }
  return 1 / (1 + Math.exp(-out));
}

describe('the furniture network', () => {
  it.each([[51, 32], [59, 32], [7, 11], [1, 1], [3, 17]])('with %i inputs and %i hidden units gives the plain loop\'s probabilities to the bit', (inputs, hidden) => {
    const r = network(inputs, hidden, inputs * 100 + hidden);
    const next = numbers(hidden);
    for (let k = 0; k < 200; k++) {
      const row = Array.from({ length: inputs }, () => (next() > 0.6 ? 0 : next() * 5));
      if (k % 7 === 0) row.length = Math.max(0, inputs - 2); // short rows read as zeros
      expect(Object.is(predict(r, row), reference(r, row))).toBe(true);
    }
  });
});
