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
  /** trigram code -> index into `lists` */
  index: Map<number, number>;
  /** per trigram: pairs (language index, rank), flattened */
  lists: number[][];
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
const hash = (a: number, b: number, c: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) >>> 18;

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
  tables.set(script, (table = { languages, index, lists }));
  return table;
}

function topScript(value: string): [string | undefined, number] {
  let topCount = -1;
  let top: string | undefined;
  for (const [script, re] of scripts) {
    const count = (value.match(re)?.length ?? 0) / value.length || 0;
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
  const { languages, index, lists } = tableOf(script);
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
    const at = index.get(slotKeys[slot]!);
    if (at === undefined) continue;
    const list = lists[at]!;
    for (let k = 0; k < list.length; k += 2) {
      const l = list[k]!;
      distance[l] = distance[l]! - MAX_DIFFERENCE + Math.abs(count - list[k + 1]! - 1);
    }
  }
  let best = 0;
  for (let l = 1; l < languages.length; l++) if (distance[l]! < distance[best]!) best = l;
  return languages[best]!;
}
