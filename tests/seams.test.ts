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

  it('cuts a post header that ends with its date off the first sentence, and counts the cut', () => {
    const text = 'Guides Travel Written by Ann Lee Published: January 3, 2024 Travel agents say that most people book their flights too late and pay far more than they need to.';
    const counts = new Map<string, number>();
    expect(pieces(text, counts)).toEqual([
      'Guides Travel Written by Ann Lee Published: January 3, 2024',
      'Travel agents say that most people book their flights too late and pay far more than they need to.',
    ]);
    expect(counts.get('dateline-then-sentence')).toBe(1);
  });

  it('cuts after a slashed date and a clock time before a sentence that opens with a verb', () => {
    const text = 'Reply Sam Park 6/4/2024 at 11:02pm Ask the admissions office first, since they can tell you which forms are still missing.';
    expect(pieces(text)).toEqual(['Reply Sam Park 6/4/2024 at 11:02pm', 'Ask the admissions office first, since they can tell you which forms are still missing.']);
  });

  it('does not cut after a time that a weekday goes on', () => {
    const text = 'The council meeting will start at 5:30 p.m. Friday and will run until every resident who signed up has spoken.';
    expect(pieces(text)).toEqual([text]);
  });

  it('does not cut a date off a teaser headline that runs on into the next teaser', () => {
    const text = 'Recommended Science Science March 9, 2025 Lab mice grow new teeth in a trial by the university By Tom Ray Science March 8, 2025 More news';
    expect(pieces(text)).toEqual([text]);
  });

  it('does not cut after the end of an event time range', () => {
    const text = 'Upcoming events Thu., May 15, 2025, 3:00 p.m. - 4:00 p.m. ET This session is paid for by our sponsor and open to all readers.';
    expect(pieces(text)).toEqual([text]);
  });

  it('cuts a bracketed photo credit off the sentence after it, and counts the cut', () => {
    const text = 'Crowds gathered outside the town hall on Saturday (Image: PA ) Officials said that the square would stay closed until the end of the week.';
    const counts = new Map<string, number>();
    expect(pieces(text, counts)).toEqual([
      'Crowds gathered outside the town hall on Saturday (Image: PA )',
      'Officials said that the square would stay closed until the end of the week.',
    ]);
    expect(counts.get('credit-then-sentence')).toBe(1);
  });

  it('cuts after a credit formula before the next sentence', () => {
    const text = 'Suspect Tom Hale Submitted photo Deputies found the stolen van behind a warehouse late on Tuesday evening.';
    expect(pieces(text)).toEqual(['Suspect Tom Hale Submitted photo', 'Deputies found the stolen van behind a warehouse late on Tuesday evening.']);
  });

  it('does not cut after an agency named inside a sentence', () => {
    const text = 'The pictures were taken by a photographer for Getty Images and were later sold to several newspapers across the country.';
    expect(pieces(text)).toEqual([text]);
  });

  it('cuts a run of share buttons off the first sentence after it, and counts the cut', () => {
    const text = 'Burglary ring broken up By City Desk 4:10 PM Share on Facebook Tweet on Twitter Detectives arrested three men on Monday after a month of surveillance.';
    const counts = new Map<string, number>();
    expect(pieces(text, counts)).toEqual([
      'Burglary ring broken up By City Desk 4:10 PM Share on Facebook Tweet on Twitter',
      'Detectives arrested three men on Monday after a month of surveillance.',
    ]);
    expect(counts.get('share-run-then-sentence')).toBe(1);
  });

  it('cuts after a comment count that closes a post header', () => {
    const text = 'Garden Notes Posted by Ruth Mills 12 Comments Tomatoes grow best with at least six hours of direct sun in a northern garden.';
    expect(pieces(text)).toEqual(['Garden Notes Posted by Ruth Mills 12 Comments', 'Tomatoes grow best with at least six hours of direct sun in a northern garden.']);
  });

  it('does not cut after a lone platform name in a menu or a sentence', () => {
    const text = 'The senator wrote about the vote on Twitter Tuesday and again on Facebook Local reporters said the post was deleted within an hour.';
    expect(pieces(text)).toEqual([text]);
    const menu = 'News Public Health Twitter Your doctor may ask you to keep a diary of everything you eat for a week.';
    expect(pieces(menu)).toEqual([menu]);
  });
});
