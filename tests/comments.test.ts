import { describe, expect, it } from 'vitest';
import { commentStart, removeCommentSection } from '../src/boilerplate/comments.js';
import { wordCount } from '../src/boilerplate/rules.js';
import { segmentText } from '../src/segment/index.js';
import { createDoc } from '../src/doc.js';
import type { Doc } from '../src/types.js';

function docOf(lines: string[]): Doc {
  const text = lines.join('\n');
  const source = { id: 'page', rawId: 'page', path: 'input/page.txt', format: 'txt' as const, text, sha256: '0' };
  return createDoc(source, 'page', segmentText(text));
}
const words = (doc: Doc): number[] => doc.segments.map((s) => wordCount(s.text));
const find = (doc: Doc, start: string) => doc.segments.find((s) => s.text.startsWith(start));
const clean = (doc: Doc): Doc => { removeCommentSection(doc, words(doc)); return doc; };

const article = [
  'Cold showers after a workout feel bracing, but the evidence that they speed up recovery is thinner than the hype suggests.',
  'Small trials find that cold water eases muscle soreness for a day or two after hard exercise, mostly in trained athletes.',
  'Over months, though, regular cold exposure right after strength training may blunt some of the muscle gains people are after.',
  'Warm showers relax tight muscles and help some people sleep, which matters more for recovery than the water temperature.',
  'If you enjoy the cold, there is little harm in it for healthy adults; people with heart disease should ask a doctor first.',
  'The safest habit is the one you keep: a short shower at a comfortable temperature, a meal with protein and a full night of sleep.',
];

describe('comment sections', () => {
  it('removes readers’ comments after the article, from the response count on, as ugc', () => {
    const doc = clean(docOf([
      ...article,
      '3 responses to “Do Cold Showers Help You Recover?”',
      'marathonmaya says:',
      'March 4, 2025 at 7:12 am',
      'I switched to cold showers last year and my legs feel fresher the day after long runs.',
      'Dr. Lee says:',
      'March 4, 2025 at 9:40 am',
      'Thanks, Maya! Many runners report the same, even if the trials are small.',
    ]));
    for (const start of ['3 responses to', 'marathonmaya says', 'I switched to cold', 'Thanks, Maya']) {
      expect(find(doc, start)?.reason, start).toMatchObject({ stage: 'boilerplate', kind: 'ugc', rule: 'comment-section' });
    }
    for (const s of article) expect(find(doc, s.slice(0, 30))?.status).toBe('kept');
  });

  it('finds comments without a header by a name that says beside a date with its time, in German too', () => {
    const doc = docOf([...article, 'Jonas sagt:', '08.03.2025 um 15:30 Uhr', 'Bei mir hat das kalte Duschen nach dem Training nichts geändert.']);
    expect(commentStart(doc, words(doc))).toBe(doc.segments.findIndex((s) => s.text.startsWith('Jonas sagt')));
  });

  it('finds comments run into one paragraph, by a name that says right before a date with its time', () => {
    const doc = clean(docOf([[...article, 'Share this article. 2 thoughts marathonmaya says: March 4, 2025 at 7:12 am I switched to cold showers last year and my legs feel fresher.'].join(' ')]));
    // The seams cut the comment's date off its text (field-ends.ts); every piece goes with the comments.
    for (const start of ['2 thoughts marathonmaya', 'March 4, 2025 at 7:12 am', 'I switched to cold']) {
      expect(find(doc, start)?.reason, start).toMatchObject({ kind: 'ugc', rule: 'comment-section' });
    }
    for (const s of article) expect(find(doc, s.slice(0, 30))?.status).toBe('kept');
  });

  it('keeps the article when a comment link sits under the byline, before the text', () => {
    const doc = clean(docOf(['By Sam Ortiz', 'Leave a comment', ...article]));
    for (const s of article) expect(find(doc, s.slice(0, 30))?.status).toBe('kept');
  });

  it('keeps quoted speech that ends in “says:” when no comment date stands beside it', () => {
    const doc = clean(docOf([...article, 'The coach says:', 'Recovery is built in the kitchen and in bed, not in the shower.']));
    expect(find(doc, 'Recovery is built')?.status).toBe('kept');
  });

  it('keeps the answers of a Q&A page, whose “Add a comment” link follows every answer', () => {
    const doc = clean(docOf([...article, 'Add a comment', 'Answer: cold water mostly helps with soreness, not with strength.', 'Add a comment']));
    expect(find(doc, 'Answer: cold water')?.status).toBe('kept');
  });
});
