// A direct Markdown writer for the few mdast shapes sieve makes (markdown.ts and
// markdown-repeats.ts): headings of one text, paragraphs of text / strong / inline code / links,
// block quotes of paragraphs, tight bullet lists of one-paragraph items, GFM tables, html and
// thematic breaks. It exists for speed: mdast-util-to-markdown's general machinery (containers,
// attention, indentation, escaping every text) took ~25% of a bench run. Measured: the bench's
// 2,019 pages at concurrency 1, "render" 26.5 s -> 7.9 s (JSON rendering included), wall
// 133 s -> 99 s; documentMarkdown alone over 391 of them, 3.3 s -> 0.35 s.
//
// The output must be the library's byte for byte, and the library stays the oracle:
// tests/markdown-writer.test.ts renders hand-written and generated trees both ways and compares.
// How it stays identical:
// - Text that no escaping pattern could touch (checked conservatively by `plain`) is written as
//   is; any other text goes through the library's own `safe` (as markdown-text.ts's handler does).
// - Structure (joins, bullets, indentation, table layout, inline code fences, autolinks) follows
//   the library's handlers for these shapes, which are simple.
// - Fallbacks to the library itself, for what is rare or intricate here: a paragraph (or heading,
//   table cell) whose strong text would need the library's attention rules (anything but one
//   `**word…word**`), a link that is not an autolink, inline code with line breaks, a heading
//   with a line break (setext), and any tree of another shape (the whole tree, by toMarkdown).
import { toMarkdown, type ConstructName, type Handle, type Options, type State, type Info } from 'mdast-util-to-markdown';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import type { Root, RootContent, PhrasingContent, Parents, Nodes, Table, Heading, Paragraph, List } from 'mdast';
import { PEEK, scopedSafe, textHandler } from './markdown-text.js';
import { layoutTable } from './markdown-table.js';

/** The options sieve serialises with; the library's fallbacks use them too. */
export const markdownOptions: Options = { extensions: [gfmTableToMarkdown()], bullet: '-', rule: '-', handlers: { text: textHandler } };

type Stack = ConstructName[];

const BULLET = '-';
const BULLET_OTHER = '*';
const STRONG = '**';

/** Thrown for a tree shape this writer does not know: the whole tree goes to the library. */
class Unsupported extends Error {}

export function writeMarkdown(children: RootContent[]): string {
  const tree: Root = { type: 'root', children };
  let result: string;
  try {
    result = flow(tree, []);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    return toMarkdown(tree, markdownOptions);
  }
  const last = result.charCodeAt(result.length - 1);
  return last === 10 || last === 13 ? result : result + '\n';
}

// --- blocks ----------------------------------------------------------------------------------------

/** Children of the root or a block quote: a blank line between (no join rule applies there). */
function flow(parent: Root | { type: 'blockquote'; children: RootContent[] }, stack: Stack, bulletBefore?: string): string {
  let out = '';
  // The library's bulletLastUsed: a list right after a list changes bullet (also the first list
  // in a block quote right after a list: the library resets it only after the quote).
  let lastBullet = bulletBefore;
  parent.children.forEach((child, index) => {
    if (index) out += '\n\n';
    if (child.type === 'list') {
      const bullet = lastBullet === BULLET ? BULLET_OTHER : BULLET;
      out += list(child, bullet, stack);
      lastBullet = bullet;
      return;
    }
    out += block(child, parent as Parents, stack, lastBullet);
    lastBullet = undefined;
  });
  return out;
}

function block(node: RootContent, parent: Parents, stack: Stack, lastBullet: string | undefined): string {
  switch (node.type) {
    case 'paragraph': return paragraph(node, parent, stack);
    case 'heading': return heading(node, parent, stack);
    case 'blockquote': return indentLines(flow(node, [...stack, 'blockquote'], lastBullet), (line, _, blank) => '>' + (blank ? '' : ' ') + line);
    case 'table': return table(node, stack);
    case 'html': return node.value || '';
    case 'thematicBreak': return '---';
    default: throw new Unsupported(node.type);
  }
}

function paragraph(node: Paragraph, parent: Parents, stack: Stack): string {
  const inside: Stack = [...stack, 'paragraph', 'phrasing'];
  return phrasing(node.children, '\n', '\n', inside, node) ?? viaLibrary(node, parent, '\n', '\n', stack);
}

