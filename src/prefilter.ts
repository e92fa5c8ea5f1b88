// A cheap exact test run before a costly regular expression: lists of literals such that every
// match of the regex contains one literal of each list, read from its source once. Where a list
// has none of its literals in a text the regex cannot match there, so it is not run; elsewhere
// the regex decides as before. Most segments hold none of a rule's literals ('you should',
// 'easier said than done', 'says'), and one pass of an automaton over the text costs far less than
// trying long alternations with lookbehinds at every character (the claim-type, attribution and
// reference patterns were about a fifth of pass 2).
//
// The literals are derived by a small reader of the regex syntax the rules use (literals,
// escapes, classes, groups, alternation, quantifiers, anchors, lookarounds); anything it does not
// know contributes nothing, so the test can only be too lenient, never too strict. Literals hold
// only ASCII and caseless punctuation (U+2000-U+206F) and are looked for case-insensitively, for
// every regex (for a case-sensitive one that only lets more texts through). Under the i flag an
// ASCII letter also matches the long s (U+017F) and the Kelvin sign (U+212A): a text holding
// either (or the dotless ı, for regexes without the u flag) is passed to every regex.

/** Past this many strings a set is given up (the test then stays lenient). */
const CAP = 48;

interface Info {
  /** Every string the node can match is one of these (null: unknown or too many). */
  set: string[] | null;
  /** Every match contains one literal of each of these lists (none known: empty). */
  all: string[][];
}

const ANY: Info = { set: null, all: [] };
const EMPTY: Info = { set: [''], all: [] };
/** Past this many lists a regex keeps its best ones. */
const MAX_LISTS = 4;

const SPECIAL_FOLDS = /[\u017f\u212a\u0131]/u;

/**
 * Lists of strings such that every match of `re` contains one string of each list (lower-cased
 * under the i flag); empty when none can be told.
 */
export function requiredLiteralLists(re: RegExp): string[][] {
  let info: Info;
  try {
    info = new Reader(re.source, re.ignoreCase).read();
  } catch {
    return [];
  }
  // A literal holding another one of its list adds nothing ('recommended' after 'recommend');
  // a long list is left as it is (the check is quadratic, and only saves automaton states).
  return lists(info).map((l) => (l.length > 64 ? l : l.filter((x) => !l.some((o) => o !== x && x.includes(o)))));
}

/** The most telling of requiredLiteralLists, or null. */
export function requiredLiterals(re: RegExp): string[] | null {
  return requiredLiteralLists(re)[0] ?? null;
}

/**
 * Which of several regexes can match a text, from one pass over it: an Aho-Corasick automaton over
 * all their required literals, case-folded. `scan` gives one flag per regex: 0 where one of its
 * lists has no literal in the text (it cannot match), else 1 (also for a regex without lists).
 */
export class Prefilter {
  private readonly automaton: Automaton | undefined;
  /** Per regex, the ids of its literal lists (each must be hit). */
  private readonly listsOf: number[][];
  private listCount = 0;
  private readonly hits: Uint8Array;
  private readonly flags: Uint8Array;

  constructor(regexes: readonly RegExp[]) {
    this.flags = new Uint8Array(regexes.length);
    // One automaton for all, case-folded: a literal of a case-sensitive regex is in a text only if
    // it is there in any case, so the fold can only let more texts through, never fewer.
    const literals: [string, number][] = [];
    this.listsOf = regexes.map((re) => requiredLiteralLists(re).map((list) => {
      const id = this.listCount++;
      for (const l of list) literals.push([l.toLowerCase(), id]);
      return id;
    }));
    this.hits = new Uint8Array(this.listCount);
    this.automaton = literals.length ? new Automaton(literals) : undefined;
  }

  /** Flags per regex (1: may match); the array is reused by the next scan. */
  scan(text: string): Uint8Array {
    const hits = this.hits;
    hits.fill(0);
    if (this.automaton) {
      if (SPECIAL_FOLDS.test(text)) this.automaton.all(hits);
      else this.automaton.scan(text, hits);
    }
    const flags = this.flags;
    for (let i = 0; i < flags.length; i++) {
      const ids = this.listsOf[i]!;
      let f = 1;
      for (let j = 0; j < ids.length; j++) if (!hits[ids[j]!]) { f = 0; break; }
      flags[i] = f;
    }
    return flags;
  }
}

/** Aho-Corasick as a table: states by character class, each state with the regexes it reports. */
class Automaton {
  private readonly classOf = new Uint8Array(0x10000);
  private readonly classes: number;
  private readonly next: Int32Array;
  private readonly reports: (number[] | undefined)[];
  /** 1 where a state reports something (a typed array: the scan's hot test). */
  private readonly reporting: Uint8Array;
  private readonly owners: number[];

