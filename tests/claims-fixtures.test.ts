// The claims, sources and topics stages on small dumps of health pages from the benchmark,
// restated in our own words, with our own labels (fixtures/claims/*.expected.json; what the
// rules still get wrong is listed in fixtures/claims/NOTES.md). The stages run on the segments
// directly, without the cleaning stages, so the labels test these stages alone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimStages } from '../src/claims/index.js';
import { createDoc } from '../src/doc.js';
import { segmentText } from '../src/segment/index.js';
import { projectRoot } from './helpers/shared.js';
import type { Doc } from '../src/types.js';

interface Expected {
  text: string;
  type: 'fact' | 'advice' | 'question' | null;
  source?: string | null;
  kind?: string;
  how?: 'explicit' | 'inherited';
  description?: string;
  credentials?: string[];
  topic?: string;
}

const dir = path.join(projectRoot, 'fixtures', 'claims');
const names = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();

function load(name: string): { doc: Doc; expected: Expected[] } {
  const text = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
  const doc = createDoc({ id: name, rawId: name, path: `${name}.txt`, format: 'txt', text, sha256: '' }, name, segmentText(text));
  claimStages([doc]);
  const expected = (JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as { claims: Expected[] }).claims;
  return { doc, expected };
}

function claimAt(doc: Doc, start: string) {
  const segment = doc.segments.find((s) => s.text.startsWith(start));
  if (!segment) throw new Error(`no segment starts with ${JSON.stringify(start)}`);
  return doc.claims.find((c) => c.segment === segment.id);
}

describe.each(names)('labeled page %s', (name) => {
  const { doc, expected } = load(name);

  it('gives each labeled sentence its claim type', () => {
    for (const e of expected) expect(claimAt(doc, e.text)?.type ?? null, e.text).toBe(e.type);
  });

  it('gives each labeled sentence its source, or none', () => {
    for (const e of expected) {
      if (e.source === undefined) continue;
      const given = claimAt(doc, e.text)?.sources[0];
      const source = given && doc.sources.find((s) => s.ref === given.ref);
      if (e.source === null) {
        expect(source, e.text).toBeUndefined();
        continue;
      }
      expect({ name: source?.name, kind: source?.kind, how: given?.how }, e.text).toEqual({ name: e.source, kind: e.kind, how: e.how });
      if (e.description) expect(source?.description, e.text).toBe(e.description);
      if (e.credentials) expect(source?.credentials, e.text).toEqual(e.credentials);
    }
  });
});

describe('labeled pages together', () => {
  // The topic model never trains on these sentences (npm run train:topics reads ../shared/gold),
  // so this is a held-out figure: 12 of 16 with the learned model (the cue-word model it replaced
  // was written with these sentences in view and reached 0.85).
  it('tag at least 75% of the labeled sentences with the topic we expect', () => {
    const labeled = names.flatMap((name) => {
      const { doc, expected } = load(name);
      return expected.filter((e) => e.topic).map((e) => ({ e, got: claimAt(doc, e.text)?.topics.map((t) => t.id) ?? [] }));
    });
    const misses = labeled.filter(({ e, got }) => !got.includes(e.topic ?? ''));
    expect(labeled.length).toBeGreaterThanOrEqual(15);
    expect(1 - misses.length / labeled.length, misses.map(({ e, got }) => `${e.text}: want ${e.topic}, got ${got.join(',')}`).join('\n')).toBeGreaterThanOrEqual(0.75);
  });
});
