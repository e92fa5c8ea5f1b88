// Segment stage: decoded text -> segments with exact offsets.
// 1. retext-english finds sentences (in chunks, see chunks.ts);
// 2. line breaks are always boundaries, and split-rules.json cuts where the kind changes;
// 3. any non-whitespace text the parser left outside a sentence becomes a segment of its own,
//    so every non-whitespace character lies in exactly one segment.
import { sentenceSpans } from './sentences.js';
import { splitSpans, trim } from './split.js';
import type { Span } from './chunks.js';

export type { Span } from './chunks.js';

export function segmentText(text: string, counts?: Map<string, number>): Span[] {
  const sentences = fillGaps(text, sentenceSpans(text));
  return splitSpans(text, sentences, counts);
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
