// What a taxonomy itself teaches the topic model: each topic's description, examples and cue
// terms are labeled samples of that topic. A taxonomy the shipped weights were not trained for
// (told apart by `taxonomyHash`) gets a model fitted from these alone at load time, against the
// background: how often each feature occurs in sentences of general web text (background.json,
// made by scripts/train-topics.ts from ../shared/bench/c4.jsonl), one sample standing for many
// sentences about nothing in the taxonomy.
import { createHash } from 'node:crypto';
import { cueIndex, featuresOf } from './features.js';
import { fitLinear, type LinearTopics, type Sample } from './learn.js';
import type { Taxonomy } from './taxonomy.js';

export interface Background {
  /** How many sentences the rates were counted in. */
  sentences: number;
  /** Mean features per sentence (a sentence's features have values 1/sqrt of it). */
  meanFeatures: number;
  /** Feature -> share of sentences that have it. */
  rates: Record<string, number>;
}

/** Identifies what the topic model learns from a taxonomy: its ids, descriptions, examples and cues. */
export function taxonomyHash(taxonomy: Taxonomy): string {
  const parts = taxonomy.topics.map((t) => ({ id: t.id, d: t.description, e: t.examples, c: t.cues.map((g) => [g.terms, g.weight ?? 1]) }));
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

/** Labeled samples from a taxonomy's own text: examples count `weight`, a description or a cue term half as much. */
export function taxonomySamples(taxonomy: Taxonomy, weight: number): Sample[] {
  const out: Sample[] = [];
  const cues = cueIndex(taxonomy);
  taxonomy.topics.forEach((t, k) => {
    const add = (text: string, w: number): void => {
      const x = featuresOf(text, undefined, undefined, cues);
      if (x.names.length) out.push({ x, labels: [k], weight: w });
    };
    for (const e of t.examples) add(e, weight);
    if (t.description) add(t.description, weight / 2);
    for (const g of t.cues) for (const term of g.terms) add(term, (weight / 2) * (g.weight ?? 1));
  });
  return out;
}

/** The background as one sample: the mean sentence of general text, labeled with no topic. */
export function backgroundSample(bg: Background, weight: number): Sample {
  const names = Object.keys(bg.rates);
  const v = 1 / Math.sqrt(Math.max(1, bg.meanFeatures));
  return { x: { names, values: names.map((n) => (bg.rates[n] ?? 0) * v) }, labels: [], weight };
}

export interface LoadFit {
  /** Weight of each example sentence (a description or cue term counts half). */
  exampleWeight: number;
  /** Weight of the background, as a multiple of the taxonomy's total sample weight. */
  backgroundShare: number;
  l2: number;
}

export function fitFromTaxonomy(taxonomy: Taxonomy, bg: Background, settings: LoadFit): LinearTopics {
  const own = taxonomySamples(taxonomy, settings.exampleWeight);
  const total = own.reduce((a, s) => a + s.weight, 0);
  return fitLinear([...own, backgroundSample(bg, total * settings.backgroundShare)], taxonomy.topics.length, { l2: settings.l2 });
}
