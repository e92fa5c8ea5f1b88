// The Markdown writer: the same content as the JSON, for a reader. Built as an mdast tree and
// serialised by a direct writer for these shapes (markdown-writer.ts: faster, with the output of
// mdast-util-to-markdown with GFM tables, which stays the oracle in the tests and the fallback).
import type { RootContent, PhrasingContent, TableRow, ListItem, Paragraph } from 'mdast';
import { isRemovalMessage } from '../doc.js';
import type { Doc, Segment } from '../types.js';
import type { SieveRunIndex } from './output-types.js';
import { documentStats } from './json.js';
import { cleanedText } from './cleaned.js';
import { docRepeatsSection, repeatsSection } from './markdown-repeats.js';
import { writeMarkdown } from './markdown-writer.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });
const para = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const html = (value: string): RootContent => ({ type: 'html', value });
const item = (...children: PhrasingContent[]): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] });
const list = (items: ListItem[]): RootContent => ({ type: 'list', ordered: false, spread: false, children: items });
const row = (cells: string[]): TableRow => ({ type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: [text(c)] })) });
const table = (header: string[], rows: string[][], align: ('left' | 'right')[]): RootContent =>
  ({ type: 'table', align, children: [row(header), ...rows.map(row)] });

export function documentMarkdown(doc: Doc): string {
  return writeMarkdown(documentTree(doc));
}

/** The document page as mdast (the root's children). */
export function documentTree(doc: Doc): RootContent[] {
  const stats = documentStats(doc);
  const { source } = doc;
  const out: RootContent[] = [heading(1, source.id)];
  const where: PhrasingContent[] = [code(source.path + (source.line !== undefined ? `:${source.line}` : ''))];
  if (source.url) where.push(text(' · '), { type: 'link', url: source.url, children: [text(source.url)] });
  out.push(para(...where));
  out.push(table(['', 'segments', 'characters'], [
    ['kept', String(stats.kept), String(charsOf(doc.segments.filter((s) => s.status === 'kept')))],
    ['removed as boilerplate', String(stats.removed.boilerplate), String(charsOf(byStage(doc, 'boilerplate')))],
    ['removed by quality', String(stats.removed.quality), String(charsOf(byStage(doc, 'quality')))],
    ['removed as duplicates', String(stats.removed.dedupe), String(charsOf(byStage(doc, 'dedupe')))],
    ['claims', String(stats.claims), ''],
  ], ['left', 'right', 'right']));

  out.push(...claimsSection(doc), ...sourcesSection(doc));
  out.push(...docRepeatsSection(doc));
  out.push(heading(2, 'Kept text'));
  const kept = cleanedText(doc);
  out.push(kept ? { type: 'blockquote', children: kept.split('\n').map((line) => para(text(line))) } : para(text('Nothing was kept.')));
  out.push(...removedSection(doc));
  // What the steps noted that is not a removal (model-fallback, unresolved-speaker): the JSON's messages.
  const notes = doc.file.messages.filter((m) => m.fatal !== true && !isRemovalMessage(m));
  if (notes.length) {
    out.push(heading(2, 'Notes'));
    out.push(list(notes.map((m) => item(code(`${m.source}/${m.ruleId}`), text(' ' + m.reason)))));
  }
  return out;
}

function claimsSection(doc: Doc): RootContent[] {
  const out: RootContent[] = [heading(2, 'Claims by topic')];
  if (!doc.claims.length) return [...out, para(text('No claims.'))];
  // Each claim under its best topic; its other topics are named after it.
  const byTopic = new Map<string, typeof doc.claims>();
  for (const c of doc.claims) {
    const topic = c.topics[0]?.id ?? 'untagged';
    const group = byTopic.get(topic) ?? [];
    byTopic.set(topic, group);
    group.push(c); // push, not a spread copy: a huge page has tens of thousands
  }
  const refs = new Map(doc.sources.map((s) => [s.ref, s]));
  const order = (t: string): string => (t === 'untagged' ? '\uffff' : t);
  for (const [topic, claims] of [...byTopic.entries()].sort(([a], [b]) => (order(a) < order(b) ? -1 : 1))) {
    out.push(heading(3, `${topic} (${claims.length})`));
    out.push(list(claims.map((c) => {
      const who = c.sources.flatMap((cs) => {
        const s = refs.get(cs.ref);
        if (!s) return [];
        const name = s.kind === 'vague' ? `${s.name} (unnamed)` : [s.name, ...(s.credentials ?? [])].join(', ');
        return [cs.how === 'inherited' ? `${name} (inherited)` : name];
      });
      const also = c.topics.slice(1).map((t) => t.id);
      return item(strong(c.type), text(` ${c.text}`), ...(who.length ? [text(` — ${who.join('; ')}`)] : []),
        ...(c.occurrences > 1 ? [text(` (×${c.occurrences})`)] : []), ...(also.length ? [text(` [also: ${also.join(', ')}]`)] : []));
    })));
  }
  return out;
}

