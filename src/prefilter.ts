// A cheap exact test run before a costly regular expression: lists of literals such that every
// match of the regex contains one literal of each list, read from its source once. Where a list
// has none of its literals in a text the regex cannot match there, so it is not run; elsewhere
// the regex decides as before. Most segments hold none of a rule's literals ('you should',
// 'easier said than done', 'says'), and one pass of an automaton over the text costs far less than
// trying long alternations with lookbehinds at every character (the claim-type, attribution and
// reference patterns were about a fifth of pass 2).
//
// The literals are derived by a small reader of the regex syntax (regex-literals.ts: literals,
// escapes, classes, groups, alternation, quantifiers, anchors, lookarounds); anything it does not
// know contributes nothing, so the test can only be too lenient, never too strict. Literals hold
// only ASCII and caseless punctuation and signs (literalChar) and are looked for case-insensitively, for
// every regex (for a case-sensitive one that only lets more texts through). Under the i flag an
// ASCII letter also matches the long s (U+017F) and the Kelvin sign (U+212A): a text holding
// either (or the dotless ı, for regexes without the u flag) is passed to every regex.

import { requiredLiteralLists } from './regex-literals.js';

export { requiredLiteralLists, requiredLiterals } from './regex-literals.js';

/**
 * Which of several regexes can match a text, from one pass over it: an Aho-Corasick automaton over
 * all their required literals, case-folded. `scan` gives one flag per regex: 0 where one of its
 * lists has no literal in the text (it cannot match), else 1 (also for a regex without lists).
 */
export class Prefilter {
  private readonly automaton: Automaton | undefined;
  /** The ids of regex i's literal lists (each must be hit) are listIds[listStart[i]] to listIds[listStart[i + 1] - 1]. */
  private readonly listIds: Int32Array;
  private readonly listStart: Int32Array;
  private listCount = 0;
  private readonly hits: Uint8Array;
  private readonly flags: Uint8Array;

  constructor(regexes: readonly RegExp[]) {
    this.flags = new Uint8Array(regexes.length);
    // One automaton for all, case-folded: a literal of a case-sensitive regex is in a text only if
    // it is there in any case, so the fold can only let more texts through, never fewer.
    const literals: [string, number][] = [];
    const listsOf = regexes.map((re) => requiredLiteralLists(re).map((list) => {
      const id = this.listCount++;
      for (const l of list) literals.push([l.toLowerCase(), id]);
      return id;
    }));
    [, this.listStart, this.listIds] = flatten(listsOf.map((ids, i) => [i, ids]));
    this.hits = new Uint8Array(this.listCount);
    this.automaton = literals.length ? new Automaton(literals) : undefined;
  }

  /** Flags per regex (1: may match); the array is reused by the next scan. */
  scan(text: string): Uint8Array {
    const hits = this.hits;
    hits.fill(0);
    if (this.automaton && this.automaton.scan(text, hits)) this.automaton.all(hits);
    const { flags, listIds, listStart } = this;
    for (let i = 0; i < flags.length; i++) {
      let f = 1;
      for (let j = listStart[i]!; j < listStart[i + 1]!; j++) if (!hits[listIds[j]!]) { f = 0; break; }
      flags[i] = f;
    }
    return flags;
  }
}

/**
 * Aho-Corasick as a table: states by character class, each state with the regexes it reports.
 * Literals of one character (' ', ',', '.', ':', '|') are not in the trie: they would report on
 * most characters of a text. The scan notes which classes it has seen instead, and they are
 * reported once at the end.
 */
class Automaton {
  private readonly classOf = new Uint8Array(0x10000);
  private readonly classes: number;
  private readonly next: Int32Array;
  /** The owners state s reports are reportOwners[reportStart[s]] to reportOwners[reportStart[s + 1] - 1]. */
  private readonly reportStart: Int32Array;
  private readonly reportOwners: Int32Array;
  /** 1 where a state reports something (a typed array: the scan's hot test). */
  private readonly reporting: Uint8Array;
  private readonly owners: number[];
  /** The classes of the one-character literals, and their owners: singleOwners[singleStart[j]] to singleOwners[singleStart[j + 1] - 1]. */
  private readonly singleClass: Int32Array;
  private readonly singleStart: Int32Array;
  private readonly singleOwners: Int32Array;
  /** scratch: 1 for each class the scan has seen */
  private readonly seen: Uint8Array;

