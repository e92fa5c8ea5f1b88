// A prefilter for many patterns at once: for each pattern, the literal strings one of which every
// match must contain (required.ts), and one Aho-Corasick automaton over all of them. One pass
// over a text tells which patterns can match it; only those need to run. A pattern with no such
// literals (or flags required.ts does not read) always runs.
//
// Why it is exact (a pattern marked impossible never matches the text):
// - the literals are derived conservatively (required.ts): a pattern without them always runs;
// - case: the text and the literals are read through one folding of code points, in which two
//   code points fold alike whenever /x/iu matches y (the regex engine decides, per code point,
//   on first sight), so a case-insensitive match is never missed; a case-sensitive pattern is
//   only tried more often than needed. Only patterns with the u flag are read (code points,
//   simple case folding: one code point matches one code point).
import { requiredLiterals } from './required.js';

const MAX_LENGTH = 8;

/**
 * The literals cut to their first MAX_LENGTH code points (a match holding a literal holds its
 * start), without those that hold another: a third of the automaton's states for almost the same
 * selectivity, and its construction is paid by every worker.
 */
function shortened(list: string[] | null): string[] | null {
  if (!list) return null;
  const cut = [...new Set(list.map((s) => [...s].slice(0, MAX_LENGTH).join('')))].sort();
  return cut.filter((s) => !cut.some((t) => t !== s && s.includes(t)));
}

/** Patterns tested together: `candidates(text)[i]` is 0 only when pattern i cannot match `text`. */
export class LiteralFilter {
  private readonly always: Uint8Array;
  /** Matches one code point of the literals' alphabet, case-insensitively: group k for its k-th member. */
  private readonly fold: RegExp;
  /** Symbol of each member of the alphabet: members that match each other share one. */
  private readonly symbolOfMember: number[] = [];
  private readonly symbolsBmp = new Int16Array(0x10000).fill(-2); // -2: not yet seen, -1: in no literal
  private readonly symbolsAstral = new Map<number, number>();
  private readonly automaton: Automaton;

  constructor(patterns: readonly RegExp[]) {
    const literals = patterns.map((re) => shortened(requiredLiterals(re)));
    this.always = Uint8Array.from(literals, (l) => (l ? 0 : 1));
    const codes = (s: string): number[] => [...s].map((c) => c.codePointAt(0)!);
    const alphabet = [...new Set(literals.flatMap((l) => l ?? []).flatMap(codes))].sort((a, b) => a - b);
    // The first alternative that matches wins: a code point's group is the first member it folds with.
    this.fold = new RegExp(`^(?:${alphabet.map((cp) => `(\\u{${cp.toString(16)}})`).join('|')})$`, 'iu');
    let width = 0;
    alphabet.forEach((cp, k) => {
      const first = this.member(cp);
      this.symbolOfMember.push(first === k ? width++ : this.symbolOfMember[first]!);
    });
    const words = literals.map((l) => (l ?? []).map((s) => codes(s).map((cp) => this.symbolOf(cp))));
    this.automaton = automaton(words, width);
  }

  /** The index of the first member of the alphabet that `cp` matches case-insensitively, or -1. */
  private member(cp: number): number {
    const m = this.fold.exec(String.fromCodePoint(cp));
    if (!m) return -1;
    for (let k = 1; k < m.length; k++) if (m[k] !== undefined) return k - 1;
    return -1;
  }

  /** The symbol of a code point, or -1 when no literal holds it (in any case). */
  private symbolOf(cp: number): number {
    let s = cp < 0x10000 ? this.symbolsBmp[cp]! : (this.symbolsAstral.get(cp) ?? -2);
    if (s === -2) {
      const k = this.member(cp);
      s = k < 0 ? -1 : this.symbolOfMember[k]!;
      if (cp < 0x10000) this.symbolsBmp[cp] = s;
      else this.symbolsAstral.set(cp, s);
    }
    return s;
  }

