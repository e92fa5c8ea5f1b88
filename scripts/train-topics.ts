// Trains the topic model (src/topics/model.json) for the default taxonomy:
//   npm run train:topics [-- --quick]
// Samples: the labeled claims of ../shared/gold/*/labels.jsonl (a claim unit as ../shared/tools
// score.mjs reads it: a segment, or the parts it is carved into; content, not a duplicate, of type
// fact/advice/question; its topics are the labels, none on a page or sentence outside the
// taxonomy), the taxonomy's own descriptions, examples and cue terms (fit.ts), and sentences of
// general web text from ../shared/bench/c4.jsonl as samples of no topic.
// Every setting is chosen by leave-one-page-out over the gold pages: each page is scored by a
// model that never saw it, and the pooled micro-F1 of those scores picks the settings; then the
// model is fitted on every page. model.json records the held-out figures beside the in-sample
// ones, so overfitting shows. Also written: background.json (feature rates of the c4 sentences)
// and the settings a taxonomy without shipped weights is fitted with at load time, chosen the
// same way on the gold pages from the taxonomy's own text alone.
// Nothing of the gold text is written: only stems, stem pairs and numbers.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { choose, hasEvidence, inContext, type ContextSettings } from '../src/topics/context.js';
import { cueIndex, featuresOf } from '../src/topics/features.js';
import { backgroundSample, taxonomyHash, taxonomySamples, type Background, type LoadFit } from '../src/topics/fit.js';
import { fitLinear, logits, type LinearTopics, type Sample } from '../src/topics/learn.js';
import { defaultTaxonomy } from '../src/topics/taxonomy.js';
import type { ClaimType } from '../src/types.js';

const { values: opts } = parseArgs({ options: { quick: { type: 'boolean' } } });
const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(root, '..', 'shared');
const taxonomy = defaultTaxonomy;
const ids = taxonomy.topics.map((t) => t.id);
const K = ids.length;
const cues = cueIndex(taxonomy);
const readJsonl = <T>(file: string): T[] => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);

// --- gold claims, per page ---
interface Unit { label: string; claim?: string | null; topics?: string[]; dup_of?: number | null; text?: string; parts?: Unit[] | null; i: number }
interface Claim { x: ReturnType<typeof featuresOf>; type: ClaimType; labels: number[] }
const goldRoot = path.join(shared, 'gold');
const pages = fs.readdirSync(goldRoot).filter((d) => fs.existsSync(path.join(goldRoot, d, 'labels.jsonl'))).sort();
const claimsOf = new Map<string, Claim[]>();
for (const page of pages) {
  const segs = new Map(readJsonl<{ i: number; text: string }>(path.join(goldRoot, page, 'segments.jsonl')).map((s) => [s.i, s.text]));
  const out: Claim[] = [];
  for (const a of readJsonl<Unit>(path.join(goldRoot, page, 'labels.jsonl'))) {
    const units = a.parts?.length ? a.parts.map((p) => ({ ...p, dup_of: p.dup_of ?? null })) : [{ ...a, text: segs.get(a.i) ?? '' }];
    for (const u of units) {
      if (u.label !== 'content' || u.dup_of != null || !['fact', 'advice', 'question'].includes(u.claim ?? '')) continue;
      const type = u.claim as ClaimType;
      out.push({ x: featuresOf(u.text ?? '', type, undefined, cues), type, labels: (u.topics ?? []).map((t) => ids.indexOf(t)).filter((k) => k >= 0) });
    }
  }
  claimsOf.set(page, out);
}

// --- background: sentences of general web text ---
const bgSentences: ReturnType<typeof featuresOf>[] = [];
for (const doc of readJsonl<{ text: string }>(path.join(shared, 'bench', 'c4.jsonl'))) {
  for (const s of doc.text.split(/(?<=[.!?])\s+|\n+/u)) {
    const x = featuresOf(s, undefined, undefined, cues);
    if (x.names.length >= 4) bgSentences.push(x);
  }
}
const rateCount = new Map<string, number>();
for (const x of bgSentences) for (const n of x.names) rateCount.set(n, (rateCount.get(n) ?? 0) + 1);
const background: Background = {
  sentences: bgSentences.length,
  meanFeatures: +(bgSentences.reduce((a, x) => a + x.names.length, 0) / bgSentences.length).toFixed(2),
  rates: Object.fromEntries([...rateCount].filter(([, c]) => c >= 8).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([n, c]) => [n, +(c / bgSentences.length).toPrecision(3)])),
};
// A fixed, spread-out subset of the background sentences is trained on (every n-th).
const BG_SAMPLES = opts.quick ? 1500 : 3000;
const bgStep = Math.max(1, Math.floor(bgSentences.length / BG_SAMPLES));
const bgTrain = bgSentences.filter((_, i) => i % bgStep === 0).slice(0, BG_SAMPLES);
console.log(`gold: ${pages.length} pages, ${[...claimsOf.values()].reduce((a, c) => a + c.length, 0)} claims; background: ${bgSentences.length} c4 sentences (${bgTrain.length} trained on, ${Object.keys(background.rates).length} feature rates kept)`);

