// Markdown sections on repetition, from the dedupe stage's decisions: for the run index, the most
// repeated sentences of the corpus with their counts and where the copies are; for a document
// page, the sentences kept there that repeat. mdast nodes, for src/write/markdown.ts to place.
import type { PhrasingContent, RootContent, TableRow } from 'mdast';
import type { Doc, Segment } from '../types.js';

/** How many sentences the run index lists, and how much of each it shows. */
const TOP = 20;
const SHOWN_CHARS = 160;

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const heading = (depth: 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });
const para = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });
const row = (cells: PhrasingContent[][]): TableRow => ({ type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) });

/** The run index: the kept segments with the most copies (ties in input order). */
export function repeatsSection(docs: Doc[]): RootContent[] {
  const out: RootContent[] = [heading(2, 'Most repeated sentences')];
  const repeated: Segment[] = [];
  for (const doc of docs) for (const s of doc.segments) if (s.status === 'kept' && s.copies?.length) repeated.push(s);
  if (!repeated.length) return [...out, para(text('No sentence was repeated.'))];
  // A stable sort keeps input order among equal counts.
  const top = repeated.sort((a, b) => occurrences(b) - occurrences(a)).slice(0, TOP);
  const total = repeated.reduce((n, s) => n + (s.copies?.length ?? 0), 0);
  const has = repeated.length === 1 ? '1 kept sentence has copies' : `${repeated.length} kept sentences have copies`;
  out.push(para(text(`${has}; ${total} ${total === 1 ? 'copy was' : 'copies were'} removed. `
    + (repeated.length > TOP ? `The ${TOP} most repeated:` : 'All of them:'))));
  out.push({
    type: 'table',
    align: ['right', 'left', 'left', 'left'],
    children: [
      row([[text('×')], [text('sentence')], [text('kept')], [text('copies in')]]),
      ...top.map((s) => row([[text(String(occurrences(s)))], [text(shorten(s.text))], [code(s.id)], [text(copiesByDocument(s))]])),
    ],
  });
  return out;
}

/** A document page: the sentences kept here that have copies (here or in other documents). */
export function docRepeatsSection(doc: Doc): RootContent[] {
  const out: RootContent[] = [heading(2, 'Repeated sentences')];
  const repeated = doc.segments.filter((s) => s.status === 'kept' && s.copies?.length);
  const elsewhere = doc.segments.filter((s) => s.reason?.stage === 'dedupe' && s.duplicateOf !== undefined && documentOf(s.duplicateOf) !== doc.name).length;
  if (!repeated.length) out.push(para(text('No sentence kept here is repeated.')));
  else {
    out.push({
      type: 'list',
      ordered: false,
      spread: false,
      children: repeated.map((s) => ({
        type: 'listItem',
        spread: false,
        children: [{
          type: 'paragraph',
          children: [code(s.id), text(` ${shorten(s.text)} (×${occurrences(s)}; copies: `),
            ...(s.copies ?? []).flatMap((id, i) => (i ? [text(', '), code(id)] : [code(id)])), text(')')],
        }],
      })),
    });
  }
  if (elsewhere) {
    out.push(para(text(elsewhere === 1 ? '1 segment here is a copy of a sentence kept in another document (see Removed).'
      : `${elsewhere} segments here are copies of sentences kept in other documents (see Removed).`)));
  }
  return out;
}

const occurrences = (s: Segment): number => (s.copies?.length ?? 0) + 1;

/** Segment ids are `${document name}:${index}`. */
function documentOf(id: string): string {
  const at = id.lastIndexOf(':');
  return at < 0 ? id : id.slice(0, at);
}

/** "seed ×3, notes ×1", documents in the order their first copy appears. */
function copiesByDocument(s: Segment): string {
  const counts = new Map<string, number>();
  for (const id of s.copies ?? []) counts.set(documentOf(id), (counts.get(documentOf(id)) ?? 0) + 1);
  return [...counts].map(([name, n]) => `${name} ×${n}`).join(', ');
}

function shorten(value: string): string {
  const flat = value.replace(/\s+/gu, ' ').trim();
  return flat.length <= SHOWN_CHARS ? flat : `${flat.slice(0, SHOWN_CHARS - 1).trimEnd()}…`;
}
