// Fits the page-type regression (src/boilerplate/page-type.json) on ../shared/bench/wcxb.jsonl and
// wcxb-train.jsonl:
//   npm run train:page-type [-- --out FILE] [--folds 5]
// Each line-broken WCXB page gives one row of pageFeatures (the furniture model's current
// probabilities included, so retrain after train:cleaner) and its label, page_type 'article'.
// The unread split (src/eval/split.ts) is left out. The L2 strength is chosen by
// cross-validation with folds grouped by site (host of the URL): the one with the lowest mean
// held-out log loss wins; the script prints, and page-type.json records (`cv`), the mean and
// spread over folds of the log loss and of article precision and recall at articleAt. Only the
// numbers are rewritten: the features' reasons and the settings stay as written.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { segmentText } from '../src/segment/index.js';
import { featureRows, FEATURE_NAMES } from '../src/boilerplate/features.js';
import { detectLanguage } from '../src/boilerplate/language.js';
import { contentProbabilities, type CleanerModel } from '../src/boilerplate/model.js';
import { articleProbability, pageFeatures, type PageTypeModel } from '../src/boilerplate/page-type.js';
import { foldOf, isUnread, siteOf } from '../src/eval/split.js';
import modelFile from '../src/boilerplate/model.json' with { type: 'json' };

const { values: opts } = parseArgs({ options: { out: { type: 'string' }, folds: { type: 'string' } } });
const source = path.resolve(import.meta.dirname, '..', 'src', 'boilerplate', 'page-type.json');
const target = opts.out ? path.resolve(opts.out) : source;
const bench = path.resolve(import.meta.dirname, '..', '..', 'shared', 'bench');
const FOLDS = Number(opts.folds ?? 5);
const L2 = [0.001, 0.01, 0.03, 0.1, 0.3];
const settings = JSON.parse(fs.readFileSync(source, 'utf8')) as { model: PageTypeModel; articleAt: { value: number }; cv?: unknown };
const names = Object.keys(settings.model.features);

interface Row { x: number[]; y: number; fold: number }
const rows: Row[] = [];
for (const file of ['wcxb.jsonl', 'wcxb-train.jsonl']) {
  for (const line of fs.readFileSync(path.join(bench, file), 'utf8').split('\n')) {
    if (!line) continue;
    const page = JSON.parse(line) as { id: string; text: string; url?: string; page_type?: string };
    if (!page.page_type || isUnread(page.id)) continue;
    const spans = segmentText(page.text);
    const probs = contentProbabilities(modelFile as unknown as CleanerModel, featureRows(page.text, spans, detectLanguage(page.text)), FEATURE_NAMES);
    const f = pageFeatures(page.text, spans.map((s) => s.text), probs, page.url);
    rows.push({ x: names.map((n) => f[n] ?? 0), y: page.page_type === 'article' ? 1 : 0, fold: foldOf(siteOf(page), FOLDS) });
  }
}

interface Fitted { mean: number[]; std: number[]; w: number[]; b: number }
/** Full-batch gradient descent on the log loss with L2: a handful of features, one optimum. */
function fit(train: Row[], l2: number): Fitted {
  const d = names.length;
  const mean = names.map((_, j) => train.reduce((a, r) => a + r.x[j]!, 0) / train.length);
  const std = names.map((_, j) => Math.sqrt(train.reduce((a, r) => a + (r.x[j]! - mean[j]!) ** 2, 0) / train.length) + 1e-9);
  const Z = train.map((r) => r.x.map((v, j) => (v - mean[j]!) / std[j]!));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let it = 0; it < 3000; it++) {
    const g = new Array<number>(d).fill(0);
    let gb = 0;
    Z.forEach((x, k) => {
      const e = 1 / (1 + Math.exp(-(x.reduce((a, v, j) => a + v * w[j]!, b)))) - train[k]!.y;
      x.forEach((v, j) => { g[j]! += e * v; });
      gb += e;
    });
    for (let j = 0; j < d; j++) w[j]! -= 0.1 * (g[j]! / Z.length + l2 * w[j]!);
    b -= 0.1 * (gb / Z.length);
  }
  return { mean, std, w, b };
}

const round = (v: number): number => +v.toFixed(4);
function asModel(m: Fitted): PageTypeModel {
  const model = structuredClone(settings.model);
  names.forEach((n, j) => Object.assign(model.features[n]!, { mean: round(m.mean[j]!), std: round(m.std[j]!), weight: round(m.w[j]!) }));
  model.bias = round(m.b);
  return model;
}

/** Log loss and article precision/recall at articleAt of a fitted model on some rows. */
function scoreOn(list: Row[], model: PageTypeModel): { loss: number; p: number; r: number } {
  let tp = 0, fp = 0, fn = 0, loss = 0;
  for (const r of list) {
    const prob = Math.min(1 - 1e-9, Math.max(1e-9, articleProbability(Object.fromEntries(names.map((n, j) => [n, r.x[j]!])), model)));
    loss -= r.y ? Math.log(prob) : Math.log(1 - prob);
    const article = prob >= settings.articleAt.value;
    if (article && r.y) tp++; else if (article) fp++; else if (r.y) fn++;
  }
  return { loss: loss / (list.length || 1), p: tp / (tp + fp || 1), r: tp / (tp + fn || 1) };
}

const stats = (xs: number[]): { mean: number; sd: number } => {
  const mean = xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
  return { mean: round(mean), sd: round(Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length || 1))) };
};
let best: { l2: number; loss: number; folds: { loss: number; p: number; r: number }[] } | undefined;
for (const l2 of L2) {
  const folds = [];
  for (let k = 0; k < FOLDS; k++) {
    const held = rows.filter((r) => r.fold === k);
    if (held.length) folds.push(scoreOn(held, asModel(fit(rows.filter((r) => r.fold !== k), l2))));
  }
  const loss = stats(folds.map((f) => f.loss)).mean;
  console.error(`l2 ${l2}: held-out log loss ${loss.toFixed(4)} (mean over ${folds.length} folds)`);
  if (!best || loss < best.loss) best = { l2, loss, folds };
}
const chosen = best!;
const cv = {
  folds: FOLDS, groupedBy: 'site (host of url)', pages: rows.length, l2: chosen.l2,
  logLoss: stats(chosen.folds.map((f) => f.loss)),
  precision: stats(chosen.folds.map((f) => f.p)),
  recall: stats(chosen.folds.map((f) => f.r)),
};
settings.model = asModel(fit(rows, chosen.l2));
settings.cv = cv;
const all = scoreOn(rows, settings.model);
console.error(`cv (${FOLDS} folds by site, l2 ${chosen.l2}): article precision ${cv.precision.mean} ± ${cv.precision.sd}, recall ${cv.recall.mean} ± ${cv.recall.sd} at ${settings.articleAt.value}`);
console.error(`all ${rows.length} training pages: precision ${all.p.toFixed(3)} recall ${all.r.toFixed(3)}`);
fs.writeFileSync(target, JSON.stringify(settings, null, 2) + '\n');
console.error(`wrote ${target}`);
