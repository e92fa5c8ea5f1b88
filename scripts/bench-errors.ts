// Where does a bench file's score go? Runs the pipeline on the readable pages of one gold file
// (aeb, wcxb, wcxb-train; never the unread split of src/eval/split.ts) and charges every error to
// what made it:
//   npm run bench:errors -- [--file wcxb.jsonl] [--flat] [--top 5] [--pages 10] [--examples BUCKET]
// - a gold word lost: charged to the removed segment that held it, bucketed by its reason
//   (stage/kind/rule; the furniture model's by its content probability);
// - a kept word the gold does not have: charged to the kept segment, bucketed by the model's
//   content probability and the segment's length.
// Each bucket also shows the gain in mean word F1 (WCXB's metric) if its segments alone were
// decided the other way, page by page (each segment flipped on its own and the gains summed).
// It is an upper bound for what a rule could win, not what switching a stage off wins: a bucket
// holds only segments with gold words, and the rule also removed segments without any. Dedupe's
// buckets read +0.019 on wcxb's readable lines pages, yet wcxb without dedupe scores 0.840/0.823
// (all/unread), not 0.842/0.826: the copies it removes are mostly furniture.
import { parseArgs } from 'node:util';
import { featureRows, FEATURE_NAMES } from '../src/boilerplate/features.js';
import { contentProbabilities, type CleanerModel } from '../src/boilerplate/model.js';
import modelFile from '../src/boilerplate/model.json' with { type: 'json' };
import { runReadable, tokens } from './bench-labels.js';

const { values } = parseArgs({ options: { file: { type: 'string' }, flat: { type: 'boolean' }, top: { type: 'string' }, pages: { type: 'string' }, examples: { type: 'string' } } });
const wanted = values.examples; // a bucket: print its segments (readable pages only)
const file = values.file ?? 'wcxb.jsonl';
const TOP = Number(values.top ?? 5);
const model = modelFile as unknown as CleanerModel;

type Bag = Map<string, number>;
const bagOf = (ws: string[]): Bag => { const m: Bag = new Map(); for (const w of ws) m.set(w, (m.get(w) ?? 0) + 1); return m; };
const size = (b: Bag): number => { let n = 0; for (const v of b.values()) n += v; return n; };
function overlap(g: Bag, p: Bag): number { let o = 0; for (const [w, n] of g) o += Math.min(n, p.get(w) ?? 0); return o; }
/** WCXB's word F1 from the overlap and the two sizes. */
function f1(ov: number, gn: number, pn: number): number {
  if (!gn) return pn ? 0 : 1;
  if (!pn || !ov) return 0;
  return (2 * ov) / (gn + pn);
}
function add(p: Bag, s: Bag, sign: 1 | -1): void { for (const [w, n] of s) p.set(w, (p.get(w) ?? 0) + sign * n); }

interface Bucket { segments: number; words: number; gain: number; pages: Set<string> }
const lost = new Map<string, Bucket>(); // removed segments holding gold words
const extra = new Map<string, Bucket>(); // kept segments holding non-gold words
const perPage: { id: string; f1: number; lostGain: number; extraGain: number }[] = [];
function charge(m: Map<string, Bucket>, key: string, words: number, gain: number, page: string): void {
  const b = m.get(key) ?? { segments: 0, words: 0, gain: 0, pages: new Set() };
  b.segments++; b.words += words; b.gain += gain; b.pages.add(page);
  m.set(key, b);
}
const probBucket = (p: number): string => `p${(Math.min(0.9, Math.floor(p * 10) / 10)).toFixed(1)}`;
const lenBucket = (n: number): string => (n <= 3 ? 'w1-3' : n <= 10 ? 'w4-10' : n <= 30 ? 'w11-30' : 'w31+');

const { docs, byId } = await runReadable(file, values.flat ?? false, (p) => typeof p.gold === 'string');

