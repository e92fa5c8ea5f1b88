// The text two segments must share to be exact duplicates: what a reader would not notice as a
// change. Digits are kept ("15 to 20 minutes" is not "10 to 15 minutes").
import { createHash } from 'node:crypto';

// Quotes and apostrophes in their typographic forms fold to the ASCII ones before punctuation
// is dropped, so that "it's" and "it’s" stay one word.
const QUOTES = /[‘’‚‛′`´]/gu;
const DOUBLE_QUOTES = /[“”„‟″«»]/gu;

export function normalizeForDedupe(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(/(?:…|\.{3,})\s*$/u, '') // a trailing cut-off mark
    .replace(/'/gu, '') // "don't" and "dont" are one word
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** 64-bit hash (16 hex digits) of the normalized text; '' when nothing is left to compare. */
export function dedupeKey(text: string): string {
  const norm = normalizeForDedupe(text);
  return norm ? createHash('sha256').update(norm).digest('hex').slice(0, 16) : '';
}
