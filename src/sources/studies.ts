// Studies and research groups as sources: 'a small 2025 study found', 'a trial of 7,000 adults
// showed', 'a new study in JAMA Psychiatry shows', 'researchers at Stanford University found',
// and the anaphora that points back to them ('They found', 'The researchers concluded').
// Vocabulary: studies.json. A study without a detail that makes it one study stays vague.
import studiesFile from './studies.json' with { type: 'json' };
import verbsFile from './speech-verbs.json' with { type: 'json' };
import { NAME, nameKind, parseName } from './names.js';
import { matchesOf } from '../matches.js';
import { Prefilter } from '../prefilter.js';

export interface Study {
  kind: 'publication' | 'organization';
  /** The journal or institution when the text names one, else the study phrase as written. */
  name: string;
  /** The study phrase ('a 2023 study') when `name` is a journal or institution. */
  description?: string;
}

const words = (groups: { words: string[] }[]): string[] => groups.flatMap((g) => g.words);
const alt = (list: string[]): string => [...list].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/ /gu, '\\s+')).join('|');

const HEAD = `(?:${alt(words(studiesFile.heads))})`;
const DET = `(?:${alt(words(studiesFile.determiners))})`;
const FIND = `(?:${alt(words(studiesFile.findingVerbs))})`;
const QUAL = `(?:${alt(words(studiesFile.qualifiers))})`;
// Group words may open the sentence ('Researchers at ...'): each is matched capitalised too.
const GROUP = `(?:${alt(words(studiesFile.groups).flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)]))})`;
const ANAPHOR = `(?:${alt(words(studiesFile.groupAnaphora))})`;
// Up to four words before the head: adjectives, a year, a name ('small 2025', 'NIH-sponsored clinical').
const MODS = `(?:[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*,?\\s+){0,4}`;
// What follows the head before the verb: at most 100 characters without a sentence break.
// (a dot inside an abbreviation, 'U.S.', is no break).
const QUALIFIER = `(?:,?\\s+${QUAL}\\s+(?:[^.;:!?“”"]|\\.(?=\\S)){1,100}?)?`;

const subject = new RegExp(`(?<![\\p{L}])(${DET}\\s+${MODS}${HEAD})(${QUALIFIER}),?\\s+(?:(?:also|similarly|further|recently|previously|now|have|has)\\s+)?(${FIND})\\b`, 'giu');
// 'In a 2014 study (...), researchers found' - the study opens the sentence.
const opening = new RegExp(`(?:^|(?<=[,;:]\\s))[Ii]n\\s+(${DET}\\s+${MODS}${HEAD})(${QUALIFIER}),`, 'gu');
const group = new RegExp(`(?<![\\p{L}])${GROUP}\\s+(?:at|from|of|with)\\s+(?:the\\s+)?(${NAME})`, 'gu');
const ANAPHOR_VERB = `(?:${FIND}|${alt(words(studiesFile.anaphorVerbs))})`;
const anaphor = new RegExp(`(?:^|(?<=[\\s,;:“"(]))(${ANAPHOR})\\s+(?:(?:${alt(words(verbsFile.adverbs))})\\s+)?(${ANAPHOR_VERB})\\b`, 'giu');
/** How many kept segments back a definite pointer ('the researchers') may reach for its study. */
export const DEFINITE_REACH = studiesFile.definiteReach.segments;
const groupVerb = new RegExp(`^[^.;!?]{0,120}?\\b(?:${FIND}|say|says|said|suggest|estimated|wrote|write|reported|concluded|noted)\\b`, 'iu');
const headWord = new RegExp(`\\b${HEAD}\\b`, 'iu');
const groupWord = new RegExp(`\\b${GROUP}\\b`, 'u');
const inJournal = new RegExp(`\\b(?:in|by|from|at)\\s+(?:the\\s+)?(${NAME})`, 'gu');

// The anaphor pattern and the key-word tests run only on sentences holding one of their literals
// (prefilter.ts): most sentences hold none. `studyPatterns` are those three, in that order, for a
// caller that reads a sentence's literals in one pass with its own patterns (attribution.ts);
// `StudyCan` is that pass's flag for each (1: may match).
export const studyPatterns: readonly RegExp[] = [anaphor, headWord, groupWord];
export type StudyCan = readonly [anaphor: number, head: number, group: number];
const studyFilter = new Prefilter(studyPatterns);
const studyCan = (text: string): StudyCan => {
  const can = studyFilter.scan(text);
  return [can[0]!, can[1]!, can[2]!];
};

