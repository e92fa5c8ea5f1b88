// Small helpers shared by the gold and bench scorers.
// The metrics here must give exactly the figures of ../shared/tools/score.mjs and score-bench.mjs,
// so every edge case (empty sets, 0/0, float operation order) follows those scorers.
import fs from 'node:fs';

/** Precision, recall and F1 of one binary decision. */
export interface Prf {
  p: number;
  r: number;
  f1: number;
}

/**
 * Parses JSONL text: lines split on "\n", empty lines skipped, every other line must be JSON
 * (a trailing "\r" is whitespace to JSON.parse, so CRLF files read fine).
 */
export function parseJsonl(text: string, origin = 'JSONL'): unknown[] {
  const records: unknown[] = [];
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (!line) continue;
    try {
      records.push(JSON.parse(line));
    } catch (err) {
      throw new Error(`${origin}: line ${n + 1} is not JSON: ${(err as Error).message}`);
    }
  }
  return records;
}

export function readJsonl(file: string): unknown[] {
  return parseJsonl(fs.readFileSync(file, 'utf8'), file);
}

/**
 * Token-level precision/recall/F1. Nothing to find and nothing found is a perfect score;
 * nothing to find but something found scores p=0, r=1, f1=0.
 */
export function prf(tp: number, fp: number, fn: number): Prf {
  if (tp + fn === 0) return fp === 0 ? { p: 1, r: 1, f1: 1 } : { p: 0, r: 1, f1: 0 };
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp / (tp + fn);
  return { p, r, f1: harmonic(p, r) };
}

/** 2pr/(p+r), 0 when both are 0. */
export function harmonic(p: number, r: number): number {
  return p + r ? (2 * p * r) / (p + r) : 0;
}

/** Mean summed left to right (the order matters for the last float bits); 0 for no values. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** A figure as the reference scorers print it in their summary line. */
export function fixed3(x: number): string {
  return x.toFixed(3);
}

/** True for a non-null object (arrays included). */
function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * `obj.key` with JavaScript's semantics for the values JSON can hold: throws on null/undefined
 * (as member access does), undefined for a missing key or a primitive.
 */
export function member(obj: unknown, key: string): unknown {
  if (obj === null || obj === undefined) {
    throw new TypeError(`cannot read "${key}" of ${String(obj)}`);
  }
  return isObject(obj) && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** `obj?.key`: like member(), but undefined for null/undefined. */
export function optMember(obj: unknown, key: string): unknown {
  return obj === null || obj === undefined ? undefined : member(obj, key);
}

/** `value ?? []` for a field that must be a list when given. */
export function listOrEmpty(value: unknown, what: string): readonly unknown[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new TypeError(`${what} must be an array`);
  return value;
}

/** The span (gold unit or output segment) owning each character of a text; later spans override earlier ones. */
export function charMap<T>(length: number, spans: Iterable<{ start: unknown; end: unknown; value: T }>): (T | null)[] {
  const map = new Array<T | null>(length).fill(null);
  for (const { start, end, value } of spans) {
    // Only integer starts reach array indices (a negative start only covers from 0 on).
    if (typeof start !== 'number' || !Number.isInteger(start) || typeof end !== 'number') continue;
    for (let c = Math.max(start, 0); c < end && c < length; c++) map[c] = value;
  }
  return map;
}