function sourcesSection(doc: Doc): RootContent[] {
  const out: RootContent[] = [heading(2, 'Sources')];
  const backing = new Map<string, number>();
  for (const c of doc.claims) for (const s of c.sources) backing.set(s.ref, (backing.get(s.ref) ?? 0) + 1);
  const unsourced = doc.claims.filter((c) => c.sources.length === 0).length;
  // Who the claims are attributed to (named or vague), then the page's own references.
  const speakers = doc.sources.filter((s) => s.kind !== 'url' && s.kind !== 'citation');
  const references = doc.sources.filter((s) => s.kind === 'url' || s.kind === 'citation');
  if (speakers.length) {
    out.push(list(speakers.map((s) => item(strong([s.name, ...(s.credentials ?? [])].join(', ')),
      text(` (${s.kind})${s.description ? ` — ${s.description}` : ''}: ${backing.get(s.ref) ?? 0} claim${backing.get(s.ref) === 1 ? '' : 's'}`)))));
  } else out.push(para(text('No sources named.')));
  out.push(para(text(`Claims with no source: ${unsourced}.`)));
  if (references.length) {
    out.push(heading(3, `References on the page (${references.length})`));
    out.push(list(references.map((s) => item(text(`${s.kind}: ${s.name}`)))));
  }
  return out;
}

// Removed segments grouped by stage/kind/rule, in a collapsed block so the page stays readable.
function removedSection(doc: Doc): RootContent[] {
  const removed = doc.segments.filter((s) => s.status === 'removed');
  if (!removed.length) return [heading(2, 'Removed'), para(text('Nothing was removed.'))];
  const groups = new Map<string, Segment[]>();
  for (const s of removed) {
    const key = `${s.reason?.stage} / ${s.reason?.kind} / ${s.reason?.rule}`;
    const group = groups.get(key) ?? [];
    groups.set(key, group);
    group.push(s);
  }
  const out: RootContent[] = [heading(2, 'Removed'), html(`<details>\n<summary>${removed.length} segments removed, by reason</summary>`)];
  for (const [key, segs] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push(heading(3, `${key} (${segs.length})`));
    out.push(list(segs.map((s) => item(code(s.id), text(' ' + s.text), ...(s.duplicateOf ? [text(' → '), code(s.duplicateOf)] : [])))));
  }
  out.push(html('</details>'));
  return out;
}

const byStage = (doc: Doc, stage: string): Segment[] => doc.segments.filter((s) => s.reason?.stage === stage);
const charsOf = (segs: Segment[]): number => segs.reduce((n, s) => n + s.end - s.start, 0);

export function indexMarkdown(index: SieveRunIndex): string {
  return writeMarkdown(indexTree(index));
}

/** The run index as mdast (the root's children). */
export function indexTree(index: SieveRunIndex): RootContent[] {
  const t = index.totals;
  const out: RootContent[] = [heading(1, 'sieve run')];
  out.push(table(['documents', 'characters', 'segments', 'kept', 'boilerplate', 'quality', 'duplicates', 'claims', 'errors'],
    [[t.documents, t.chars, t.segments, t.kept, t.removed.boilerplate, t.removed.quality, t.removed.dedupe, t.claims, t.errors].map(String)],
    ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right']));
  out.push(heading(2, 'Documents'));
  out.push(table(['document', 'path', 'segments', 'kept', 'removed', 'claims'], index.documents.map((d) =>
    [d.name, d.path + (d.line !== undefined ? `:${d.line}` : ''), String(d.segments), String(d.kept), String(d.removed), String(d.claims)]),
  ['left', 'left', 'right', 'right', 'right', 'right']));
  if (index.problems.length) {
    out.push(heading(2, 'Problems'));
    out.push(list(index.problems.map((p) => item(strong(p.severity), text(` ${p.path}${p.where ? ` (${p.where})` : ''}: ${p.message}`)))));
  }
  out.push(...repeatsSection(index.repeated));
  out.push(heading(2, 'What each stage did'));
  const rows = Object.entries(index.stages).flatMap(([stage, rules]) => Object.entries(rules).map(([rule, n]) => [stage, rule, String(n)]));
  out.push(rows.length ? table(['stage', 'rule', 'count'], rows, ['left', 'left', 'right']) : para(text('Nothing.')));
  return out;
}
