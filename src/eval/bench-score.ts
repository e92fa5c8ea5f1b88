// Scores cleaned text against a benchmark set (../shared/bench/*.jsonl, see its README.md).
// Same metrics, edge cases and figures as the reference scorer ../shared/tools/score-bench.mjs:
//   gold          -> 4-word shingle precision/recall/F1 (per-document normalised, means over
//                    documents; the article-extraction-benchmark metric) and WCXB's word-bag F1;
//   with/without  -> whitespace-normalised substring checks, micro-averaged (trafilatura's metric).
import { fixed3, harmonic, mean, readJsonl } from './util.ts';

export interface BenchDoc {
  id: string;
  /** The dump, one line per block. */
  text: string;
  /** The same dump as one paragraph. */
  text_flat: string;
  /** The page's main text (aeb, wcxb). */
  gold?: string;
  /** Snippets a correct cleaning keeps (trafilatura, wcxb). */
  with?: string[];
  /** Snippets of page furniture a correct cleaning drops (trafilatura, wcxb). */
  without?: string[];
  url?: string;
}

export interface BenchScore {
  docs: number;
  /** Documents with no prediction (scored as an empty text). */
  missing: number;
  /** Present when some document has a gold text. */
  shingle?: { docs: number; precision: number; recall: number; f1: number };
  wordF1?: number;
  /** Present when some document has with/without snippets. f1 and accuracy are NaN with no snippets at all. */
  snippets?: { docs: number; tp: number; fp: number; fn: number; tn: number; precision: number; recall: number; f1: number; accuracy: number };
}

// ---------------------------------------------------------------------------------------------
// Reading

const optString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function optStrings(v: unknown, what: string): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  if (!v.every((x) => typeof x === 'string')) throw new Error(`${what} must hold strings`);
  return v as string[];
}

export function toBenchDoc(raw: unknown): BenchDoc {
  if (typeof raw !== 'object' || raw === null) throw new Error(`bench record is not an object: ${JSON.stringify(raw)}`);
  const r = raw as Record<string, unknown>;
  const id = String(r.id);
  const doc: BenchDoc = { id, text: optString(r.text) ?? '', text_flat: optString(r.text_flat) ?? '' };
  const gold = optString(r.gold);
  const withSnippets = optStrings(r.with, `${id}: with`);
  const withoutSnippets = optStrings(r.without, `${id}: without`);
  const url = optString(r.url);
  if (gold !== undefined) doc.gold = gold;
  if (withSnippets) doc.with = withSnippets;
  if (withoutSnippets) doc.without = withoutSnippets;
  if (url !== undefined) doc.url = url;
  return doc;
}

export function readBenchDocs(file: string): BenchDoc[] {
  return readJsonl(file).map(toBenchDoc);
}

/** A predictions JSONL ({id, text}) as id -> text; a later line for the same id wins, no text is "". */
export function readBenchPredictions(file: string): Map<string, string> {
  const preds = new Map<string, string>();
  for (const raw of readJsonl(file)) {
    const r = (raw ?? {}) as Record<string, unknown>;
    const text = r.text ?? '';
    if (typeof text !== 'string') throw new Error(`${file}: prediction ${String(r.id)} has a non-string text`);
    preds.set(String(r.id), text);
  }
  return preds;
}

// ---------------------------------------------------------------------------------------------
// Metrics

const WORD = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

const words = (s: string): string[] => s.match(WORD) ?? [];

function countInto(m: Map<string, number>, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}

/** Multiset of 4-word shingles; a text of fewer words is one shingle of all of them (none if empty). */
function shingles(s: string): Map<string, number> {
  const t = words(s);
  const m = new Map<string, number>();
  const count = Math.max(1, t.length - SHINGLE + 1);
  for (let i = 0; i < count; i++) {
    const key = t.slice(i, i + SHINGLE).join('\u0001');
    if (key) countInto(m, key);
  }
  return m;
}