function heading(node: Heading, parent: Parents, stack: Stack): string {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  // A line break makes the library write a setext heading (depth 1 and 2).
  if (only?.type !== 'text' || /[\r\n]/.test(only.value)) return viaLibrary(node, parent, '\n', '\n', stack);
  const rank = Math.max(Math.min(6, node.depth || 1), 1);
  let value = phrasing(node.children, '# ', '\n', [...stack, 'headingAtx', 'phrasing'], node);
  if (value === undefined) return viaLibrary(node, parent, '\n', '\n', stack);
  const head = value.charCodeAt(0);
  if (head === 9 || head === 32) value = characterReference(head) + value.slice(1);
  return '#'.repeat(rank) + (value ? ' ' + value : '');
}

/** A tight bullet list of one-paragraph items: "- " before the first line of each, two spaces before the rest. */
function list(node: List, bullet: string, stack: Stack): string {
  if (node.ordered || node.spread) throw new Unsupported('list');
  const inside: Stack = [...stack, 'list', 'listItem'];
  return node.children.map((item) => {
    const only = item.children.length === 1 ? item.children[0] : undefined;
    if (item.spread || only?.type !== 'paragraph') throw new Unsupported('listItem');
    return indentLines(paragraph(only, item, inside), (line, index, blank) =>
      (index ? (blank ? '' : '  ') : blank ? bullet : bullet + ' ') + line);
  }).join('\n');
}

function table(node: Table, stack: Stack): string {
  const inRow: Stack = [...stack, 'table', 'tableRow'];
  const cellStack: Stack = [...inRow, 'tableCell', 'phrasing'];
  const matrix = node.children.map((row) => row.children.map((cell) =>
    phrasing(cell.children, '|', '|', cellStack, cell) ?? viaLibrary(cell, row, '|', '|', inRow)));
  return layoutTable(matrix, node.align);
}

/** The library's indentLines. */
function indentLines(value: string, map: (line: string, index: number, blank: boolean) => string): string {
  const eol = /\r?\n|\r/g;
  let result = '';
  let start = 0;
  let line = 0;
  for (let match = eol.exec(value); match; match = eol.exec(value)) {
    const piece = value.slice(start, match.index);
    result += map(piece, line, !piece) + match[0];
    start = match.index + match[0].length;
    line++;
  }
  const piece = value.slice(start);
  return result + map(piece, line, !piece);
}

// --- phrasing --------------------------------------------------------------------------------------

/**
 * The library's containerPhrasing for text, inline code, autolinks and at most one strong of
 * plain words; undefined when the library must write this container.
 */
function phrasing(children: PhrasingContent[], before: string, after: string, stack: Stack, parent?: Parents): string | undefined {
  const items: string[] = [];
  let strong = -1; // the index in items of the one strong written
  let previous = before;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const next = children[index + 1];
    const following = next ? peek(next, stack) : after;
    if (following === undefined) return undefined;
    let value: string;
    if (child.type === 'text') value = escape(child.value, previous, following, stack);
    else if (child.type === 'inlineCode') {
      const code = inlineCode(child.value, stack);
      if (code === undefined) return undefined;
      value = code;
    } else if (child.type === 'link') {
      value = autolink(child) ? `<${child.url}>` : viaLibrary(child, parent ?? { type: 'paragraph', children }, previous, following, stack);
    } else if (child.type === 'strong') {
      // The library's attention rules write `**inner**` unchanged when the inner text starts and
      // ends with a letter or digit (never flanking trouble, nothing to encode), it is the only
      // strong, and no `*` touches it from outside (the library would try `__`).
      const only = child.children.length === 1 ? child.children[0] : undefined;
      if (only?.type !== 'text' || strong !== -1) return undefined;
      const inner = escape(only.value, STRONG, STRONG, [...stack, 'strong']);
      if (!inner) continue; // empty emphasis is not written
      if (!WORD.test(inner.charAt(0)) || !WORD.test(inner.charAt(inner.length - 1))) return undefined;
      strong = items.length;
      items.push(STRONG + inner + STRONG);
      previous = '*';
      continue;
    } else return undefined;
    if (!value) continue;
    items.push(value);
    previous = lastCharacter(value);
  }
  if (strong !== -1 && ((strong === 0 && before.charAt(0) === '*') || (strong === items.length - 1 && after.charAt(0) === '*'))) return undefined;
  return items.join('');
}

const WORD = /^[\p{L}\p{N}]$/u;

/** The first character the library's handler for `node` writes (what it reads as the text before's `after`). */
function peek(node: PhrasingContent, stack: Stack): string | undefined {
  switch (node.type) {
    case 'text': return firstCharacter(escape(node.value.slice(0, PEEK), '', '', stack));
    case 'inlineCode': return '`';
    case 'strong': return '*';
    case 'link': return autolink(node) ? '<' : '[';
    default: return undefined;
  }
}

