// Boilerplate stage: page furniture. Two steps, each removal naming its rule:
// 1. rules.json: furniture recognised by its wording (ad code, sign-ups, breadcrumbs, legal
//    lines, bylines, references, forum posts); the rule names the kind.
// 2. the furniture model (model.json, trained by scripts/train-cleaner.ts): what no rule names
//    but looks like furniture by its shape and its neighbours; rule `furniture-model`, with the
//    model's confidence as the score. Its threshold is higher when the page reads as an
//    article (page-type.ts), with or without line breaks.
// 3. teasers.ts (pages with line breaks): runs of other articles' headlines outside the body.
// 4. comments.ts: readers' comments under the article, from the first comment header on.
// 5. leads.ts: a Title Case lead cut from the furniture after it goes with it.
import { note, remove } from '../doc.js';
import type { Doc, Segment } from '../types.js';
import { RuleMatches } from './rules.js';
import { classAt, widthAt, LETTER, UPPER } from './chars.js';
import { removeLeadsOfFurniture } from './leads.js';
import { removeTeaserRuns } from './teasers.js';
import { removeCommentSection } from './comments.js';
import { FEATURE_NAMES, featureMatrix, flatLines, lineInfo } from './features.js';
import { detectLanguage } from './language.js';
import { matrixProbabilities, type CleanerModel } from './model.js';
import { flatThreshold, lineThreshold } from './page-type.js';
import modelFile from './model.json' with { type: 'json' };
import { defaultSettings, type Settings } from '../settings.js';

const model = modelFile as unknown as CleanerModel;

/** `settings`: the thresholds in force (src/settings.ts). */
export function boilerplate(doc: Doc, settings: Settings = defaultSettings): void {
  const { text } = doc.source;
  if (!doc.segments.length) return;
  doc.lang = detectLanguage(text);
  const lines = lineInfo(text);
  const flat = flatLines(lines);
  const matches = doc.segments.map((s) => new RuleMatches(s.text, doc.lang, flat));
  const features = featureMatrix(text, doc.segments, doc.lang, matches, lines);
  const probs = matrixProbabilities(model, features, FEATURE_NAMES);
  const words = features.words; // wordCount of each segment, from the features' pass
  const texts = doc.segments.map((s) => s.text);
  const threshold = flat
    ? flatThreshold(settings['boilerplate.model'].thresholdFlat.value, text, texts, probs, doc.source.url, words, settings['boilerplate.pageType'], lines.words)
    : lineThreshold(settings['boilerplate.model'].threshold.value, text, texts, probs, doc.source.url, words, settings['boilerplate.pageType'], lines.words);
  const left: number[] = []; // what the rules leave, for the model
  doc.segments.forEach((segment, i) => {
    if (segment.status !== 'kept') return;
    const rule = matches[i]?.first(words[i] ?? 0);
    if (rule) remove(doc, segment, { stage: 'boilerplate', kind: rule.kind, rule: rule.id });
    else left.push(i);
  });
  const furniture = left.filter((i) => (probs[i] ?? 1) < threshold);
  const wordsOf = (list: number[]): number => list.reduce((n, i) => n + (words[i] ?? 0), 0);
  const all = wordsOf(left);
  if (fallsBack(all - wordsOf(furniture), all, settings['boilerplate.fallback'])) {
    note(doc, 'boilerplate', 'model-fallback', `the furniture model would keep almost nothing of this page (${furniture.length} of ${left.length} segments removed); kept what the rules left`);
  } else {
    for (const i of furniture) {
      const segment = doc.segments[i]!;
      remove(doc, segment, { stage: 'boilerplate', kind: shapeKind(segment, words[i] ?? 0), rule: 'furniture-model', score: +(1 - (probs[i] ?? 1)).toFixed(3) });
    }
  }
  if (!flat) removeTeaserRuns(doc, words, settings['boilerplate.teasers']);
  removeCommentSection(doc, words, settings['boilerplate.comments']);
  removeLeadsOfFurniture(doc, settings['boilerplate.leads']);
}

/**
 * trafilatura's fallback: would the model keep too little, `kept` words of the `all` the rules
 * left (fallback.json)? Then the page is not an article the model knows (a product grid, a
 * category page) and its best guess is worse than the page.
 */
export function fallsBack(kept: number, all: number, fallback: Settings['boilerplate.fallback'] = defaultSettings['boilerplate.fallback']): boolean {
  return all > 0 && kept < fallback.minKeptWords.value && kept / all < fallback.minKeptShare.value;
}

// The model says "furniture" but not which: name the likeliest kind from the segment's shape,
// so a reader sees titles and menus apart from the rest.
function shapeKind(segment: Segment, words: number): string {
  const { runs, upper } = letterRuns(segment.text);
  const title = upper / (runs || 1);
  if (runs >= 4 && title > 0.6) return 'related'; // lists of article titles
  if (words <= 3) return 'nav'; // menu entries and labels
  return 'other';
}

/** Runs of letters (/\p{L}+/gu), and how many start with a capital (/^\p{Lu}/u), by chars.ts's tables. */
function letterRuns(text: string): { runs: number; upper: number } {
  let runs = 0;
  let upper = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i += widthAt(text, i)) {
    const k = classAt(text, i);
    const letter = (k & LETTER) !== 0;
    if (letter && !inRun) {
      runs++;
      if (k & UPPER) upper++;
    }
    inRun = letter;
  }
  return { runs, upper };
}
