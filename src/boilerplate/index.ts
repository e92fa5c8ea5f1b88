// Boilerplate stage: page furniture. Two steps, each removal naming its rule:
// 1. rules.json: furniture recognised by its wording (ad code, sign-ups, breadcrumbs, legal
//    lines, bylines, references, forum posts); the rule names the kind.
// 2. the furniture model (model.json, trained by scripts/train-cleaner.ts): what no rule names
//    but looks like furniture by its shape and its neighbours; rule `furniture-model`, with the
//    model's confidence as the score.
import { remove } from '../doc.js';
import type { Doc, Segment } from '../types.js';
import { RuleMatches, wordCount } from './rules.js';
import { featureRows, isFlat } from './features.js';
import { detectLanguage, stopwords } from './language.js';
import { contentProbabilities, type CleanerModel } from './model.js';
import modelFile from './model.json' with { type: 'json' };

const model = modelFile as unknown as CleanerModel;

export function boilerplate(doc: Doc): void {
  const { text } = doc.source;
  if (!doc.segments.length) return;
  doc.lang = detectLanguage(text);
  const matches = doc.segments.map((s) => new RuleMatches(s.text));
  const rows = featureRows(text, doc.segments, stopwords(doc.lang), matches);
  const probs = contentProbabilities(model, rows);
  const threshold = isFlat(text) ? model.thresholdFlat : model.threshold;
  doc.segments.forEach((segment, i) => {
    if (segment.status !== 'kept') return;
    const rule = matches[i]?.first(wordCount(segment.text));
    if (rule) {
      remove(doc, segment, { stage: 'boilerplate', kind: rule.kind, rule: rule.id });
      return;
    }
    const p = probs[i] ?? 1;
    if (p < threshold) {
      remove(doc, segment, { stage: 'boilerplate', kind: shapeKind(segment), rule: 'furniture-model', score: +(1 - p).toFixed(3) });
    }
  });
}

// The model says "furniture" but not which: name the likeliest kind from the segment's shape,
// so a reader sees titles and menus apart from the rest.
function shapeKind(segment: Segment): string {
  const words = segment.text.match(/[\p{L}]+/gu) ?? [];
  const title = words.filter((w) => /^\p{Lu}/u.test(w)).length / (words.length || 1);
  if (words.length >= 4 && title > 0.6) return 'related'; // lists of article titles
  if (wordCount(segment.text) <= 3) return 'nav'; // menu entries and labels
  return 'other';
}
