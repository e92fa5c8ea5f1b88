import { describe, expect, it } from 'vitest';
import { claimStages } from '../src/claims/index.js';
import { createDoc } from '../src/doc.js';
import { segmentText } from '../src/segment/index.js';
import type { Doc, Source } from '../src/types.js';

function run(text: string, name = 'doc'): Doc {
  const doc = createDoc({ id: name, rawId: name, path: `${name}.txt`, format: 'txt', text, sha256: '' }, name, segmentText(text));
  claimStages([doc]);
  return doc;
}

/** The source of the claim whose text starts with `start`, with how it was given. */
function sourceOf(doc: Doc, start: string): (Source & { cue: string; how: string }) | null {
  const claim = doc.claims.find((c) => c.text.startsWith(start));
  if (!claim) throw new Error(`no claim starts with ${start}`);
  const given = claim.sources[0];
  if (!given) return null;
  const source = doc.sources.find((s) => s.ref === given.ref);
  return source ? { ...source, cue: given.cue, how: given.how } : null;
}

describe('explicit attribution', () => {
  it('reads "says X, M.D., a ..." after a quote: name, credentials, description and cue', () => {
    const doc = run('“Most ankle sprains heal without surgery,” says Priya Natarajan, M.D., an orthopedic surgeon at Lakeview Clinic.');
    expect(sourceOf(doc, '“Most ankle')).toMatchObject({
      kind: 'person', name: 'Priya Natarajan', credentials: ['M.D.'], description: 'an orthopedic surgeon at Lakeview Clinic',
      cue: 'says Priya Natarajan, M.D.', how: 'explicit',
    });
  });

  it('reads a name before the verb, with credentials and a description between commas', () => {
    const doc = run('Tom Alvarez, DPT, a physical therapist in Denver, says most runners stretch too little.');
    expect(sourceOf(doc, 'Tom Alvarez')).toMatchObject({ kind: 'person', name: 'Tom Alvarez', credentials: ['DPT'], description: 'a physical therapist in Denver' });
  });

  it('reads a role between the verb and the name', () => {
    const doc = run('“Sleep is the cheapest recovery tool,” says sports scientist Mia Koenig.');
    expect(sourceOf(doc, '“Sleep')?.name).toBe('Mia Koenig');
  });

  it('resolves a surname to the fullest form the document gives anywhere, even later', () => {
    const doc = run('Okafor says hydration matters more in hot weather. Ada Okafor, RD, a sports dietitian, says salt tablets are rarely needed.');
    expect(sourceOf(doc, 'Okafor says')).toMatchObject({ name: 'Ada Okafor', credentials: ['RD'], description: 'a sports dietitian' });
    expect(doc.sources.filter((s) => s.kind === 'person')).toHaveLength(1);
  });

  it('resolves nothing when two people in the document share the surname', () => {
    const doc = run('Anna Berg, MD, treats runners. Lars Berg, PT, treats swimmers. Berg says most injuries come from doing too much too soon.');
    expect(sourceOf(doc, 'Berg says')).toBeNull();
  });

  it('reads a byline run into a headline as the name after "By", not the headline words before it', () => {
    const doc = run('Knee Pain: Causes, Treatment and Recovery By Tomas Reyes, PT\nReyes says most knee pain eases with rest.');
    expect(sourceOf(doc, 'Reyes says')).toMatchObject({ kind: 'person', name: 'Tomas Reyes', credentials: ['PT'] });
  });

  it('takes a titled single name as a person', () => {
    expect(sourceOf(run('Your knees carry several times your weight on stairs,” explains Dr. Hale.'), 'Your knees')).toMatchObject({ kind: 'person', name: 'Dr. Hale' });
  });

  it('reads "according to" an organisation or a publication', () => {
    expect(sourceOf(run('Adults need seven or more hours of sleep, according to the American Academy of Sleep Medicine.'), 'Adults')).toMatchObject({
      kind: 'organization', name: 'American Academy of Sleep Medicine',
    });
    expect(sourceOf(run('According to Medical News Today, yawning cools the brain.'), 'According')).toMatchObject({ kind: 'publication', name: 'Medical News Today' });
  });

  it('reads an answer label in a Q&A page, from the credit line cut before the answer', () => {
    const doc = run('Is the vaccine safe? Answered by Dr. Lena Fischer: Yes: the vaccine is safe during pregnancy.');
    expect(doc.segments.map((s) => s.text)).toContain('Answered by Dr. Lena Fischer:');
    expect(sourceOf(doc, 'Yes')).toMatchObject({ name: 'Dr. Lena Fischer' });
  });

  it('gives no source for a name that is only mentioned, or for the writer', () => {
    const doc = run('Marta Silva ran her first marathon at sixty. We suggest starting with short walks. Dear Doctors: my knee clicks.');
    expect(doc.claims.every((c) => c.sources.length === 0)).toBe(true);
  });
});

describe('vague sources', () => {
  it('records "Studies show" and "Doctors recommend" as vague, not as named people', () => {
    const doc = run('Studies show that walking lowers blood pressure. Many doctors recommend a daily walk.');
    expect(sourceOf(doc, 'Studies show')).toMatchObject({ kind: 'vague', name: 'Studies' });
    expect(sourceOf(doc, 'Many doctors')).toMatchObject({ kind: 'vague', name: 'Many doctors' });
  });
});

