// Sources stage: who the text says each claim comes from, and the page-level references.
//   explicit   "X says", "says X, M.D., a ...", "according to X", "Answered by Dr. X:"
//   resolved   a surname or "Dr. X" -> the fullest form the document gives (NameRegistry)
//   inherited  items of a speaker's tip list, a quote that goes on (or ends) in the next sentence,
//              and "he says" when the person it means is certain (resolvePronoun)
//   vague      "Research suggests", "Doctors recommend": kind 'vague', never a named source
//   page       web addresses and reference entries anywhere in the dump: kind 'url' / 'citation'
// A sentence with no attribution gets none: a wrong speaker is worse than no speaker.
import { note } from '../doc.js';
import type { Claim, Doc, Source } from '../types.js';
import { findAttributions, opensList, type Attribution } from './attribution.js';
import { CREDENTIALS, NAME, NameRegistry, displayName, nameKind, parseName, surname, type PersonName } from './names.js';
import { pageReferences } from './references.js';
import { matchesOf } from '../matches.js';

type Kind = Source['kind'];
interface Found { kind: Kind; name: string; person?: PersonName }
interface Pending { key: string; source: Found; first: number; mentions: Set<number> }
interface Given { key: string; cue: string; how: 'explicit' | 'inherited' }

const nameWithCredentials = new RegExp(`(${NAME})(${CREDENTIALS})`, 'gu');
const OPENING_QUOTE = /^[“"‘]/u;
const fullName = new RegExp(NAME, 'gu');

export function sources(doc: Doc): void {
  const index = new Map(doc.segments.map((s, i) => [s.id, i]));
  // Each segment's attributions are found once: the registry reads them all, claims reuse theirs.
  const attributionsOf = doc.segments.map((seg) => findAttributions(seg.text));
  const registry = buildRegistry(doc, attributionsOf);
  const pending = new Map<string, Pending>();
  const given = new Map<Claim, Given>();
  const mention = (found: Found, at: number): string => {
    const key = `${found.kind}:${found.name.toLowerCase()}`;
    const had = pending.get(key) ?? { key, source: found, first: at, mentions: new Set<number>() };
    had.mentions.add(at);
    had.first = Math.min(had.first, at);
    pending.set(key, had);
    return key;
  };

  // What the sentence just before said about its speaker (for lists and quotes that go on), and
  // the last person named explicitly (for "he says").
  let previous: { at: number; key?: string; list: boolean; quote: boolean } | undefined;
  let lastPerson: { at: number; key: string; person: PersonName } | undefined;
  for (const claim of doc.claims) {
    const at = index.get(claim.segment) ?? 0;
    const adjacent = previous !== undefined && nextKept(doc, previous.at) === at;
    const attributions = doc.segments[at]?.text === claim.text ? (attributionsOf[at] ?? []) : findAttributions(claim.text);
    const explicit = pickNamed(attributions, registry) ?? pickNamed(creditLineBefore(doc, at, attributionsOf), registry);
    if (explicit) {
      const key = mention(explicit.found, at);
      given.set(claim, { key, cue: explicit.cue, how: 'explicit' });
      const quote = /[“”"]/u.test(claim.text) && explicit.pattern !== 'according-to';
      previous = { at, key, list: explicit.listIntro || opensList(claim.text), quote };
      if (explicit.found.person) lastPerson = { at, key, person: explicit.found.person };
      continue;
    }
    const vague = attributions.find((a) => a.kind === 'vague');
    const pronoun = attributions.find((a) => a.kind === 'pronoun');
    if (vague) {
      given.set(claim, { key: mention({ kind: 'vague', name: vague.name }, at), cue: vague.cue, how: 'explicit' });
    } else if (pronoun) {
      const person = resolvePronoun(doc, registry, claim.text.slice(0, pronoun.at), at, lastPerson, mention);
      if (person) {
        given.set(claim, { key: person.key, cue: pronoun.cue, how: 'inherited' });
        previous = { at, key: person.key, list: false, quote: /[“”"]/u.test(claim.text) };
        lastPerson = { ...person, at };
        continue;
      }
      note(doc, 'sources', 'unresolved-speaker', `${claim.segment}: "${pronoun.cue}" has no named speaker just before it; no source given`);
    } else if (adjacent && previous?.key && ((previous.list && claim.type === 'advice') || (previous.quote && OPENING_QUOTE.test(claim.text)))) {
      // The next item of a speaker's tip list, or the speaker's quote going on.
      given.set(claim, { key: previous.key, cue: 'inherited', how: 'inherited' });
      previous = { ...previous, at };
      continue;
    }
    previous = { at, list: false, quote: false };
  }
  fillOpenQuotes(doc, index, given);

  // Sources in order of first mention; page references (url, citation) among them.
  const all: { first: number; key: string; source: Omit<Source, 'ref'> }[] = [];
  for (const p of pending.values()) all.push({ first: p.first, key: p.key, source: toSource(p, doc) });
  for (const r of pageReferences(doc.segments)) all.push({ first: r.first, key: `${r.kind}:${r.name}`, source: { kind: r.kind, name: r.name, mentions: r.mentions } });
  all.sort((a, b) => a.first - b.first || (a.key < b.key ? -1 : 1));
  const refOf = new Map<string, string>();
  doc.sources = all.map((s, i) => {
    refOf.set(s.key, `s${i + 1}`);
    return { ref: `s${i + 1}`, ...s.source };
  });
  for (const claim of doc.claims) {
    const g = given.get(claim);
    const ref = g ? refOf.get(g.key) : undefined;
    claim.sources = g && ref ? [{ ref, cue: g.cue, how: g.how }] : [];
  }
}

/**
 * A Q&A credit line the segmenter cut from the answer ('Answered by Dr. Jane Roe:'), just before
 * the segment at `at` (removed as a byline, or not): its speaker label names who the answer is from.
 */
function creditLineBefore(doc: Doc, at: number, attributionsOf: Attribution[][]): Attribution[] {
  const line = doc.segments[at - 1];
  if (!line || !line.text.endsWith(':')) return [];
  return (attributionsOf[at - 1] ?? []).filter((a) => a.pattern === 'speaker-label');
}

/** People the document names with a full name, a title or credentials, anywhere (bylines too). */
function buildRegistry(doc: Doc, attributionsOf: Attribution[][]): NameRegistry {
  const registry = new NameRegistry();
  for (const [i, seg] of doc.segments.entries()) {
    for (const a of attributionsOf[i] ?? []) {
      if (a.kind === 'named' && (a.name.tokens.length >= 2 || a.name.title || a.name.credentials.length) && nameKind(a.name) === 'person') registry.add(a.name);
    }
    for (const m of matchesOf(nameWithCredentials, seg.text)) {
      const p = parseName(m[1] ?? '', m[2]);
      if (nameKind(p) === 'person') registry.add(p);
    }
  }
  return registry;
}

/** The first attribution that names a real speaker, resolved to its fullest form. */
function pickNamed(attributions: Attribution[], registry: NameRegistry): { found: Found; cue: string; pattern: string; listIntro: boolean } | undefined {
  for (const a of attributions) {
    if (a.kind !== 'named') continue;
    let kind = nameKind(a.name, registry);
    // A single unknown capitalised word: after a reporting verb ("says Smith") it is a person;
    // after "according to" an organisation or site; before a verb it is not trusted.
    if (!kind && a.name.tokens.length === 1 && /^\p{Lu}\p{Ll}/u.test(a.name.tokens[0] ?? '')) {
      if (a.pattern === 'verb-after-quote') kind = 'person';
      else if (a.pattern === 'according-to') kind = 'organization';
    }
    if (!kind) continue;
    const person = kind === 'person' ? registry.resolve(a.name) : undefined;
    const name = person ? displayName(person) : a.name.tokens.join(' ');
    return { found: { kind, name, ...(person ? { person } : {}) }, cue: a.cue, pattern: a.pattern, listIntro: a.listIntro };
  }
  return undefined;
}

function toSource(p: Pending, doc: Doc): Omit<Source, 'ref'> {
  const person = p.source.person;
  return {
    kind: p.source.kind,
    name: p.source.name,
    ...(person?.credentials.length ? { credentials: [...person.credentials] } : {}),
    ...(person?.description ? { description: person.description } : {}),
    mentions: [...p.mentions].sort((a, b) => a - b).map((i) => doc.segments[i]?.id ?? ''),
  };
}

type Mention = (found: Found, at: number) => string;

/**
 * "he says" / "she adds": the person named earlier in the same sentence, or else the last person
 * named explicitly, if that was at most three kept segments back and no other known person is
 * named in between. Anything less certain stays unresolved.
 */
function resolvePronoun(doc: Doc, registry: NameRegistry, before: string, at: number,
  last: { at: number; key: string; person: PersonName } | undefined, mention: Mention): { key: string; person: PersonName } | undefined {
  const here = registry.mentionedIn(before);
  if (here.length === 1 && here[0]) {
    const person = here[0];
    return { key: mention({ kind: 'person', name: displayName(person), person }, at), person };
  }
  if (here.length > 1 || !last) return undefined;
  let kept = 0;
  for (let i = last.at + 1; i < at; i++) {
    const seg = doc.segments[i];
    if (seg?.status !== 'kept') continue;
    if (++kept > 2) return undefined;
    if (namesAnotherPerson(seg.text, last.person, registry)) return undefined;
  }
  if (namesAnotherPerson(before, last.person, registry)) return undefined;
  return { key: last.key, person: last.person };
}

// A known person, or any full name ("Lena Ruiz"), other than `person`.
function namesAnotherPerson(text: string, person: PersonName, registry: NameRegistry): boolean {
  if (registry.mentionedIn(text).some((p) => surname(p) !== surname(person))) return true;
  for (const m of matchesOf(fullName, text)) {
    const p = parseName(m[0]);
    // Person names are written "Lena Ruiz" or "J. Ruiz", not "Neither MBSR".
    const looksPersonal = p.tokens.every((t) => /^\p{Lu}(?:\p{Ll}|['’]\p{Lu})|^\p{Lu}\.$/u.test(t));
    if (p.tokens.length >= 2 && looksPersonal && nameKind(p) === 'person' && surname(p) !== surname(person)) return true;
  }
  return false;
}

/**
 * A quote opened in one sentence and closed, with its speaker, in the next ("“... people.",
 * "That's why ...,” he says.") belongs to that speaker too.
 */
function fillOpenQuotes(doc: Doc, index: Map<string, number>, given: Map<Claim, Given>): void {
  const bySegment = new Map(doc.claims.map((c) => [index.get(c.segment) ?? -1, c]));
  for (const claim of doc.claims) {
    if (given.has(claim) || !opensQuote(claim.text)) continue;
    const next = bySegment.get(nextKept(doc, index.get(claim.segment) ?? -1));
    const g = next && given.get(next);
    if (g && !/^[“"‘]/u.test(next.text) && /[”"’]/u.test(next.text)) given.set(claim, { key: g.key, cue: 'inherited', how: 'inherited' });
  }
}

// More opening than closing quotation marks (straight quotes: an odd number, starting with one).
function opensQuote(text: string): boolean {
  const open = (text.match(/“/gu) ?? []).length;
  const close = (text.match(/”/gu) ?? []).length;
  const straight = (text.match(/"/gu) ?? []).length;
  return open > close || (straight % 2 === 1 && /^\s*"/u.test(text));
}

/** Index of the next kept segment after `at`, or -1. */
function nextKept(doc: Doc, at: number): number {
  for (let i = at + 1; i < doc.segments.length; i++) if (doc.segments[i]?.status === 'kept') return i;
  return -1;
}
