import { describe, expect, it } from 'vitest';
import { segmentText } from '../src/segment/index.js';

const pieces = (text: string, counts?: Map<string, number>): string[] => segmentText(text, counts).map((s) => text.slice(s.start, s.end));

describe('seams in long flattened segments', () => {
  it('cuts a menu run off the sentence glued after it, and counts the cut', () => {
    const text = 'Home Recipes Breakfast & Brunch Soups Salads Desserts Contact Us There are many ways to cook oats for a quick breakfast.';
    const counts = new Map<string, number>();
    expect(pieces(text, counts)).toEqual([
      'Home Recipes Breakfast & Brunch Soups Salads Desserts Contact Us',
      'There are many ways to cook oats for a quick breakfast.',
    ]);
    expect(counts.get('title-run-then-sentence')).toBe(1);
  });

  it('cuts a byline ending in a time off the first sentence of the article', () => {
    const text = 'By Jane Roe Staff Writer March 3, 2021 at 9:24 pm The city council voted on Monday to close the old bridge for repairs.';
    expect(pieces(text)).toEqual([
      'By Jane Roe Staff Writer March 3, 2021 at 9:24 pm',
      'The city council voted on Monday to close the old bridge for repairs.',
    ]);
  });

  it('cuts a menu run before a sentence whose subject is one capitalised word', () => {
    const text = 'Home News Sports Weather Traffic Video Police released the video of the arrest on Monday afternoon.';
    expect(pieces(text)).toEqual(['Home News Sports Weather Traffic Video', 'Police released the video of the arrest on Monday afternoon.']);
  });

  it('does not cut the name of an office before its verb inside a sentence', () => {
    const text = 'In 2016, the South Dakota Department of Social Services reported that fewer young people left the state.';
    expect(pieces(text)).toEqual([text]);
  });

  it('does not cut a list of names before the verb of its sentence', () => {
    const text = 'The mayor said that Maria Lopez, Tom Becker, Ann Cole and Nancy Gray attended the opening of the new library on Friday.';
    expect(pieces(text)).toEqual([text]);
  });

  it('does not cut a Title Case title that holds a capitalised article', () => {
    const text = 'We watched Harry Potter and The Chamber of Secrets again with the kids last night at home.';
    expect(pieces(text)).toEqual([text]);
  });

  it('cuts menu items glued without a space, losing no character', () => {
    const text = 'Follow us on Facebook About Our Team Privacy NoticeTerms Of Use Contact Us for more on our work and our plans.';
    const counts = new Map<string, number>();
    const out = segmentText(text, counts);
    expect(out.map((s) => s.text)).toContain('Terms Of Use Contact Us for more on our work and our plans.');
    expect(counts.get('glued-title-case')).toBe(1);
    // The two pieces touch: no character is lost or doubled.
    expect(out.map((s) => s.text).join(' ').replace(/\s+/gu, '')).toBe(text.replace(/\s+/gu, ''));
  });

  it('leaves a name written in camel case inside a sentence alone', () => {
    const text = 'You can watch the whole talk on YouTube Music or on our own website any time this week.';
    expect(pieces(text)).toEqual([text]);
  });

  it('leaves short segments alone', () => {
    const text = 'Home About Contact Us The End';
    expect(pieces(text)).toEqual([text]);
  });
});
