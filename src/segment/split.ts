// Cut sentence spans further where the kind of text changes inside a sentence. The cuts are
// data (split-rules.json); this file only applies them and keeps offsets exact.
import rulesFile from './split-rules.json' with { type: 'json' };
import wordsFile from './abbreviations.json' with { type: 'json' };
import { isSpace, type Span } from './chunks.js';
import { matchesOf } from '../matches.js';
import { ownString } from '../strings.js';
import { Prefilter } from '../prefilter.js';

export interface SplitRule {
  id: string;
  regex: RegExp;
  exceptAfter?: Set<string>;
  exceptLead?: Set<string>;
}

const wordList = (groups: { words: string[] }[]): Set<string> => new Set(groups.flatMap((g) => g.words));
/** Words after which a period does not end a sentence (abbreviations.json). */
export const ABBREVIATIONS = wordList(wordsFile.abbreviations);
const lists: Record<string, Set<string>> = {
  abbreviations: ABBREVIATIONS,
  leads: wordList(wordsFile.leads),
};

export const splitRules: SplitRule[] = rulesFile.rules.map((r) => {
  const rule = r as { id: string; pattern: string; exceptAfter?: string; exceptLead?: string };
  return {
    id: rule.id,
    regex: new RegExp(rule.pattern, 'gu'),
    exceptAfter: rule.exceptAfter ? lists[rule.exceptAfter] : undefined,
    exceptLead: rule.exceptLead ? lists[rule.exceptLead] : undefined,
  };
});

/** A span with its text, sliced once as a string of its own (ownString); createDoc keeps it. */
export interface TextSpan extends Span {
  text: string;
}

// Which rules can cut a line at all, from the literals their patterns require (src/prefilter.ts):
// most lines hold no URL, pipe, ellipsis or colon. A piece cut from a line holds only what the
// line holds, so the line's answer stands for its pieces. Made on first use.
let prefilter: Prefilter | undefined;

/**
 * Split every span at line breaks, trim it, then apply the split rules in order. Each line goes
 * through the rules on its own (a rule cuts a piece by the piece's text alone), and a rule its
 * line cannot match is skipped; `counts` gets the cuts per rule, in rule order.
 */
export function splitSpans(text: string, spans: Span[], counts?: Map<string, number>): TextSpan[] {
  const filter = (prefilter ??= new Prefilter(splitRules.map((r) => r.regex)));
  const cuts = new Int32Array(splitRules.length);
  const out: TextSpan[] = [];
  for (const span of spans) {
    for (const line of splitLines(text, span)) {
      let pieces = [withText(text, line)];
      const may = filter.scan(pieces[0]!.text);
      for (let r = 0; r < splitRules.length; r++) {
        if (!may[r]) continue;
        const next: TextSpan[] = [];
        for (const p of pieces) {
          const cut = applyRule(text, p, splitRules[r]!);
          if (cut.length > 1) cuts[r]! += cut.length - 1;
          next.push(...cut);
        }
        pieces = next;
      }
      out.push(...pieces);
    }
  }
  splitRules.forEach((rule, r) => { if (cuts[r]) counts?.set(rule.id, (counts.get(rule.id) ?? 0) + cuts[r]!); });
  return out;
}

function withText(text: string, span: Span): TextSpan {
  return { start: span.start, end: span.end, text: ownString(text.slice(span.start, span.end)) };
}

function splitLines(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  for (let i = span.start; i <= span.end; i++) {
    if (i === span.end || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) {
      const t = trim(text, start, i);
      if (t) out.push(t);
      start = i + 1;
    }
  }
  return out;
}

/** Cut one piece at every match of the rule (seams.ts cuts glued words with it too). */
export function applyRule(text: string, whole: TextSpan, rule: SplitRule): TextSpan[] {
  const s = whole.text;
  const out: TextSpan[] = [];
  let from = 0;
  for (const m of matchesOf(rule.regex, s)) {
    const at = m.index;
    if (at === 0 || at + m[0].length >= s.length) continue;
    if (rule.exceptAfter && rule.exceptAfter.has(wordBefore(s, at))) continue;
    if (rule.exceptLead && rule.exceptLead.has(s.slice(from, at).replace(/[:;]$/u, '').trim().toLowerCase())) continue;
    const t = trim(text, whole.start + from, whole.start + at);
    if (t) out.push(withText(text, t));
    from = at + m[0].length;
  }
  if (from === 0) return [whole];
  const last = trim(text, whole.start + from, whole.end);
  if (last) out.push(withText(text, last));
  return out;
}

/** The piece cut at each of `cuts` (offsets into whole.text, ascending), each trimmed; the piece itself when there is no cut. */
export function cutAt(text: string, whole: TextSpan, cuts: readonly number[]): TextSpan[] {
  if (!cuts.length) return [whole];
  const out: TextSpan[] = [];
  let from = 0;
  for (const at of [...cuts, whole.text.length]) {
    const t = trim(text, whole.start + from, whole.start + at);
    if (t) out.push(withText(text, t));
    from = at;
  }
  return out;
}

// The word before the sentence punctuation that ends at `at` (closing quotes and brackets skipped),
// lower-cased, without its final period: "e.g." -> "e.g", "Dr." -> "dr".
export function wordBefore(s: string, at: number): string {
  let end = at;
  while (end > 0 && /["”’)\]]/u.test(s[end - 1] ?? '')) end--;
  if (end > 0 && /[.!?]/u.test(s[end - 1] ?? '')) end--;
  let start = end;
  while (start > 0 && !isSpace(s.charCodeAt(start - 1)) && !/["“(]/u.test(s[start - 1] ?? '')) start--;
  return s.slice(start, end).toLowerCase();
}

/** The span without leading and trailing whitespace, or null if nothing is left. */
export function trim(text: string, start: number, end: number): Span | null {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}
