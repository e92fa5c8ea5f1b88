// franc-min's answer, computed from its own data and script expressions without its per-call
// work: franc turns the sample into an object of trigram counts, a sorted array of tuples, and
// then looks every trigram up in every language's object (44 Latin-script languages, about a
// quarter of the boilerplate stage). Here each trigram is a number (its three UTF-16 code units),
// counted once, and looked up once in a table holding its rank in each language of the script.
//
// Exactness, step by step against franc-min 6.2 (index.js) and trigram-utils 2 (asTuples):
// - the sample is cut to franc's 2048 code units and cleaned as trigram-utils does (the same
//   regular expressions), with one space on each side; trigrams are its code-unit slices;
// - the script is franc's getTopScript: the same expressions, counted in the same order, the
//   first highest share wins;
// - a language's distance is a sum of integers (per distinct trigram |count - rank - 1|, or 300
//   when the language lacks it), so the order of the trigrams does not matter; the answer is the
//   first language in the data's order with the least distance, which is what franc's stable
//   sort puts first. Object.prototype has no three-letter names, so franc's `in` is own keys.
// tests/language.test.ts compares both on texts in many languages and scripts.
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

interface ScriptTable {
  languages: string[];
  /** Open addressing by `mix`: trigram codes, and 1 + the trigram's number (0: empty slot). */
  keys: Float64Array;
  entries: Int32Array;
  /** The table's size as a shift: slot = mix(...) >>> shift. */
  shift: number;
  /** Trigram t's pairs (language index, rank) are pairs[start[t]] to pairs[start[t + 1] - 1]. */
  start: Int32Array;
  pairs: Int32Array;
}

const tables = new Map<string, ScriptTable>();
const scripts = Object.entries(expressions);

// The cleaned sample has at most twice MAX_LENGTH code units (lower-casing can lengthen it: İ is
// two), so at most 4096 trigrams: a table of four times that keeps the probes short.
const SLOTS = 1 << 14;
const MASK = SLOTS - 1;
const slotKeys = new Float64Array(SLOTS);
const slotCounts = new Int32Array(SLOTS);
const used = new Int32Array(SLOTS);
/** Where the slot's trigram first is in the sample. */
const firstAt = new Int32Array(SLOTS);
const mix = (a: number, b: number, c: number): number => Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
const hash = (a: number, b: number, c: number): number => mix(a, b, c) >>> 18;

const code = (s: string, i: number): number => s.charCodeAt(i) * 0x100000000 + s.charCodeAt(i + 1) * 0x10000 + s.charCodeAt(i + 2);

function tableOf(script: string): ScriptTable {
  let table = tables.get(script);
  if (table) return table;
  const languages = Object.keys(data[script]!);
  const index = new Map<number, number>();
  const lists: number[][] = [];
  languages.forEach((name, l) => {
    const model = data[script]![name]!.split('|');
    // franc assigns from the last entry to the first, so a repeated trigram keeps its first rank.
    const ranks = new Map<number, number>();
    for (let rank = model.length - 1; rank >= 0; rank--) ranks.set(code(model[rank]!, 0), rank);
    for (const [key, rank] of ranks) {
      let at = index.get(key);
      if (at === undefined) index.set(key, (at = lists.push([]) - 1));
      lists[at]!.push(l, rank);
    }
  });
  // The index as typed arrays (a Map of 48-bit number keys was most of the time): a trigram's
  // lookup is a probe or two in a table at most half full.
  let shift = 31;
  while (1 << (32 - shift) < index.size * 2) shift--;
  const size = 1 << (32 - shift);
  const keys = new Float64Array(size);
  const entries = new Int32Array(size);
  for (const [key, at] of index) {
    let slot = mix(Math.floor(key / 0x100000000), Math.floor(key / 0x10000) % 0x10000, key % 0x10000) >>> shift;
    while (entries[slot] !== 0) slot = (slot + 1) & (size - 1);
    keys[slot] = key;
    entries[slot] = at + 1;
  }
  const start = new Int32Array(lists.length + 1);
  lists.forEach((list, t) => { start[t + 1] = start[t]! + list.length; });
  tables.set(script, (table = { languages, keys, entries, shift, start, pairs: Int32Array.from(lists.flat()) }));
  return table;
}

// Script shares without franc's `value.match(re)` per script (an array of every matching
// character, twenty times per document). Each alternative of franc's expressions is one class or
// one \u escape (one code unit), or starts with a high surrogate (a character beyond the BMP).
// In a text without surrogates only the one-unit alternatives can match, each match is one code
// unit, so a script's count is the number of code units its one-unit alternatives match: a table
// per code unit of the scripts it belongs to, filled on first sight. Texts with surrogates, or
// expressions of another shape, are counted by the expressions as before.
const ESCAPE = /^\\u[0-9A-Fa-f]{4}/u;
const HIGH_ESCAPE = /^\\u[dD][89abAB][0-9A-Fa-f]{2}$/u;
const HIGH_CLASS = /^\[(?:\\u[dD][89abAB][0-9A-Fa-f]{2}(?:-\\u[dD][89abAB][0-9A-Fa-f]{2})?)+\]$/u;

