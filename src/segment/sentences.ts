// Sentence spans from retext-english (unified's English parser), chunk by chunk.
// Trees are large (about 110 MB of heap per MB of text): each chunk's tree is walked at once
// and only the spans are kept.
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import { visit } from 'unist-util-visit';
import type { Root } from 'nlcst';
import { cutChunks, type Span } from './chunks.js';

const parser = unified().use(retextEnglish);

/** Sentence spans (offsets into `text`) in order; whitespace between them belongs to none. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const chunk of cutChunks(text)) {
    const tree = parser.parse(text.slice(chunk.start, chunk.end)) as Root;
    visit(tree, 'SentenceNode', (node) => {
      const s = node.position?.start.offset;
      const e = node.position?.end.offset;
      if (s !== undefined && e !== undefined) spans.push({ start: chunk.start + s, end: chunk.start + e });
      return 'skip';
    });
  }
  return spans;
}
