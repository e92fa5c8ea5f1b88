// Names of speakers: how a name, its credentials and its description are read from text, what kind
// of source a name is, and the per-document registry that resolves a surname ("Mikhael says") to
// the fullest form the document gives anywhere ("Medhat Mikhael, M.D., a pain management
// specialist ...").
import nameWordsFile from './name-words.json' with { type: 'json' };
import credentialsFile from './credentials.json' with { type: 'json' };
import { matchesOf } from '../matches.js';

export interface PersonName {
  title?: string;
  /** Given names and surname, as written ("Medhat", "Mikhael"). */
  tokens: string[];
  credentials: string[];
  description?: string;
}

const words = (groups: { words: string[] }[]): string[] => groups.flatMap((g) => g.words);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

const titles = words(nameWordsFile.titles);
const orgWords = new Set(words(nameWordsFile.organisationWords));
const pubWords = new Set(words(nameWordsFile.publicationWords).map((w) => w.toLowerCase()));
const notNames = new Set(words(nameWordsFile.notNames));
const nameStarts = new Set(words(nameWordsFile.nameStarts));

export const TITLE = `(?:${[...new Set(titles.map((t) => t.replace(/\.$/u, '')))].map(escape).join('|')})\\.?`;
// A capitalised word ("Ed", "O'Brien", "Smith-Jones", "HealthTap") or an initial ("J.").
const TOKEN = `(?:\\p{Lu}[\\p{L}'’-]*\\p{L}|\\p{Lu}\\.)`;
// Small words inside an institution's name ("Centers for Disease Control and Prevention").
const CONNECTOR = '(?:of|for|and|on|the|&)';
/**
 * A name: optional title, then capitalised tokens, possibly joined by small connectors as in the
 * names of institutions. Group-free, for use inside other patterns.
 */
export const NAME = `(?:${TITLE}\\s+)?${TOKEN}(?:\\s+(?:${CONNECTOR}\\s+)?${TOKEN}){0,6}`;

// "M.D." and "MD" are one credential: a dot may follow each letter.
const credentialPattern = (c: string): string => [...c].map((ch) => (/\p{L}/u.test(ch) ? `${escape(ch)}\\.?` : escape(ch))).join('');
const CREDENTIAL = `(?:(?:${words(credentialsFile.credentials).sort((a, b) => b.length - a.length).map(credentialPattern).join('|')})(?:\\s\\d{2,4}(?!\\d))?)`;
/** Credentials after a name: ", M.D.", ", BS,DC,CSCS". */
export const CREDENTIALS = `(?:\\s*,\\s*${CREDENTIAL}(?=[\\s,;:)]|\\.(?:\\s|$)|$))+`;
const credentialRe = new RegExp(CREDENTIAL, 'gu');
const titleOnly = new RegExp(`^${TITLE}$`, 'u');

/** Read a name matched by NAME (plus the credentials text after it, if any). */
export function parseName(name: string, credentials = '', description?: string): PersonName {
  const parts = name.trim().split(/\s+/u);
  if (parts.length > 1 && /^the$/iu.test(parts[0] ?? '')) parts.shift();
  // After a byline marker the name begins: what came before it is a headline run into the byline.
  let start = parts.length - 1;
  while (start > 0 && !nameStarts.has(parts[start - 1]!)) start--;
  if (start > 0) parts.splice(0, start);
  let title: string | undefined;
  const first = parts[0] ?? '';
  if (parts.length > 1 && titleOnly.test(first)) {
    title = first.endsWith('.') || /^(?:Doctor|Professor|Nurse|Coach)$/u.test(first) ? first : `${first}.`;
    parts.shift();
  }
  // "M.D." keeps its dots; "CSCS." at the end of a sentence loses the sentence's period.
  const creds = matchesOf(credentialRe, credentials).map((m) => (/\.\p{L}/u.test(m[0]) ? m[0] : m[0].replace(/\.$/u, '')));
  return { ...(title ? { title } : {}), tokens: parts, credentials: creds, ...(description ? { description: tidyDescription(description) } : {}) };
}

function tidyDescription(d: string): string {
  return d.trim().replace(/[\s,;.]+$/u, '');
}

export const surname = (p: PersonName): string => (p.tokens[p.tokens.length - 1] ?? '').toLowerCase();

export function displayName(p: PersonName): string {
  return [p.title, ...p.tokens].filter(Boolean).join(' ');
}

