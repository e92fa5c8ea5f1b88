// Segment stage: decoded text -> segments with exact offsets.
// 1. retext-english finds sentences (in chunks, see chunks.ts); a sentence end it found after an
//    abbreviation followed by a number ('No. 5') is joined back;
// 2. line breaks are always boundaries, and split-rules.json cuts where the kind changes;
// 3. any non-whitespace text the parser left outside a sentence becomes a segment of its own,
//    so every non-whitespace character lies in exactly one segment;
// 4. long pieces are cut at the seams between furniture and prose that flattened pages hide
//    (seams.ts, seams.json).
import { sentenceSpans } from './sentences.js';
import { ABBREVIATIONS, splitSpans, trim, wordBefore, type TextSpan } from './split.js';
import { seamSpans } from './seams.js';
import type { Span } from './chunks.js';

export type { Span } from './chunks.js';
export type { TextSpan } from './split.js';

export function segmentText(text: string, counts?: Map<string, number>): TextSpan[] {
  const sentences = joinAfterAbbreviations(text, fillGaps(text, sentenceSpans(text)));
  return seamSpans(text, splitSpans(text, sentences, counts), counts);
}

// The parser ends a sentence after 'No.' or 'Jan.' even when a number follows ('Train No. 115
// collided …', 'No. 16-ranked St. Thomas …'): join such a pair back, on one line only.
function joinAfterAbbreviations(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const last = out.at(-1);
    if (last && /^\p{N}/u.test(text[span.start] ?? '') && !/[\n\r]/u.test(text.slice(last.end, span.start))
      && text[last.end - 1] === '.' && ABBREVIATIONS.has(wordBefore(text.slice(last.start, last.end), last.end - last.start))) {
      last.end = span.end;
      continue;
    }
    out.push({ ...span });
  }
  return out;
}

// Spans sorted and non-overlapping, with every gap that holds non-whitespace made a span.
function fillGaps(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const span of spans) {
    const start = Math.max(span.start, at);
    if (start > at) {
      const gap = trim(text, at, start);
      if (gap) out.push(gap);
    }
    if (span.end > start) out.push({ start, end: span.end });
    at = Math.max(at, span.end);
  }
  const tail = trim(text, at, text.length);
  if (tail) out.push(tail);
  return out;
}
