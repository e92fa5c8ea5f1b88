// Segment features for the furniture model: the signals jusText and trafilatura use on text
// (length, stop-word density, Title Case share, terminal punctuation, digits and symbols, URLs,
// position, line structure) plus the rule kinds, and the same signals of the neighbours
// (jusText's context). Training (scripts/train-cleaner.ts) and the stage both call this, so
// the model always sees features computed the same way.
import { RuleMatches, RULE_KINDS, wordCount } from './rules.js';
import { stopwords } from './language.js';
import { classAt, widthAt, LETTER, NUMBER, wordCountIn } from './chars.js';
import { fnv1a } from '../strings.js';
import { endsQuestion, finished, finishedIn, lastClass, scanSegment } from './scan.js';
import { isSpace } from '../segment/chunks.js';

export interface SpanLike {
  start: number;
  end: number;
  /** The span's text, when the caller has it as a string of its own. */
  text?: string;
}

const BASE = [
  'logWords', 'logChars', 'stopRatio', 'titleRatio', 'capsRatio', 'endsSentence', 'endsColon', 'noEndPunct',
  'digitRatio', 'symbolRatio', 'hasUrl', 'lowerStart', 'position', 'pipeOrCrumb', 'avgWordLen', 'wholeLine',
  'lineLogWords', 'flatDoc', 'commaRatio', 'question', 'quote', 'short', 'numberStart', 'ellipsisEnd',
  'titleList', 'docShare', 'firstPerson',
] as const;
// Relative to the page: what is long or wordy on this page, how it sits on its line.
const RELATIVE = ['relWords', 'relStop', 'segmentsOnLine', 'lineEndsSentence', 'repeatedInPage', 'nearLongSentence'];
const RULES = RULE_KINDS.map((k) => `rule:${k}`);
// Neighbour context: these base features, averaged over the two segments before and after.
const CONTEXT_OF = ['logWords', 'stopRatio', 'titleRatio', 'endsSentence', 'wholeLine'] as const;
const CONTEXT = [...CONTEXT_OF.map((f) => `prev:${f}`), ...CONTEXT_OF.map((f) => `next:${f}`)];

export const FEATURE_NAMES: string[] = [...BASE, ...RULES, ...CONTEXT, ...RELATIVE];
const CONTEXT_COLS = CONTEXT_OF.map((f) => BASE.indexOf(f));

const URL_START = /(https?:\s?\/\/|www\.)\S/u;
const LOWER_START = /^[\p{Ll}]/u;
const CRUMB = /\s[|»›]\s|^[|»›]/u;
const DIGIT_START = /^\d/u;
const FIRST_PERSON = /\b(I|we|you|my|our|your)\b/u;
/** Ends like a sentence: . ! or ? and any closing quotes or brackets. */
export const FINISHED = /[.!?]["'”’)\]]*$/u;

/** A flattened page: fewer than five lines with words. The model and its thresholds treat it apart. */
export function isFlat(text: string): boolean {
  return flatLines(lineInfo(text));
}

/** isFlat, from the page's lines already counted (lineInfo). */
export function flatLines(lines: Lines): boolean {
  return lines.count < 5;
}

/** A page's feature rows as one matrix: row i's FEATURE_NAMES values are data[i * width] to data[i * width + width - 1]. */
export interface FeatureMatrix {
  rows: number;
  width: number;
  data: Float64Array;
  /** Each span's runs of letters and digits (chars.ts's wordCount), from the same pass over its text. */
  words: number[];
}

// Columns of a row: the base features and the rule kinds, then the context, then the relative features.
const OWN = BASE.length + RULES.length;
const WIDTH = OWN + CONTEXT.length + RELATIVE.length;

/**
 * Feature rows, one per span, in FEATURE_NAMES order (featureMatrix's rows as arrays: what the
 * trainers and the tests read).
 */
export function featureRows(text: string, spans: SpanLike[], lang: string, matches?: RuleMatches[], lines: Lines = lineInfo(text)): number[][] {
  const { rows, width, data } = featureMatrix(text, spans, lang, matches, lines);
  return Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * width, i * width + width)));
}

/**
 * The feature rows of `spans` as one matrix, written in place (a page's rows as arrays, sliced,
 * extended and spread, were most of the stage's allocation).
 * `lang`: the document's language (stop words, and the rules bound to a language).
 * `matches`: each span's RuleMatches, when the caller also matches rules on the spans (made here otherwise).
 * `lines`: lineInfo(text), when the caller has it.
 */
