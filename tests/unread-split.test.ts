import { describe, expect, it } from 'vitest';
import { foldOf, isUnread, siteOf } from '../src/eval/split.js';

describe('the unread split and the site folds', () => {
  it('puts about one page id in five in the unread split, the same ones on every call', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `page-${i}`);
    const unread = ids.filter(isUnread);
    expect(unread.length / ids.length).toBeGreaterThan(0.17);
    expect(unread.length / ids.length).toBeLessThan(0.23);
    expect(ids.filter(isUnread)).toEqual(unread);
  });

  it('names a page by its host without www, an archived copy by the archived host, a page without a URL by its id', () => {
    expect(siteOf({ id: 'a', url: 'https://www.example.org/news/2024/story' })).toBe('example.org');
    expect(siteOf({ id: 'b', url: 'http://web.archive.org/web/20190304050607/https://www.example.de/artikel' })).toBe('example.de');
    expect(siteOf({ id: 'c', url: 'not a url' })).toBe('id:c');
    expect(siteOf({ id: 'd' })).toBe('id:d');
  });

  it('puts every page of one site in the same fold, and spreads sites over all folds', () => {
    expect(foldOf(siteOf({ id: 'x', url: 'https://shop.example.com/a' }), 5)).toBe(foldOf(siteOf({ id: 'y', url: 'https://shop.example.com/b/c' }), 5));
    const folds = new Set(Array.from({ length: 100 }, (_, i) => foldOf(`site${i}.example`, 5)));
    expect([...folds].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