// --- scoring: pooled micro-F1 of topics over claim units, as score.mjs counts them ---
interface Counts { tp: number; fp: number; fn: number }
const f1 = (c: Counts): number => (c.tp ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : c.fp + c.fn ? 0 : 1);
const advice = new Set((taxonomy.adviceTopics ?? ids).map((id) => ids.indexOf(id)));
/** A page's claims scored by one model: their own logits and their priors (no words, the claim's type). */
interface Scored { z: number[][]; prior: number[][] }
function count(page: Claim[], own: Scored, ctx: ContextSettings, c: Counts = { tp: 0, fp: 0, fn: 0 }): Counts {
  const fin = inContext(own.z, ctx);
  page.forEach((cl, i) => {
    const allowed = (k: number): boolean => hasEvidence(own.z[i]!, own.prior[i]!, k, ctx) && (cl.type !== 'advice' || advice.has(k));
    const got = new Set(choose(fin[i]!, ctx.threshold, taxonomy.scoring.maxTopics, allowed).map((t) => t.k));
    for (const k of got) cl.labels.includes(k) ? c.tp++ : c.fp++;
    for (const k of cl.labels) if (!got.has(k)) c.fn++;
  });
  return c;
}
// evidence > 0 always: a claim without a word for a topic never gets it from the topic's prior.
function bestContext(own: Map<string, Scored>): { ctx: ContextSettings; f1: number } {
  let best = { ctx: { doc: 0, near: 0, threshold: 0, evidence: 0 }, f1: -1 };
  for (const doc of [0, 0.5, 1]) for (const near of [0, 0.5]) for (const evidence of [0.25, 0.5, 1, 1.5, 2]) {
    for (let t = -8; t <= 3.001; t += 0.1) {
      const ctx = { doc, near, threshold: +t.toFixed(2), evidence };
      const c: Counts = { tp: 0, fp: 0, fn: 0 };
      for (const [p, z] of own) count(claimsOf.get(p)!, z, ctx, c);
      const f = f1(c);
      if (f > best.f1 + 1e-9) best = { ctx, f1: f };
    }
  }
  return best;
}
const perPage = (own: Map<string, Scored>, ctx: ContextSettings): Record<string, number> & { pooled: number } => {
  const all: Counts = { tp: 0, fp: 0, fn: 0 };
  const out: Record<string, number> = {};
  for (const [p, z] of own) {
    out[p] = +f1(count(claimsOf.get(p)!, z, ctx)).toFixed(3);
    count(claimsOf.get(p)!, z, ctx, all);
  }
  return { ...out, pooled: +f1(all).toFixed(3) };
};
const predict = (model: LinearTopics, page: string): Scored => ({ z: claimsOf.get(page)!.map((c) => logits(model, c.x)), prior: claimsOf.get(page)!.map((c) => logits(model, featuresOf('', c.type))) });

// --- the learned model: settings by leave-one-page-out ---
interface Learn { l2: number; exampleWeight: number; backgroundWeight: number }
const samplesFor = (train: string[], s: Learn): Sample[] => [
  ...train.flatMap((p) => claimsOf.get(p)!.map((c) => ({ x: c.x, labels: c.labels, weight: 1 }))),
  ...taxonomySamples(taxonomy, s.exampleWeight),
  ...bgTrain.map((x) => ({ x, labels: [], weight: s.backgroundWeight })),
];
const fit = (train: string[], s: Learn): LinearTopics => fitLinear(samplesFor(train, s), K, { l2: s.l2 });
const grid: Learn[] = [];
// The grid is small on purpose: each setting costs nine fits (about a minute on two busy cores).
for (const l2 of opts.quick ? [1e-4] : [1e-4, 3e-4]) for (const exampleWeight of [3]) for (const backgroundWeight of [0.1]) grid.push({ l2, exampleWeight, backgroundWeight });
let chosen: { s: Learn; ctx: ContextSettings; f1: number; own: Map<string, Scored> } | undefined;
for (const s of grid) {
  const own = new Map(pages.map((p) => [p, predict(fit(pages.filter((q) => q !== p), s), p)]));
  const { ctx, f1: f } = bestContext(own);
  console.log(`leave-one-page-out  l2=${s.l2} examples=${s.exampleWeight} background=${s.backgroundWeight}: pooled topic F1 ${f.toFixed(3)} at doc=${ctx.doc} near=${ctx.near} threshold=${ctx.threshold} evidence=${ctx.evidence}`);
  if (!chosen || f > chosen.f1 + 1e-9) chosen = { s, ctx, f1: f, own };
}
const { s, ctx } = chosen!;
const heldOut = perPage(chosen!.own, ctx);
const finalModel = fit(pages, s);

