// The dedupe stage on small texts written for each behaviour: exact, near and contained copies,
// numbers, short segments, documents, chaining, determinism, and the Markdown on repeats.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { createDoc, remove } from '../src/doc.js';
import { Dedupe } from '../src/dedupe/index.js';
import { anchorsOf, keysOf, packKeys, unpackKeys } from '../src/dedupe/keys.js';
import { wordsKey } from '../src/dedupe/hash.js';
import { thresholds } from '../src/dedupe/rules.js';
import { seededRandom } from './helpers/random.js';
import { compare, Probe } from '../src/dedupe/similarity.js';
import { fingerprint } from '../src/dedupe/normalize.js';
import { runPipeline } from '../src/pipeline.js';
import { repeatsSection, docRepeatsSection, RepeatsTally } from '../src/write/markdown-repeats.js';
import type { Doc, Segment } from '../src/types.js';
import { projectRoot } from './helpers/shared.js';

/** A document whose segments are exactly the given sentences (one per line). */
function doc(name: string, sentences: string[]): Doc {
  const text = sentences.join('\n');
  const spans: { start: number; end: number }[] = [];
  let at = 0;
  for (const s of sentences) {
    spans.push({ start: at, end: at + s.length });
    at += s.length + 1;
  }
  return createDoc({ id: name, rawId: name, path: `${name}.txt`, format: 'txt', text, sha256: '' }, name, spans);
}

function dedupe(...docs: Doc[]): Doc[] {
  const d = new Dedupe();
  for (const x of docs) d.add(x);
  return docs;
}

const seg = (d: Doc, i: number): Segment => {
  const s = d.segments[i];
  if (!s) throw new Error(`no segment ${i}`);
  return s;
};
const probe = (text: string): Probe => Probe.of(fingerprint(text));

describe('speaker labels', () => {
  it('keeps every turn label of a transcript, and still removes a sentence said twice', () => {
    const turns = ['How did the project start?', 'With one client.', 'And then?', 'Then a second one came.', 'How did the project start?', 'As I said, with one client.', 'Thanks.', 'You are welcome.'];
    const d = doc('talk', turns.flatMap((t, i) => [i % 2 ? 'Wang Fei:' : 'William:', t]));
    dedupe(d);
    expect(d.segments.filter((s) => s.status === 'removed').map((s) => s.text)).toEqual(['How did the project start?']);
  });

  it('removes the second copy of a label printed only twice (a page\'s header and footer), and a repeated line that is not a label', () => {
    const d = doc('page', ['Search for:', 'Back pain has many causes and most go away on their own.', 'Read more about it', 'Read more about it', 'Search for:']);
    dedupe(d);
    expect(d.segments.map((s) => s.status)).toEqual(['kept', 'kept', 'kept', 'removed', 'removed']);
  });
});

describe('exact duplicates', () => {
  it('merges copies that differ only in case, quotes, punctuation and spacing, pointing at the first', () => {
    const d = doc('a', [
      "Don't put ice directly on the skin; wrap it in a towel.",
      'don’t put ice directly on the skin  wrap it in a towel!',
      '"Don\'t put ice directly on the skin, wrap it in a towel"',
    ]);
    dedupe(d);
    expect(seg(d, 0).status).toBe('kept');
    for (const i of [1, 2]) {
      expect(seg(d, i)).toMatchObject({ status: 'removed', duplicateOf: 'a:0', reason: { stage: 'dedupe', kind: 'exact', rule: 'exact-hash', score: 1 } });
    }
    expect(seg(d, 0).copies).toEqual(['a:1', 'a:2']);
  });

  it('reports each removal on the vfile with the rule id', () => {
    const d = doc('a', ['Stretch gently every morning.', 'Stretch gently every morning.']);
    dedupe(d);
    expect(d.file.messages.map((m) => [m.source, m.ruleId])).toEqual([['dedupe', 'exact-hash']]);
  });
});

