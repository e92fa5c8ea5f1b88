// HTML -> the visible text, innerText-like: rehype-parse builds the hast tree, hast-util-to-text renders it.
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { toText } from 'hast-util-to-text';
import type { Element, RootContent } from 'hast';

// hast-util-to-text already skips head, title, script, style, noscript, template (its content lives in
// `content`, not `children`), datalist, noembed, noframes, rp, [hidden] and closed <dialog>. We prune those
// ourselves too, so the guarantee does not hang on the library's internals, and add elements whose
// content a reader does not see as page text in a modern browser: fallback content (iframe, object,
// video, audio, canvas), embedded SVG (icon labels and chart ticks), and <select> (its options would all
// be run together, "AfghanistanAlbania...").
const NOT_VISIBLE = new Set([
  'head', 'title', 'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'datalist', 'rp',
  'iframe', 'object', 'embed', 'video', 'audio', 'canvas', 'svg', 'select',
]);

// Inline `style="display:none"` / `visibility:hidden` is common in scraped pages (hidden menus, tracking text).
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

function visible(node: RootContent): boolean {
  if (node.type !== 'element') return true;
  if (NOT_VISIBLE.has(node.tagName)) return false;
  const props = node.properties;
  if (props.hidden !== undefined && props.hidden !== false && props.hidden !== null) return false;
  return !(typeof props.style === 'string' && HIDDEN_STYLE.test(props.style));
}

// hast-util-to-text gives <table> no line break of its own, so "Intro text<table>..." would run the intro
// into the first cell. Wrapping each table in a <div> (a block) puts it on its own lines.
function asBlock(table: Element): Element {
  return { type: 'element', tagName: 'div', properties: {}, children: [table] };
}

/** Drop the invisible nodes among `children`, recursively, and wrap tables (see asBlock). */
function cleanChildren<T extends RootContent>(children: T[]): (T | Element)[] {
  return children.filter(visible).map((child) => {
    if (child.type !== 'element') return child;
    child.children = cleanChildren(child.children);
    return child.tagName === 'table' ? asBlock(child) : child;
  });
}

/**
 * Tidy what toText returns: it can leave lines holding only a space (e.g. from `<p> </p>`) and more than
 * one blank line in a row. We drop trailing blanks on each line and keep at most one empty line between
 * blocks. Leading spaces stay (they matter in <pre>).
 */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

// Document mode (not fragment): a full page gets its <head> split off, a bare snippet still works.
const parser = unified().use(rehypeParse);

/** The text a reader would see: `<p>` ends in a blank line, other blocks (div, h1, li...) and <br> in a line break. */
export function htmlToText(html: string): string {
  const tree = parser.parse(html);
  tree.children = cleanChildren(tree.children);
  return tidy(toText(tree));
}
