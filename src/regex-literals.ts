// The literals every match of a regular expression must contain, read from its source: lists
// such that a text the regex matches in holds one literal of each list (in the match, or next to
// it for a positive lookaround; prefilter.ts runs a regex only where that is so). A small reader
// of the regex syntax the rules use (literals, escapes, classes, groups, alternation,
// quantifiers, anchors, lookarounds); anything it does not know contributes nothing, so the
// lists can only be too lenient, never too strict. Literals hold only ASCII and caseless
// punctuation and signs (literalChar), lower-cased under the i flag.

/** Past this many strings a set is given up (the test then stays lenient). */
const CAP = 48;

interface Info {
  /** Every string the node can match is one of these (null: unknown or too many). */
  set: string[] | null;
  /** Every text the node matches in holds one literal of each of these lists (in the match, or
   *  beside it for a lookaround; none known: empty). */
  all: string[][];
}

const ANY: Info = { set: null, all: [] };
const EMPTY: Info = { set: [''], all: [] };
/** Past this many lists a regex keeps its best ones. */
const MAX_LISTS = 4;

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
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

function product(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > CAP) return null;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return uniq(out);
}

// Characters that can stand in a literal: ASCII, punctuation with no case (U+2000-U+206F), and
// Latin-1's signs and punctuation ('©', '»', '«', '·', '×'), which no other character matches
// under the i flag either; not 'ª', 'µ' (the micro sign folds to Greek mu) and 'º'.
// tests/prefilter.test.ts checks every code point against these.
export const literalChar = (c: string): boolean => {
  const n = c.codePointAt(0) ?? 0;
  return n < 0x80 || (n >= 0x2000 && n <= 0x206f) || (n >= 0xa0 && n <= 0xbf && n !== 0xaa && n !== 0xb5 && n !== 0xba) || n === 0xd7 || n === 0xf7;
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
    // A lookaround matches nothing itself. A positive one still needs its text next to the match,
    // so the text holds a literal of each of its lists (what the prefilter tests); a negative one
    // tells nothing.
    let look: 'positive' | 'negative' | undefined;
    if (this.src.startsWith('?:', this.at)) this.at += 2;
    else if (this.src.startsWith('?=', this.at) || this.src.startsWith('?!', this.at)) { look = this.src[this.at + 1] === '=' ? 'positive' : 'negative'; this.at += 2; }
    else if (this.src.startsWith('?<=', this.at) || this.src.startsWith('?<!', this.at)) { look = this.src[this.at + 2] === '=' ? 'positive' : 'negative'; this.at += 3; }
    else if (this.src.startsWith('?<', this.at)) {
      const end = this.src.indexOf('>', this.at);
      if (end < 0) throw new Error('name');
      this.at = end + 1;
    } else if (this.peek() === '?') throw new Error('group');
    const inner = this.alternation();
    if (this.peek() !== ')') throw new Error('paren');
    this.at++;
    if (look === 'positive') return { set: [''], all: lists(inner) };
    return look ? EMPTY : inner;
  }

  private escape(): Info {
    const c = this.src[this.at + 1];
    if (c === undefined) throw new Error('escape');
    this.at += 2;
    if (c === 'b' || c === 'B') return EMPTY;
    if (c === 'd') return { set: DIGITS, all: [] }; // [0-9], with or without the u and i flags
    if ('DwWsS'.includes(c)) return ANY;
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
