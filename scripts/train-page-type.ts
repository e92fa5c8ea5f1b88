// Fits the page-type regression (src/boilerplate/page-type.json) on ../shared/bench/wcxb.jsonl:
//   npm run train:page-type [-- --out FILE]
// Each line-broken WCXB page gives one row of pageFeatures (the furniture model's current
// probabilities included, so retrain after train:cleaner) and its label, page_type 'article'.
// The pages held out from the furniture model (split.ts) are held out here too; the script
// prints precision and recall of "article" on both parts at the file's articleAt. Only the
// numbers are rewritten: the features' reasons and the settings stay as written.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { segmentText } from '../src/segment/index.js';
import { featureRows, FEATURE_NAMES } from '../src/boilerplate/features.js';
import { detectLanguage } from '../src/boilerplate/language.js';
import { contentProbabilities, type CleanerModel } from '../src/boilerplate/model.js';
import { articleProbability, pageFeatures, type PageTypeModel } from '../src/boilerplate/page-type.js';
import { isHeldOut } from '../src/eval/split.js';
import modelFile from '../src/boilerplate/model.json' with { type: 'json' };

const { values: opts } = parseArgs({ options: { out: { type: 'string' } } });
const source = path.resolve(import.meta.dirname, '..', 'src', 'boilerplate', 'page-type.json');
const target = opts.out ? path.resolve(opts.out) : source;
const bench = path.resolve(import.meta.dirname, '..', '..', 'shared', 'bench', 'wcxb.jsonl');
const settings = JSON.parse(fs.readFileSync(source, 'utf8')) as { model: PageTypeModel; articleAt: { value: number } };
const names = Object.keys(settings.model.features);

interface Row { x: number[]; y: number; held: boolean }
const rows: Row[] = [];
for (const line of fs.readFileSync(bench, 'utf8').split('\n')) {
  if (!line) continue;
  const page = JSON.parse(line) as { id: string; text: string; url?: string; page_type?: string };
  if (!page.page_type) continue;
  const spans = segmentText(page.text);
  const texts = spans.map((s) => page.text.slice(s.start, s.end));
  const probs = contentProbabilities(modelFile as unknown as CleanerModel, featureRows(page.text, spans, detectLanguage(page.text)), FEATURE_NAMES);
  const f = pageFeatures(page.text, texts, probs, page.url);
  rows.push({ x: names.map((n) => f[n] ?? 0), y: page.page_type === 'article' ? 1 : 0, held: isHeldOut(page.id) });
}
const train = rows.filter((r) => !r.held);
const d = names.length;
const mean = names.map((_, j) => train.reduce((a, r) => a + r.x[j]!, 0) / train.length);
const std = names.map((_, j) => Math.sqrt(train.reduce((a, r) => a + (r.x[j]! - mean[j]!) ** 2, 0) / train.length) + 1e-9);
const z = (r: Row): number[] => r.x.map((v, j) => (v - mean[j]!) / std[j]!);
// Full-batch gradient descent on the log loss with a little L2: a handful of features, one optimum.
const w = new Array<number>(d).fill(0);
let b = 0;
const Z = train.map(z);
for (let it = 0; it < 3000; it++) {
  const g = new Array<number>(d).fill(0);
  let gb = 0;
  Z.forEach((x, k) => {
    const p = 1 / (1 + Math.exp(-(x.reduce((a, v, j) => a + v * w[j]!, b))));
    const e = p - train[k]!.y;
    x.forEach((v, j) => { g[j]! += e * v; });
    gb += e;
  });
  for (let j = 0; j < d; j++) w[j]! -= 0.1 * (g[j]! / Z.length + 0.01 * w[j]!);
  b -= 0.1 * (gb / Z.length);
}
const round = (v: number): number => +v.toFixed(4);
names.forEach((n, j) => Object.assign(settings.model.features[n]!, { mean: round(mean[j]!), std: round(std[j]!), weight: round(w[j]!) }));
settings.model.bias = round(b);
for (const [part, list] of [['train', train], ['held-out', rows.filter((r) => r.held)]] as const) {
  let tp = 0, fp = 0, fn = 0;
  for (const r of list) {
    const f = Object.fromEntries(names.map((n, j) => [n, r.x[j]!]));
    const article = articleProbability(f, settings.model) >= settings.articleAt.value;
    if (article && r.y) tp++; else if (article) fp++; else if (r.y) fn++;
  }
  console.error(`${part}: ${list.length} pages, article precision ${(tp / (tp + fp || 1)).toFixed(3)} recall ${(tp / (tp + fn || 1)).toFixed(3)} at ${settings.articleAt.value}`);
}
fs.writeFileSync(target, JSON.stringify(settings, null, 2) + '\n');
console.error(`wrote ${target}`);
