// Resolving 'he' / 'she' to the person the text makes clear: the last person of that gender named
// within the passage (the sentence before the pronoun and a few kept segments back). A closer
// person whose gender the first name does not tell makes it unclear; so does nobody. Unclear ->
// no source.
import type { Doc } from '../types.js';
import { genderOf, type Gender } from './gender.js';
import { NAME, NameRegistry, nameKind, parseName, surname, type PersonName } from './names.js';
import { matchesOf } from '../matches.js';

/** How many kept segments back a pronoun may reach for its person. */
export const PASSAGE = 5;

const fullName = new RegExp(NAME, 'gu');
// Person names are written "Lena Ruiz" or "J. Ruiz", not "Neither MBSR".
const personalToken = /^\p{Lu}(?:\p{Ll}|['’]\p{Lu})|^\p{Lu}\.$/u;

interface Seen { person: PersonName; at: number }

/** People named in a text, in order of position: known people by surname, other full names. */
export function peopleIn(text: string, registry: NameRegistry): Seen[] {
  const seen: Seen[] = [];
  for (const p of registry.mentionedIn(text)) {
    const last = p.tokens[p.tokens.length - 1] ?? '';
    seen.push({ person: p, at: text.lastIndexOf(last) });
  }
  for (const m of matchesOf(fullName, text)) {
    const p = parseName(m[0]);
    if (p.tokens.length < 2 || !p.tokens.every((t) => personalToken.test(t)) || nameKind(p) !== 'person') continue;
    if (seen.some((s) => surname(s.person) === surname(p))) continue;
    seen.push({ person: registry.resolve(p), at: m.index });
  }
  return seen.sort((a, b) => a.at - b.at);
}

/**
 * The person a pronoun of `gender` means, looking back from the pronoun: `before` is the text of
 * its own sentence before it, then the kept segments before segment `at`, nearest first.
 */
export function resolvePronoun(doc: Doc, registry: NameRegistry, at: number, before: string, gender: Gender | undefined): PersonName | undefined {
  const candidates: PersonName[] = [];
  const add = (list: Seen[]): void => {
    for (const s of [...list].reverse()) if (!candidates.some((c) => surname(c) === surname(s.person))) candidates.push(s.person);
  };
  add(peopleIn(before, registry));
  let kept = 0;
  for (let i = at - 1; i >= 0 && kept < PASSAGE; i--) {
    const seg = doc.segments[i];
    if (seg?.status !== 'kept') continue;
    kept++;
    add(peopleIn(seg.text, registry));
  }
  for (const [n, c] of candidates.entries()) {
    const g = genderOf(c);
    if (gender && g && g !== gender) continue;
    if (g && g === gender) return c;
    // Gender unknown (or the pronoun has none): only if no other possible person is in the passage.
    const rival = candidates.slice(n + 1).some((o) => { const og = genderOf(o); return !gender || !og || og === gender; });
    return rival ? undefined : c;
  }
  return undefined;
}

/** 'he' -> male, 'she' -> female. */
export function pronounGender(pronoun: string): Gender | undefined {
  const p = pronoun.toLowerCase();
  return p === 'he' ? 'male' : p === 'she' ? 'female' : undefined;
}
