// The literal strings one of which every match of a pattern must contain, read from the pattern
// in one pass (ECMAScript's grammar with the u flag, which new RegExp has already checked).
// Conservative by construction: a part contributes literals only where every match holds them;
// a character class gives its few characters, an optional part its strings and the empty one, a
// repeated or alternative part what each repetition or branch must hold; sets (\d \w \p{…} .),
// negated classes, backreferences and anything this reader does not know give none. A pattern
// whose every branch has no literal gives null: it must always be tried. literals.ts builds the
// prefilter on these; tests/literals.test.ts checks it against the patterns themselves.

/** At most this many strings in a set of alternatives (products and classes beyond it give up). */
const LIMIT = 16;

interface Info {
  /** Every string the part can match, when few; '' for an assertion. */
  exact: Set<string> | null;
  /** Non-empty strings one of which every match contains, when known. */
  req: Set<string> | null;
}

const UNKNOWN: Info = { exact: null, req: null };
const empty = (): Info => ({ exact: new Set(['']), req: null });
const char = (cp: number): Info => ({ exact: new Set([String.fromCodePoint(cp)]), req: null });

/** Thrown on syntax this reader does not handle: the pattern then has no known literals. */
class Unread extends Error {}

function shortest(set: Set<string>): number {
  let n = Infinity;
  for (const s of set) if (s.length < n) n = s.length;
  return n;
}

/** The more selective of two requirement sets: longer shortest string, then fewer strings. */
function better(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (!a) return b;
  if (!b) return a;
  const la = shortest(a);
  const lb = shortest(b);
  if (la !== lb) return la > lb ? a : b;
  return b.size < a.size ? b : a;
}

const usable = (s: Set<string> | null): Set<string> | null => (s && s.size && !s.has('') ? s : null);
const reqOf = (i: Info): Set<string> | null => better(i.req, usable(i.exact));

function product(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > LIMIT) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/** Sequences of parts: one string of the product of each run of exact parts is in every match. */
class Sequence {
  private req: Set<string> | null = null;
  private acc: Set<string> = new Set(['']);
  private whole = true;
  add(i: Info): void {
    this.req = better(this.req, i.req);
    const joined = i.exact ? product(this.acc, i.exact) : null;
    if (joined) {
      this.acc = joined;
      return;
    }
    this.whole = false;
    this.req = better(this.req, usable(this.acc));
    this.acc = i.exact ?? new Set(['']);
  }
  info(): Info {
    return { exact: this.whole ? this.acc : null, req: better(this.req, usable(this.acc)) };
  }
}

/** Branches: every match is one branch's, so each branch must give literals and all of them count. */
function union(infos: Info[]): Info {
  let exact: Set<string> | null = new Set();
  let req: Set<string> | null = new Set();
  for (const i of infos) {
    if (exact && i.exact && exact.size + i.exact.size <= LIMIT) for (const s of i.exact) exact.add(s);
    else exact = null;
    const r = reqOf(i);
    if (req && r) for (const s of r) req.add(s);
    else req = null;
  }
  return { exact, req: usable(req) };
}

function quantified(inner: Info, min: number, max: number): Info {
  if (min === 1 && max === 1) return inner;
  if (min >= 1) return { exact: null, req: reqOf(inner) };
  if (max === 1 && inner.exact && inner.exact.size < LIMIT) return { exact: new Set(['', ...inner.exact]), req: null };
  return UNKNOWN;
}

const SETS = 'dDsSwW';
const SPECIAL = '\\^$.|?*+()[]{}';
const QUANTIFIERS = '*+?{';
const CONTROLS: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11 };

class Reader {
  private i = 0;
  constructor(private readonly src: string) {}

  read(): Info {
    const info = this.disjunction();
    if (this.i !== this.src.length) throw new Unread();
    return info;
  }

  private peek(k = 0): string {
    return this.src[this.i + k] ?? '';
  }

  private expect(s: string): void {
    if (!this.src.startsWith(s, this.i)) throw new Unread();
    this.i += s.length;
  }

  private disjunction(): Info {
    const branches = [this.alternative()];
    while (this.peek() === '|') {
      this.i++;
      branches.push(this.alternative());
    }
    return branches.length === 1 ? branches[0]! : union(branches);
  }

  private alternative(): Info {
    const seq = new Sequence();
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') seq.add(this.term());
    return seq.info();
  }