export function featureMatrix(text: string, spans: SpanLike[], lang: string, matches?: RuleMatches[], lines: Lines = lineInfo(text)): FeatureMatrix {
  const stop = stopwords(lang);
  const flat = flatLines(lines) ? 1 : 0;
  const n = spans.length;
  const data = new Float64Array(n * WIDTH);
  const words = spans.map((s, i) => baseFeatures(text, s, stop, lines, flat, spans[i - 1], spans[i + 1], matches?.[i] ?? new RuleMatches(text.slice(s.start, s.end), lang, flat === 1), data, i * WIDTH));
  const at = (i: number, col: number): number => (i >= 0 && i < n ? data[i * WIDTH + col]! : 0);
  for (let i = 0; i < n; i++) {
    let o = i * WIDTH + OWN;
    for (const col of CONTEXT_COLS) data[o++] = (at(i - 1, col) + at(i - 2, col)) / 2;
    for (const col of CONTEXT_COLS) data[o++] = (at(i + 1, col) + at(i + 2, col)) / 2;
  }
  relativeFeatures(text, spans, data, lines);
  return { rows: n, width: WIDTH, data, words };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[s.length >> 1] ?? 0) : 0;
};

/** The relative features of each row, written into its last RELATIVE.length columns. */
function relativeFeatures(text: string, spans: SpanLike[], data: Float64Array, lines: Lines): void {
  const col = (f: (typeof BASE)[number]): number[] => {
    const j = BASE.indexOf(f);
    return spans.map((_, i) => data[i * WIDTH + j]!);
  };
  const words = col('logWords');
  const stop = col('stopRatio');
  const ends = col('endsSentence');
  const midWords = median(words);
  const meanStop = stop.reduce((a, b) => a + b, 0) / (stop.length || 1);
  const lineIds = spans.map((s) => lineOf(lines, s.start));
  const perLine = new Map<number, number>();
  for (const l of lineIds) perLine.set(l, (perLine.get(l) ?? 0) + 1);
  const repeated = repeatedKeys(spans.map((s) => (s.text ?? text.slice(s.start, s.end)).toLowerCase()));
  // Distance (in segments) to the nearest long, finished sentence: article text comes in runs.
  const long = words.map((w, i) => w >= Math.log1p(15) && (ends[i] ?? 0) === 1);
  const dist = nearest(long);
  spans.forEach((_, i) => {
    const line = lineIds[i] ?? 0;
    let o = i * WIDTH + OWN + CONTEXT.length;
    data[o++] = (words[i] ?? 0) - midWords;
    data[o++] = (stop[i] ?? 0) - meanStop;
    data[o++] = Math.log1p(perLine.get(line) ?? 1);
    data[o++] = lines.endsSentence[line] ? 1 : 0;
    data[o++] = repeated[i] ? 1 : 0;
    data[o] = Math.log1p(dist[i] ?? 0);
  });
}

/**
 * Whether each lower-cased text's key (its letters and digits, any other run as one space:
 * `lower.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()`), when not empty, is another's too. The keys
 * are first told apart by a hash made without building them; only the texts whose hash recurs
 * get their key built and compared.
 */
export function repeatedKeys(lowers: string[]): boolean[] {
  const hashes = lowers.map(keyHash);
  const byHash = new Map<number, number>();
  for (const h of hashes) if (h !== null) byHash.set(h, (byHash.get(h) ?? 0) + 1);
  const keys = lowers.map((lower, i) => (hashes[i] !== null && byHash.get(hashes[i]!)! > 1 ? lower.replace(/[^\p{L}\p{N}]+/gu, ' ').trim() : ''));
  const count = new Map<string, number>();
  for (const k of keys) if (k) count.set(k, (count.get(k) ?? 0) + 1);
  return keys.map((k) => k !== '' && count.get(k)! > 1);
}

/** FNV-1a of a text's key (see repeatedKeys), or null when the key is empty. */
function keyHash(lower: string): number | null {
  let h: number | null = null;
  for (let i = 0; i < lower.length; ) {
    if (!(classAt(lower, i) & (LETTER | NUMBER))) {
      i += widthAt(lower, i);
      continue;
    }
    const start = i;
    do i += widthAt(lower, i); while (i < lower.length && classAt(lower, i) & (LETTER | NUMBER));
    h = fnv1a(lower, start, i, h === null ? undefined : fnv1a(' ', 0, 1, h));
  }
  return h;
}

function nearest(flags: boolean[]): number[] {
  const n = flags.length;
  const out = new Array<number>(n).fill(n);
  let last = -1;
  for (let i = 0; i < n; i++) { if (flags[i]) last = i; if (last >= 0) out[i] = i - last; }
  last = -1;
  for (let i = n - 1; i >= 0; i--) { if (flags[i]) last = i; if (last >= 0) out[i] = Math.min(out[i] ?? n, last - i); }
  return out;
}

