import { describe, expect, it } from 'vitest';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { textHandler } from '../src/write/markdown-text.js';

// The writer's options, with the library's text handler and with sieve's faster one.
const library: Options = { extensions: [gfmTableToMarkdown()], bullet: '-', rule: '-' };
const fast: Options = { ...library, handlers: { text: textHandler } };

// Characters Markdown escapes somewhere, list and heading markers, and ordinary text.
const ALPHABET = ['*', '_', '#', '<', '>', '[', ']', '(', ')', '\\', '|', '`', '~', '!', '&', '=', '+', '-', '.', ':', '1', '2', '10',
  ' ', '  ', '\t', '\n', '\r\n', 'a', 'word', 'Title', 'é', '😀', '&amp;', '<b>', '1. ', '- ', '# ', '> ', '---', '***', '___', 'a_b', '[x](y)'];

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function tricky(next: () => number, pieces: number): string {
  let out = '';
  for (let i = 0; i < pieces; i++) out += ALPHABET[Math.floor(next() * ALPHABET.length)] ?? '';
  return out;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });

/** One small tree per shape the writer makes: text after inline code, strong, a link; lists, quotes, tables, headings. */
function trees(next: () => number, pieces: number): Root[] {
  const t = (): string => tricky(next, pieces);
  const phrasing = (): PhrasingContent[] => ([
    [text(t())],
    [{ type: 'inlineCode', value: t() }, text(t())],
    [{ type: 'strong', children: [text(t())] }, text(t())],
    [text(t()), { type: 'link', url: 'https://example.com/a', children: [text(t())] }, text(t())],
    [{ type: 'inlineCode', value: 'doc:1' }, text(t()), text(t()), { type: 'inlineCode', value: 'doc:2' }],
  ] as PhrasingContent[][])[Math.floor(next() * 5)] ?? [];
  const blocks: RootContent[] = [
    { type: 'paragraph', children: phrasing() },
    { type: 'heading', depth: 3, children: [text(t())] },
    { type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: phrasing() }] }] },
    { type: 'blockquote', children: [{ type: 'paragraph', children: phrasing() }, { type: 'paragraph', children: [text(t())] }] },
    { type: 'table', align: ['left', 'right'], children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [text(t())] }, { type: 'tableCell', children: phrasing() }] }] },
  ];
  return blocks.map((b) => ({ type: 'root', children: [b, { type: 'paragraph', children: phrasing() }] }));
}

describe('Markdown text handler', () => {
  it('escapes tricky text exactly as mdast-util-to-markdown does', () => {
    const next = random(42);
    let compared = 0;
    for (let round = 0; round < 600; round++) {
      // Short texts, and long ones whose special characters fall around the peeked prefix.
      for (const tree of trees(next, round % 3 === 0 ? 40 : 1 + Math.floor(next() * 8))) {
        expect(toMarkdown(tree, fast), JSON.stringify(tree)).toBe(toMarkdown(tree, library));
        compared++;
      }
    }
    expect(compared).toBe(3000);
  }, 60_000); // thousands of generated cases: over 5 s on a busy machine

  it('escapes the end of a text by what the next one starts with, as the library does', () => {
    // The library reads the first character of the next node's output (sieve's handler: its `peek`).
    const ends = ['a', '<', '!', '&', ' ', '\\', '-', '*', '_', '[', ']', ')', '#', '1', '|'];
    const starts = ['a', '![x]', '<a', '<!', '&#', '&a', '\n', ' \n', '\t', '\\\n', '- ', '* ', '1. ', '_', '*', '#', '[', '(', '`x`', '|', 'é'];
    for (const end of ends) for (const start of starts) for (const rest of ['', ' and on', ` ${'x'.repeat(40)} <a ![y]`]) {
      const pair = [text(`before ${end}`), text(`${start}${rest}`)];
      for (const children of [pair, [{ type: 'inlineCode', value: 'id' } as PhrasingContent, ...pair]]) {
        const tree: Root = { type: 'root', children: [{ type: 'paragraph', children }, { type: 'list', ordered: false, spread: false,
          children: [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] }] }] };
        expect(toMarkdown(tree, fast), JSON.stringify(children)).toBe(toMarkdown(tree, library));
      }
    }
  });

  it('writes sentences with list, heading and emphasis markers as the library does', () => {
    for (const value of ['1. Not a list', '# not a heading', '*not emphasis*', 'snake_case_name', 'a | b', '<div>', '[not](a link)', 'C:\\path\\', '+ plus', '= equals', '> quote']) {
      const tree: Root = { type: 'root', children: [{ type: 'list', ordered: false, spread: false, children: [
        { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'inlineCode', value: 'd:1' }, text(` ${value}`)] }] }] },
      { type: 'paragraph', children: [text(value)] }] };
      expect(toMarkdown(tree, fast), value).toBe(toMarkdown(tree, library));
    }
  });
});