// 'The study, published January 24 in Psychiatry Research, included ...': where the study just named appeared.
const ANAPHOR_CAPS = `(?:${alt(words(studiesFile.groupAnaphora).flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)]))})`;
// Case-sensitive (a journal's name is capitalised); the last 'in' before the name ('published in
// March in Spine Care Letters').
const publishedIn = new RegExp(`^[“"]?${ANAPHOR_CAPS}\\b[^.;:!?]{0,40}?\\bpublished\\b[^.;:!?]{0,40}\\bin\\s+(?:the\\s+)?(${NAME})`, 'u');

/** The journal a sentence says the study just named was published in ('The study, published in X'), or undefined. */
export function journalOfStudy(text: string): string | undefined {
  const m = publishedIn.exec(text);
  const name = m?.[1] ? parseName(m[1]).tokens.join(' ') : undefined;
  return name && /^\p{Lu}/u.test(name) ? name : undefined;
}

export interface StudyMatch { study: Study; cue: string; at: number; pattern: string }

/** Studies and research groups that the sentence gives as the source of what it says. */
export function findStudies(text: string, can: StudyCan = studyCan(text)): StudyMatch[] {
  const out: StudyMatch[] = [];
  // The long patterns run only on sentences that hold their key word (most hold none).
  const hasHead = can[1] === 1 && headWord.test(text);
  for (const m of hasHead ? matchesOf(subject, text) : []) {
    const study = specificStudy(m[1] ?? '', m[2] ?? '');
    if (study) out.push({ study, cue: m[0].trim(), at: m.index, pattern: 'study-subject' });
  }
  for (const m of hasHead ? matchesOf(opening, text) : []) {
    const study = specificStudy(m[1] ?? '', m[2] ?? '');
    if (study) out.push({ study, cue: `In ${m[1]}`, at: m.index, pattern: 'study-opening' });
  }
  for (const m of can[2] === 1 && groupWord.test(text) ? matchesOf(group, text) : []) {
    // The group speaks only as the subject of a reporting verb or as the origin ('from researchers at').
    const after = text.slice(m.index + m[0].length);
    if (!/\b(?:from|according\s+to)\s+$/iu.test(text.slice(0, m.index)) && !groupVerb.test(after)) continue;
    const p = parseName(m[1] ?? '');
    const kind = nameKind(p);
    if (kind === 'organization' || kind === 'publication') out.push({ study: { kind: 'organization', name: p.tokens.join(' ') }, cue: m[0], at: m.index, pattern: 'research-group' });
  }
  return out;
}

/**
 * 'They found', 'The researchers concluded': a pointer back to a study or group, or undefined.
 * `definite` when it names the group ('the researchers'), not only 'they'; `it` for 'It said',
 * which points back to any source that is no person (an organisation, a study), not only research.
 */
export function findGroupAnaphor(text: string, can: StudyCan = studyCan(text)): { cue: string; at: number; definite: boolean; it: boolean } | undefined {
  // 'it' points back only as the sentence's subject ('It said ...'), not inside a clause ('what it shows').
  const m = (can[0] === 1 ? matchesOf(anaphor, text) : []).find((a) => !/^it$/iu.test(a[1] ?? '') || /^[\s“"(]*$/u.test(text.slice(0, a.index)));
  return m ? { cue: m[0], at: m.index, definite: !/^(?:they|it)$/iu.test(m[1] ?? ''), it: /^it$/iu.test(m[1] ?? '') } : undefined;
}

// One study when its phrase has a year, a number, a capitalised name past its first word, or a
// journal or institution after 'in' / 'by' / 'from'.
function specificStudy(phrase: string, qualifier: string): Study | undefined {
  const np = phrase.replace(/\s+/gu, ' ').trim();
  for (const m of matchesOf(inJournal, qualifier)) {
    const p = parseName(m[1] ?? '');
    const kind = nameKind(p);
    if (kind === 'publication' || kind === 'organization') return { kind, name: p.tokens.join(' '), description: np };
  }
  const detail = /\d/u.test(np) || /\d/u.test(qualifier) || /\s\p{Lu}/u.test(np) || /^,?\s+published\b/u.test(qualifier);
  if (!detail) return undefined;
  // 'a study that tracked 7,319 adults': the qualifier is what makes it one study, so it is named.
  const q = qualifier.replace(/\s+/gu, ' ').replace(/^,?\s*/u, '').trim();
  const named = !/\d|\s\p{Lu}/u.test(np) && q ? `${np} ${q}` : np;
  return { kind: 'publication', name: named };
}
