// The text two segments are compared on: what a reader would not notice as a change is
// normalised away (rules.json, "normalize"); digits are kept, because "15 to 20 minutes" is not
// "10 to 15 minutes".
import { normalizeRules as rules } from './rules.js';

export interface Fingerprint {
  /** Normalised text: words separated by single spaces. */
  norm: string;
  /** The segment ends in a cut-off mark ("…", "...", "[…]"): it may be an incomplete copy. */
  cutOff: boolean;
}

const ASCII_ONLY = /^[\0-\x7f]*$/u;

function folded(text: string): string {
  // Text of ASCII only is its own normal form (NFC, NFD, NFKC and NFKD alike): no call needed.
  const normal = ASCII_ONLY.test(text) ? text : text.normalize(rules.form);
  return normal.toLowerCase().replace(rules.singleQuotes, "'").replace(rules.doubleQuotes, '"');
}

function finish(text: string): string {
  const noMark = text.replace(rules.cutOffMark, '');
  const noApostrophes = rules.dropApostrophes ? noMark.replace(/'/gu, '') : noMark;
  return noApostrophes.replace(rules.notKept, ' ').trim();
}

export function normalizeForDedupe(text: string): string {
  return finish(folded(text));
}

export function fingerprint(text: string): Fingerprint {
  const f = folded(text);
  const norm = finish(f);
  return { norm, cutOff: rules.cutOffMark.test(f) };
}

/** The digit runs of a normalised text, in order ("15 to 20 min" -> ["15", "20"]). */
export function digitRuns(norm: string): string[] {
  return norm.match(/\p{Nd}+/gu) ?? [];
}