describe('near duplicates', () => {
  const base = 'Applying a warm compress to the upper back for twenty minutes can relax a tight muscle and ease the spasm.';
  const cases: [string, string][] = [
    ['a word swapped', 'Applying a warm compress to the upper back for twenty minutes can loosen a tight muscle and ease the spasm.'],
    ['a word dropped', 'Applying a warm compress to the upper back for twenty minutes can relax a tight muscle and ease spasm.'],
    ['a word inserted', 'Applying a warm compress to the upper back for twenty minutes can really relax a tight muscle and ease the spasm.'],
    ['a lead-in', 'As mentioned above, applying a warm compress to the upper back for twenty minutes can relax a tight muscle and ease the spasm.'],
  ];
  for (const [what, copy] of cases) {
    it(`merges a copy with ${what} into the kept one, with a score`, () => {
      const d = doc('a', [base, copy]);
      dedupe(d);
      expect(seg(d, 0).status).toBe('kept');
      expect(seg(d, 1)).toMatchObject({ status: 'removed', duplicateOf: 'a:0', reason: { stage: 'dedupe', kind: 'near' } });
      const score = seg(d, 1).reason?.score ?? 0;
      expect(score).toBeGreaterThan(0.7);
      expect(score).toBeLessThan(1);
    });
  }

  it('merges a one-word edit of a sentence of eight to eleven words, where Jaccard alone is too low', () => {
    const d = doc('a', ['Drink plenty of water before and after a long run.', 'Drink plenty of fluids before and after a long run.']);
    dedupe(d);
    expect(seg(d, 1).reason).toMatchObject({ kind: 'near', rule: 'near-edit' });
  });

  it('keeps a longer segment that adds much more to an earlier sentence it contains', () => {
    const d = doc('a', [
      'Heat relaxes a tight muscle in the upper back.',
      'Heat relaxes a tight muscle in the upper back, but ice is better in the first two days after an injury because it limits swelling.',
    ]);
    dedupe(d);
    expect(d.segments.map((s) => s.status)).toEqual(['kept', 'kept']);
  });

  it('does not merge lines of five to seven words that differ in one word', () => {
    const d = doc('a', ['Increase quantity of Atelier Sofa', 'Decrease quantity of Atelier Sofa', 'Apply ice to the sore neck.', 'Apply heat to the sore neck.']);
    dedupe(d);
    expect(d.segments.map((s) => s.status)).toEqual(['kept', 'kept', 'kept', 'kept']);
  });

  it('does not take a sentence with another ending for a containing copy', () => {
    const d = doc('a', ['How easy it is to change the needles', 'How easy it is to change the pressure foot',
      'Gaming News Weekly is back with a ton of fun news.', 'Gaming News Weekly is back with a banger!']);
    dedupe(d);
    expect(d.segments.map((s) => s.status)).toEqual(['kept', 'kept', 'kept', 'kept']);
  });

  it('does not merge different sentences on the same subject', () => {
    const d = doc('a', [
      'Muscle spasms in the upper back are often caused by poor posture at a desk.',
      'Muscle spasms in the upper back may also come from dehydration or an electrolyte imbalance.',
    ]);
    dedupe(d);
    expect(d.segments.map((s) => s.status)).toEqual(['kept', 'kept']);
  });
});

