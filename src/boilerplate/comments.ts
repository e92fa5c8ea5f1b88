// Comment sections: readers' comments under an article are user text, not the article. trafilatura
// drops them by their markup (a comments container); a text dump keeps their shape instead: a
// header counting the responses ('34 responses to “…”'), the comment form ('Leave a Reply'), or
// per comment a name that 'says:' beside a date with a time (run together in a flattened dump).
// From the first such mark that comes after the article's opening, every segment the earlier
// steps kept is removed (kind ugc, rule comment-section); what they removed keeps its own reason.
// Patterns and settings: comments.json.
import { remove } from '../doc.js';
import type { Doc } from '../types.js';
import settings from './comments.json' with { type: 'json' };

/** The numeric settings of comments.json (src/settings.ts may override them per run). */
export type CommentSettings = Pick<typeof settings, 'pairWindow' | 'minWordsBefore'>;

const compile = (list: { pattern: string }[]): RegExp[] => list.map((e) => new RegExp(e.pattern, 'iu'));
const HEADERS = compile(settings.headers);
const SIGNATURES = compile(settings.signatures);
const STAMPS = compile(settings.stamps);
const INLINE = compile(settings.inline);
const any = (res: RegExp[], text: string): boolean => res.some((re) => re.test(text));

/** Index of the segment where the comments begin, or -1. `words`: each segment's word count. */
export function commentStart(doc: Doc, words: readonly number[], limits: CommentSettings = settings): number {
  const segs = doc.segments;
  const w = limits.pairWindow.value;
  // Each segment is tested for a name line and a date line at most once, though up to 2w+1 segments ask.
  const signature: (boolean | undefined)[] = [];
  const stamp: (boolean | undefined)[] = [];
  const is = (seen: (boolean | undefined)[], res: RegExp[], j: number): boolean => (seen[j] ??= any(res, segs[j]!.text.trim()));
  const near = (i: number, seen: (boolean | undefined)[], res: RegExp[]): boolean => {
    for (let j = Math.max(0, i - w); j <= Math.min(segs.length - 1, i + w); j++) if (j !== i && is(seen, res, j)) return true;
    return false;
  };
  let keptBefore = 0;
  for (let i = 0; i < segs.length; i++) {
    if (keptBefore >= limits.minWordsBefore.value) {
      const t = segs[i]!.text.trim();
      if (any(HEADERS, t) || any(INLINE, t)) return i;
      if (is(signature, SIGNATURES, i) && near(i, stamp, STAMPS)) return i;
      if (is(stamp, STAMPS, i) && near(i, signature, SIGNATURES)) return i;
    }
    if (segs[i]!.status === 'kept') keptBefore += words[i] ?? 0;
  }
  return -1;
}

export function removeCommentSection(doc: Doc, words: readonly number[], limits: CommentSettings = settings): void {
  const start = commentStart(doc, words, limits);
  if (start < 0) return;
  for (const segment of doc.segments.slice(start)) {
    if (segment.status === 'kept') remove(doc, segment, { stage: 'boilerplate', kind: 'ugc', rule: 'comment-section' });
  }
}
