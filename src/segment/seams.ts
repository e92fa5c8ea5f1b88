// Seams: cut a long segment where the text shows a border between furniture and prose that
// neither the sentence parser nor the split rules see. On a flattened page (no line breaks) a
// whole menu, a run of teaser headlines and the first sentence of the body come out as one
// 'sentence'; the furniture model then keeps or drops the mix as a whole. Two kinds of seam, both
// data (seams.json, a reason per entry):
// - glued words: menu items rendered without whitespace ('Privacy NoticeTerms Of Use'), cut by
//   regular expressions as the split rules are (split.ts's applyRule);
// - a sentence after the date or time that ends a byline or a post header, or after a photo
//   credit (field-ends.ts);
// - a sentence after a Title Case run: a word that only opens a sentence ('The', 'There', 'In')
//   after a run of Title Case tokens (runTokens in seams.json), followed by a lower-case clause
//   with a verb.
// Runs after the split rules, on their pieces; every cut is counted under its id, and every
// non-whitespace character stays in exactly one piece.
import seamsFile from './seams.json' with { type: 'json' };
import { applyRule, cutAt, type SplitRule, type TextSpan } from './split.js';
import { isUsuallyVerb } from '../claims/verbs.js';
import { classAt, SPACE } from '../boilerplate/chars.js';
import { cutFieldEnds, fieldEndRules } from './field-ends.js';

const MIN_WORDS = seamsFile.minWords.value;
// `requires`: what the text holds wherever the pattern can match, tested first (one cheap pass)
// so the pattern itself runs only on the few segments that hold it.
const gluedRules: (SplitRule & { requires: RegExp })[] = seamsFile.glued.map((r) => ({ id: r.id, regex: new RegExp(r.pattern, 'gu'), requires: new RegExp(r.requires.pattern, 'u') }));
interface TitleRunRule {
  id: string;
  runTokens: number;
  clauseWords: number;
  minLower: number;
  connectives: Set<string>;
  metaWords: Set<string>;
  subjects: boolean;
  openers: Set<string>;
  /** Matches each token that can be in a run (see inRunTokens). */
  runToken: RegExp;
}
const titleRunRules: TitleRunRule[] = seamsFile.titleRuns.map((r) => ({
  id: r.id,
  runTokens: r.runTokens.value,
  clauseWords: r.clauseWords.value,
  minLower: r.minLower.value,
  connectives: new Set(r.connectives.words),
  metaWords: new Set(r.metaWords.words),
  subjects: r.subjects.value,
  openers: new Set(r.openers.words),
  runToken: runTokenPattern(r.metaWords.words),
}));

/** Cut every span of at least minWords words at its seams; `counts` gets the cuts per seam id. */
export function seamSpans(text: string, spans: TextSpan[], counts?: Map<string, number>): TextSpan[] {
  const out: TextSpan[] = [];
  for (const span of spans) {
    if (!hasWords(span.text, MIN_WORDS)) {
      out.push(span);
      continue;
    }
    let pieces = [span];
    for (const rule of gluedRules) if (rule.requires.test(span.text)) pieces = pieces.flatMap((p) => count(counts, rule.id, applyRule(text, p, rule)));
    for (const rule of titleRunRules) pieces = pieces.flatMap((p) => count(counts, rule.id, inRunTokens(p.text, rule) < rule.runTokens ? [p] : cutTitleRuns(text, p, rule)));
    for (const rule of fieldEndRules) pieces = pieces.flatMap((p) => count(counts, rule.id, hasWords(p.text, MIN_WORDS) ? cutFieldEnds(text, p, rule) : [p]));
    out.push(...pieces);
  }
  return out;
}

function count(counts: Map<string, number> | undefined, id: string, pieces: TextSpan[]): TextSpan[] {
  if (counts && pieces.length > 1) counts.set(id, (counts.get(id) ?? 0) + pieces.length - 1);
  return pieces;
}

