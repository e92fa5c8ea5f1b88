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
// tests/markdown.test.ts compares both with the library's handler on tricky text.
import type { Handle, State, Unsafe } from 'mdast-util-to-markdown';
import type { Parents } from 'mdast';

const PEEK = 32;

type TextNode = { value: string };

function serialiseText(node: TextNode, parent: Parents | undefined, state: State, info: Parameters<Handle>[3]): string {
  // As the library's text handler does.
  const siblings = parent ? parent.children : [];
  const index = state.indexStack[state.indexStack.length - 1] ?? -1;
  const config = { ...info, afterNode: siblings[index + 1], beforeNode: siblings[index - 1] };
  // safe() matches the patterns against before + value + after.
  const scoped = Object.create(state) as State;
  scoped.unsafe = patternsIn(state.unsafe, [config.before || '', node.value || '', config.after || '']);
  return state.safe.call(scoped, node.value, config);
}

export const textHandler = Object.assign(
  (node: TextNode, parent: Parents | undefined, state: State, info: Parameters<Handle>[3]): string => serialiseText(node, parent, state, info),
  {
    peek: (node: TextNode, parent: Parents | undefined, state: State, info: Parameters<Handle>[3]): string =>
      serialiseText({ value: (node.value || '').slice(0, PEEK) }, parent, state, info),
  },
) as unknown as Handle;

interface PatternIndex {
  /** 1 for each ASCII character some pattern escapes */
  ascii: Uint8Array;
  /** the patterns (in their order) for each set of characters present, keyed by those characters */
  subsets: Map<string, Unsafe[]>;
}
const patternIndexes = new WeakMap<Unsafe[], PatternIndex | null>();

/** The patterns of `unsafe` whose character occurs in one of `texts`, in order. */
function patternsIn(unsafe: Unsafe[], texts: string[]): Unsafe[] {
  let index = patternIndexes.get(unsafe);
  if (index === undefined) {
    // One table lookup per character of the text when every pattern's character is one ASCII character.
    const simple = unsafe.every((p) => p.character.length === 1 && p.character.charCodeAt(0) < 128);
    const ascii = new Uint8Array(128);
    for (const p of unsafe) ascii[p.character.charCodeAt(0)] = 1;
    patternIndexes.set(unsafe, (index = simple ? { ascii, subsets: new Map() } : null));
  }
  if (!index) {
    const value = texts.join('');
    return unsafe.filter((p) => value.includes(p.character));
  }
  const present = new Uint8Array(128);
  for (const value of texts) {
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c < 128 && index.ascii[c]) present[c] = 1;
    }
  }
  let key = '';
  for (let c = 0; c < 128; c++) if (present[c]) key += String.fromCharCode(c);
  let subset = index.subsets.get(key);
  if (!subset) index.subsets.set(key, (subset = unsafe.filter((p) => present[p.character.charCodeAt(0)] === 1)));
  return subset;
}
