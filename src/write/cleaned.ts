// output/cleaned.jsonl: one line per document, in input order, {id, text, url}: the kept
// segments joined by a space, or by a line break where the input had one between them, or by
// nothing where they touch in the input.
import type { Doc } from '../types.js';

export function cleanedText(doc: Doc): string {
  const { text } = doc.source;
  let out = '';
  let prevEnd = -1;
  for (const s of doc.segments) {
    if (s.status !== 'kept') continue;
    // Segments cut where the page has no space (a glued word, see segment/seams.ts, or 'they…Top')
    // touch: joined as the page had them, so no word is split in two.
    if (prevEnd >= 0 && prevEnd < s.start) out += text.slice(prevEnd, s.start).includes('\n') ? '\n' : ' ';
    out += s.text;
    prevEnd = s.end;
  }
  return out;
}

export function cleanedLine(doc: Doc): string {
  return JSON.stringify({ id: doc.source.rawId, text: cleanedText(doc), url: doc.source.url ?? null }) + '\n';
}
