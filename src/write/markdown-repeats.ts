// Markdown sections on repetition, from the dedupe stage's decisions: for the run index, the most
// repeated sentences of the corpus with their counts and where the copies are; for a document
// page, the sentences kept there that repeat. mdast nodes, for src/write/markdown.ts to place.
import type { PhrasingContent, RootContent, TableRow } from 'mdast';
import type { Doc, Segment } from '../types.js';
import type { SieveRunIndex } from './output-types.js';

/** How many sentences the run index lists, and how much of each it shows. */
const TOP = 20;
const SHOWN_CHARS = 160;

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const heading = (depth: 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });
const para = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });
const row = (cells: PhrasingContent[][]): TableRow => ({ type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) });

type RunRepeats = SieveRunIndex['repeated'];
type Repeated = RunRepeats['top'][number];

/**
 * The run's repeated sentences, gathered in input order from each document's kept segments with
 * copies: how many there are, how many copies, and the TOP with the most copies (ties in input
 * order), each with where its copies are. Only the top is held, so a run of any size fits.
 */
export class RepeatsTally {
  private sentences = 0;
  private copies = 0;
  private readonly top: Repeated[] = [];

  add(doc: Pick<Doc, 'segments'>): void {
    for (const s of doc.segments) {
      if (s.status !== 'kept' || !s.copies?.length) continue;
      this.sentences++;
      this.copies += s.copies.length;
      const entry: Repeated = { id: s.id, text: shorten(s.text), occurrences: s.copies.length + 1, copiesIn: copiesByDocument(s) };
      // After every entry with as many occurrences or more: a stable sort of the whole list, then the first TOP.
      let at = this.top.length;
      while (at > 0 && this.top[at - 1]!.occurrences < entry.occurrences) at--;
      if (at < TOP) this.top.splice(at, 0, entry);
      if (this.top.length > TOP) this.top.pop();
    }
  }

  /** The same gathered from documents one by one (in input order). */
  static of(docs: readonly Pick<Doc, 'segments'>[]): RunRepeats {
    const tally = new RepeatsTally();
    for (const doc of docs) tally.add(doc);
    return tally.result();
  }

  result(): RunRepeats {
    return { sentences: this.sentences, copies: this.copies, top: [...this.top] };
  }
}

/** The run index's section: the kept sentences with the most copies, and where the copies are. */
export function repeatsSection(repeated: RunRepeats): RootContent[] {
  const out: RootContent[] = [heading(2, 'Most repeated sentences')];
  if (!repeated.sentences) return [...out, para(text('No sentence was repeated.'))];
  const { sentences, copies: total, top } = repeated;
  const has = sentences === 1 ? '1 kept sentence has copies' : `${sentences} kept sentences have copies`;
  out.push(para(text(`${has}; ${total} ${total === 1 ? 'copy was' : 'copies were'} removed. `
    + (sentences > top.length ? `The ${top.length} most repeated:` : 'All of them:'))));
  out.push({
    type: 'table',
    align: ['right', 'left', 'left', 'left'],
    children: [
      row([[text('×')], [text('sentence')], [text('kept')], [text('copies in')]]),
      ...top.map((s) => row([[text(String(s.occurrences))], [text(s.text)], [code(s.id)], [text(s.copiesIn.map((c) => `${c.document} ×${c.copies}`).join(', '))]])),
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

/** Copies per document, documents in the order their first copy appears. */
function copiesByDocument(s: Segment): Repeated['copiesIn'] {
  const counts = new Map<string, number>();
  for (const id of s.copies ?? []) counts.set(documentOf(id), (counts.get(documentOf(id)) ?? 0) + 1);
  return [...counts].map(([document, copies]) => ({ document, copies }));
}

function shorten(value: string): string {
  const flat = value.replace(/\s+/gu, ' ').trim();
  return flat.length <= SHOWN_CHARS ? flat : `${flat.slice(0, SHOWN_CHARS - 1).trimEnd()}…`;
}