describe('contained duplicates', () => {
  const full = 'Osteoarthritis can affect your vertebrae, when the cartilage between them wears down over the years.';

  it('removes a later copy cut off by an ellipsis, pointing at the complete one', () => {
    const d = doc('a', [full, 'Osteoarthritis can affect your vertebrae, when the carti…']);
    dedupe(d);
    expect(seg(d, 1)).toMatchObject({ status: 'removed', duplicateOf: 'a:0', reason: { kind: 'contained', rule: 'contained-cutoff', score: 1 } });
  });

  it('removes a later fragment of a longer sentence', () => {
    const d = doc('a', [
      'When using cold or heat therapy, apply the cold or heat pack for only 15 to 20 minutes at a time.',
      'Therapy, apply the cold or heat pack for only 15 to 20 minutes at a time.',
      'Apply the cold or heat pack for only 15 to 20 minutes',
    ]);
    dedupe(d);
    expect(seg(d, 1)).toMatchObject({ status: 'removed', duplicateOf: 'a:0', reason: { kind: 'contained', rule: 'contained-fragment', score: 1 } });
    expect(seg(d, 2)).toMatchObject({ status: 'removed', duplicateOf: 'a:0', reason: { kind: 'contained', rule: 'contained-fragment', score: 1 } });
  });

  it('keeps a later complete copy over an earlier cut-off one, and re-points the copies already merged', () => {
    const cut = 'Osteoarthritis can affect your vertebrae, when the …';
    const first = doc('a', [cut, 'Ice numbs the pain for a while.', cut]);
    const second = doc('b', [full, cut]);
    dedupe(first, second);
    expect(seg(second, 0).status).toBe('kept');
    expect(seg(first, 0)).toMatchObject({ status: 'removed', duplicateOf: 'b:0', reason: { kind: 'contained', rule: 'contained-superseded' } });
    expect(seg(first, 2)).toMatchObject({ status: 'removed', duplicateOf: 'b:0', reason: { kind: 'contained', rule: 'contained-superseded' } });
    expect(seg(second, 1)).toMatchObject({ status: 'removed', duplicateOf: 'b:0', reason: { kind: 'contained' } });
    expect(seg(first, 0).copies).toBeUndefined();
    expect(seg(second, 0).copies).toEqual(['a:0', 'a:2', 'b:1']);
    const message = first.file.messages.find((m) => m.place && 'start' in m.place && m.place.start.offset === seg(first, 2).start);
    expect(message?.ruleId).toBe('contained-superseded');
  });

  it('does not take a cut-off copy whose cut word belongs to another sentence', () => {
    const d = doc('a', ['How easy it is to change the needles on this machine', 'How easy it is to change the pre…']);
    dedupe(d);
    expect(d.segments.map((s) => s.status)).toEqual(['kept', 'kept']);
  });

  it('does not let a copy that only adds a lead-in to a cut-off one replace it', () => {
    const d = doc('a', ['The ribs connect to the spine at the thoracic …', 'As noted, the ribs connect to the spine at the thoracic …']);
    dedupe(d);
    expect(seg(d, 0).status).toBe('kept');
  });
});

describe('numbers', () => {
  it('never merges sentences whose numbers differ, as near or as contained copies', () => {
    const d = doc('a', [
      'Most guidelines suggest walking for 15 to 20 minutes after a meal.',
      'Most guidelines suggest walking for 10 to 15 minutes after a meal.',
      'Most guidelines suggest walking for 10 to 15 …',
      'Most guidelines suggest walking for 15 to 25 minutes after every meal.',
    ]);
    dedupe(d);
    expect(d.segments.map((s) => s.status)).toEqual(['kept', 'kept', 'removed', 'kept']);
    expect(seg(d, 2).duplicateOf).toBe('a:1');
  });
});

describe('short segments', () => {
  it('merges segments under five words only when exactly equal', () => {
    const d = doc('a', ['Apply ice.', 'Apply heat.', 'Learn more', 'learn more!', 'Rest the back muscles.', 'Rest your back muscles.']);
    dedupe(d);
    expect(d.segments.map((s) => s.status)).toEqual(['kept', 'kept', 'kept', 'removed', 'kept', 'kept']);
  });
});

