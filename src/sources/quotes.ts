// Quotations that run over several sentences. A kept segment starts inside a quote when the
// quotation marks before it, over the kept text in order, leave one open. Curly marks open and
// close; straight double quotes toggle. A quote never stays open past `maxSegments` segments
// (an unmatched mark must not swallow the rest of a page).
import type { Segment } from '../types.js';
import { repairPunctuation } from '../punctuation.js';

export interface QuoteState {
  /** The segment starts inside a quotation opened before it. */
  startsInside: boolean;
  /** The segment starts with an opening quotation mark. */
  startsQuote: boolean;
  /** The segment holds a quotation mark at all. */
  hasQuote: boolean;
  /** The segment ends with a quotation still open. */
  endsOpen: boolean;
  /**
   * Share of the segment's letters inside a quotation (0-1). A segment the splitter glued from a
   * quote's end and a sentence of the writer's own ('... intake.” Most people ...') is mostly one
   * or the other: it is the speaker's only when it is mostly quote.
   */
  quoted: number;
}

const maxSegments = 8;

/**
 * A straight double quote opens a quotation at the start of a text or after a space or an opening
 * bracket or dash, and closes one after a letter, digit or punctuation ('questions," Hoge says').
 */
export function opensStraight(text: string, at: number): boolean {
  return at === 0 || /[\s(\[—–-]/u.test(text[at - 1] ?? '');
}

const LETTER = /\p{L}/u;
/** /\p{L}/u on the code unit at `c` alone (a lone surrogate is no letter), ASCII without the regex. */
function isLetter(code: number, text: string, c: number): boolean {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  return LETTER.test(text[c] ?? '');
}

/** Quote state of each segment (by index); removed segments are skipped and get none. */
export function quoteStates(segments: Segment[]): (QuoteState | undefined)[] {
  const out: (QuoteState | undefined)[] = new Array(segments.length);
  let open = false;
  let openFor = 0;
  for (const [i, seg] of segments.entries()) {
    if (seg.status !== 'kept') continue;
    const startsInside = open;
    const text = repairPunctuation(seg.text);
    let inside = 0, letters = 0;
    for (let c = 0; c < text.length; c++) {
      const code = text.charCodeAt(c);
      if (code === 0x201c || (code === 0x22 && opensStraight(text, c))) open = true;
      else if (code === 0x201d || code === 0x22) open = false;
      else if (isLetter(code, text, c)) { letters++; if (open) inside++; }
    }
    openFor = open ? (startsInside ? openFor + 1 : 1) : 0;
    if (openFor > maxSegments) { open = false; openFor = 0; }
    out[i] = { startsInside, startsQuote: /^[“"]/u.test(text), hasQuote: /[“”"]/u.test(text), endsOpen: open, quoted: letters ? inside / letters : 0 };
  }
  return out;
}
