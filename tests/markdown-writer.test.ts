// The direct Markdown writer (src/write/markdown-writer.ts) against mdast-util-to-markdown, the
// oracle: the same trees written both ways must be the same bytes. The library is run with the
// writer's options, both with its own text handler and with sieve's faster one (markdown-text.ts).
// Trees: the golden fixtures' pages and index, hand-written tricky ones, and seeded random
// combinations of Markdown-special text in every shape the writer knows.
import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toMarkdown, type Options, type State } from 'mdast-util-to-markdown';
import type { AlignType, List, ListItem, Paragraph, PhrasingContent, RootContent, TableRow } from 'mdast';
import { markdownOptions, writeMarkdown } from '../src/write/markdown-writer.js';
import { documentTree, indexTree } from '../src/write/markdown.js';
import { runIndex } from '../src/write/json.js';
import { runPipeline } from '../src/pipeline.js';
import type { InputProblem } from '../src/types.js';
import { projectRoot } from './helpers/shared.js';

const withLibraryText: Options = { ...markdownOptions, handlers: {} };

/** Asserts the writer's output is the library's (both text handlers); returns 1 for counting. */
function same(children: RootContent[]): number {
  const direct = writeMarkdown(children);
  const label = JSON.stringify(children).slice(0, 2000);
  expect(direct, label).toBe(toMarkdown({ type: 'root', children }, withLibraryText));
  expect(direct, label).toBe(toMarkdown({ type: 'root', children }, markdownOptions));
  return 1;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const link = (url: string, label = url): PhrasingContent => ({ type: 'link', url, children: [text(label)] });
const para = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const item = (...children: PhrasingContent[]): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] });
const list = (...items: ListItem[]): List => ({ type: 'list', ordered: false, spread: false, children: items });
const row = (cells: PhrasingContent[][]): TableRow => ({ type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) });
const table = (align: AlignType[], ...rows: PhrasingContent[][][]): RootContent => ({ type: 'table', align, children: rows.map(row) });

// Markdown-special characters and sequences, at line starts and inside text, and ordinary text.
const PIECES = ['#', '# ', '## x', '>', '> ', '-', '- ', '--', '---', '+', '+ ', '*', '* ', '**', '***', '1.', '1. ', '2)', '10) ', '=', '==',
  '~~~', '~', '```', '`', '``', '|', ' | ', '\\|', '\\', '\\\\', '_', '__', 'a_b', '[', ']', '[x](y)', '![', '](', '(', ')', '<', '<a',
  '<!', '</', '&', '&amp;', '&#1;', '&x', '!', ':', ':-', '-:', '.', ',', ' ', '  ', '\t', '\n', '\r\n', '\r', 'a', 'word', 'Title',
  '2024', 'é', 'Ω', '😀', '\u00a0', '—', '…', '„', 'https://example.com', 'x'.repeat(50)];

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** Seeded random trees of every shape the writer knows, with tricky text everywhere. */
function generated(seed: number, rounds: number): RootContent[][] {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const tricky = (): string => {
    const n = next() < 0.15 ? 30 + Math.floor(next() * 30) : Math.floor(next() * 7);
    let out = '';
    for (let i = 0; i < n; i++) out += pick(PIECES);
    return out;
  };
  const word = (): string => pick(['claim', 'statistic', 'Dr Smith', 'Jane Doe, PhD', 'Jr.', 'é', '2', 'x_y', tricky()]);
  const url = (): string => pick(['https://example.com/a', 'https://example.com/a b', 'https://example.com/(x)', 'https://ex.com/a_b*c',
    'example.com/page', 'mailto:a@b.c', 'https://x.y/<z>', 'http://a.b/c?d=e&f=g#h', '', 'ftp://x.y/\\z', tricky()]);
  const inline = (): PhrasingContent => {
    const r = next();
    if (r < 0.5) return text(tricky());
    if (r < 0.7) return code(pick([tricky(), 'doc:1', '`', 'a`b', ' `x` ', '``a``', ' ', '  a  ', 'a|b', '\\|']));
    if (r < 0.85) return strong(word());
    const u = url();
    return next() < 0.7 ? link(u) : link(u, tricky());
  };
  const phrasing = (): PhrasingContent[] => Array.from({ length: Math.floor(next() * 5) }, inline);
  const shapes: (() => RootContent)[] = [
    () => para(...phrasing()),
    () => para(strong(word()), text(` ${tricky()}`), ...(next() < 0.5 ? [text(` — ${tricky()}`)] : [])),
    () => para(code(tricky()), text(' · '), link(url())),
    () => ({ type: 'heading', depth: pick([1, 2, 3] as const), children: [text(tricky())] }),
    () => ({ type: 'blockquote', children: Array.from({ length: 1 + Math.floor(next() * 4) }, () => para(...(next() < 0.2 ? [] : [text(tricky())]))) }),
    () => list(...Array.from({ length: 1 + Math.floor(next() * 3) }, () => item(...phrasing()))),
    () => list(item(strong(word()), text(` ${tricky()}`)), item(code(tricky()), text(` ${tricky()}`), text(' → '), code(tricky()))),
    () => {
      const align = Array.from({ length: Math.floor(next() * 4) }, () => pick(['left', 'right', 'center', null] as AlignType[]));
      const cells = (): PhrasingContent[][] => Array.from({ length: Math.floor(next() * 4) }, () => (next() < 0.1 ? [] : [inline()]));
      return table(align, ...Array.from({ length: 1 + Math.floor(next() * 3) }, cells));
    },
    () => ({ type: 'html', value: pick(['<details>\n<summary>3 removed</summary>', '</details>', tricky()]) }),
    () => ({ type: 'thematicBreak' }),
  ];
  return Array.from({ length: rounds }, () => Array.from({ length: 1 + Math.floor(next() * 5) }, () => pick(shapes)()));
}