describe('across documents', () => {
  it('points a copy in a later document at the copy in the first document', () => {
    const s = 'Broad-spectrum sunscreen should be reapplied every two hours outdoors.';
    const [a, b, c] = dedupe(doc('a', ['Intro.', s]), doc('b', [s]), doc('c', ['broad spectrum sunscreen should be reapplied every two hours outdoors']));
    expect(seg(b!, 0)).toMatchObject({ status: 'removed', duplicateOf: 'a:1' });
    expect(seg(c!, 0)).toMatchObject({ status: 'removed', duplicateOf: 'a:1' });
    expect(seg(a!, 1).copies).toEqual(['b:0', 'c:0']);
  });

  it('only takes segments that are still kept: what an earlier stage removed is neither kept copy nor copy', () => {
    const s = 'Gentle stretching twice a day keeps the upper back flexible.';
    const a = doc('a', [s]);
    remove(a, seg(a, 0), { stage: 'boilerplate', kind: 'other', rule: 'test' });
    const [, b] = dedupe(a, doc('b', [s, s]));
    expect(seg(a, 0).reason?.stage).toBe('boilerplate');
    expect(seg(b!, 0).status).toBe('kept');
    expect(seg(b!, 1).duplicateOf).toBe('b:0');
  });

  it('remembers one entry per unique kept segment, however many copies come', () => {
    const d = new Dedupe();
    for (let i = 0; i < 50; i++) d.add(doc(`d${i}`, ['One sentence repeated on every page of the site.', 'Another repeated line, here too.', `Page ${i} has its own sentence.`]));
    expect(d.size).toBe(52);
  });
});

describe('clusters', () => {
  it('checks every copy against the kept one: A~B and B~C but not A~C leaves C kept', () => {
    const a = 'Rest the sore muscle for a day or two.';
    const b = 'Rest the sore muscle for a week or two.';
    const c = 'Rest the tight muscle for a week or two.';
    expect(compare(probe(b), probe(a))).not.toBeNull();
    expect(compare(probe(c), probe(b))).not.toBeNull();
    expect(compare(probe(c), probe(a))).toBeNull();
    const d = doc('x', [a, b, c]);
    dedupe(d);
    expect(d.segments.map((s) => [s.status, s.duplicateOf])).toEqual([['kept', undefined], ['removed', 'x:0'], ['kept', undefined]]);
  });
});

describe('determinism', () => {
  it('decides the same whatever order documents were created in, given the input order', () => {
    const texts: [string, string[]][] = [
      ['a', ['Heat relaxes the muscle and improves blood flow to the area.', 'Osteoarthritis can affect your vertebrae, when the …']],
      ['b', ['Heat relaxes the muscles and improves blood flow to the area.', 'Osteoarthritis can affect your vertebrae, when the cartilage wears down.']],
      ['c', ['As mentioned, heat relaxes the muscle and improves blood flow to the area.', 'Osteoarthritis can affect your vertebrae, when the …']],
    ];
    const decisions = (order: number[]): unknown => {
      const made = new Map(order.map((i) => [i, doc(texts[i]![0], texts[i]![1])]));
      const docs = [0, 1, 2].map((i) => made.get(i)!);
      dedupe(...docs);
      return docs.flatMap((d) => d.segments.map((s) => [s.id, s.status, s.reason?.rule, s.duplicateOf, s.copies]));
    };
    const first = decisions([0, 1, 2]);
    for (const order of [[2, 1, 0], [1, 2, 0], [2, 0, 1]]) expect(decisions(order)).toEqual(first);
  });

  it('gives the same clusters and kept copies at any concurrency', async () => {
    const input = path.join(projectRoot, 'fixtures', 'input');
    const run = async (concurrency: number): Promise<unknown> => (await runPipeline({ input, concurrency })).docs
      .flatMap((d) => d.segments.filter((s) => s.reason?.stage === 'dedupe' || s.copies).map((s) => [s.id, s.reason?.rule, s.duplicateOf, s.copies]));
    const one = await run(1);
    expect(await run(16)).toEqual(one);
  });
});