describe('inherited attribution', () => {
  it('gives the items of a speaker’s tip list the speaker, until the list ends', () => {
    const doc = run('Coach Rita Gomez offers these tips for new runners: Start slowly. Run on soft ground when you can. Most injuries happen in the first month. Buy shoes that fit.');
    expect(sourceOf(doc, 'Run on soft')).toMatchObject({ name: 'Coach Rita Gomez', how: 'inherited' });
    expect(sourceOf(doc, 'Most injuries')).toBeNull();
    expect(sourceOf(doc, 'Buy shoes')).toBeNull();
  });

  it('gives a quote that goes on in the next sentence the speaker', () => {
    const doc = run('“Pain is a signal,” says Omar Haddad, a physiotherapist. “Listen to it before it gets louder.” Ice is cheap.');
    expect(sourceOf(doc, '“Listen')).toMatchObject({ name: 'Omar Haddad', how: 'inherited' });
    expect(sourceOf(doc, 'Ice is cheap')).toBeNull();
  });

  it('resolves "he says" to the person named just before, and otherwise gives no source and a note', () => {
    const named = run('Most shin pain settles with rest, says Leo Brandt, a sports doctor. He says new shoes rarely help.');
    expect(sourceOf(named, 'He says')).toMatchObject({ name: 'Leo Brandt', how: 'inherited', cue: 'He says' });
    const alone = run('Shin pain is common. He says new shoes rarely help.');
    expect(sourceOf(alone, 'He says')).toBeNull();
    expect(alone.file.messages.map((m) => m.ruleId)).toContain('unresolved-speaker');
  });
});

describe('pronouns and quotes across sentences', () => {
  it('resolves "he says" across one narrating sentence, and "she" to the last woman named, not the man', () => {
    const across = run('“Warm up first,” says Karl Denz, a coach. Many skip this step. “Cold muscles tear,” he says.');
    expect(sourceOf(across, '“Cold muscles')).toMatchObject({ name: 'Karl Denz', how: 'inherited' });
    const she = run('“Warm up first,” says Karl Denz, a coach. Lena Ruiz, a physiotherapist, disagrees. “Cold muscles tear,” she says.');
    expect(sourceOf(she, '“Cold muscles')).toMatchObject({ name: 'Lena Ruiz', how: 'inherited' });
  });

  it('gives no source to a pronoun when a closer person’s name tells no gender', () => {
    const blocked = run('“Warm up first,” says Karl Denz, a coach. Robin Hale, a physiotherapist, disagrees. “Cold muscles tear,” he says.');
    expect(sourceOf(blocked, '“Cold muscles')).toBeNull();
  });

  it('resolves a pronoun to the person named earlier in the same sentence', () => {
    const doc = run('Nils Aberg, MD, runs a sleep clinic. Aberg is testing a new app, though he stresses that habits matter more.');
    expect(sourceOf(doc, 'Aberg is testing')).toMatchObject({ name: 'Nils Aberg', how: 'inherited' });
  });

  it('gives a quote that ends, with its speaker, in the next sentence that speaker', () => {
    const doc = run('“Most people never need surgery for this. The exercises work if you do them,” says Rosa Lind.');
    expect(sourceOf(doc, '“Most people')).toMatchObject({ name: 'Rosa Lind', how: 'inherited' });
  });

  it('reads an answer label only at the start of a sentence', () => {
    const doc = run('Pain can spread to the arm answered by Dr. Ivo Petrov: Yes: it can.');
    expect(doc.claims.every((c) => c.sources.length === 0)).toBe(true);
  });
});

describe('page-level sources', () => {
  it('lists web addresses and reference entries, from removed segments too, once each', () => {
    const doc = createDoc({ id: 'p', rawId: 'p', path: 'p.txt', format: 'txt', sha256: '',
      text: 'Rest helps. Sources: Lind, K., “Sleep and Recovery,” Health Weekly, May 2, 2019; http: //example.org/sleep/. See www.example.org/sleep for more.' }, 'p',
    segmentText('Rest helps. Sources: Lind, K., “Sleep and Recovery,” Health Weekly, May 2, 2019; http: //example.org/sleep/. See www.example.org/sleep for more.'));
    for (const s of doc.segments) if (/Lind|http/u.test(s.text)) s.status = 'removed';
    claimStages([doc]);
    const page = doc.sources.filter((s) => s.kind === 'url' || s.kind === 'citation');
    expect(page.map((s) => [s.kind, s.name])).toEqual([
      ['citation', 'Lind, K., “Sleep and Recovery,” Health Weekly, May 2, 2019'],
      ['url', 'http://example.org/sleep/'],
    ]);
    expect(page[1]?.mentions?.length).toBe(2);
  });

  it('numbers sources s1, s2, ... in order of first mention', () => {
    const doc = run('Studies show naps help. “Short naps work best,” says Ines Moreau. See https://example.com/naps today.');
    expect(doc.sources.map((s) => [s.ref, s.kind])).toEqual([['s1', 'vague'], ['s2', 'person'], ['s3', 'url']]);
    expect(doc.sources[1]?.mentions).toEqual(['doc:1']);
  });
});