  private term(): Info {
    // A run of plain characters, none of them quantified, is one string (and one step).
    let end = this.i;
    while (end < this.src.length && !SPECIAL.includes(this.src[end]!) && (this.src.charCodeAt(end) & 0xf800) !== 0xd800
      && !QUANTIFIERS.includes(this.src[end + 1] ?? '')) end++; // surrogates: read as code points by atom()
    if (end > this.i + 1) {
      const run = this.src.slice(this.i, end);
      this.i = end;
      return { exact: new Set([run]), req: null };
    }
    const atom = this.atom();
    const c = this.peek();
    let min: number, max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/u.exec(this.src.slice(this.i));
      if (!m) throw new Unread();
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.peek() === '?') this.i++; // lazy: the same strings
    return quantified(atom, min, max);
  }

  private atom(): Info {
    const c = this.peek();
    if (c === '^' || c === '$') {
      this.i++;
      return empty();
    }
    if (c === '.') {
      this.i++;
      return UNKNOWN;
    }
    if (c === '(') return this.group();
    if (c === '[') return this.characterClass();
    if (c === '\\') {
      const e = this.peek(1);
      if (e === 'b' || e === 'B') {
        this.i += 2;
        return empty();
      }
      if (/[1-9]/u.test(e)) { // a backreference
        this.i += 2;
        while (/\d/u.test(this.peek())) this.i++;
        return UNKNOWN;
      }
      if (e === 'k') {
        const end = this.src.indexOf('>', this.i);
        if (this.peek(2) !== '<' || end < 0) throw new Unread();
        this.i = end + 1;
        return UNKNOWN;
      }
      const cp = this.escape();
      return cp < 0 ? UNKNOWN : char(cp);
    }
    if ('*+?{}])|'.includes(c)) throw new Unread();
    const cp = this.src.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return char(cp);
  }

  private group(): Info {
    let look = false;
    if (this.src.startsWith('(?:', this.i)) this.i += 3;
    else if (/^\(\?<?[=!]/u.test(this.src.slice(this.i, this.i + 4))) {
      look = true;
      this.i += this.peek(2) === '<' ? 4 : 3;
    } else if (this.src.startsWith('(?<', this.i)) {
      const end = this.src.indexOf('>', this.i);
      if (end < 0) throw new Unread();
      this.i = end + 1;
    } else if (this.peek(1) === '?') throw new Unread(); // modifiers and anything newer
    else this.i++;
    const inner = this.disjunction();
    this.expect(')');
    return look ? empty() : inner; // a lookaround consumes nothing
  }

  /** An escape other than a backreference, at `\`: its code point, or -1 for a set (\d, \p{…}). */
  private escape(inClass = false): number {
    this.i++; // the backslash
    const e = this.peek();
    this.i++;
    if (SETS.includes(e)) return -1;
    if (e === 'p' || e === 'P') {
      const end = this.src.indexOf('}', this.i);
      if (this.peek() !== '{' || end < 0) throw new Unread();
      this.i = end + 1;
      return -1;
    }
    if (e in CONTROLS) return CONTROLS[e]!;
    if (e === 'b' && inClass) return 8;
    if (e === 'c') {
      const letter = this.peek();
      if (!/[A-Za-z]/u.test(letter)) throw new Unread();
      this.i++;
      return letter.charCodeAt(0) % 32;
    }
    if (e === '0') {
      if (/\d/u.test(this.peek())) throw new Unread();
      return 0;
    }
    if (e === 'x') return this.hex(2);
    if (e === 'u') {
      if (this.peek() === '{') {
        const end = this.src.indexOf('}', this.i);
        if (end < 0) throw new Unread();
        const cp = parseInt(this.src.slice(this.i + 1, end), 16);
        if (!/^[0-9a-fA-F]+$/u.test(this.src.slice(this.i + 1, end)) || cp > 0x10ffff) throw new Unread();
        this.i = end + 1;
        return cp;
      }
      const lead = this.hex(4);
      // A pair of \u escapes for one astral code point reads as that code point.
      if (lead >= 0xd800 && lead <= 0xdbff && this.src.startsWith('\\u', this.i) && /^[0-9a-fA-F]{4}$/u.test(this.src.slice(this.i + 2, this.i + 6))) {
        const trail = parseInt(this.src.slice(this.i + 2, this.i + 6), 16);
        if (trail >= 0xdc00 && trail <= 0xdfff) {
          this.i += 6;
          return (lead - 0xd800) * 0x400 + (trail - 0xdc00) + 0x10000;
        }
      }
      return lead;
    }
    // With the u flag only syntax characters, '/' and (in a class) '-' may be escaped: themselves.
    if ('^$\\.*+?()[]{}|/'.includes(e) || (inClass && e === '-')) return e.charCodeAt(0);
    throw new Unread();
  }

  private hex(n: number): number {
    const digits = this.src.slice(this.i, this.i + n);
    if (!new RegExp(`^[0-9a-fA-F]{${n}}$`, 'u').test(digits)) throw new Unread();
    this.i += n;
    return parseInt(digits, 16);
  }

  private characterClass(): Info {
    this.i++; // [
    const negate = this.peek() === '^';
    if (negate) this.i++;
    const out = new Set<string>();
    let known = !negate;
    while (this.peek() !== ']') {
      if (this.i >= this.src.length) throw new Unread();
      const from = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '') {
        this.i++;
        const to = this.classAtom();
        if (from < 0 || to < 0 || to < from) throw new Unread();
        if (to - from >= LIMIT) known = false;
        else for (let c = from; c <= to; c++) out.add(String.fromCodePoint(c));
      } else if (from < 0) known = false;
      else out.add(String.fromCodePoint(from));
      if (out.size > LIMIT) known = false;
    }
    this.i++; // ]
    return known && out.size ? { exact: out, req: null } : UNKNOWN;
  }

  private classAtom(): number {
    if (this.peek() === '\\') return this.escape(true);
    const cp = this.src.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return cp;
  }
}

/** The literals one of which every match of `re` contains, or null when not known. */
export function requiredLiterals(re: RegExp): string[] | null {
  if (!re.unicode || !/^[dgimsuy]*$/u.test(re.flags)) return null;
  let req: Set<string> | null;
  try {
    req = reqOf(new Reader(re.source).read());
  } catch (e) {
    if (e instanceof Unread) return null;
    throw e;
  }
  if (!req) return null;
  // A string holding another of the set adds nothing: the shorter one is found wherever it is.
  const all = [...req].sort();
  return all.filter((s) => !all.some((t) => t !== s && s.includes(t)));
}
