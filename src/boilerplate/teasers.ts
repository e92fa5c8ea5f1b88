// Teaser runs: headlines of other articles on a page with line breaks. jusText and trafilatura
// find them by link density; a text dump has no links, but the shape survives: a run of short,
// capitalised lines that do not end like a sentence, outside the article's body, often with a
// date or a count between them. The furniture model sees each line with little context and
// keeps many of them (their words look like a headline's, and the article's own subheadings
// look the same); this step looks at the run and the page. Settings in teasers.json.
import { remove } from '../doc.js';
import type { Doc, Segment } from '../types.js';
import { wordCount } from './rules.js';
import { finished } from './scan.js';
import { isSpace } from '../segment/chunks.js';
import defaults from './teasers.json' with { type: 'json' };

// A headline starts with a capital or a digit (after an opening quote) and ends on a word, a
// figure or a closing quote; a trailing comma, colon or dash means the line goes on.
const HEADLINE_START = /^["“‘'(]?[\p{Lu}\p{N}]/u;
const HEADLINE_END = /[\p{L}\p{N}"”’')]$/u;

/**
 * Alone on its line: only whitespace between the segment and the line breaks around it. Scans out
 * from the segment and stops at the first other character, so a long line costs no more than a
 * short one (slicing to the line's ends was quadratic on pages with a few very long lines).
 */
function wholeLine(text: string, s: Segment): boolean {
  const blank = (at: number): boolean => isSpace(text.charCodeAt(at));
  let i = s.start - 1;
  while (i >= 0 && text[i] !== '\n' && blank(i)) i--;
  if (i >= 0 && text[i] !== '\n') return false;
  let j = s.end;
  while (j < text.length && text[j] !== '\n' && blank(j)) j++;
  return j >= text.length || text[j] === '\n';
}

/** `words`: each segment's word count, when the caller has them already (the boilerplate stage does). */
export function removeTeaserRuns(doc: Doc, words: readonly number[] = doc.segments.map((s) => wordCount(s.text)), settings: typeof defaults = defaults): void {
  const { text } = doc.source;
  const segs = doc.segments;
  const whole = segs.map((s) => wholeLine(text, s));
  const headline = segs.map((s, i) => s.status === 'kept' && whole[i]!
    && words[i]! >= settings.minWords.value && words[i]! <= settings.maxWords.value
    && !finished(s.text) && !s.text.endsWith('?') && HEADLINE_START.test(s.text) && HEADLINE_END.test(s.text)
    && !/^\p{Ll}/u.test(segs[i + 1]?.text ?? '')); // the next line does not carry on the sentence
  const glue = segs.map((s, i) => s.status === 'removed' || (whole[i]! && words[i]! <= settings.glueMaxWords.value));
  const body = segs.map((s, i) => s.status === 'kept' && words[i]! >= settings.bodySentenceWords.value && finished(s.text));
  const first = body.indexOf(true);
  const last = body.lastIndexOf(true);
  if (first < 0) return;
  const found: number[] = [];
  for (let i = 0; i < segs.length;) {
    if (!headline[i]) { i++; continue; }
    const members: number[] = [];
    let j = i;
    for (; j < segs.length && (headline[j] || glue[j]); j++) if (headline[j]) members.push(j);
    if (members.length >= settings.minRun.value) found.push(...members.filter((m) => m < first || m > last));
    i = j;
  }
  const sum = (idx: number[]): number => idx.reduce((n, i) => n + words[i]!, 0);
  const bodyWords = sum(body.flatMap((b, i) => (b ? [i] : [])));
  if (!found.length || bodyWords < settings.minBodyWords.value || bodyWords < settings.bodyToRun.value * sum(found)) return;
  for (const i of found) {
    remove(doc, segs[i]!, { stage: 'boilerplate', kind: 'related', rule: 'teaser-run' },
      { why: 'a headline in a run of headline lines outside the article body (another article’s title or teaser)' });
  }
}
