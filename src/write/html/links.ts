// Links between the review pages. A document named "sub/page" is output/sub/page.html, so links
// are relative to the page's folder; names are file-safe (letters, digits, . _ - and /) and each
// part is percent-encoded. A segment's anchor is `s<index>`, from its id `${name}:${index}`.
import path from 'node:path';
import { documentOf } from '../markdown-repeats.js';

const encodePath = (p: string): string => p.split('/').map(encodeURIComponent).join('/');

/** The href from page `from` (a document name, or "index") to page `to`. */
export function pageHref(from: string, to: string): string {
  return encodePath(path.posix.relative(path.posix.dirname(from), to)) + '.html';
}

/** The anchor of a segment in its page. */
export function anchor(segmentId: string): string {
  return `s${segmentId.slice(segmentId.lastIndexOf(':') + 1)}`;
}

/** The href from page `from` to a segment, in the same page or another document's. */
export function segmentHref(from: string, segmentId: string): string {
  const name = documentOf(segmentId);
  return (name === from ? '' : pageHref(from, name)) + '#' + anchor(segmentId);
}