  constructor(all: readonly [string, number][]) {
    this.owners = [...new Set(all.map(([, i]) => i))];
    const literals = all.filter(([l]) => l.length > 1);
    // Class 0: any character in no literal. Under folding an ASCII letter's two cases share one.
    let classes = 1;
    for (const [l] of all) for (const c of l) {
      const code = c.charCodeAt(0);
      if (this.classOf[code]) continue;
      this.classOf[code] = classes;
      if (code >= 0x61 && code <= 0x7a) this.classOf[code - 0x20] = classes;
      classes++;
    }
    if (classes > 255) throw new Error('too many characters');
    this.classes = classes;
    this.seen = new Uint8Array(classes);
    const singles = new Map<number, Set<number>>();
    for (const [l, owner] of all) {
      if (l.length !== 1) continue;
      const k = this.classOf[l.charCodeAt(0)]!;
      singles.set(k, (singles.get(k) ?? new Set()).add(owner));
    }
    [this.singleClass, this.singleStart, this.singleOwners] = flatten([...singles].map(([k, owners]) => [k, [...owners]]));
    // The trie: children found through a table (-1: none yet), and listed per state.
    let trie = new Int32Array(256 * classes).fill(-1);
    const kids: number[][] = [[]];
    const out: (number[] | undefined)[] = [undefined];
    let n = 1;
    for (const [l, owner] of literals) {
      let s = 0;
      for (let i = 0; i < l.length; i++) {
        const k = this.classOf[l.charCodeAt(i)]!;
        let t = trie[s * classes + k]!;
        if (t < 0) {
          t = n++;
          out.push(undefined);
          kids.push([]);
          kids[s]!.push(k, t);
          if (n * classes > trie.length) {
            const bigger = new Int32Array(trie.length * 2).fill(-1);
            bigger.set(trie);
            trie = bigger;
          }
          trie[s * classes + k] = t;
        }
        s = t;
      }
      (out[s] ??= []).push(owner);
    }
    // The full table, breadth first: a state's row is its failure state's row (complete, as that
    // state is shallower) with its own children written over it.
    const next = new Int32Array(n * classes);
    const fail = new Int32Array(n);
    const queue = new Int32Array(n);
    let tail = 0;
    const root = kids[0]!;
    for (let j = 0; j < root.length; j += 2) {
      next[root[j]!] = root[j + 1]!;
      queue[tail++] = root[j + 1]!;
    }
    for (let q = 0; q < tail; q++) {
      const s = queue[q]!;
      const f = fail[s]!;
      const inherited = out[f];
      if (inherited) out[s] = out[s] ? [...new Set([...out[s]!, ...inherited])] : inherited;
      next.copyWithin(s * classes, f * classes, f * classes + classes);
      const own = kids[s]!;
      for (let j = 0; j < own.length; j += 2) {
        const k = own[j]!, t = own[j + 1]!;
        fail[t] = next[f * classes + k]!;
        next[s * classes + k] = t;
        queue[tail++] = t;
      }
    }
    // States are stored as their row's offset (state * classes): no multiplication per character.
    for (let i = 0; i < next.length; i++) next[i] = next[i]! * classes;
    this.next = next;
    [, this.reportStart, this.reportOwners] = flatten(out.map((o, st) => [st, o ? [...new Set(o)] : []]));
    this.reporting = new Uint8Array(n * classes);
    out.forEach((o, st) => { if (o) this.reporting[st * classes] = 1; });
  }

  /**
   * Hits of the literals in `text`; true when the text holds a character some ASCII letter folds
   * to (U+017F, U+212A, U+0131: see the top), and every regex must be let through. Checked in the
   * same pass (a regular expression over the text for them was a second pass per segment).
   */
  scan(text: string, hits: Uint8Array): boolean {
    const { classOf, classes, next, reportStart, reportOwners, reporting, seen } = this;
    seen.fill(0);
    let row = 0;
    let folds = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x131 && (c === 0x131 || c === 0x17f || c === 0x212a)) folds = true;
      const k = classOf[c]!;
      seen[k] = 1;
      row = next[row + k]!;
      if (reporting[row]) {
        const st = row / classes;
        for (let j = reportStart[st]!; j < reportStart[st + 1]!; j++) hits[reportOwners[j]!] = 1;
      }
    }
    const { singleClass, singleStart, singleOwners } = this;
    for (let j = 0; j < singleClass.length; j++) {
      if (seen[singleClass[j]!]) for (let o = singleStart[j]!; o < singleStart[j + 1]!; o++) hits[singleOwners[o]!] = 1;
    }
    return folds;
  }

  all(hits: Uint8Array): void {
    for (const o of this.owners) hits[o] = 1;
  }
}

/** Entries (key, values) as typed arrays: the keys, where each entry's values start (one more at the end), and all values. */
function flatten(entries: [number, number[]][]): [Int32Array, Int32Array, Int32Array] {
  const start = new Int32Array(entries.length + 1);
  entries.forEach(([, values], j) => { start[j + 1] = start[j]! + values.length; });
  return [Int32Array.from(entries, ([k]) => k), start, Int32Array.from(entries.flatMap(([, values]) => values))];
}