const inSample = perPage(new Map(pages.map((p) => [p, predict(finalModel, p)])), ctx);

// --- a taxonomy without shipped weights: fitted from its own text at load time ---
let loadBest: { fit: LoadFit; ctx: ContextSettings; f1: number; own: Map<string, Scored> } | undefined;
for (const l2 of opts.quick ? [3e-3] : [1e-3, 3e-3, 1e-2]) for (const backgroundShare of opts.quick ? [0.5] : [0.5, 2, 8]) {
  const lf: LoadFit = { exampleWeight: 1, backgroundShare, l2 };
  const own0 = taxonomySamples(taxonomy, 1);
  const total = own0.reduce((a, x) => a + x.weight, 0);
  const m = fitLinear([...own0, backgroundSample(background, total * backgroundShare)], K, { l2 });
  const own = new Map(pages.map((p) => [p, predict(m, p)]));
  const { ctx: c, f1: f } = bestContext(own);
  console.log(`taxonomy text only  l2=${l2} background=${backgroundShare}x: pooled topic F1 ${f.toFixed(3)} at doc=${c.doc} near=${c.near} threshold=${c.threshold} evidence=${c.evidence}`);
  if (!loadBest || f > loadBest.f1 + 1e-9) loadBest = { fit: lf, ctx: c, f1: f, own };
}

// --- report and write ---
console.log('\npage                 held-out  in-sample  taxonomy-only');
for (const p of [...pages, 'pooled']) console.log(`${p.padEnd(20)} ${String(heldOut[p]).padStart(8)}  ${String(inSample[p]).padStart(9)}  ${String(perPage(loadBest!.own, loadBest!.ctx)[p]).padStart(13)}`);
const round = (v: number): number => Math.round(v * 1000) / 1000;
const weights: Record<string, number[]> = {};
for (const [n, w] of Object.entries(finalModel.weights).sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (Math.max(...w.map(Math.abs)) >= 0.05) weights[n] = w.map(round);
}
const modelFile = {
  $comment: 'Topic model for the default taxonomy, written by `npm run train:topics` (scripts/train-topics.ts): one logistic regression per topic over stems and stem pairs (src/topics/features.ts), read in the context of the page (src/topics/context.ts). `taxonomy.hash` says which taxonomy the weights are for; any other taxonomy is fitted from its own descriptions, examples and cue terms at load time with `loadFit` and `loadContext`. `figures`: pooled topic micro-F1 on the gold pages (claim units as labeled); heldOut = each page scored by a model trained without it (leave-one-page-out), the honest estimate; inSample = the shipped model on pages it was trained on; taxonomyOnly = the load-time fit of this taxonomy, which reads no gold text.',
  taxonomy: { id: taxonomy.id, hash: taxonomyHash(taxonomy), topics: ids },
  trainedOn: { goldPages: pages, goldClaims: [...claimsOf.values()].reduce((a, c) => a + c.length, 0), backgroundSentences: bgTrain.length, settings: s },
  figures: { heldOut, inSample, taxonomyOnly: perPage(loadBest!.own, loadBest!.ctx) },
  context: ctx,
  loadFit: loadBest!.fit,
  loadContext: loadBest!.ctx,
  bias: finalModel.bias.map(round),
  weights,
};
fs.writeFileSync(path.join(root, 'src', 'topics', 'model.json'), `${JSON.stringify(modelFile)}\n`);
fs.writeFileSync(path.join(root, 'src', 'topics', 'background.json'), `${JSON.stringify({ $comment: 'Feature rates of general web text for fitting a taxonomy at load time (src/topics/fit.ts): the share of the sentences of ../shared/bench/c4.jsonl holding each stem or stem pair seen in at least 8 of them. Written by npm run train:topics.', ...background })}\n`);
console.log(`\nwrote src/topics/model.json (${Object.keys(weights).length} features) and background.json (${Object.keys(background.rates).length} rates)`);