  constructor(literals: readonly [string, number][]) {
    this.owners = [...new Set(literals.map(([, i]) => i))];
    // Class 0: any character in no literal. Under folding an ASCII letter's two cases share one.
    let classes = 1;
    for (const [l] of literals) for (const c of l) {
      const code = c.charCodeAt(0);
      if (this.classOf[code]) continue;
      this.classOf[code] = classes;
      if (code >= 0x61 && code <= 0x7a) this.classOf[code - 0x20] = classes;
      classes++;
    }
    if (classes > 255) throw new Error('too many characters');
    this.classes = classes;
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
    this.reports = out.map((o) => (o ? [...new Set(o)] : undefined));
    this.reporting = new Uint8Array(n * classes);
    out.forEach((o, st) => { if (o) this.reporting[st * classes] = 1; });
  }

  scan(text: string, hits: Uint8Array): void {
    const { classOf, classes, next, reports, reporting } = this;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      row = next[row + classOf[text.charCodeAt(i)]!]!;
      if (reporting[row]) for (const o of reports[row / classes]!) hits[o] = 1;
    }
  }

  all(hits: Uint8Array): void {
    for (const o of this.owners) hits[o] = 1;
  }
}

/** Every list a node's matches must hit: its own, and its set when that has no empty string. */
function lists(info: Info): string[][] {
  return info.set && !info.set.includes('') ? [...info.all, info.set] : info.all;
}

const shortest = (l: string[]): number => {
  let n = Infinity;
  for (const x of l) if (x.length < n) n = x.length;
  return n;
};

const chars = (l: string[]): number => {
  let n = 0;
  for (const x of l) n += x.length;
  return n;
};

/**
 * The best MAX_LISTS distinct lists, best first: longer shortest literal (up to 6 characters,
 * past which a literal is rare enough), then fewer characters in all (a smaller automaton). A
 * list holding the empty string tells nothing, nor does one of single letters only (in nearly
 * every text; it would cost a report per letter).
 */
function best(all: string[][]): string[][] {
  if (all.length === 0) return all;
  if (all.length === 1) {
    const l = all[0]!, min = shortest(l);
    return min > 1 || (min === 1 && !l.every((x) => x.length === 1 && /^[a-z]$/iu.test(x))) ? all : [];
  }
  const ranked = all
    .map((l) => ({ l, min: Math.min(shortest(l), 6), size: chars(l) }))
    .filter(({ l, min }) => min > 0 && !(min === 1 && l.every((x) => x.length === 1 && /^[a-z]$/iu.test(x))))
    .sort((a, b) => b.min - a.min || a.size - b.size);
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const { l } of ranked) {
    const key = l.length === 1 ? l[0]! : [...l].sort().join('\n');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(l);
    if (out.length === MAX_LISTS) break;
  }
  return out;
}

const uniq = (xs: string[]): string[] => [...new Set(xs)];

function product(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > CAP) return null;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return uniq(out);
}

// Characters that can stand in a literal: ASCII, and punctuation with no case (U+2000-U+206F).
const literalChar = (c: string): boolean => {
  const n = c.codePointAt(0) ?? 0;
  return n < 0x80 || (n >= 0x2000 && n <= 0x206f);
};

class Reader {
  private at = 0;
  constructor(private readonly src: string, private readonly fold: boolean) {}

  read(): Info {
    const info = this.alternation();
    if (this.at !== this.src.length) throw new Error('unread');
    return info;
  }

  private peek(): string | undefined {
    return this.src[this.at];
  }

  private alternation(): Info {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    // Every match is one branch's: it holds a literal of some branch's best list.
    let set: Set<string> | null = new Set();
    let must: Set<string> | null = new Set();
    for (const b of branches) {
      if (set && b.set) for (const x of b.set) set.add(x);
      if (!b.set || (set && set.size > CAP)) set = null;
      const m = must && best(lists(b))[0];
      if (must && m) for (const x of m) must.add(x);
      else must = null;
    }
    return { set: set && [...set], all: must ? [[...must]] : [] };
  }

  private sequence(): Info {
    const items: Info[] = [];
    while (this.at < this.src.length && this.peek() !== '|' && this.peek() !== ')') items.push(this.quantified());
    if (items.length === 1) return items[0]!;
    // Every item's lists must be hit, and the product of each run of items with known sets.
    const all: string[][] = [];
    let run: string[] | null = null;
    let set: string[] | null = [''];
    for (const it of items) {
      all.push(...lists(it));
      if (it.set) {
        // A run too long to multiply out is counted as it is and starts over at this item.
        const longer: string[] | null = run && product(run, it.set);
        if (run && !longer) all.push(run);
        run = longer ?? it.set;
      } else {
        if (run) all.push(run);
        run = null;
      }
      set = set && it.set ? product(set, it.set) : null;
    }
    if (run) all.push(run);
    return { set, all: best(all) };
  }

