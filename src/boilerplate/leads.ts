// Title leads: the segmenter cuts a short Title Case lead ending in a colon ('Heart Palpitations
// at Night:') from the text after it. When that text is furniture (a related-article title, a
// teaser), the lead is part of the same piece of furniture and goes with it, under its kind.
import { remove } from '../doc.js';
import type { Doc } from '../types.js';
import { titleShare, wordCount } from './rules.js';
import settings from './leads.json' with { type: 'json' };

export function removeLeadsOfFurniture(doc: Doc): void {
  const { segments } = doc;
  segments.forEach((lead, i) => {
    const next = segments[i + 1];
    if (lead.status !== 'kept' || !next || next.status !== 'removed' || next.reason?.stage !== 'boilerplate') return;
    if (!lead.text.endsWith(':') || wordCount(lead.text) > settings.maxWords.value) return;
    if (titleShare(lead.text) < settings.minTitleShare.value) return;
    remove(doc, lead, { stage: 'boilerplate', kind: next.reason.kind, rule: 'lead-of-furniture' },
      { why: `a title lead cut from the ${next.reason.kind} line after it (${next.reason.rule})` });
  });
}