// Characters every escaping pattern needs somewhere in the text (or right around it) before it can
// apply. Text with none of them, and none of the edge cases below, is written unchanged.
const RISKY = /[\t\n\r\\*_`[\]|]|&[#A-Za-z]|<[!/?A-Za-z]/;
const RISKY_START = /^[\t #*+\-.:<=>[_`|~)(0-9]/;

/** Is `value` certain to come out of the library's `safe` unchanged, between `before` and `after`? */
function plain(value: string, before: string, after: string): boolean {
  if (RISKY.test(value)) return false;
  const last = value.charAt(value.length - 1);
  if (last === '&' || last === '<' || last === '#') return false;
  if (last === '!' && after.charAt(0) === '[') return false;
  if (last === ' ' && /^[\r\n]/.test(after)) return false;
  if (after.includes('\\')) return false;
  const end = before.charAt(before.length - 1);
  // At a line start (block markers) or after `]` (a link's destination).
  if ((end === '\n' || end === '\r' || end === ']') && RISKY_START.test(value)) return false;
  return true;
}

function escape(value: string, before: string, after: string, stack: Stack): string {
  if (!value) return '';
  if (plain(value, before, after)) return value;
  return scopedSafe(libraryState(), value, { before, after }, stack);
}

/** The library's inlineCode handler (with mdast-util-gfm-table's `|` escape in cells); undefined for code with line breaks. */
function inlineCode(raw: string, stack: Stack): string | undefined {
  // A line break followed by a block marker is replaced by the library; rare, so left to it.
  if (/[\r\n]/.test(raw)) return undefined;
  let value = raw;
  let sequence = '`';
  if (value.includes('`')) {
    while (new RegExp('(^|[^`])' + sequence + '([^`]|$)').test(value)) sequence += '`';
    if (/[^\n\r ]/.test(value) && ((/^[\n\r ]/.test(value) && /[\n\r ]$/.test(value)) || /^`|`$/.test(value))) value = ' ' + value + ' ';
  } else if (value.charCodeAt(0) === 32 && value.charCodeAt(value.length - 1) === 32 && /[^\n\r ]/.test(value)) value = ' ' + value + ' ';
  const code = sequence + value + sequence;
  if (!stack.includes('tableCell') || !code.includes('|')) return code;
  // mdast-util-gfm-table: a `|` not already escaped by an odd number of backslashes gets one.
  let out = '';
  let start = 0;
  for (let index = code.indexOf('|'); index !== -1; index = code.indexOf('|', index + 1)) {
    let before = index;
    while (before > start && code.charCodeAt(before - 1) === 92) before--;
    out += code.slice(start, index);
    if ((index - before) % 2 === 0) out += '\\';
    start = index;
  }
  return out + code.slice(start);
}

/** The library's formatLinkAsAutolink for a link whose one child is text. */
function autolink(node: PhrasingContent & { type: 'link' }): boolean {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  return Boolean(node.url && !node.title && only?.type === 'text'
    && (only.value === node.url || 'mailto:' + only.value === node.url)
    && /^[a-z][+\-.a-z]+:/i.test(node.url) && !/[\0- <>\u007F]/.test(node.url));
}

const characterReference = (code: number): string => '&#x' + code.toString(16).toUpperCase() + ';';

/** The library's firstCharacter and lastCharacter (whole code points). */
function firstCharacter(value: string): string {
  const code = value.codePointAt(0);
  return code === undefined ? '' : String.fromCodePoint(code);
}
function lastCharacter(value: string): string {
  const code = value.codePointAt(value.length - 2);
  return code !== undefined && code > 0xffff ? value.slice(-2) : value.slice(-1);
}

// --- the library, for the fallbacks -----------------------------------------------------------------

let library: State | undefined;

/** A configured state of the library (its handlers, patterns and `safe`), captured once. */
function libraryState(): State {
  if (!library) {
    const capture: Handle = (_node, _parent, state) => {
      library = state;
      return '';
    };
    toMarkdown({ type: 'root', children: [] }, { ...markdownOptions, handlers: { ...markdownOptions.handlers, root: capture } });
  }
  return library!;
}

/** `node` written by the library's own handler, as its container would call it. */
function viaLibrary(node: Nodes, parent: Parents, before: string, after: string, stack: Stack): string {
  const state = libraryState();
  state.stack = [...stack];
  state.indexStack = [];
  const info: Info = { before, after, now: { line: 1, column: 1 }, lineShift: 0 };
  return state.handle(node, parent, state, info);
}
