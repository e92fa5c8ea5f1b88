// Sources stage: who the text says each claim comes from, and the page-level references.
//   explicit   "X says", "says X, M.D., a ...", "according to X", "Answered by Dr. X:", studies
//              ("a 2023 study in JAMA found"), research groups ("researchers at X found")
//   resolved   a surname or "Dr. X" -> the fullest form the document gives (NameRegistry)
//   inherited  "he says" / "she adds" -> the last person of that gender in the passage
//              (resolve.ts); "They found", "the researchers learned" -> the study or research
//              group just named; "It said" -> the organisation just named; a study's findings
//              told on without a reporting verb (findings.ts); and, in pass 2 (inherit.ts),
//              sentences inside a quote that runs over several sentences, a quote paragraph
//              right after the speaker's quote, and items of a speaker's tip list
//   vague      "Research suggests", "Doctors recommend": kind 'vague', never a named source
//   page       web addresses and reference entries anywhere in the dump: kind 'url' / 'citation'
// A sentence with no attribution gets none: a wrong speaker is worse than no speaker.
import { note } from '../doc.js';
import type { Doc, Source } from '../types.js';
import { findAttributions, opensList, type Attribution } from './attribution.js';
import { inheritQuotesAndLists, keptBetween, type Given } from './inherit.js';
import { CREDENTIALS, NAME, TITLE, NameRegistry, displayName, nameKind, parseName, type PersonName } from './names.js';
import { pageReferences } from './references.js';
import { quoteStates, type QuoteState } from './quotes.js';
import { PASSAGE, pronounGender, resolvePronoun } from './resolve.js';
import { genderOfFirstName } from './gender.js';
import { describe } from './describe.js';
import { DEFINITE_REACH, journalOfStudy } from './studies.js';
import { reportsFinding } from './findings.js';
import { matchesOf } from '../matches.js';
import { Prefilter } from '../prefilter.js';
import { repairPunctuation } from '../punctuation.js';

type Kind = Source['kind'];
export interface Found { kind: Kind; name: string; person?: PersonName; description?: string }
interface Pending { key: string; source: Found; first: number; mentions: Set<number> }

const nameWithCredentials = new RegExp(`(${NAME})(${CREDENTIALS})`, 'gu');
const titledName = new RegExp(`(?<![\\p{L}])(?:${TITLE})\\s+${NAME}`, 'gu');
// Both run only on segments holding a credential or a title (prefilter.ts).
const namePatterns = new Prefilter([nameWithCredentials, titledName]);