describe('Markdown on repeats', () => {
  const serialise = (children: ReturnType<typeof repeatsSection>): string =>
    toMarkdown({ type: 'root', children }, { extensions: [gfmTableToMarkdown()] });

  it('lists the most repeated sentences of the run with counts and where the copies are', () => {
    const s = 'Drink water through the day to prevent cramps.';
    const docs = dedupe(doc('a', [s, s, 'Once only here, a different sentence.']), doc('b', [s]));
    const md = serialise(repeatsSection(RepeatsTally.of(docs)));
    expect(md).toContain('## Most repeated sentences');
    expect(md).toMatch(/\|\s+3 \| Drink water through the day to prevent cramps\. \| `a:0` \| a ×1, b ×1 \|/u);
    expect(md).toContain('1 kept sentence has copies; 2 copies were removed.');
  });

  it('lists on a document page the sentences kept there that repeat', () => {
    const s = 'Drink water through the day to prevent cramps.';
    const [a, b] = dedupe(doc('a', [s, s]), doc('b', [s, 'Something else entirely for this page.']));
    expect(serialise(docRepeatsSection(a!))).toContain('`a:0` Drink water through the day to prevent cramps. (×3; copies: `a:1`, `b:0`)');
    expect(serialise(docRepeatsSection(b!))).toContain('1 segment here is a copy of a sentence kept in another document');
  });

  it('says so when nothing repeats', () => {
    expect(serialise(repeatsSection(RepeatsTally.of(dedupe(doc('a', ['Only once.'])))))).toContain('No sentence was repeated.');
  });
});

describe('keys computed in a worker', () => {
  // The same documents deduplicated twice: with keys packed ahead (as pass 1's workers send them,
  // through a structured clone) and with keys computed by the stage; every decision must match.
  const corpus = (): Doc[] => [
    doc('a', ['Drinking water before meals may help some adults eat a little less at lunch.', 'Short line.', 'Walking after dinner can lower blood sugar spikes in people with diabetes, a small trial found …']),
    doc('b', ['Drinking water before meals may help some adults eat a little less at lunch.', 'Walking after dinner can lower blood sugar spikes in people with diabetes, a small trial found in 2019.', 'Short line.']),
    doc('c', ['Drinking water before each meal may help some adults eat a little less at lunch.', '“Walking after dinner can lower blood sugar spikes in people with diabetes”', 'Sleep: seven hours or more for most adults, the guidance says again and again.']),
  ];
  const decisions = (docs: Doc[]): unknown[] => docs.flatMap((d) => d.segments.map((s) => [s.id, s.status, s.reason?.rule, s.reason?.score, s.duplicateOf, s.copies]));

  it('gives the same decisions as keys the stage computes itself', () => {
    const plain = corpus();
    dedupe(...plain);
    const packed = corpus();
    const d = new Dedupe();
    for (const x of packed) d.add(x, structuredClone(packKeys(x.segments.map((s) => s.text), (i) => x.segments[i]?.status === 'kept')));
    expect(decisions(packed)).toEqual(decisions(plain));
    expect(decisions(plain).filter((r) => (r as unknown[])[1] === 'removed').length).toBeGreaterThanOrEqual(3);
  });

  it('round-trips every key of a segment through the pack', () => {
    const texts = ['A sentence long enough to have band keys and anchors, surely.', 'Two words', '…', 'Cut off here …'];
    const packed = structuredClone(packKeys(texts, (i) => i !== 2));
    texts.forEach((t, i) => expect(unpackKeys(packed, i)).toEqual(i === 2 ? undefined : keysOf(t)));
  });
});

describe('anchor keys', () => {
  // anchorsOf reads the words from the spaces of the normalised text; the keys must be those of
  // the first and last anchorWords words cut out of the split text.
  it('are the keys of the first and last words of the normalised text', () => {
    const random = seededRandom(17);
    const n = thresholds.anchorWords;
    for (let t = 0; t < 500; t++) {
      const words = Array.from({ length: 1 + Math.floor(random() * 12) }, () => 'abcdefgh'.slice(0, 1 + Math.floor(random() * 8)));
      const norm = words.join(' ');
      const expected = words.length < n ? [] : [wordsKey(words.slice(0, n).join(' '), 1), wordsKey(words.slice(-n).join(' '), 2)];
      expect(anchorsOf(norm)).toEqual(expected);
    }
  });
});