/** What kind of source a capitalised name is, or undefined if it cannot be a speaker. */
export function nameKind(p: PersonName, registry?: NameRegistry): 'person' | 'organization' | 'publication' | undefined {
  const toks = p.tokens;
  const first = toks[0] ?? '';
  if (!toks.length) return undefined;
  if (p.title || p.credentials.length) return 'person';
  if (toks.some((t) => pubWords.has(t.toLowerCase())) || toks.some((t) => /\.(?:com|org|net)$/iu.test(t))) return 'publication';
  if (toks.some((t) => orgWords.has(t.replace(/['’]s$/u, ''))) || toks.some((t) => /^\p{Ll}|^&$/u.test(t))) return 'organization';
  if (notNames.has(first)) return undefined;
  // An acronym ('HCA', 'USDA') is an institution, never a person's name.
  if (toks.length === 1 && /^\p{Lu}{2,6}$/u.test(first)) return 'organization';
  if (registry?.has(p)) return 'person';
  // A single CamelCase word ("HealthTap") is a website or company; a single plain word is taken as
  // a surname only when the registry knows it (checked by the caller).
  if (toks.length === 1 && /^\p{Lu}\p{Ll}+\p{Lu}/u.test(first)) return 'publication';
  return toks.length >= 2 ? 'person' : undefined;
}

interface Entry { name: PersonName; ambiguous: boolean }

/**
 * Per-document registry of people: surname -> the fullest form given anywhere in the document.
 * Two different people with one surname make that surname ambiguous: it then resolves to nothing.
 */
export class NameRegistry {
  private entries = new Map<string, Entry>();

  add(p: PersonName): void {
    const key = surname(p);
    if (!key) return;
    const had = this.entries.get(key);
    if (!had) {
      this.entries.set(key, { name: { ...p, credentials: [...p.credentials] }, ambiguous: false });
      return;
    }
    if (!compatible(had.name, p)) {
      had.ambiguous = true;
      return;
    }
    had.name = merge(had.name, p);
  }

  has(p: PersonName): boolean {
    const e = this.entries.get(surname(p));
    return Boolean(e && !e.ambiguous && compatible(e.name, p));
  }

  /** A person with this surname is known (ambiguous or not). */
  knowsSurname(p: PersonName): boolean {
    return this.entries.has(surname(p));
  }

  /** Known people (unambiguous surnames) whose surname appears capitalised in the text. */
  mentionedIn(text: string): PersonName[] {
    const out: PersonName[] = [];
    for (const e of this.entries.values()) {
      const last = e.name.tokens[e.name.tokens.length - 1] ?? '';
      if (!e.ambiguous && last.length > 1 && text.includes(last) && surnameRegex(last).test(text)) out.push(e.name);
    }
    return out;
  }

  /** The fullest known form of this person, or the name itself when unknown or ambiguous. */
  resolve(p: PersonName): PersonName {
    const e = this.entries.get(surname(p));
    if (!e || e.ambiguous || !compatible(e.name, p)) return p;
    return merge(e.name, p);
  }
}

// The surname as a whole word: one regex per distinct surname, made once (most texts do not hold
// the surname at all, which `includes` tells first).
const surnameRegexes = new Map<string, RegExp>();
function surnameRegex(last: string): RegExp {
  let re = surnameRegexes.get(last);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}])${escape(last)}(?![\\p{L}])`, 'u');
    if (surnameRegexes.size < 10_000) surnameRegexes.set(last, re);
  }
  return re;
}

// Same surname and, where both give one, the same first name (or its initial); a shorter form
// that ends the longer one ("Harden Bradford" of "Joy Harden Bradford") is the same person.
function compatible(a: PersonName, b: PersonName): boolean {
  if (surname(a) !== surname(b)) return false;
  if (a.tokens.length < 2 || b.tokens.length < 2) return true;
  const [short, long] = a.tokens.length <= b.tokens.length ? [a.tokens, b.tokens] : [b.tokens, a.tokens];
  if (short.length < long.length && short.every((t, i) => t === long[long.length - short.length + i])) return true;
  const fa = (a.tokens[0] ?? '').replace(/\.$/u, '').toLowerCase();
  const fb = (b.tokens[0] ?? '').replace(/\.$/u, '').toLowerCase();
  return fa === fb || (fa.length === 1 && fb.startsWith(fa)) || (fb.length === 1 && fa.startsWith(fb));
}

function merge(a: PersonName, b: PersonName): PersonName {
  const tokens = b.tokens.length > a.tokens.length ? b.tokens : a.tokens;
  const credentials = [...a.credentials];
  const seen = new Set(credentials.map(normCred));
  for (const c of b.credentials) if (!seen.has(normCred(c))) { seen.add(normCred(c)); credentials.push(c); }
  const description = longer(a.description, b.description);
  const title = a.title ?? b.title;
  return { ...(title ? { title } : {}), tokens, credentials, ...(description ? { description } : {}) };
}

const normCred = (c: string): string => c.replace(/\./gu, '').toUpperCase();
const longer = (a?: string, b?: string): string | undefined => ((b?.length ?? 0) > (a?.length ?? 0) ? b : a);
