// A claim's topic logits read straight from its tokens: what logits(model, featuresOf(...)) gives
// (features.ts, learn.ts), with no feature named. Most of a claim's features are stems and pairs
// of stems, and naming each pair ("blood pressur") made a string per word of every claim, hashed
// again to find its weights (which most pairs have none of). Here a stem's weights are found by
// the stem itself (one string per distinct word, its hash kept), a pair's through the pair's two
// stems, and the features are told apart as featuresOf's Set does: the same features, counted the
// same, summed in the same order, so the same numbers to the last bit.
import type { ClaimType } from '../types.js';
import type { CueIndex } from './features.js';
import { weightOf, weightsOf, type LinearTopics } from './learn.js';
import type { Token } from './text.js';

/** The weights of the pair features of a model, by first stem then second. */
type PairWeights = Map<string, Map<string, number[]>>;
const pairWeightsOf = new WeakMap<LinearTopics, PairWeights>();

function pairWeights(model: LinearTopics): PairWeights {
  let pairs = pairWeightsOf.get(model);
  if (pairs) return pairs;
  pairs = new Map();
  // Split at the first space: a pair "a b" is found under (a, b); a name of other features
  // (a cue phrase, a feature with more spaces) is filed under a first part no stem equals.
  for (const [name, ws] of Object.entries(model.weights)) {
    const space = name.indexOf(' ');
    if (space < 0) continue;
    const first = name.slice(0, space);
    let byNext = pairs.get(first);
    if (!byNext) pairs.set(first, (byNext = new Map()));
    byNext.set(name.slice(space + 1), ws);
  }
  pairWeightsOf.set(model, pairs);
  return pairs;
}

// The weights of a cue phrase's feature (`cue:` and its stems), per model and phrase.
const cueWeightsOf = new WeakMap<LinearTopics, Map<string[], number[] | undefined>>();

function cueWeight(model: LinearTopics, cue: string[]): number[] | undefined {
  let byCue = cueWeightsOf.get(model);
  if (!byCue) cueWeightsOf.set(model, (byCue = new Map()));
  if (!byCue.has(cue)) byCue.set(cue, weightOf(model, `cue:${cue.join(' ')}`));
  return byCue.get(cue);
}

/** logits(model, featuresOf(text, type, toks, cues)) for the text whose tokens are `toks`. */
export function tokenLogits(model: LinearTopics, toks: readonly Token[], cues?: CueIndex, type?: ClaimType): number[] {
  // The weights of each feature that has some, in featuresOf's order, and how many features there are.
  const found: number[][] = [];
  let features = 0;
  if (cues) {
    // A cue phrase is one array of the index (cueIndex files each phrase once), so it is told apart by identity.
    const seen: string[][] = [];
    for (let i = 0; i < toks.length; i++) {
      const phrases = cues.get(toks[i]!.stem);
      if (!phrases) continue;
      for (const c of phrases) {
        if (!c.every((s, j) => toks[i + j]?.stem === s) || seen.includes(c)) continue;
        seen.push(c);
        features++;
        const ws = cueWeight(model, c);
        if (ws) found.push(ws);
      }
    }
  }
  const stems = new Set<string>();
  const weights = weightsOf(model);
  const pairs = pairWeights(model);
  // Where each pair counted so far starts. A pair can only repeat where both its stems do.
  const pairStarts: number[] = [];
  let afterFeature = false, lastRepeated = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.stop) {
      afterFeature = false;
      continue;
    }
    const repeated = stems.has(t.stem);
    if (!repeated) {
      stems.add(t.stem);
      features++;
      const ws = weightOf(model, t.stem, weights);
      if (ws) found.push(ws);
    }
    if (afterFeature) {
      const first = toks[i - 1]!.stem;
      if (!(repeated && lastRepeated && pairStarts.some((j) => toks[j]!.stem === first && toks[j + 1]!.stem === t.stem))) {
        pairStarts.push(i - 1);
        features++;
        const ws = pairs.get(first)?.get(t.stem);
        if (ws) found.push(ws);
      }
    }
    afterFeature = true;
    lastRepeated = repeated;
  }
  const z = [...model.bias];
  const value = 1 / Math.sqrt(features);
  for (const ws of found) for (let k = 0; k < z.length; k++) z[k]! += ws[k]! * value;
  // The type, a prior of its own (value 1).
  const ws = type ? weightOf(model, `=${type}`) : undefined;
  if (ws) for (let k = 0; k < z.length; k++) z[k]! += ws[k]!;
  return z;
}
