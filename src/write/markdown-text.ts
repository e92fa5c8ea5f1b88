// mdast-util-to-markdown's text handler, made faster with the same output. Escaping stays the
// library's (its `safe`); two things are cut:
// 1. safe() runs every escaping pattern's regex over the text (~80 of them). A pattern matches only
//    where its character is, so safe() is given only the patterns whose character occurs in the
//    text or the characters around it; the escapes are the same.
// 2. Before writing a node, the library serialises the next node of the paragraph whole, only to
//    read its first character (the text after a claim's type or a segment's id: most of the text
//    on a page), unless the handler has a `peek`. The first character of safe's output depends on
//    the first few characters only (every pattern looks at most one character ahead of the one it
//    escapes, and at line breaks before it), so `peek` serialises the first PEEK characters.
// tests/markdown.test.ts compares both with the library's handler on tricky text. Pages are written
// by markdown-writer.ts, which uses this handler in its library fallbacks and `patternsIn` when it
// hands a text to the library's safe.
import type { ConstructName, Handle, SafeConfig, State, Unsafe } from 'mdast-util-to-markdown';
import type { Parents } from 'mdast';

/** How much of a text `peek` serialises (see above). */
export const PEEK = 32;

type TextNode = { value: string };

function serialiseText(node: TextNode, parent: Parents | undefined, state: State, info: Parameters<Handle>[3]): string {
  // As the library's text handler does.
  const siblings = parent ? parent.children : [];
  const index = state.indexStack[state.indexStack.length - 1] ?? -1;
  const config = { ...info, afterNode: siblings[index + 1], beforeNode: siblings[index - 1] };
  return scopedSafe(state, node.value, config);
}

/**
 * The library's `safe`, given only the patterns whose character occurs in before + value + after
 * (what safe matches them against); `stack`, when given, replaces the state's construct stack.
 */
export function scopedSafe(state: State, value: string | null | undefined, config: SafeConfig, stack?: ConstructName[]): string {
  const scoped = Object.create(state) as State;
  if (stack) scoped.stack = stack;
  scoped.unsafe = patternsIn(state.unsafe, [config.before || '', value || '', config.after || '']);
  return state.safe.call(scoped, value, config);
}

export const textHandler = Object.assign(
  (node: TextNode, parent: Parents | undefined, state: State, info: Parameters<Handle>[3]): string => serialiseText(node, parent, state, info),
  {
    peek: (node: TextNode, parent: Parents | undefined, state: State, info: Parameters<Handle>[3]): string =>
      serialiseText({ value: (node.value || '').slice(0, PEEK) }, parent, state, info),
  },
) as unknown as Handle;

interface PatternIndex {
  /** Finds the pattern characters other than the space (which nearly every text has) */
  scan: RegExp;
  /** whether some pattern escapes a space */
  space: boolean;
  /** the patterns (in their order) for each set of characters present, keyed by those characters */
  subsets: Map<string, Unsafe[]>;
}
const patternIndexes = new WeakMap<Unsafe[], PatternIndex | null>();

const hex = (c: number): string => `\\x${c.toString(16).padStart(2, '0')}`;

/** The patterns of `unsafe` whose character occurs in one of `texts`, in order. */
export function patternsIn(unsafe: Unsafe[], texts: string[]): Unsafe[] {
  let index = patternIndexes.get(unsafe);
  if (index === undefined) {
    // A scan for the characters when every pattern's character is one ASCII character.
    const simple = unsafe.every((p) => p.character.length === 1 && p.character.charCodeAt(0) < 128);
    const codes = [...new Set(unsafe.map((p) => p.character.charCodeAt(0)))].filter((c) => c !== 32).sort((x, y) => x - y);
    index = simple ? { scan: new RegExp(`[${codes.map(hex).join('')}]`, 'g'), space: unsafe.some((p) => p.character === ' '), subsets: new Map() } : null;
    patternIndexes.set(unsafe, index);
  }
  if (!index) {
    const value = texts.join('');
    return unsafe.filter((p) => value.includes(p.character));
  }
  const present = new Set<number>();
  for (const value of texts) {
    if (index.space && value.includes(' ')) present.add(32);
    index.scan.lastIndex = 0;
    for (let m = index.scan.exec(value); m; m = index.scan.exec(value)) present.add(m[0].charCodeAt(0));
  }
  const key = String.fromCharCode(...[...present].sort((x, y) => x - y));
  let subset = index.subsets.get(key);
  if (!subset) index.subsets.set(key, (subset = unsafe.filter((p) => present.has(p.character.charCodeAt(0)))));
  return subset;
}
