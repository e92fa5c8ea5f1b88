// Small helpers shared by the format readers.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { InputFormat, SourceDoc } from '../types.js';

/** Hex sha256 of the text as UTF-8. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Build a SourceDoc, filling in sha256 from the text. */
export function makeDoc(fields: Omit<SourceDoc, 'sha256'>): SourceDoc {
  return { ...fields, sha256: sha256(fields.text) };
}

/** Extension (lower case, with the dot) -> format. Anything else is skipped with a note. */
export const FORMATS: Readonly<Record<string, InputFormat>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.jsonl': 'jsonl',
};

/** "input/a/seed.TXT" -> { ext: ".txt", stem: "seed" } (stem keeps its case; only the last extension goes). */
export function splitName(rel: string): { ext: string; stem: string } {
  const base = path.posix.basename(rel);
  const ext = path.posix.extname(base);
  return { ext: ext.toLowerCase(), stem: base.slice(0, base.length - ext.length) };
}
