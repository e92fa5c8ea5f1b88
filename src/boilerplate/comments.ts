// Comment sections: readers' comments under an article are user text, not the article. trafilatura
// drops them by their markup (a comments container); a text dump keeps their shape instead: a
// header counting the responses ('34 responses to “…”'), the comment form ('Leave a Reply'), or
// per comment a name that 'says:' beside a date with a time (run together in a flattened dump). From the first such mark that comes
// after the article's opening, every segment the earlier steps kept is removed (kind ugc, rule
// comment-section); what they removed keeps its own reason. Patterns and settings: comments.json.
import { remove } from '../doc.js';
import type { Doc } from '../types.js';
import settings from './comments.json' with { type: 'json' };

const compile = (list: { pattern: string }[]): RegExp[] => list.map((e) => new RegExp(e.pattern, 'iu'));
const HEADERS = compile(settings.headers);
const SIGNATURES = compile(settings.signatures);
const STAMPS = compile(settings.stamps);
const INLINE = compile(settings.inline);
const any = (res: RegExp[], text: string): boolean => res.some((re) => re.test(text));

/** Index of the segment where the comments begin, or -1. `words`: each segment's word count. */
export function commentStart(doc: Doc, words: readonly number[]): number {
  const segs = doc.segments;
  const texts = segs.map((s) => s.text.trim());
  const near = (i: number, res: RegExp[]): boolean => {
    const w = settings.pairWindow.value;
    for (let j = Math.max(0, i - w); j <= Math.min(segs.length - 1, i + w); j++) if (j !== i && any(res, texts[j]!)) return true;
    return false;
  };
  let keptBefore = 0;
  for (let i = 0; i < segs.length; i++) {
    if (keptBefore >= settings.minWordsBefore.value) {
      const t = texts[i]!;
      if (any(HEADERS, t) || any(INLINE, t)) return i;
      if (any(SIGNATURES, t) && near(i, STAMPS)) return i;
      if (any(STAMPS, t) && near(i, SIGNATURES)) return i;
    }
    if (segs[i]!.status === 'kept') keptBefore += words[i] ?? 0;
  }
  return -1;
}

export function removeCommentSection(doc: Doc, words: readonly number[]): void {
  const start = commentStart(doc, words);
  if (start < 0) return;
  for (const segment of doc.segments.slice(start)) {
    if (segment.status === 'kept') remove(doc, segment, { stage: 'boilerplate', kind: 'ugc', rule: 'comment-section' });
  }
}