/** The source's alternatives as lists of atoms (a class or a \u escape), or null for any other shape. */
function alternatives(source: string): string[][] | null {
  const out: string[][] = [[]];
  for (let i = 0; i < source.length; ) {
    if (source[i] === '|') { out.push([]); i++; continue; }
    let atom: string | undefined;
    if (source[i] === '[') {
      const end = source.indexOf(']', i);
      if (end < 0) return null;
      atom = source.slice(i, end + 1);
      if (!/^\[(?:\\u[0-9A-Fa-f]{4}|[A-Za-z0-9-])+\]$/u.test(atom)) return null; // escapes, letters, digits and ranges only
    } else {
      atom = ESCAPE.exec(source.slice(i))?.[0];
    }
    if (!atom) return null;
    out.at(-1)!.push(atom);
    i += atom.length;
  }
  return out;
}

/** Per script, the one-unit alternatives as one anchored expression; null when the shape is not the expected one. */
const singleUnit: (RegExp | null)[] = scripts.map(([, re]) => {
  const alts = alternatives(re.source);
  if (!alts || re.flags.replace('g', '') !== '') return null;
  const singles = alts.filter((a) => a.length === 1).map((a) => a[0]!);
  const rest = alts.filter((a) => a.length !== 1);
  if (rest.some((a) => a.length === 0 || !(HIGH_ESCAPE.test(a[0]!) || HIGH_CLASS.test(a[0]!)))) return null;
  return new RegExp(`^(?:${singles.join('|') || '[]'})$`);
});
const byTable = scripts.length <= 30 && singleUnit.every((re) => re !== null);
const KNOWN_UNIT = 1 << 30; // the code unit's entry is filled
const unitScripts = new Uint32Array(0x10000);
const scriptCounts = new Int32Array(scripts.length);

function scriptsOf(code: number): number {
  let bits = KNOWN_UNIT;
  const ch = String.fromCharCode(code);
  singleUnit.forEach((re, s) => { if (re!.test(ch)) bits |= 1 << s; });
  return bits;
}

/** `value.match(re)?.length ?? 0` for each of franc's script expressions, in their order. */
export function countScripts(value: string): Int32Array {
  const counts = scriptCounts;
  counts.fill(0);
  for (let i = 0; byTable && i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return countByExpressions(value);
    let bits = unitScripts[code]!;
    if (bits === 0) unitScripts[code] = bits = scriptsOf(code);
    for (let b = bits & ~KNOWN_UNIT; b !== 0; b &= b - 1) counts[31 - Math.clz32(b & -b)]!++;
  }
  return byTable ? counts : countByExpressions(value);
}

function countByExpressions(value: string): Int32Array {
  scripts.forEach(([, re], s) => { scriptCounts[s] = value.match(re)?.length ?? 0; });
  return scriptCounts;
}

function topScript(value: string): [string | undefined, number] {
  let topCount = -1;
  let top: string | undefined;
  const counts = countScripts(value);
  for (let s = 0; s < scripts.length; s++) {
    const script = scripts[s]![0];
    const count = counts[s]! / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return [top, topCount];
}

/** `franc(value, { minLength })` of franc-min: the ISO 639-3 code of the likeliest language, or 'und'. */
export function francCode(value: string, minLength = 10): string {
  if (!value || value.length < minLength) return 'und';
  value = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  if (!script || !(script in data)) return !script || share === 0 ? 'und' : script;
  const { languages, keys, entries, shift, start, pairs } = tableOf(script);
  const mask = keys.length - 1;
  const s = ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
  // Distinct trigrams and their counts in an open-addressing table (a Map of 48-bit number keys
  // was most of the time); the table is reused and emptied after each call.
  let distinct = 0;
  for (let i = 0; i + 3 <= s.length; i++) {
    const key = code(s, i);
    let slot = hash(s.charCodeAt(i), s.charCodeAt(i + 1), s.charCodeAt(i + 2));
    while (slotCounts[slot] !== 0 && slotKeys[slot] !== key) slot = (slot + 1) & MASK;
    if (slotCounts[slot] === 0) {
      slotKeys[slot] = key;
      firstAt[slot] = i;
      used[distinct++] = slot;
    }
    slotCounts[slot]!++;
  }
  // Every language starts at 300 per distinct trigram; a trigram it has replaces its 300.
  const distance = new Array<number>(languages.length).fill(distinct * MAX_DIFFERENCE);
  for (let u = 0; u < distinct; u++) {
    const slot = used[u]!;
    const count = slotCounts[slot]!;
    slotCounts[slot] = 0;
    const key = slotKeys[slot]!;
    const i = firstAt[slot]!;
    let probe = mix(s.charCodeAt(i), s.charCodeAt(i + 1), s.charCodeAt(i + 2)) >>> shift;
    while (entries[probe] !== 0 && keys[probe] !== key) probe = (probe + 1) & mask;
    const at = entries[probe]! - 1;
    if (at < 0) continue;
    for (let k = start[at]!; k < start[at + 1]!; k += 2) {
      const l = pairs[k]!;
      distance[l] = distance[l]! - MAX_DIFFERENCE + Math.abs(count - pairs[k + 1]! - 1);
    }
  }
  let best = 0;
  for (let l = 1; l < languages.length; l++) if (distance[l]! < distance[best]!) best = l;
  return languages[best]!;
}