for (const doc of docs) {
  const id = String(doc.source.rawId);
  const g = bagOf(tokens(byId.get(id)!.gold!));
  const gn = size(g);
  const segs = doc.segments.map((s) => ({ s, bag: bagOf(tokens(s.text)) }));
  const kept: Bag = new Map();
  for (const { s, bag } of segs) if (s.status === 'kept') add(kept, bag, 1);
  const ov = overlap(g, kept);
  const pn = size(kept);
  const base = f1(ov, gn, pn);
  const probs = contentProbabilities(model, featureRows(doc.source.text, doc.segments, doc.lang ?? 'en'), FEATURE_NAMES);
  let lostGain = 0, extraGain = 0;
  segs.forEach(({ s, bag }, i) => {
    const n = size(bag);
    if (!n) return;
    const sign = s.status === 'kept' ? -1 : 1;
    add(kept, bag, sign);
    const ov2 = overlap(g, kept);
    const gain = f1(ov2, gn, pn + sign * n) - base;
    add(kept, bag, sign === 1 ? -1 : 1);
    const p = probBucket(probs[i] ?? 0);
    if (s.status === 'removed' && ov2 > ov) {
      const r = s.reason!;
      // A dedupe removal: is the kept copy on this page or on another one?
      const where = s.duplicateOf ? (s.duplicateOf.slice(0, s.duplicateOf.lastIndexOf(':')) === s.id.slice(0, s.id.lastIndexOf(':')) ? ' same-page' : ' other-page') : '';
      const key = `${r.stage}/${r.kind}/${r.rule}${r.rule === 'furniture-model' ? ` ${p}` : where}`;
      charge(lost, key, ov2 - ov, gain, id);
      if (wanted && key.startsWith(wanted)) console.log(`${id} ${key} gain ${gain.toFixed(4)}: ${s.text.slice(0, 160)}`);
      if (gain > 0) lostGain += gain;
    } else if (s.status === 'kept' && ov - ov2 < n) {
      charge(extra, `kept ${p} ${lenBucket(n)}`, n - (ov - ov2), gain, id);
      if (wanted && `kept ${p} ${lenBucket(n)}`.startsWith(wanted)) console.log(`${id} kept ${p} gain ${gain.toFixed(4)}: ${s.text.slice(0, 160)}`);
      if (gain > 0) extraGain += gain;
    }
  });
  perPage.push({ id, f1: base, lostGain, extraGain });
}

const N = docs.length;
const mean = perPage.reduce((a, p) => a + p.f1, 0) / (N || 1);
console.log(`${file}${values.flat ? ' (flat)' : ''}: ${N} readable pages, mean word F1 ${mean.toFixed(3)}`);
function show(title: string, m: Map<string, Bucket>, top: number): void {
  const rows = [...m.entries()].sort((a, b) => b[1].gain - a[1].gain);
  const words = rows.reduce((a, [, b]) => a + b.words, 0);
  console.log(`\n${title}: ${words} words in ${rows.length} buckets; the ${top} with most to gain (mean F1 gain if flipped, one at a time)`);
  console.log(`${'bucket'.padEnd(52)}segments   words  share  pages  gain`);
  for (const [key, b] of rows.slice(0, top)) {
    console.log(`${key.padEnd(52)}${String(b.segments).padStart(8)}${String(b.words).padStart(8)}  ${(b.words / (words || 1)).toFixed(3)}${String(b.pages.size).padStart(7)}  ${(b.gain / N).toFixed(4)}`);
  }
}
// Rules and stages merged over probability buckets, so a stage's whole share shows.
const merged = (m: Map<string, Bucket>, cut: (k: string) => string): Map<string, Bucket> => {
  const out = new Map<string, Bucket>();
  for (const [k, b] of m) {
    const o = out.get(cut(k)) ?? { segments: 0, words: 0, gain: 0, pages: new Set<string>() };
    o.segments += b.segments; o.words += b.words; o.gain += b.gain; for (const p of b.pages) o.pages.add(p);
    out.set(cut(k), o);
  }
  return out;
};
show('gold words lost, by stage', merged(lost, (k) => k.split('/')[0]!), TOP);
show('gold words lost, by rule', merged(lost, (k) => k.split(' ')[0]!), TOP);
show('gold words lost, by rule and model probability', lost, TOP);
show('kept words not in the gold, by model probability and length', extra, TOP);
show('kept words not in the gold, by model probability', merged(extra, (k) => k.split(' ')[1]!), 10);
const worst = [...perPage].sort((a, b) => (b.lostGain + b.extraGain) - (a.lostGain + a.extraGain)).slice(0, Number(values.pages ?? 10));
console.log(`\npages with most to gain (ids only): F1, gain from restoring lost words, gain from dropping extra words`);
for (const p of worst) console.log(`${p.id.padEnd(30)} ${p.f1.toFixed(3)}  +${p.lostGain.toFixed(3)}  +${p.extraGain.toFixed(3)}`);