export interface Lines {
  /** lines with at least one word */
  count: number;
  /** start offset of each line, ascending */
  starts: number[];
  /** word count of each line */
  words: number[];
  /** whether each line (trailing space trimmed) ends like a sentence */
  endsSentence: boolean[];
}

/** The text's lines (cut at \n, as text.split('\n')): where each starts, its words, whether it ends like a sentence. */
export function lineInfo(text: string): Lines {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const words: number[] = [];
  const endsSentence: boolean[] = [];
  let count = 0;
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k]!;
    const end = k + 1 < starts.length ? starts[k + 1]! : text.length;
    const w = wordCountIn(text, start, end);
    words.push(w);
    if (w > 0) count++;
    let last = end; // FINISHED.test(line.trimEnd())
    while (last > start && isSpace(text.charCodeAt(last - 1))) last--;
    endsSentence.push(finishedIn(text, start, last));
  }
  return { count, starts, words, endsSentence };
}

function lineOf(lines: Lines, offset: number): number {
  let lo = 0;
  let hi = lines.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines.starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Writes the span's BASE and rule-kind columns at out[at]; gives its runs of letters and digits. */
function baseFeatures(text: string, span: SpanLike, stop: Set<string>, lines: Lines, flat: number, prev: SpanLike | undefined, next: SpanLike | undefined, matches: RuleMatches, out: Float64Array, at: number): number {
  const s = span.text ?? text.slice(span.start, span.end);
  // Words, their casing and stop words, digits, symbols, commas and quotes in one pass (scan.ts).
  const { words: n, runs, alpha, title, caps, stops, digits, symbols, commas, quote } = scanSegment(s, stop);
  const chars = s.length;
  const line = lineOf(lines, span.start);
  const lineStart = lines.starts[line] ?? 0;
  const lineEnd = (lines.starts[line + 1] ?? text.length + 1) - 1;
  // Segments cover every non-space character, so the span is alone on its line exactly when its
  // neighbours lie on other lines (constant time; slicing the line was quadratic on flat pages).
  const wholeLine = (!prev || prev.end <= lineStart) && (!next || next.start >= lineEnd) ? 1 : 0;
  const rule = matches.first(n);
  // The patterns anchored at the end are read backwards (a regex ending in $ is tried at every
  // position); those that need a character are tried only when the segment holds it.
  let o = at; // the row, in BASE order
  out[o++] = Math.log1p(n);
  out[o++] = Math.log1p(chars) / 2;
  out[o++] = n ? stops / n : 0;
  out[o++] = alpha ? title / alpha : 0;
  out[o++] = alpha ? caps / alpha : 0;
  out[o++] = finished(s) ? 1 : 0; // FINISHED
  out[o++] = s.endsWith(':') ? 1 : 0; // /:$/u
  out[o++] = lastClass(s) & (LETTER | NUMBER) ? 1 : 0; // /[\p{L}\p{N}]$/u
  out[o++] = chars ? digits / chars : 0;
  out[o++] = chars ? symbols / chars : 0;
  out[o++] = (s.includes('http') || s.includes('www.')) && URL_START.test(s) ? 1 : 0;
  out[o++] = LOWER_START.test(s) ? 1 : 0;
  out[o++] = text.length ? span.start / text.length : 0;
  out[o++] = (s.includes('|') || s.includes('»') || s.includes('›')) && CRUMB.test(s) ? 1 : 0;
  out[o++] = n ? Math.min(2, chars / n / 10) : 0;
  out[o++] = wholeLine;
  out[o++] = Math.log1p(lines.words[line] ?? 0) / 2;
  out[o++] = flat;
  out[o++] = n ? Math.min(1, commas / n) : 0;
  out[o++] = endsQuestion(s) ? 1 : 0; // /\?["'”’)]*$/u
  out[o++] = quote ? 1 : 0; // /["“”]/u
  out[o++] = n <= 3 ? 1 : 0;
  out[o++] = DIGIT_START.test(s) ? 1 : 0;
  out[o++] = s.endsWith('…') || s.endsWith('...') ? 1 : 0; // /(…|\.\.\.)$/u
  out[o++] = commas >= 2 && alpha && title / alpha > 0.6 ? 1 : 0;
  out[o++] = text.length ? Math.min(1, (chars / text.length) * 10) : 0;
  out[o++] = FIRST_PERSON.test(s) ? 1 : 0;
  for (let k = 0; k < RULE_KINDS.length; k++) out[at + BASE.length + k] = rule?.kind === RULE_KINDS[k] ? 1 : 0;
  return runs;
}
