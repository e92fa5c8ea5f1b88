import { describe, expect, it } from 'vitest';
import { articleProbability, flatThreshold, lineThreshold, pageFeatures } from '../src/boilerplate/page-type.js';
import settings from '../src/boilerplate/page-type.json' with { type: 'json' };

const prose = [
  'Knee pain after running usually comes from doing too much too soon, and it often settles with a lighter week of training.',
  'The kneecap glides in a groove of the thigh bone, and when the hip muscles tire, it tracks a little to the side with every stride.',
  'Most runners feel it as a dull ache around the front of the knee that grows worse on stairs and after sitting for a long time.',
  'Strengthening the hips and the thigh muscles takes load off the joint and eases the pain for most people within six weeks.',
  'If the knee swells, locks or gives way, a doctor should look at it before you run again, because those signs point to a torn cartilage.',
];
const menu = ['Home', 'Running', 'Injuries', 'Shoes', 'Subscribe'];
const article = [...menu, 'Why Your Knees Hurt After Running', ...prose, 'Related', 'Share'];
// A shop's category page: product names and prices, one short line each.
const listing = ['Home', 'Shop', 'Knee Braces', 'Sort by price', ...Array.from({ length: 12 }, (_, i) => [`Trail Knee Sleeve ${i + 1}`, `$${20 + i}.99`, 'Add to basket']).flat()];

const probsOf = (lines: string[]): number[] => lines.map((l) => (l.split(' ').length >= 12 ? 0.95 : 0.3));

describe('page type', () => {
  it('takes a page of finished prose under a title-shaped address for an article', () => {
    const f = pageFeatures(article.join('\n'), article, probsOf(article), 'https://example.org/2024/05/why-your-knees-hurt-after-running');
    expect(articleProbability(f)).toBeGreaterThan(settings.articleAt.value);
  });

  it('takes a page of short product lines for something other than an article', () => {
    const f = pageFeatures(listing.join('\n'), listing, probsOf(listing), 'https://shop.example.org/braces/knee');
    expect(articleProbability(f)).toBeLessThan(settings.articleAt.value);
  });

  it('raises the furniture threshold on an article page only, never lowers it', () => {
    expect(lineThreshold(0.4, article.join('\n'), article, probsOf(article), 'https://example.org/why-your-knees-hurt-after-running')).toBe(settings.articleThreshold.value);
    expect(lineThreshold(0.4, listing.join('\n'), listing, probsOf(listing), 'https://shop.example.org/braces/knee')).toBe(0.4);
    expect(lineThreshold(0.9, article.join('\n'), article, probsOf(article))).toBe(0.9);
  });

  it('raises the threshold of a flattened article page, not of a flattened listing, without reading its line shape', () => {
    const flatArticle = [article.join(' ')];
    const flatListing = [listing.join(' ')];
    expect(flatThreshold(0.4, flatArticle[0]!, article, probsOf(article), 'https://example.org/2024/05/why-your-knees-hurt-after-running')).toBe(settings.flatArticleThreshold.value);
    expect(flatThreshold(0.4, flatListing[0]!, listing, probsOf(listing), 'https://shop.example.org/braces/knee')).toBe(0.4);
  });

  it('reads a page without an address or with a malformed one', () => {
    expect(() => pageFeatures(article.join('\n'), article, probsOf(article), 'not a url')).not.toThrow();
    expect(pageFeatures('', [], [], undefined).slug).toBe(0);
  });
});
