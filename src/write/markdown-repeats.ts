// Markdown sections on repetition, from the dedupe stage's decisions: for the run index, the most
// repeated sentences of the corpus with their counts and where the copies are; for a document
// page, the sentences kept there that repeat. mdast nodes, for src/write/markdown.ts to place; the
// run's rows as data (RepeatRow, TopRepeats) for the HTML run page too.
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

/** One kept sentence with copies, as the run's repeats need it (small: a streaming run keeps the top rows only). */
export interface RepeatRow {
  /** The kept segment's id. */
  id: string;
  /** Its text, shortened to SHOWN_CHARS. */
  text: string;
  occurrences: number;
  /** [document name, copies there], documents in the order their first copy appears. */
  copiesIn: [string, number][];
}

/** A document's kept segments that have copies, in input order. */
export function repeatRows(doc: Doc): RepeatRow[] {
  return doc.segments.filter((s) => s.status === 'kept' && s.copies?.length)
    .map((s) => ({ id: s.id, text: shorten(s.text), occurrences: occurrences(s), copiesIn: copiesByDocument(s) }));
}

/** The most repeated sentences of a run, fed document by document in input order (ties stay in input order). */
export class TopRepeats {
  /** Kept sentences with copies, and copies removed, over the whole run. */
  sentences = 0;
  copies = 0;
  readonly top: RepeatRow[] = [];
  constructor(readonly size = TOP) {}

  add(rows: readonly RepeatRow[]): void {
    for (const row of rows) {
      this.sentences++;
      this.copies += row.occurrences - 1;
      // After every row with as many occurrences: what a stable sort of all rows would give.
      let at = this.top.length;
      while (at > 0 && this.top[at - 1]!.occurrences < row.occurrences) at--;
      if (at >= this.size) continue;
      this.top.splice(at, 0, row);
      if (this.top.length > this.size) this.top.pop();
    }
  }
}

/** The run index: the kept segments with the most copies (ties in input order). */
export function repeatsSection(docs: Doc[]): RootContent[] {
  const out: RootContent[] = [heading(2, 'Most repeated sentences')];
  const repeats = new TopRepeats();
  for (const doc of docs) repeats.add(repeatRows(doc));
  if (!repeats.sentences) return [...out, para(text('No sentence was repeated.'))];
  const { top, sentences, copies: total } = repeats;
  const has = sentences === 1 ? '1 kept sentence has copies' : `${sentences} kept sentences have copies`;
  out.push(para(text(`${has}; ${total} ${total === 1 ? 'copy was' : 'copies were'} removed. `
    + (sentences > TOP ? `The ${TOP} most repeated:` : 'All of them:'))));
  out.push({
    type: 'table',
    align: ['right', 'left', 'left', 'left'],
    children: [
      row([[text('×')], [text('sentence')], [text('kept')], [text('copies in')]]),
      ...top.map((s) => row([[text(String(s.occurrences))], [text(s.text)], [code(s.id)], [text(s.copiesIn.map(([name, n]) => `${name} ×${n}`).join(', '))]])),
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
export function documentOf(id: string): string {
  const at = id.lastIndexOf(':');
  return at < 0 ? id : id.slice(0, at);
}

/** [["seed", 3], ["notes", 1]], documents in the order their first copy appears. */
function copiesByDocument(s: Segment): [string, number][] {
  const counts = new Map<string, number>();
  for (const id of s.copies ?? []) counts.set(documentOf(id), (counts.get(documentOf(id)) ?? 0) + 1);
  return [...counts];
}

function shorten(value: string): string {
  const flat = value.replace(/\s+/gu, ' ').trim();
  return flat.length <= SHOWN_CHARS ? flat : `${flat.slice(0, SHOWN_CHARS - 1).trimEnd()}…`;
}
