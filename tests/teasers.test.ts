import { describe, expect, it } from 'vitest';
import { removeTeaserRuns } from '../src/boilerplate/teasers.js';
import { segmentText } from '../src/segment/index.js';
import { createDoc } from '../src/doc.js';
import type { Doc } from '../src/types.js';

function docOf(text: string): Doc {
  const source = { id: 'page', rawId: 'page', path: 'input/page.txt', format: 'txt' as const, text, sha256: '0' };
  return createDoc(source, 'page', segmentText(text));
}
const statusOf = (doc: Doc, start: string) => doc.segments.find((s) => s.text.startsWith(start));

const body = [
  'Runner’s knee is a dull pain around the kneecap that gets worse on stairs, on hills and after sitting for a long time.',
  'It usually comes from doing too much too soon, and only rarely from a single fall or a twist of the knee during a race.',
  'Strengthening the hips and the thighs is the treatment with the best evidence, and most runners feel better within six weeks.',
  'Most runners can keep training at a lower volume while the knee settles, as long as the pain stays mild during the run.',
  'Cushioned shoes alone rarely fix the problem, but a gradual plan that adds distance slowly usually does in the end.',
  'If the knee swells, locks or gives way, a doctor should look at it before you run again, because that points to another injury.',
  'A physiotherapist can check how the knee tracks and suggest exercises that suit your stride, your weight and your training plan.',
  'Ice after a run eases the ache for a while, but it does not change what caused it, so the plan matters more than the ice.',
  'Sleep, food and rest days matter as much as the exercises, since tissue adapts between the runs and not during them.',
  'Keep a short diary of distance, pace and pain so that you can see which weeks made the knee worse and which ones helped it.',
];
const teasers = [
  'More from the running desk',
  'Why marathon runners should train their feet as hard as their legs',
  'Nov 3, 2025',
  'The five hill workouts that coaches give their runners every winter',
  '12 comments',
  'What a stress fracture feels like in the first week of training',
];

describe('teaser runs', () => {
  it('removes a run of other articles’ headlines after the article body on a line-broken page', () => {
    const doc = docOf(['Knee Pain After Running', ...body, ...teasers].join('\n'));
    removeTeaserRuns(doc);
    for (const t of [teasers[1]!, teasers[3]!, teasers[5]!]) expect(statusOf(doc, t)?.reason).toMatchObject({ stage: 'boilerplate', kind: 'related', rule: 'teaser-run' });
    for (const s of body) expect(statusOf(doc, s)?.status).toBe('kept');
    expect(statusOf(doc, 'Knee Pain After Running')?.status).toBe('kept'); // one heading is not a run
  });

  it('keeps the article’s own subheadings, a lone headline line, and a line that carries on into the next', () => {
    const lines = [body[0]!, 'What the first weeks of a gradual return to running look like', ...body.slice(1),
      'Some runners find that the pain returns when they add hills and speed work in the same',
      'week, so add one at a time and watch how the knee answers',
      'Why marathon runners should train their feet as hard as their legs'];
    const doc = docOf(lines.join('\n'));
    removeTeaserRuns(doc);
    expect(doc.segments.filter((s) => s.status === 'removed')).toEqual([]);
  });

  it('keeps a pair of headline-shaped lines after the body: two points of the article as often as two teasers', () => {
    const doc = docOf([...body, 'Key points', 'Most knee pain in runners settles with a lighter week and stronger hips',
      'A knee that swells or locks needs a doctor before the next run'].join('\n'));
    removeTeaserRuns(doc);
    expect(doc.segments.filter((s) => s.status === 'removed')).toEqual([]);
  });

  it('keeps the headlines of a listing page, which has no article body to set them apart from', () => {
    const doc = docOf(['Running injuries', ...teasers, body[0]!].join('\n'));
    removeTeaserRuns(doc);
    expect(doc.segments.filter((s) => s.status === 'removed')).toEqual([]);
  });
});