describe('direct Markdown writer', () => {
  it('writes the golden fixtures\' pages and run index as mdast-util-to-markdown does', async () => {
    const result = await runPipeline({ input: path.join(projectRoot, 'fixtures', 'input'), concurrency: 1 });
    let compared = 0;
    for (const doc of result.docs) compared += same(documentTree(doc));
    compared += same(indexTree(runIndex(result.docs, result.problems as InputProblem[], result.segmentCuts)));
    expect(compared).toBeGreaterThan(5);
  });

  it('writes tricky text in every shape as the library does', () => {
    const lines = ['# not a heading', '> not a quote', '- not a list', '+ plus', '* star', '1. one', '2) two', '= equals', '==', '~~~', '```js',
      '| a | b |', 'a | b', 'C:\\path\\', 'back\\', '*emphasis*', '_under_', 'snake_case_name', '[not](a link)', '<div>', 'a < b & c > d',
      '&amp; &#123;', '  leading', 'trailing  ', '\tTab', '', ' ', 'über 😀 Ω', 'x'.repeat(5000), 'wow!', 'see ![x]', 'a]b(c', '#', 'end #',
      '-:|:-', ':-', '---', '***', '___', 'a\nb', '- a\n- b'];
    let compared = 0;
    for (const line of lines) {
      compared += same([{ type: 'heading', depth: 2, children: [text(line)] }, para(text(line)), { type: 'blockquote', children: [para(text(line)), para(text(''))] },
        list(item(code('doc:1'), text(` ${line}`)), item(strong('claim'), text(` ${line}`), text(` — ${line}`))),
        table(['left', 'right'], [[text(line)], [text('1')]], [[code(line)], [text(line)]])]);
      compared += same([para(strong(line), text(line)), para(text(line), strong(line)), list(item(strong(line)))]);
      compared += same([para(code(line), text(' · '), link(line)), para(link(`https://example.com/${line}`))]);
    }
    // Inline code with backticks: the library takes a longer fence and pads with spaces.
    for (const value of ['`', '``', 'a`b', 'a``b', '`a`', ' `a` ', ' a ', ' ', '  ', '```x```', 'a|b', 'a\\|b', 'a\\\\|b']) {
      compared += same([para(code(value)), table(['left'], [[code(value)]])]);
    }
    // Links: autolinks, and URLs needing angle brackets or escapes.
    for (const url of ['https://example.com', 'https://example.com/a b', 'https://example.com/(a)', 'https://example.com/a)b', 'example.com', 'mailto:x@y.z', '/rel', '']) {
      compared += same([para(text('see '), link(url), text('.')), para(link(url, 'label')), para(text('wow!'), link(url, 'label'), text('!'), link(url))]);
    }
    // Lists next to lists change bullet, also into a block quote.
    compared += same([list(item(text('a'))), list(item(text('b'))), list(item(text('c'))), para(text('x')), list(item(text('d')))]);
    compared += same([list(item(text('a'))), { type: 'blockquote', children: [list(item(text('b')))] }]);
    expect(compared).toBe(lines.length * 3 + 13 + 8 + 2);
  });

  it('was checked against the escaping patterns the library has now', () => {
    // The writer's `plain` shortcut is reasoned from these patterns (mdast-util-to-markdown 2.2,
    // mdast-util-gfm-table 2.0). If an upgrade changes them, re-check `plain` before updating this.
    let state: State | undefined;
    toMarkdown({ type: 'root', children: [] }, { ...markdownOptions, handlers: { root: (_n, _p, s) => ((state = s), '') } });
    const patterns = state!.unsafe.map(({ _compiled, ...pattern }: { _compiled?: unknown }) => pattern);
    expect(patterns.length).toBe(86);
    expect(crypto.createHash('sha256').update(JSON.stringify(patterns)).digest('hex').slice(0, 16)).toBe('19b174754934fa86');
  });

  it('writes seeded random trees of Markdown-special text as the library does', () => {
    let compared = 0;
    for (const children of generated(7, 3000)) compared += same(children);
    expect(compared).toBe(3000);
  }, 120_000);
});