/** Per-document shingle precision and recall; undefined where undefined (no tp+fp, no tp+fn). */
function shinglePR(gold: string, out: string): { p?: number; r?: number } {
  const g = shingles(gold), p = shingles(out);
  let tp = 0, fp = 0, fn = 0;
  for (const k of new Set([...g.keys(), ...p.keys()])) {
    const x = g.get(k) ?? 0, y = p.get(k) ?? 0;
    tp += Math.min(x, y);
    fp += Math.max(0, y - x);
    fn += Math.max(0, x - y);
  }
  // Normalised to sum 1 first: the ratios below are computed on the normalised figures.
  const sum = tp + fp + fn;
  if (sum > 0) [tp, fp, fn] = [tp / sum, fp / sum, fn / sum];
  const perfect = fp === 0 && fn === 0;
  return {
    ...(tp + fp > 0 ? { p: perfect ? 1 : tp / (tp + fp) } : {}),
    ...(tp + fn > 0 ? { r: perfect ? 1 : tp / (tp + fn) } : {}),
  };
}

function wordBag(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words(s.toLowerCase())) countInto(m, w);
  return m;
}

/** WCXB's word-bag F1 of one document: 1 if both are empty, 0 if only one is. */
function wordF1(gold: string, out: string): number {
  const gb = wordBag(gold), pb = wordBag(out);
  let ov = 0, gn = 0, pn = 0;
  for (const [w, n] of gb) {
    gn += n;
    ov += Math.min(n, pb.get(w) ?? 0);
  }
  for (const n of pb.values()) pn += n;
  if (!gn) return pn ? 0 : 1;
  if (!pn || !ov) return 0;
  return (2 * (ov / pn) * (ov / gn)) / (ov / pn + ov / gn);
}

const normSpace = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Scores predictions (id -> cleaned text) against benchmark docs; a missing id scores as "". */
export function scoreBench(docs: readonly BenchDoc[], predictions: ReadonlyMap<string, string>): BenchScore {
  let missing = 0, goldDocs = 0, snippetDocs = 0;
  const P: number[] = [], R: number[] = [], W: number[] = [];
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const d of docs) {
    if (!predictions.has(d.id)) missing++;
    const out = predictions.get(d.id) ?? '';
    if (d.gold !== undefined) {
      goldDocs++;
      const { p, r } = shinglePR(d.gold, out);
      if (p !== undefined) P.push(p);
      if (r !== undefined) R.push(r);
      W.push(wordF1(d.gold, out));
    }
    if (d.with || d.without) {
      snippetDocs++;
      const o = normSpace(out);
      for (const w of d.with ?? []) o.includes(normSpace(w)) ? tp++ : fn++;
      for (const w of d.without ?? []) o.includes(normSpace(w)) ? fp++ : tn++;
    }
  }
  const res: BenchScore = { docs: docs.length, missing };
  if (goldDocs) {
    const precision = mean(P), recall = mean(R);
    res.shingle = { docs: goldDocs, precision, recall, f1: harmonic(precision, recall) };
    res.wordF1 = mean(W);
  }
  if (snippetDocs) {
    res.snippets = {
      docs: snippetDocs, tp, fp, fn, tn,
      precision: tp + fp ? tp / (tp + fp) : 0,
      recall: tp + fn ? tp / (tp + fn) : 0,
      f1: (2 * tp) / (2 * tp + fp + fn),
      accuracy: (tp + tn) / (tp + tn + fp + fn),
    };
  }
  return res;
}

/** The one line score-bench.mjs prints. */
export function formatBenchSummary(s: BenchScore): string {
  const parts = [`docs=${s.docs} missing=${s.missing}`];
  if (s.shingle) {
    parts.push(`shingleF1=${fixed3(s.shingle.f1)} (P ${fixed3(s.shingle.precision)} R ${fixed3(s.shingle.recall)})`
      + ` wordF1=${fixed3(s.wordF1 ?? 0)}`);
  }
  if (s.snippets) parts.push(`snippetF1=${fixed3(s.snippets.f1)} (P ${fixed3(s.snippets.precision)} R ${fixed3(s.snippets.recall)})`);
  return parts.join(' ');
}