export function sources(doc: Doc): void {
  const index = new Map(doc.segments.map((s, i) => [s.id, i]));
  // Each segment's attributions are found once: the registry reads them all, claims reuse theirs.
  const attributionsOf = doc.segments.map((seg) => findAttributions(seg.text));
  const registry = buildRegistry(doc, attributionsOf);
  const pending = new Map<string, Pending>();
  const mention = (found: Found, at: number): string => {
    const key = `${found.kind}:${found.name.toLowerCase()}`;
    const had = pending.get(key) ?? { key, source: found, first: at, mentions: new Set<number>() };
    had.mentions.add(at);
    had.first = Math.min(had.first, at);
    pending.set(key, had);
    return key;
  };

  // Pass 1: what each claim's own sentence says about its source.
  const given = new Map<number, Given>();
  const quotes = quoteStates(doc.segments);
  // The last study or research group ('they', 'the researchers' and findings point back to it),
  // and the last source that is no person ('It said' points back to it).
  let lastResearch: { at: number; key: string } | undefined;
  let lastNonPerson: { at: number; key: string } | undefined;
  // Where another source last spoke: a study's findings told on after it are no longer the study's.
  let lastOther = -1;
  for (const claim of doc.claims) {
    const at = index.get(claim.segment) ?? 0;
    const attributions = doc.segments[at]?.text === claim.text ? (attributionsOf[at] ?? []) : findAttributions(claim.text);
    const explicit = pickNamed(attributions, registry) ?? pickNamed(creditLineBefore(doc, at, attributionsOf), registry);
    const study = attributions.find((a) => a.kind === 'study');
    const vague = attributions.find((a) => a.kind === 'vague');
    const pronoun = attributions.find((a) => a.kind === 'pronoun');
    const group = attributions.find((a) => a.kind === 'group');
    const pointedTo = group?.kind === 'group' ? (group.it ? lastNonPerson : lastResearch) : undefined;
    if (lastResearch && keptBetween(doc, lastResearch.at, at) < DEFINITE_REACH) nameJournal(pending.get(lastResearch.key), journalOfStudy(claim.text));
    if (explicit) {
      const key = mention(explicit.found, at);
      given.set(at, { key, cue: explicit.cue, how: 'explicit', speaker: explicit.found.kind === 'person', list: explicit.listIntro || opensList(claim.text), known: plainPerson(explicit.found.person) });
      if (explicit.found.kind !== 'person') lastNonPerson = { at, key };
      // 'Researchers at X found' is read both ways: X is then research that later sentences point back to.
      if (explicit.found.kind !== 'person' && study) lastResearch = lastNonPerson;
    } else if (study?.kind === 'study') {
      const found: Found = { kind: study.study.kind, name: study.study.name, ...(study.study.description ? { description: study.study.description } : {}) };
      const key = mention(found, at);
      given.set(at, { key, cue: study.cue, how: 'explicit', speaker: false });
      lastResearch = lastNonPerson = { at, key };
    } else if (pronoun?.kind === 'pronoun' && (!vague || pronoun.at < vague.at)) {
      const person = resolvePronoun(doc, registry, at, repairPunctuation(claim.text).slice(0, pronoun.at), pronounGender(pronoun.pronoun));
      if (person) {
        const key = mention({ kind: 'person', name: displayName(person), person }, at);
        given.set(at, { key, cue: pronoun.cue, how: 'inherited', speaker: true, list: opensList(claim.text), known: plainPerson(person) });
      } else {
        note(doc, 'sources', 'unresolved-speaker', `${claim.segment}: "${pronoun.cue}" has no clear speaker in the passage before it; no source given`);
      }
    } else if (group?.kind === 'group' && pointedTo && keptBetween(doc, pointedTo.at, at) < (group.definite ? DEFINITE_REACH : PASSAGE)) {
      given.set(at, { key: pointedTo.key, cue: group.cue, how: 'inherited', speaker: false });
      if (pointedTo === lastResearch) lastResearch = { ...pointedTo, at };
      pending.get(pointedTo.key)?.mentions.add(at);
    } else if (vague?.kind === 'vague') {
      given.set(at, { key: mention({ kind: 'vague', name: vague.name }, at), cue: vague.cue, how: 'explicit', speaker: false });
    } else if (lastResearch && lastOther < lastResearch.at && keptBetween(doc, lastResearch.at, at) < PASSAGE && toldOnFinding(claim, quotes[at])) {
      // The study's findings told on without a reporting verb ('Men with high scores were 20% less likely ...').
      given.set(at, { key: lastResearch.key, cue: 'inherited', how: 'inherited', speaker: false });
      pending.get(lastResearch.key)?.mentions.add(at);
      lastResearch = { ...lastResearch, at };
    }
    const g = given.get(at);
    if (g && g.key !== lastResearch?.key) lastOther = at;
  }

  // Pass 2: sentences that carry on a speaker's quote or list.
  inheritQuotesAndLists(doc, index, given, registry, quotes);

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
    const g = given.get(index.get(claim.segment) ?? -1);
    const ref = g ? refOf.get(g.key) : undefined;
    claim.sources = g && ref ? [{ ref, cue: g.cue, how: g.how }] : [];
  }
}

// A finding told on: a fact in the writer's own words (a quote is its speaker's) that reports a result.
function toldOnFinding(claim: Doc['claims'][number], q: QuoteState | undefined): boolean {
  return claim.type === 'fact' && !q?.startsInside && !q?.startsQuote && (q?.quoted ?? 0) < 0.5 && reportsFinding(claim.text);
}

/**
 * 'The study, published in Psychiatry Research, ...' after a study named only by its phrase ('a
 * rigorously designed clinical trial'): the journal is the fullest name the page gives it; the
 * phrase stays as its description.
 */
function nameJournal(p: Pending | undefined, journal: string | undefined): void {
  if (!p || !journal || p.source.kind !== 'publication' || p.source.description) return;
  p.source = { kind: 'publication', name: journal, description: p.source.name };
}