/** Whether `s` holds at least `n` whitespace-separated words (/\S+/g matches), counting no further. */
function hasWords(s: string, n: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const word = (classAt(s, i) & SPACE) === 0;
    if (word && !inWord && ++words >= n) return true;
    inWord = word;
  }
  return false;
}

// A token that can be in a run: after its opening quotes or brackets (as bare() strips them) it
// starts with an upper-case letter, a digit or one of isTitle's signs, or it is a meta word. Every
// token afterTitleRun counts is one of these, so a piece with fewer than runTokens of them has no
// cut, and its words are not read one by one.
function runTokenPattern(metaWords: string[]): RegExp {
  const meta = metaWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`(?:^|\\s)["“‘'(\\[]*(?:[\\p{Lu}\\p{N}&|»›•·–—/-]|(?:${meta})(?=["”’')\\],;:]*(?:\\s|$)))`, 'gu');
}

/** How many tokens of `s` can be in a run, counting no further than the rule's runTokens. */
function inRunTokens(s: string, rule: TitleRunRule): number {
  rule.runToken.lastIndex = 0;
  let n = 0;
  while (n < rule.runTokens && rule.runToken.exec(s)) n++;
  return n;
}

interface Word { text: string; at: number }

// The token without the quotes and brackets around it, so '“The' reads as 'The'.
const bare = (w: string): string => w.replace(/^["“‘'(\[]+|["”’')\],;:]+$/gu, '');
const isTitle = (w: string): boolean => /^(?:[\p{Lu}\p{N}]|[&|»›•·–—/-]+$)/u.test(w);
const isLower = (w: string): boolean => /^\p{Ll}/u.test(w);

/** Cut before each word that opens a sentence and follows a Title Case run and starts a clause with a verb. */
function cutTitleRuns(text: string, span: TextSpan, rule: TitleRunRule): TextSpan[] {
  const words: Word[] = [...span.text.matchAll(/\S+/gu)].map((m) => ({ text: bare(m[0]), at: m.index }));
  const cuts: number[] = [];
  for (let i = 1; i + 1 < words.length; i++) {
    const opener = rule.openers.has(words[i]!.text);
    if ((opener || subject(words, i, rule)) && afterTitleRun(words, i, rule, !opener) && startsClause(words, i, rule)) cuts.push(words[i]!.at);
  }
  return cutAt(text, span, cuts);
}

// With subjects: word i is capitalised and directly followed by a lower-case verb.
function subject(words: Word[], i: number, rule: TitleRunRule): boolean {
  const next = words[i + 1]!.text;
  return rule.subjects && /^\p{Lu}\p{Ll}+$/u.test(words[i]!.text) && isLower(next) && isUsuallyVerb(next);
}

// At least runTokens Title Case tokens or meta words (connectives between them allowed unless
// `pure`) right before word i, the last one not a connective and not ending a sentence.
function afterTitleRun(words: Word[], i: number, rule: TitleRunRule, pure: boolean): boolean {
  const inRun = (w: string): boolean => isTitle(w) || rule.metaWords.has(w);
  const last = words[i - 1]!.text;
  if (!inRun(last) || /[.!?]$/u.test(last)) return false;
  let titles = 0;
  for (let j = i - 1; j >= 0 && titles < rule.runTokens; j--) {
    const w = words[j]!.text;
    if (inRun(w)) titles++;
    else if (pure || !rule.connectives.has(w)) return false;
  }
  return titles >= rule.runTokens;
}

// The clauseWords words after word i hold at least minLower lower-case words, one usually a verb,
// and the first of them is in lower case: after a capitalised one a headline or a menu item may go
// on ('Sign In Create an account', 'The STAT Mini Take a break').
function startsClause(words: Word[], i: number, rule: TitleRunRule): boolean {
  const next = words.slice(i + 1, i + 1 + rule.clauseWords).map((w) => w.text);
  if (!isLower(next[0] ?? '')) return false;
  const lower = next.filter(isLower);
  return lower.length >= rule.minLower && lower.some((w) => isUsuallyVerb(w.toLowerCase()));
}
