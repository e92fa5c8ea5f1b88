// Leads of furniture. The segmenter cuts a piece of furniture into a lead and the rest; when the
// rest is removed, the lead goes with it, under the same kind:
// - a short Title Case lead ending in a colon ('Heart Palpitations at Night:') before a line a
//   rule removed (a related-article title, a teaser); not before the model's removals, where on
//   the bench the lead was a section heading of the article about half the time;
// - an ad's hook: a short question to the reader ('Back pain cramping your style?') directly
//   before a call to action or an ad.
import { remove } from '../doc.js';
import type { Doc, Segment } from '../types.js';
import { titleShare, wordCount } from './rules.js';
import defaults from './leads.json' with { type: 'json' };

type LeadSettings = typeof defaults;

const SECOND_PERSON = /\b(you|your|you're|you’re)\b/iu;

function isTitleLead(lead: Segment, settings: LeadSettings): boolean {
  return lead.text.endsWith(':') && wordCount(lead.text) <= settings.maxWords.value && titleShare(lead.text) >= settings.minTitleShare.value;
}

function isHook(lead: Segment, next: Segment, settings: LeadSettings): boolean {
  const kind = next.reason?.kind;
  return (kind === 'cta' || kind === 'ad') && lead.text.endsWith('?')
    && wordCount(lead.text) <= settings.hookMaxWords.value && SECOND_PERSON.test(lead.text);
}

export function removeLeadsOfFurniture(doc: Doc, settings: LeadSettings = defaults): void {
  const { segments } = doc;
  segments.forEach((lead, i) => {
    const next = segments[i + 1];
    if (lead.status !== 'kept' || !next || next.status !== 'removed' || next.reason?.stage !== 'boilerplate') return;
    if (next.reason.rule === 'furniture-model') return; // only what a rule named: before the model's removals a lead was often the article's heading
    if (isTitleLead(lead, settings)) {
      remove(doc, lead, { stage: 'boilerplate', kind: next.reason.kind, rule: 'lead-of-furniture' },
        { why: `a title lead cut from the ${next.reason.kind} line after it (${next.reason.rule})` });
    } else if (isHook(lead, next, settings)) {
      remove(doc, lead, { stage: 'boilerplate', kind: 'ad', rule: 'hook-of-cta' },
        { why: `a question to the reader just before a call to action (${next.reason.rule})` });
    }
  });
}