  /** 1 for each pattern that may match `text`, 0 for each that cannot. */
  candidates(text: string): Uint8Array {
    const may = this.always.slice();
    const { root, childStart, childSym, childTo, fail, outputStart, outputList } = this.automaton;
    const symbolsBmp = this.symbolsBmp;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      let sym: number;
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        cp = (cp - 0xd800) * 0x400 + (text.charCodeAt(++i) - 0xdc00) + 0x10000;
        sym = this.symbolOf(cp);
      } else {
        sym = symbolsBmp[cp]!;
        if (sym === -2) sym = this.symbolOf(cp);
      }
      if (sym < 0) {
        state = 0; // no literal holds this character
        continue;
      }
      // The child for the symbol, else the same from the failure state, down to the root.
      for (;;) {
        if (state === 0) {
          state = root[sym]!;
          break;
        }
        let to = 0;
        for (let k = childStart[state]!, end = childStart[state + 1]!; k < end; k++) {
          if (childSym[k] === sym) {
            to = childTo[k]!;
            break;
          }
        }
        if (to) {
          state = to;
          break;
        }
        state = fail[state]!;
      }
      for (let k = outputStart[state]!, end = outputStart[state + 1]!; k < end; k++) may[outputList[k]!] = 1;
    }
    return may;
  }
}

/**
 * An Aho-Corasick automaton, small: the root's transitions as a table, every other state's
 * children as a list (most have one), and failure links. Nothing of a full state x symbol table
 * (a few megabytes, whose first writes cost more than the whole construction).
 */
interface Automaton {
  /** The root's next state per symbol (0: the root). */
  root: Int32Array;
  /** State s's children: symbols childSym[childStart[s] .. childStart[s + 1]), states in childTo. */
  childStart: Int32Array;
  childSym: Int32Array;
  childTo: Int32Array;
  fail: Int32Array;
  /** Patterns found on reaching state s: outputList[outputStart[s] .. outputStart[s + 1]). */
  outputStart: Int32Array;
  outputList: Int32Array;
}

/** The automaton of `words` (per pattern, its literals as symbol sequences). */
function automaton(words: number[][][], width: number): Automaton {
  const kids: number[][] = [[]]; // per state: symbol, state, symbol, state, ...
  const ends: number[][] = [[]];
  const child = (state: number, sym: number): number => {
    const list = kids[state]!;
    for (let k = 0; k < list.length; k += 2) if (list[k] === sym) return list[k + 1]!;
    return 0;
  };
  words.forEach((list, pattern) => {
    for (const word of list) {
      let state = 0;
      for (const sym of word) {
        let to = child(state, sym);
        if (!to) {
          to = kids.push([]) - 1;
          ends.push([]);
          kids[state]!.push(sym, to);
        }
        state = to;
      }
      if (!ends[state]!.includes(pattern)) ends[state]!.push(pattern);
    }
  });
  const count = kids.length;
  const root = new Int32Array(width);
  for (let k = 0; k < kids[0]!.length; k += 2) root[kids[0]![k]!] = kids[0]![k + 1]!;
  // Breadth first: a state's failure state is shallower, so its own failure and outputs are known.
  const fail = new Int32Array(count);
  const queue: number[] = [0];
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q]!;
    const list = kids[state]!;
    for (let k = 0; k < list.length; k += 2) {
      const sym = list[k]!, to = list[k + 1]!;
      queue.push(to);
      if (state === 0) continue; // the root's children fail to the root
      let f = fail[state]!;
      while (f !== 0 && !child(f, sym)) f = fail[f]!;
      fail[to] = f === 0 ? root[sym]! : child(f, sym);
      for (const p of ends[fail[to]!]!) if (!ends[to]!.includes(p)) ends[to]!.push(p);
    }
  }
  const childStart = new Int32Array(count + 1);
  const outputStart = new Int32Array(count + 1);
  for (let s = 0; s < count; s++) {
    childStart[s + 1] = childStart[s]! + kids[s]!.length / 2;
    outputStart[s + 1] = outputStart[s]! + ends[s]!.length;
  }
  const childSym = new Int32Array(childStart[count]!);
  const childTo = new Int32Array(childStart[count]!);
  const outputList = new Int32Array(outputStart[count]!);
  for (let s = 0; s < count; s++) {
    const list = kids[s]!;
    for (let k = 0; k < list.length; k += 2) {
      childSym[childStart[s]! + k / 2] = list[k]!;
      childTo[childStart[s]! + k / 2] = list[k + 1]!;
    }
    outputList.set(ends[s]!, outputStart[s]!);
  }
  return { root, childStart, childSym, childTo, fail, outputStart, outputList };
}
