// Pass 2 of the sources stage: sentences that carry on a speaker's quote or list inherit the
// speaker (see inheritQuotesAndLists). Pass 1 (index.ts) has given each claim what its own
// sentence says.
import type { Doc } from '../types.js';
import { listItems } from './attribution.js';
import { displayName, type NameRegistry } from './names.js';
import type { QuoteState } from './quotes.js';
import { PASSAGE, peopleIn } from './resolve.js';

/** What a claim's source is, by the key of a pending source. */
export interface Given {
  key: string; cue: string; how: 'explicit' | 'inherited'; speaker: boolean; list?: boolean;
  /** The speaker is plainly a person (a title, credentials, a description or a known given name). */
  known?: boolean;
}

/**
 * Inherited speakers, in document order:
 * - a sentence that starts inside a quote (or opens one that runs on to the speaker), or a quote
 *   paragraph that opens right after the speaker's quote, is the speaker's; a quote with no speaker of its own takes the last speaker
 *   of the passage when no other person is named in between;
 * - the advice items after a speaker's list lead-in ("X offers these tips:") are the speaker's;
 *   when the lead-in holds no items itself ('X offers a few final tips.'), the list is the block
 *   that follows: its facts and advice, section headings between them, the speaker's own quotes
 *   among them, until a question, another source or a longer break ends it.
 */
export function inheritQuotesAndLists(doc: Doc, index: Map<string, number>, given: Map<number, Given>, registry: NameRegistry, quotes: (QuoteState | undefined)[]): void {
  const claimAt = new Map(doc.claims.map((c) => [index.get(c.segment) ?? -1, c]));
  // Sentences of a quote still open, whose speaker may come where it closes ('..., X says.').
  let open: number[] = [];
  let last: { at: number; key: string; list: false | 'inline' | 'block' } | undefined;
  // A quote the page never closed: narration naming a speaker with no quotation mark ('Lee says the
  // project ...') while the quote is still open shows it ended unmarked; until the next mark no
  // sentence is read as inside it (nor are the open sentences given to that speaker).
  let unclosed = false;
  for (const [at, q] of quotes.entries()) {
    if (!q) continue;
    if (q.hasQuote) unclosed = false;
    const claim = claimAt.get(at);
    const g = given.get(at);
    if (g?.speaker && q.startsInside && !q.hasQuote) unclosed = true;
    const inside = q.startsInside && !unclosed;
    if (g?.speaker) {
      if (inside) for (const i of open) if (!given.has(i) && (quotes[i]?.quoted ?? 0) >= 0.5) given.set(i, { key: g.key, cue: 'inherited', how: 'inherited', speaker: true });
      open = [];
      // The speaker's own quote inside their block list keeps the list going.
      const inList = last?.key === g.key && last.list === 'block' && keptBetween(doc, last.at, at) <= 1;
      // A block list runs on for sections: only a speaker who is plainly a person opens one.
      const items = g.list ? (listItems(claim?.text ?? doc.segments[at]?.text ?? '') ?? 'inline') : false;
      last = { at, key: g.key, list: items === 'block' && !g.known ? 'inline' : items || (inList ? 'block' : false) };
      continue;
    }
    if (g) {
      if (last) last.list = false;
      if (!q.endsOpen) open = [];
      continue;
    }
    const gap = last ? keptBetween(doc, last.at, at) : Infinity;
    const inherits = last !== undefined && !namesOther(doc, registry, last, at) && (
      (inside && q.quoted >= 0.5 && gap < PASSAGE) ||
      (q.startsQuote && gap === 0) ||
      (gap === 0 && last.list === 'inline' && claim?.type === 'advice') ||
      (gap <= 1 && last.list === 'block' && (claim?.type === 'advice' || claim?.type === 'fact') && onlyHeadingsBetween(doc, claimAt, last.at, at)));
    if (last && inherits && claim) {
      given.set(at, { key: last.key, cue: 'inherited', how: 'inherited', speaker: true });
      last = { ...last, at };
    } else {
      if (last && claim) last.list = false;
      if (q.startsQuote || inside || (q.endsOpen && !unclosed)) open.push(at);
    }
    if (!q.endsOpen) open = [];
  }
}

// Between two items of a block list only section headings (kept segments that are no claim).
function onlyHeadingsBetween(doc: Doc, claimAt: Map<number, unknown>, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (doc.segments[i]?.status === 'kept' && claimAt.has(i)) return false;
  return true;
}

// Another person named between the last speaker's sentence and `at`.
function namesOther(doc: Doc, registry: NameRegistry, last: { at: number; key: string }, at: number): boolean {
  for (let i = last.at + 1; i < at; i++) {
    const seg = doc.segments[i];
    if (seg?.status !== 'kept') continue;
    if (peopleIn(seg.text, registry).some((p) => `person:${displayName(p.person).toLowerCase()}` !== last.key)) return true;
  }
  return false;
}

/** Kept segments strictly between `from` and `to`. */
export function keptBetween(doc: Doc, from: number, to: number): number {
  let n = 0;
  for (let i = from + 1; i < to; i++) if (doc.segments[i]?.status === 'kept') n++;
  return n;
}

