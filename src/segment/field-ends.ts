// Field ends: a byline, a dateline, a post header or a photo credit ends with a mark of its own
// (the date or time it was written: 'By Jane Roe March 3, 2021 at 9:24 pm'; the picture's
// agency: '(Image: GETTY )', 'Photo by Jane Roe/Getty Images'); on a flattened page the text's
// next sentence runs on right after it, and the furniture model keeps or drops the two together.
// Cut after such an end (seams.json's `fieldEnds`, a reason per setting) where what follows reads
// as a sentence: a capitalised word that does not go on the field (not a weekday, a month, a time
// zone or an agency), then a clause of lower-case words with a verb.
import seamsFile from './seams.json' with { type: 'json' };
import { cutAt, type TextSpan } from './split.js';
import { isUsuallyVerb } from '../claims/verbs.js';

export interface FieldEndRule {
  id: string;
  requires: RegExp;
  end: RegExp;
  notNext: Set<string>;
  clauseWords: number;
  minLower: number;
}

export const fieldEndRules: FieldEndRule[] = seamsFile.fieldEnds.map((r) => ({
  id: r.id,
  requires: new RegExp(r.requires.pattern, 'u'),
  end: new RegExp(r.end.pattern, 'gu'),
  notNext: new Set(r.notNext.words),
  clauseWords: r.clauseWords.value,
  minLower: r.minLower.value,
}));

/** Ends like a sentence: . ! or ? and any closing quotes or brackets (as the furniture features read it). */
const FINISHED = /[.!?]["'”’)\]]*$/u;

// The end of a range ('3:00 p.m. - 4:00 p.m.', 'May 2 – May 5, 2025') is an event's time in a
// listing, not the date a byline ends with: what follows is the listing's next line.
const RANGE_END = /[\p{N}.]\s*[-–—]\s*$/u;

// The words after a cut: bare of the quotes and brackets around them.
const WORD = /\S+/gu;
const bare = (w: string): string => w.replace(/^["“‘'(\[]+|["”’')\],;:.!?]+$/gu, '');

/** The span cut after each field end that a sentence follows; the span itself when there is none. */
export function cutFieldEnds(text: string, span: TextSpan, rule: FieldEndRule): TextSpan[] {
  const s = span.text;
  if (!rule.requires.test(s)) return [span];
  const cuts: number[] = [];
  rule.end.lastIndex = 0;
  // The text after a cut must end as a sentence does: a run of teasers after a date ('December
  // 19, 2025 STAT Plus: Cytokinetics heart drug wins FDA approval By …') does not.
  if (!FINISHED.test(s)) return [span];
  for (let m = rule.end.exec(s); m; m = rule.end.exec(s)) {
    const at = m.index + m[0].length;
    if (!RANGE_END.test(s.slice(Math.max(0, m.index - 16), m.index)) && sentenceAfter(s, at, rule)) cuts.push(at);
    if (m[0].length === 0) rule.end.lastIndex++;
  }
  return cutAt(text, span, cuts);
}

// At `at` a sentence starts: a capitalised word that does not go on the field, then clauseWords
// words with at least minLower in lower case, one of them (or the capitalised word: 'Look out
// for …') usually a verb.
function sentenceAfter(s: string, at: number, rule: FieldEndRule): boolean {
  if (!/^\s/u.test(s.slice(at, at + 1))) return false;
  WORD.lastIndex = at;
  const words: string[] = [];
  for (let m = WORD.exec(s); m && words.length <= rule.clauseWords; m = WORD.exec(s)) words.push(bare(m[0]));
  const first = words[0] ?? '';
  if (words.length <= rule.clauseWords || !/^\p{Lu}/u.test(first) || rule.notNext.has(first)) return false;
  const lower = words.slice(1).filter((w) => /^\p{Ll}/u.test(w));
  return lower.length >= rule.minLower && (isUsuallyVerb(first.toLowerCase()) || lower.some((w) => isUsuallyVerb(w) || CONTRACTED_VERB.test(w)));
}

// A contraction holds a verb: "you're", "we've", "don't", "it's" (not a possessive: "company's").
const CONTRACTED_VERB = /^(?:\p{Ll}+(?:['’](?:re|ve|ll|d|m)|n['’]t)|(?:it|that|there|here|he|she|what|who)['’]s)$/u;
