// Quality stage: machine-made and cut-off text. Pattern rules (rules.json) catch cut-offs and
// stitched endings; the splice rules catch word salad made of the page's own phrases
// (salad.ts); a download doorway page (one product name and 'download' in most sentences) goes
// whole (doorway.ts). Off-topic detection is not done yet: nothing is marked `offtopic`.
import { remove } from '../doc.js';
import type { Doc } from '../types.js';
import rulesFile from './rules.json' with { type: 'json' };
import { saladSignals } from './salad.js';
import { smoothMachineRuns } from './context.js';
import { defaultSettings, type Settings } from '../settings.js';
import { removeDoorway } from './doorway.js';

interface PatternRule { id: string; kind: string; regex: RegExp; lang?: string }

const patterns: PatternRule[] = rulesFile.patterns.map((r) => {
  const rule = r as { id: string; kind: string; pattern: string; flags?: string; lang?: string };
  return { id: rule.id, kind: rule.kind, regex: new RegExp(rule.pattern, rule.flags ?? 'u'), lang: rule.lang };
});
/** A settings section of rules.json ({name: {value, why}}) as {name: value}. */
const valuesOf = <T extends Record<string, { value: number }>>(section: T): Record<keyof T, number> =>
  Object.fromEntries(Object.entries(section).map(([k, v]) => [k, v.value])) as Record<keyof T, number>;

/** `settings`: the thresholds in force (src/settings.ts). */
export function quality(doc: Doc, settings: Settings = defaultSettings): void {
  const splice = valuesOf(settings['quality.splice']);
  const context = valuesOf(settings['quality.context']);
  let evidence = 0;
  doc.segments.forEach((segment) => {
    if (segment.status !== 'kept') return;
    const rule = patterns.find((p) => (!p.lang || p.lang === (doc.lang ?? 'en')) && p.regex.test(segment.text));
    if (!rule) return;
    remove(doc, segment, { stage: 'quality', kind: rule.kind, rule: rule.id });
    if (rule.kind === 'garbled') evidence++;
  });
  removeDoorway(doc, settings['quality.doorway'], (segment, why) => remove(doc, segment, { stage: 'quality', kind: 'ad', rule: 'download-doorway' }, { why }));
  if (evidence < splice.evidence) return;
  // Signals over every segment, furniture included: a splice may reuse any earlier text.
  const signals = saladSignals(doc.segments.map((s) => s.text), splice.gram, splice.commonAfter);
  doc.segments.forEach((segment, i) => {
    if (segment.status !== 'kept') return;
    const s = signals[i];
    if (!s || s.grams < splice.minGrams || s.bestSource >= splice.maxSingleSource) return;
    const need = s.midStart ? splice.midStartRecycled : splice.recycled;
    if (s.recycled >= need) {
      remove(doc, segment, { stage: 'quality', kind: 'garbled', rule: s.midStart ? 'spliced-mid-phrase' : 'spliced-fragments', score: +s.recycled.toFixed(3) });
    }
  });
  smoothMachineRuns(doc, context, (i) => {
    remove(doc, doc.segments[i]!, { stage: 'quality', kind: 'garbled', rule: 'inside-machine-run' },
      { why: 'kept text between segments removed as machine-made or furniture on both sides' });
  });
}