  private quantified(): Info {
    const atom = this.atom();
    const q = this.quantifier();
    if (!q) return atom;
    if (this.peek() === '?') this.at++; // lazy
    const [min, max] = q;
    if (min === 0) return max === 1 && atom.set ? { set: uniq([...atom.set, '']), all: [] } : ANY;
    if (min === 1 && max === 1) return atom;
    return { set: null, all: lists(atom) };
  }

  private quantifier(): [number, number] | undefined {
    const c = this.peek();
    if (c === '*') { this.at++; return [0, Infinity]; }
    if (c === '+') { this.at++; return [1, Infinity]; }
    if (c === '?') { this.at++; return [0, 1]; }
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/u.exec(this.src.slice(this.at));
      if (!m) throw new Error('brace');
      this.at += m[0].length;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
      return [min, max];
    }
    return undefined;
  }

  private char(c: string): Info {
    if (!literalChar(c)) return ANY;
    return { set: [this.fold ? c.toLowerCase() : c], all: [] };
  }

  private atom(): Info {
    const c = this.src[this.at]!;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '^' || c === '$') { this.at++; return EMPTY; }
    if (c === '.') { this.at++; return ANY; }
    if (c === '*' || c === '+' || c === '?' || c === '{' || c === ']' || c === '}') throw new Error('syntax');
    const cp = String.fromCodePoint(this.src.codePointAt(this.at)!);
    this.at += cp.length;
    return this.char(cp);
  }

  private group(): Info {
    this.at++;
    let look = false;
    if (this.src.startsWith('?:', this.at)) this.at += 2;
    else if (this.src.startsWith('?=', this.at) || this.src.startsWith('?!', this.at)) { this.at += 2; look = true; }
    else if (this.src.startsWith('?<=', this.at) || this.src.startsWith('?<!', this.at)) { this.at += 3; look = true; }
    else if (this.src.startsWith('?<', this.at)) {
      const end = this.src.indexOf('>', this.at);
      if (end < 0) throw new Error('name');
      this.at = end + 1;
    } else if (this.peek() === '?') throw new Error('group');
    const inner = this.alternation();
    if (this.peek() !== ')') throw new Error('paren');
    this.at++;
    return look ? EMPTY : inner;
  }

  private escape(): Info {
    const c = this.src[this.at + 1];
    if (c === undefined) throw new Error('escape');
    this.at += 2;
    if (c === 'b' || c === 'B') return EMPTY;
    if ('dDwWsS'.includes(c)) return ANY;
    if (c === 'p' || c === 'P') {
      if (this.peek() !== '{') throw new Error('property');
      this.at = this.src.indexOf('}', this.at) + 1;
      if (this.at === 0) throw new Error('property');
      return ANY;
    }
    if (c === 'k') {
      this.at = this.src.indexOf('>', this.at) + 1;
      if (this.at === 0) throw new Error('backreference');
      return ANY;
    }
    if (/\d/u.test(c)) {
      while (/\d/u.test(this.peek() ?? '')) this.at++;
      return ANY;
    }
    if (c === 'u' && this.peek() === '{') {
      this.at = this.src.indexOf('}', this.at) + 1;
      if (this.at === 0) throw new Error('code escape');
      return ANY;
    }
    if (c === 'u' || c === 'x' || c === 'c') {
      this.at += c === 'u' ? 4 : c === 'x' ? 2 : 1;
      return ANY;
    }
    const controls: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };
    return this.char(controls[c] ?? c);
  }

  private charClass(): Info {
    this.at++;
    const negated = this.peek() === '^';
    if (negated) this.at++;
    const chars: string[] = [];
    let known = !negated;
    let first = true;
    while (this.peek() !== ']' || first) {
      first = false;
      if (this.at >= this.src.length) throw new Error('class');
      let c = this.src[this.at]!;
      if (c === '\\') {
        const e = this.src[this.at + 1] ?? '';
        this.at += 2;
        if (e === 'p' || e === 'P') {
          this.at = this.src.indexOf('}', this.at) + 1;
          if (this.at === 0) throw new Error('property');
          known = false;
          continue;
        }
        if ('dDwWsSbBuxc'.includes(e) || /\d/u.test(e)) { known = false; continue; }
        c = ({ n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' } as Record<string, string>)[e] ?? e;
      } else {
        c = String.fromCodePoint(this.src.codePointAt(this.at)!);
        this.at += c.length;
      }
      if (this.peek() === '-' && this.src[this.at + 1] !== ']') {
        // A range: too many characters to list.
        this.at++;
        if (this.peek() === '\\') this.at += 2;
        else this.at += String.fromCodePoint(this.src.codePointAt(this.at)!).length;
        known = false;
        continue;
      }
      if (!literalChar(c)) known = false;
      chars.push(this.fold ? c.toLowerCase() : c);
    }
    this.at++;
    if (!known || chars.length === 0 || chars.length > 8) return ANY;
    return { set: uniq(chars), all: [] };
  }
}
