// The hand-over between pass 1 and pass 2 (src/run/changes.ts): the main thread runs the corpus
// steps on a light document and spills pass 1's header with their changes; pass 2 must get the
// document a full copy would have given, field for field and in the same key order.
import { describe, expect, it } from 'vitest';
import { prepare } from '../src/run/stages.js';
import { corpusChanges, corpusDoc, restoreDoc } from '../src/run/changes.js';
import { fromPlainDoc, toPlainDoc, type PlainDoc } from '../src/run/plain.js';
import { corpus as corpusSteps } from '../src/pipeline.js';
import { quietRemovals } from '../src/doc.js';
import { LateChanges } from '../src/run/late.js';
import { CorpusStats } from '../src/topics/index.js';
import { resolveSettings } from '../src/settings.js';
import type { SourceDoc } from '../src/types.js';

const para = 'Drinking enough water helps the kidneys clear waste from the blood every day. Menu. Subscribe to our newsletter.';
const pages = ['A', 'B', 'C', 'D'].map((id, n): SourceDoc => {
  const text = `${id} page ${n} opens with its own sentence about sleep and rest for adults.\n${para}\n${para}\nShare this page.\n`;
  return { id, rawId: id, path: `in/${id}.txt`, format: 'txt', text, sha256: '', url: `https://example.org/${id}`, extra: { n } };
});

function steps() {
  const run = { settings: resolveSettings({}), corpus: new CorpusStats(), late: new LateChanges() };
  return corpusSteps.map((s) => s.start(run));
}

describe('the hand-over from pass 1 to pass 2', () => {
  it('gives pass 2 the document the corpus steps left, as a full copy of it would', () => {
    const light = steps();
    const full = steps();
    let changed = 0;
    for (const source of pages) {
      const { extra: _extra, ...worker } = source;
      const out = prepare({ source: worker, name: source.id, summaries: true });
      const header = Buffer.from(out.head).toString('utf8');
      // A full copy: the document rebuilt whole from the header, the corpus steps run on it.
      const whole = quietRemovals(fromPlainDoc({ ...(JSON.parse(header) as Omit<PlainDoc, 'source'>), source: { ...source, text: undefined } as unknown as PlainDoc['source'] }, source.text, { source }));
      for (const step of full) step.run(whole, {});
      // The light one, with the worker's summaries, as the run does it.
      const doc = quietRemovals(corpusDoc(source, source.id, out));
      for (const step of light) step.run(doc, { ...(out.lines ? { lines: out.lines } : {}), ...(out.keys ? { keys: out.keys } : {}), ...(out.terms ? { terms: out.terms } : {}) });
      const changes = corpusChanges(doc, out.kept);
      changed += changes.segments.length;
      const back = restoreDoc(header, JSON.stringify(changes), source.text);
      expect(JSON.stringify(toPlainDoc(back))).toBe(JSON.stringify(toPlainDoc(whole)));
      expect(back.source).toEqual(source);
      for (const step of light) step.seal?.(doc);
      for (const step of full) step.seal?.(whole);
    }
    // Dedupe and site-repeats removed something, so the changes were exercised.
    expect(changed).toBeGreaterThan(0);
  });
});
