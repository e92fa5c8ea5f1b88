// Page type from the text alone: is this page an article (one body of prose), or a listing,
// product, service, forum or documentation page, where short unfinished lines are often the
// content? On line-broken pages the furniture model's threshold depends on it: menus and
// headline lists are short unfinished lines too, and on an article page they are almost all
// furniture, so an article is cleaned at a higher threshold (page-type.json).
// A logistic regression over page-level features; weights and the reason for each feature in
// page-type.json (fitted by scripts/train-page-type.ts on WCXB's labeled page types).
import settingsFile from './page-type.json' with { type: 'json' };
import { wordCount } from './rules.js';
import { finished } from './scan.js';
import { lineInfo } from './features.js';
import { ANCHOR } from './model.js';

export interface PageTypeModel {
  features: Record<string, { mean: number; std: number; weight: number; why: string }>;
  bias: number;
}

interface Settings {
  model: PageTypeModel;
  articleAt: { value: number; why: string };
  articleThreshold: { value: number; why: string };
  flatArticleAt: { value: number; why: string };
  flatArticleThreshold: { value: number; why: string };
}

const settings = settingsFile as unknown as Settings;

/** The cut-offs and thresholds of page-type.json (src/settings.ts may override them per run). */
export type Gates = Pick<Settings, 'articleAt' | 'articleThreshold' | 'flatArticleAt' | 'flatArticleThreshold'>;

/** A segment of at least this many words that ends like a sentence is prose. */
const PROSE_WORDS = 12;

/**
 * Page-level features, each in [0, 1] or a log count: `texts` and `probs` are the page's segments
 * and the furniture model's content probabilities (the body anchors are model.ts's), `url` the
 * page's address when known, `words` the segments' word counts and `lineWords` the lines' (lineInfo)
 * when the caller has them.
 */
export function pageFeatures(text: string, texts: string[], probs: number[], url?: string, words: readonly number[] = texts.map(wordCount), lineWords: readonly number[] = lineInfo(text).words): Record<string, number> {
  const total = words.reduce((a, b) => a + b, 0) || 1;
  const prose = texts.map((t, i) => (words[i] ?? 0) >= PROSE_WORDS && finished(t.trim()));
  let run = 0;
  let best = 0;
  prose.forEach((p, i) => {
    const w = words[i] ?? 0;
    run = p ? run + w : w <= 3 ? run : 0; // a label or a date between two paragraphs does not end the run
    best = Math.max(best, run);
  });
  const wordyLines = lineWords.filter((w) => w > 0);
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  return {
    proseShare: sum(words.filter((_, i) => prose[i])) / total,
    anchor: sum(words.filter((_, i) => (probs[i] ?? 0) >= ANCHOR)) / total,
    shortLines: wordyLines.filter((w) => w <= 4).length / (wordyLines.length || 1),
    shortLineWords: sum(wordyLines.filter((w) => w <= 6)) / total,
    run: best / total,
    logWords: Math.log1p(total),
    ...urlFeatures(url),
  };
}

function urlFeatures(url: string | undefined): { slug: number; date: number; depth: number } {
  let path = '';
  try {
    if (url) path = new URL(url).pathname;
  } catch {
    // not a URL: no address features
  }
  const parts = path.split('/').filter(Boolean);
  const last = (parts.at(-1) ?? '').replace(/\.(html?|php|aspx?)$/u, '');
  const slugWords = last.split(/[-_+]/u).filter((w) => /^\p{L}+$/u.test(w)).length;
  const date = /\/(19|20)\d\d\/(0?[1-9]|1[0-2])\//u.test(path) || /(19|20)\d\d-\d\d-\d\d/u.test(path) ? 1 : 0;
  return { slug: Math.min(slugWords, 10) / 10, date, depth: Math.min(parts.length, 6) / 6 };
}

/** Features that need line breaks: on a flattened page they are set to the model's mean (no evidence either way). */
const LINE_FEATURES = ['shortLines', 'shortLineWords'];

/** Probability that the page is an article, from pageFeatures. */
export function articleProbability(features: Record<string, number>, model: PageTypeModel = settings.model): number {
  let z = model.bias;
  for (const [name, f] of Object.entries(model.features)) {
    const v = features[name];
    if (v === undefined) throw new Error(`page-type.json uses the feature "${name}", which page-type.ts does not compute`);
    z += f.weight * ((v - f.mean) / (f.std || 1));
  }
  return 1 / (1 + Math.exp(-z));
}

/** The settings for one kind of page: above `at`, an article, cleaned at `threshold`. */
interface Gate { at: { value: number }; threshold: { value: number } }

function gated(gate: Gate, modelThreshold: number, features: Record<string, number>): number {
  return articleProbability(features) >= gate.at.value ? Math.max(modelThreshold, gate.threshold.value) : modelThreshold;
}

/**
 * The furniture model's threshold for a flattened page: the same regression without the
 * features that need line breaks (LINE_FEATURES), and its own cut-off and threshold
 * (flatArticleAt, flatArticleThreshold in page-type.json).
 */
export function flatThreshold(modelThreshold: number, text: string, texts: string[], probs: number[], url?: string, words?: readonly number[], gates: Gates = settings, lineWords?: readonly number[]): number {
  const features = pageFeatures(text, texts, probs, url, words, lineWords);
  for (const name of LINE_FEATURES) features[name] = settings.model.features[name]?.mean ?? 0;
  return gated({ at: gates.flatArticleAt, threshold: gates.flatArticleThreshold }, modelThreshold, features);
}

/**
 * The furniture model's threshold for a line-broken page: higher on an article page, the
 * model's own elsewhere.
 */
export function lineThreshold(modelThreshold: number, text: string, texts: string[], probs: number[], url?: string, words?: readonly number[], gates: Gates = settings, lineWords?: readonly number[]): number {
  return gated({ at: gates.articleAt, threshold: gates.articleThreshold }, modelThreshold, pageFeatures(text, texts, probs, url, words, lineWords));
}