const plainPerson = (p: PersonName | undefined): boolean =>
  Boolean(p && (p.title || p.credentials.length || p.description || genderOfFirstName(p.tokens[0] ?? '')));

/**
 * A Q&A credit line the segmenter cut from the answer ('Answered by Dr. Jane Roe:'), just before
 * the segment at `at` (removed as a byline, or not): its speaker label names who the answer is from.
 */
function creditLineBefore(doc: Doc, at: number, attributionsOf: Attribution[][]): Attribution[] {
  const line = doc.segments[at - 1];
  if (!line || !line.text.endsWith(':')) return [];
  return (attributionsOf[at - 1] ?? []).filter((a) => a.pattern === 'speaker-label');
}

/**
 * People the document names with a full name, a title or credentials, anywhere (bylines too).
 * A two-word name read only before a verb ('Advertisement Wilgus says') whose first word is no
 * known given name does not make a known surname ambiguous.
 */
function buildRegistry(doc: Doc, attributionsOf: Attribution[][]): NameRegistry {
  const registry = new NameRegistry();
  const weak: PersonName[] = [];
  for (const [i, seg] of doc.segments.entries()) {
    for (const a of attributionsOf[i] ?? []) {
      if (a.kind !== 'named' || !(a.name.tokens.length >= 2 || a.name.title || a.name.credentials.length) || nameKind(a.name) !== 'person') continue;
      if (isWeak(a)) weak.push(a.name);
      else registry.add(a.name);
    }
    const can = namePatterns.scan(seg.text);
    for (const m of can[0] ? matchesOf(nameWithCredentials, seg.text) : []) {
      const p = parseName(m[1] ?? '', m[2]);
      if (nameKind(p) === 'person') registry.add(p);
    }
    // A titled full name anywhere ('Dr. Ruth Okoro treats ...') is a person the text introduces.
    for (const m of can[1] ? matchesOf(titledName, seg.text) : []) {
      const p = parseName(m[0]);
      if (p.title && p.tokens.length >= 2 && nameKind(p) === 'person') registry.add(p);
    }
  }
  for (const p of weak) if (!registry.knowsSurname(p)) registry.add(p);
  return registry;
}

const isWeak = (a: Attribution & { kind: 'named' }): boolean =>
  a.pattern === 'name-then-verb' && !a.name.title && !a.name.credentials.length && !a.name.description && !genderOfFirstName(a.name.tokens[0] ?? '');

/** The first attribution that names a real speaker, resolved to its fullest form. */
function pickNamed(attributions: Attribution[], registry: NameRegistry): { found: Found; cue: string; pattern: string; listIntro: boolean } | undefined {
  for (const a of attributions) {
    if (a.kind !== 'named') continue;
    let name = a.name;
    // 'Advertisement Wilgus says': a stray word before a known surname.
    if (isWeak(a) && name.tokens.length >= 2 && !registry.has(name) && registry.knowsSurname(name)) name = { ...name, tokens: name.tokens.slice(-1) };
    let kind = nameKind(name, registry);
    // A single unknown capitalised word: after a reporting verb ("says Smith") it is a person;
    // after "according to" an organisation or site; before a verb it is not trusted.
    if (!kind && name.tokens.length === 1 && /^\p{Lu}\p{Ll}/u.test(name.tokens[0] ?? '')) {
      if (a.pattern === 'verb-after-quote') kind = 'person';
      else if (a.pattern === 'according-to') kind = 'organization';
    }
    if (!kind) continue;
    const person = kind === 'person' ? registry.resolve(name) : undefined;
    const shown = person ? displayName(person) : name.tokens.join(' ');
    return { found: { kind, name: shown, ...(person ? { person } : {}) }, cue: a.cue, pattern: a.pattern, listIntro: a.listIntro };
  }
  return undefined;
}

function toSource(p: Pending, doc: Doc): Omit<Source, 'ref'> {
  const person = p.source.person;
  const description = person?.description ?? p.source.description;
  return {
    kind: p.source.kind,
    name: p.source.name,
    ...(person?.credentials.length ? { credentials: [...person.credentials] } : {}),
    ...(description ? { description, ...describe(description) } : {}),
    mentions: [...p.mentions].sort((a, b) => a - b).map((i) => doc.segments[i]?.id ?? ''),
  };
}
