import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimStages } from '../src/claims/index.js';
import { createDoc } from '../src/doc.js';
import { segmentText } from '../src/segment/index.js';
import { chooseTopics, CorpusStats, defaultTaxonomy, pageTopics, readTaxonomy, TaxonomyError, topicModel, topicScores, type Taxonomy } from '../src/topics/index.js';
import { taxonomyHash } from '../src/topics/fit.js';
import modelFile from '../src/topics/model.json' with { type: 'json' };
import { keywords } from '../src/topics/keywords.js';
import { featuresOf } from '../src/topics/features.js';
import { logits } from '../src/topics/learn.js';
import { tokenLogits } from '../src/topics/scores.js';
import { tokens } from '../src/topics/text.js';
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
    const misses = examples.filter((e) => chooseTopics(topicScores(e.text, model), model)[0]?.id !== e.id);
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
    // Each claim gets the topic its words name (the MRI sentence's 'doctor' also reads as a
    // warning sign in the labeled pages, so diagnosis need not come first).
    expect(doc.claims.map((c) => c.topics.map((t) => t.id))).toEqual([expect.arrayContaining(['causes']), expect.arrayContaining(['diagnosis']), expect.arrayContaining(['self-care'])]);
  });

  it('gives an instruction only topics about what to do', () => {
    const doc = run('Avoid the activity that strained the tendon for a few weeks.');
    const allowed = new Set(defaultTaxonomy.adviceTopics);
    expect(doc.claims[0]?.type).toBe('advice');
    for (const t of doc.claims[0]?.topics ?? []) expect(allowed.has(t.id)).toBe(true);
  });
});

const page = (texts: string[], taxonomy: Taxonomy = defaultTaxonomy): string[][] =>
  pageTopics(texts.map((text) => ({ text, type: 'fact' as const })), topicModel(taxonomy)).map((ts) => ts.map((t) => t.id));

const baking: Taxonomy = {
  id: 'baking',
  scoring: defaultTaxonomy.scoring,
  topics: [
    { id: 'dough', label: 'Dough', description: 'Mixing, kneading, proofing and shaping bread dough.', cues: [{ terms: ['dough', 'knead', 'proof', 'yeast', 'flour'] }], examples: ['Knead the dough for ten minutes until it is smooth and springy.', 'Let the dough rise in a warm place until it doubles.', 'Add the yeast to lukewarm water before mixing in the flour.'] },
    { id: 'oven', label: 'Oven', description: 'Baking temperature, time and the crust.', cues: [{ terms: ['oven', 'bake', 'crust', 'temperature', 'degrees'] }], examples: ['Bake the loaf at a high temperature for a crisp crust.', 'Preheat the oven to 230 degrees with a tray of water inside.', 'The crust browns faster when the oven is very hot.'] },
  ],
};

describe('scores from tokens', () => {
  it('gives exactly the logits of the named features, for the shipped and a fitted model', () => {
    const texts = [
      ...defaultTaxonomy.topics.flatMap((t) => [...t.examples, t.description ?? '', ...t.cues.flatMap((g) => g.terms)]),
      ...baking.topics.flatMap((t) => t.examples),
      'High blood pressure, and blood pressure again: blood pressure checks lower blood sugar and blood pressure.',
      'Pain pain pain relief relief pain relief.',
      'the of and a to',
      '',
    ];
    for (const taxonomy of [defaultTaxonomy, baking]) {
      const model = topicModel(taxonomy);
      for (const text of texts) for (const type of [undefined, 'fact', 'advice'] as const) {
        expect(tokenLogits(model.linear, tokens(text), model.cues, type), text).toEqual(logits(model.linear, featuresOf(text, type, undefined, model.cues)));
      }
    }
  });

  it('gives finite scores to a claim whose word names a property every object has', () => {
    const model = topicModel(defaultTaxonomy);
    for (const text of ['Make it a constructor.', 'The constructor builds a dictionary from pairs of keys and values.']) {
      const z = topicScores(text, model, 'fact');
      expect(z.every(Number.isFinite), text).toBe(true);
      expect(tokenLogits(model.linear, tokens(text), model.cues, 'fact')).toEqual(z);
    }
  });
});

describe('topics learned from labeled claims', () => {
  it('uses the shipped weights only for the taxonomy they were trained for', () => {
    expect(modelFile.taxonomy.hash).toBe(taxonomyHash(defaultTaxonomy));
    expect(topicModel(defaultTaxonomy).origin).toBe('trained');
    // The same ids with one example changed is another taxonomy: fitted from its own text.
    const [first, ...rest] = defaultTaxonomy.topics;
    const edited: Taxonomy = { ...defaultTaxonomy, topics: [{ ...first!, examples: [...first!.examples, 'A sprain is a stretched or torn ligament.'] }, ...rest] };
    expect(topicModel(edited).origin).toBe('fitted');
  });

  it('records the leave-one-page-out figures beside the in-sample ones', () => {
    const { heldOut, inSample } = modelFile.figures as Record<string, Record<string, number>>;
    expect(Object.keys(heldOut ?? {})).toEqual(Object.keys(inSample ?? {}));
    expect(heldOut?.pooled).toBeGreaterThan(0);
    expect(heldOut?.pooled).toBeLessThanOrEqual(inSample?.pooled ?? 0);
  });

  it('gives no topic to sentences outside the taxonomy', () => {
    const offTopic = page([
      'The city council approved a new budget for road repairs and bus lanes.',
      'The quarterback threw three touchdowns in the second half.',
      'Our new sedan gets forty miles to the gallon on the highway.',
      'The district hired more reading tutors for its middle schools this year.',
    ]);
    expect(offTopic).toEqual([[], [], [], []]);
  });

  it('tags health claims with the topic their words speak for', () => {
    expect(page([
      'Tennis elbow is usually caused by overuse of the forearm tendons.',
      'Put an ice pack on the sore elbow for fifteen minutes after play.',
    ]).map((ts) => ts[0])).toEqual(['causes', 'self-care']);
  });

  it('fits a taxonomy of its own at load time from its descriptions and examples', () => {
    const model = topicModel(baking);
    expect(model.origin).toBe('fitted');
    expect(page(['Mix the flour and yeast, then knead until the dough is elastic.', 'Bake the bread in a hot oven until the crust is dark.'], baking)).toEqual([['dough'], ['oven']]);
    // Outside it: nothing, and no health topic either.
    expect(page(['The quarterback threw three touchdowns in the second half.'], baking)).toEqual([[]]);
  });

  it('gives different topics to the same sentence under two taxonomies', () => {
    const text = 'Knead the dough well and let it rise overnight.';
    expect(page([text], baking)).toEqual([['dough']]);
    expect(page([text])[0]).not.toContain('dough');
  });

  it('fits the same taxonomy to the same weights every time', () => {
    const copy = (): Taxonomy => JSON.parse(JSON.stringify(baking)) as Taxonomy;
    expect(topicModel(copy()).linear).toEqual(topicModel(copy()).linear);
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
