// Cut a text into chunks for retext-english, which is quadratic on one large string
// (20 MB as one string: 385 s; in 64 KB chunks: 6 s). Chunks end at a line break where one is
// near, else at a sentence end, else at whitespace, so no sentence is cut by a chunk boundary
// unless the text has no boundary at all for 64 KB.

export interface Span {
  start: number;
  end: number;
}

export const MAX_CHUNK = 64 * 1024;

/** Chunks covering `text` exactly, each at most `max` code units (except never splitting a surrogate pair). */
export function cutChunks(text: string, max = MAX_CHUNK): Span[] {
  const chunks: Span[] = [];
  let start = 0;
  while (start < text.length) {
    if (text.length - start <= max) {
      chunks.push({ start, end: text.length });
      break;
    }
    const end = findCut(text, start, start + max);
    chunks.push({ start, end });
    start = end;
  }
  return chunks;
}

// The best cut in (from, limit]: the last line break, else the last sentence end, else the last
// whitespace, each searched in the second half of the window so chunks stay large.
function findCut(text: string, from: number, limit: number): number {
  const floor = from + Math.floor((limit - from) / 2);
  const nl = text.lastIndexOf('\n', limit - 1);
  if (nl >= floor) return nl + 1;
  for (let i = limit - 1; i > floor; i--) {
    const c = text.charCodeAt(i);
    // ". " "! " "? " followed by whitespace
    if ((c === 46 || c === 33 || c === 63) && isSpace(text.charCodeAt(i + 1))) return i + 1;
  }
  for (let i = limit - 1; i > floor; i--) if (isSpace(text.charCodeAt(i))) return i + 1;
  // No boundary at all: cut anywhere, but not inside a surrogate pair.
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/** Exactly JavaScript's `\s`: what "whitespace" means in the coverage invariant. */
export function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x2028 || code === 0x2029 ||
    code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000 ||
    code === 0x1680;
}
