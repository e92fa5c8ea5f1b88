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
import { Prefilter } from '../prefilter.js';

/** The numeric settings of comments.json (src/settings.ts may override them per run). */
export type CommentSettings = Pick<typeof settings, 'pairWindow' | 'minWordsBefore'>;

// The four lists' patterns, each list a range of one array, so that one prefilter
// (src/prefilter.ts) tells per segment which of them can match at all.
interface Group { from: number; to: number }
const PATTERNS: RegExp[] = [];
const compile = (list: { pattern: string }[]): Group => {
  const from = PATTERNS.length;
  for (const e of list) PATTERNS.push(new RegExp(e.pattern, 'iu'));
  return { from, to: PATTERNS.length };
};
const HEADERS = compile(settings.headers);
const SIGNATURES = compile(settings.signatures);
const STAMPS = compile(settings.stamps);
const INLINE = compile(settings.inline);
let prefilter: Prefilter | undefined;

/** Whether a pattern of `group` matches `text`, given the prefilter's flags for `text`. */
function any(group: Group, text: string, may: Uint8Array): boolean {
  for (let k = group.from; k < group.to; k++) if (may[k] && PATTERNS[k]!.test(text)) return true;
  return false;
}

/** Index of the segment where the comments begin, or -1. `words`: each segment's word count. */
export function commentStart(doc: Doc, words: readonly number[], limits: CommentSettings = settings): number {
  const segs = doc.segments;
  const w = limits.pairWindow.value;
  // Each segment is tested for a name line and a date line at most once, though up to 2w+1 segments ask.
  const signature: (boolean | undefined)[] = [];
  const stamp: (boolean | undefined)[] = [];
  // Each segment's trimmed text and prefilter flags, made once, when first asked for.
  const texts: (string | undefined)[] = [];
  const flags: (Uint8Array | undefined)[] = [];
  const textOf = (j: number): string => (texts[j] ??= segs[j]!.text.trim());
  const flagsOf = (j: number): Uint8Array => (flags[j] ??= (prefilter ??= new Prefilter(PATTERNS)).scan(textOf(j)).slice()); // scan reuses its array
  const matches = (group: Group, j: number): boolean => any(group, textOf(j), flagsOf(j));
  const is = (seen: (boolean | undefined)[], group: Group, j: number): boolean => (seen[j] ??= matches(group, j));
  const near = (i: number, seen: (boolean | undefined)[], group: Group): boolean => {
    for (let j = Math.max(0, i - w); j <= Math.min(segs.length - 1, i + w); j++) if (j !== i && is(seen, group, j)) return true;
    return false;
  };
  let keptBefore = 0;
  for (let i = 0; i < segs.length; i++) {
    if (keptBefore >= limits.minWordsBefore.value) {
      if (matches(HEADERS, i) || matches(INLINE, i)) return i;
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
