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
    if (prevEnd >= 0) out += separator(text, prevEnd, s.start);
    out += s.text;
    prevEnd = s.end;
  }
  return out;
}

export function cleanedLine(doc: Doc): string {
  return JSON.stringify({ id: doc.source.rawId, text: cleanedText(doc), url: doc.source.url ?? null }) + '\n';
}

/**
 * What cleaned.jsonl puts between two kept segments, from what the page has between them: a line
 * break if it has one, nothing where they touch (a cut at a glued word, see segment/seams.ts, or
 * at 'they…Top': joined as written, so no word is split in two), else a space.
 */
export function separator(text: string, prevEnd: number, start: number): string {
  if (prevEnd >= start) return '';
  return text.slice(prevEnd, start).includes('\n') ? '\n' : ' ';
}
