import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimStages } from '../src/claims/index.js';
import { createDoc } from '../src/doc.js';
import { segmentText } from '../src/segment/index.js';
import { chooseTopics, CorpusStats, defaultTaxonomy, readTaxonomy, TaxonomyError, topicModel, topicScores } from '../src/topics/index.js';
import { keywords } from '../src/topics/keywords.js';
import { readTree, runCli, tempDir } from './helpers/run.js';
import type { Doc } from '../src/types.js';

function run(text: string, name = 'doc'): Doc {
  const doc = createDoc({ id: name, rawId: name, path: `${name}.txt`, format: 'txt', text, sha256: '' }, name, segmentText(text));
  claimStages([doc]);
  return doc;
}

function corpusOf(texts: string[]): CorpusStats {
  const c = new CorpusStats();
  for (const t of texts) c.add(t);
  return c;
}

describe('default taxonomy', () => {
  it('has the ten consumer-health topics of the gold data', () => {
    expect(defaultTaxonomy.topics.map((t) => t.id)).toEqual(['definition', 'causes', 'symptoms', 'diagnosis', 'treatment', 'self-care', 'prevention', 'prognosis', 'warning-signs', 'anatomy']);
  });

  it('tags most of its own example sentences with their own topic first', () => {
    const model = topicModel(defaultTaxonomy);
    const examples = defaultTaxonomy.topics.flatMap((t) => t.examples.map((e) => ({ id: t.id, text: e })));
    const corpus = corpusOf(examples.map((e) => e.text));
    const misses = examples.filter((e) => chooseTopics(topicScores(e.text, model, corpus), model)[0]?.id !== e.id);
    expect(misses.length / examples.length, misses.map((m) => `${m.id}: ${m.text}`).join('\n')).toBeLessThanOrEqual(0.15);
  });
});

describe('topics of claims', () => {
  it('gives each claim at most three topics with scores between 0 and 1, best first', () => {
    const doc = run('Tennis elbow is caused by overuse of the forearm tendons. A doctor may order an MRI to rule out a tear. Ice the elbow for fifteen minutes after play.');
    for (const c of doc.claims) {
      expect(c.topics.length).toBeLessThanOrEqual(3);
      for (const t of c.topics) expect(t.score).toBeGreaterThan(0), expect(t.score).toBeLessThan(1);
      expect([...c.topics].sort((a, b) => b.score - a.score)).toEqual(c.topics);
    }
    expect(doc.claims.map((c) => c.topics[0]?.id)).toEqual(['causes', 'diagnosis', 'self-care']);
  });

  it('gives an instruction only topics about what to do', () => {
    const doc = run('Avoid the activity that strained the tendon for a few weeks.');
    const allowed = new Set(defaultTaxonomy.adviceTopics);
    expect(doc.claims[0]?.type).toBe('advice');
    for (const t of doc.claims[0]?.topics ?? []) expect(allowed.has(t.id)).toBe(true);
  });
});

describe('keywords', () => {
  it('ranks a claim’s rare words over words common in the run, leaving out stop words', () => {
    const corpus = corpusOf(['Muscle cramps are common.', 'Muscle cramps hurt and often follow a long run.', 'Muscle cramps can follow quinine withdrawal.', 'Muscle soreness fades.']);
    const kw = keywords('Muscle cramps can follow quinine withdrawal.', corpus);
    expect(kw.slice(0, 2)).toEqual(expect.arrayContaining(['quinine', 'withdrawal']));
    expect(kw).not.toContain('can');
  });

  it('leaves out the name of the claim’s speaker', () => {
    const doc = run('“Quinine is no longer advised for cramps,” says Helga Sorensen, a pharmacist.');
    expect(doc.claims[0]?.keywords.join(' ')).not.toMatch(/helga|sorensen/u);
  });
});

describe('custom taxonomy (--taxonomy)', () => {
  const write = (content: unknown): string => {
    const file = path.join(tempDir(), 'taxonomy.json');
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  it('rejects a file that is not a taxonomy with one line naming it', () => {
    expect(() => readTaxonomy(write('{ nope'))).toThrow(TaxonomyError);
    expect(() => readTaxonomy(write({ topics: [] }))).toThrow(/"topics" must be a non-empty list/u);
    expect(() => readTaxonomy(write({ topics: [{ id: 'a', cues: ['x'] }, { id: 'a', cues: ['y'] }] }))).toThrow(/appears twice/u);
  });

  it('tags claims with the user’s topics and exits 2 on a bad taxonomy', async () => {
    const input = path.join(tempDir(), 'in.txt');
    fs.writeFileSync(input, 'Sourdough needs a long, slow rise. Bake the loaf at a high heat for a crisp crust.');
    const taxonomy = write({ id: 'baking', topics: [
      { id: 'dough', label: 'Dough', description: 'Mixing, kneading and rising.', cues: [{ terms: ['rise', 'knead', 'dough', 'sourdough'] }], examples: ['Knead the dough until smooth.'] },
      { id: 'oven', label: 'Oven', description: 'Baking temperature and time.', cues: [{ terms: ['bake', 'oven', 'heat', 'crust'] }], examples: ['Bake at a high heat.'] },
    ] });
    const out = tempDir();
    expect((await runCli(['--input', input, '--output', out, '--format', 'json', '--quiet', '--taxonomy', taxonomy])).code).toBe(0);
    const json = JSON.parse(readTree(out).get('in.json') ?? '{}') as { claims: { topics: { id: string }[] }[] };
    expect(json.claims.map((c) => c.topics[0]?.id)).toEqual(['dough', 'oven']);

    const bad = await runCli(['--input', input, '--output', tempDir(), '--taxonomy', write('[1, 2]')]);
    expect(bad.code).toBe(2);
    expect(bad.log).toHaveLength(1);
    expect(bad.log[0]).toMatch(/taxonomy\.json: must be a JSON object/u);

    // The next run without --taxonomy is back on the default taxonomy.
    const back = tempDir();
    await runCli(['--input', input, '--output', back, '--format', 'json', '--quiet']);
    const ids = (JSON.parse(readTree(back).get('in.json') ?? '{}') as { claims: { topics: { id: string }[] }[] }).claims.flatMap((c) => c.topics.map((t) => t.id));
    expect(ids.every((id) => defaultTaxonomy.topics.some((t) => t.id === id))).toBe(true);
  });
});
