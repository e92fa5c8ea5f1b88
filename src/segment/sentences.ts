// Sentence spans from retext-english (unified's English parser), chunk by chunk.
// Trees are large (about 110 MB of heap per MB of text): each chunk's tree is walked at once
// and only the spans are kept.
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Nodes as Node, Root } from 'nlcst';
import { cutChunks, type Span } from './chunks.js';

const parser = unified().use(retextEnglish);

/** Sentence spans (offsets into `text`) in order; whitespace between them belongs to none. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const chunk of cutChunks(text)) {
    collect(parser.parse(text.slice(chunk.start, chunk.end)) as Root, chunk.start, spans);
  }
  return spans;
}

// The sentence nodes in document order, not looking inside them: what unist-util-visit does with
// a 'skip' on each sentence, without its stack of parents and its closures per node.
function collect(node: Node, offset: number, spans: Span[]): void {
  if (node.type === 'SentenceNode') {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s !== undefined && e !== undefined) spans.push({ start: offset + s, end: offset + e });
    return;
  }
  if ('children' in node) for (const child of node.children) collect(child, offset, spans);
}
