// Finding who a sentence says its statement comes from. Each pattern links a name to the sentence
// through a reporting verb, 'according to' or a speaker label; a name that is only mentioned is
// not a source. Vocabularies are data: speech-verbs.json, vague-sources.json, name-words.json.
import verbsFile from './speech-verbs.json' with { type: 'json' };
import vagueFile from './vague-sources.json' with { type: 'json' };
import { CREDENTIALS, NAME, nameKind, parseName, type PersonName } from './names.js';
import { matchesOf } from '../matches.js';
import { Prefilter } from '../prefilter.js';
import { genderOfFirstName } from './gender.js';
import { opensStraight } from './quotes.js';
import { repairPunctuation } from '../punctuation.js';
import { findGroupAnaphor, findStudies, studyPatterns, type StudyCan, type Study } from './studies.js';

export type Attribution =
  | { kind: 'named'; name: PersonName; cue: string; at: number; pattern: string; listIntro: boolean }
  | { kind: 'study'; study: Study; cue: string; at: number; pattern: string }
  | { kind: 'group'; cue: string; at: number; pattern: string; definite: boolean; it: boolean }
  | { kind: 'vague'; name: string; cue: string; at: number; pattern: string }
  | { kind: 'pronoun'; pronoun: string; cue: string; at: number; pattern: string };

const words = (groups: { words: string[] }[]): string[] => groups.flatMap((g) => g.words);
const alt = (list: string[]): string => [...list].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/ /gu, '\\s+')).join('|');

const VERB = `(?:${alt([...words(verbsFile.verbs), ...words(verbsFile.guidanceVerbs)])})`;
// Verbs that report only beside a quote or before 'that', a dash or a colon.
const BOUND_VERB = `(?:${alt(words(verbsFile.boundVerbs))})`;
const BOUND_NEXT = '(?=\\s+that\\b|\\s*[—–:,]|\\s*[“"]|\\s*[.!?]?\\s*$)';
const ANY_VERB = `(?:${VERB}|${BOUND_VERB}${BOUND_NEXT})`;
const COMPANION = `(?:\\s+(?:${alt(words(verbsFile.companions))}))`;
const LIST_INTRO = verbsFile.listIntros.map((l) => l.pattern).join('|');
const VAGUE_SUBJECT = `(?:${alt(words(vagueFile.subjects))})`;
const VAGUE_VERB = `(?:${alt(words(vagueFile.verbs))})`;
const PRONOUN = `(?:${alt(words(verbsFile.pronouns))})`;
// A description after a name: ", a Pittsburgh chiropractor", ", the director of ...".
const DESCRIPTION = `(?:,\\s+((?:a|an|the|who|whose)\\s[^“”"]+?))`;
// After a reporting verb and a name the description runs to the end of the sentence or a quote.
// It may start with an article or any lower-case word ("senior dietitian at ...", "one of the
// study's authors"), but not with a conjunction that goes on with the sentence.
const DESCRIPTION_TO_END = `(?:,\\s+((?!(?:and|but|or|so|because|although|while|which|if|when)\\s)\\p{Ll}[^“”"]*))`;
// Role words between a reporting verb and the name: "says study author Jane Roe".
const ROLE = `(?:(?!(?:that|if|when|it|they|he|she|you|we|there|this|these)\\s)\\p{Ll}[\\p{Ll}-]*\\s+){0,3}`;
const ADVERB = `(?:${alt(words(verbsFile.adverbs))})\\s+`;
// A year or a range of years before a title ('the 2020-2025 Dietary Guidelines').
const YEARS = '(?:(?:19|20)\\d\\d(?:[-–](?:19|20)?\\d\\d)?\\s+)';

const patterns = {
  // "According to Dr. Ed Friedlander at HealthTap ...", "According to Healthline, ..."
  according: new RegExp(`\\b[Aa]ccording\\s+to\\s+(?:the\\s+)?${YEARS}?(${NAME})(${CREDENTIALS})?(?:${DESCRIPTION}(?=,))?(?:\\s+(?:at|of|from|with)\\s+((?:the\\s+)?\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,5}))?`, 'gu'),
  // "..., says Medhat Mikhael, M.D., a pain specialist at ..." / "...,” explains Dr. King."
  after: new RegExp(`(?:[,”"’]\\s*)(${VERB}|${BOUND_VERB})\\s+(${ROLE})(${NAME})(${CREDENTIALS})?${DESCRIPTION_TO_END}?(?=[.,;:!?]?\\s*(?:[“"”]|$)|,\\s+(?!(?:a|an|the)\\s)|;|\\s[—–-]\\s)`, 'gu'),
  // "Mikhael says ...", "Alex Tauberg, D.C., a Pittsburgh chiropractor, says ...", "Smith also offers these tips"
  before: new RegExp(`(?<![\\p{L}\\p{N}'’-])(${NAME})(${CREDENTIALS})?(?:${DESCRIPTION},|,)?${COMPANION}?\\s+(?:${ADVERB})?(${ANY_VERB}|${LIST_INTRO})\\b`, 'gu'),
  // "Answered by Dr. Malina Milan: Yes: ..." or a titled speaker label "Dr. Jane Roe: ...", at the
  // start of a sentence (mid-sentence it is a spliced fragment, not a label)
  label: new RegExp(`(?:(?:^|(?<=[.!?:]\\s))(?:[Aa]nswered|[Rr]eplied)\\s+by\\s+(${NAME})(${CREDENTIALS})?\\s*:|^((?:Dr|Prof)\\.?\\s+${NAME})(${CREDENTIALS})?\\s*:)`, 'gu'),
  vague: new RegExp(`(?:^|(?<=[\\s,;:“"(]))(?:(${VAGUE_SUBJECT})\\s+(?:(?:also|have|has|now|generally|often|usually|consistently|largely|widely)\\s+)?${VAGUE_VERB}\\b|according\\s+to\\s+(?:(?:the|some|many|most)\\s+)?(${VAGUE_SUBJECT})\\b)`, 'giu'),
  pronoun: new RegExp(`\\b(?:(${PRONOUN})\\s+(?:${ADVERB})?(${ANY_VERB}|${LIST_INTRO})|(${VERB}|${BOUND_VERB})\\s+(${PRONOUN}))\\b`, 'giu'),
};
const patternList = Object.values(patterns);
// Which patterns can match a sentence, from one pass over it (prefilter.ts): most sentences hold
// no reporting verb, 'according' or speaker label, and trying the name patterns at every capital
// letter was most of the attribution time.
// The study tests' literals are read in the same pass (studies.ts), after the patterns' own.
const candidates = new Prefilter([...patternList, ...studyPatterns]);
const STUDIES = patternList.length;
const [AT_ACCORDING, AT_AFTER, AT_BEFORE, AT_LABEL, AT_VAGUE, AT_PRONOUN] = patternList.map((_, i) => i) as [number, number, number, number, number, number];
const matchesWhere = (can: Uint8Array, i: number, text: string): RegExpExecArray[] => (can[i] ? matchesOf(patternList[i]!, text) : []);

/** The attribution patterns, for tests (global regexes: copy before use). */
export const attributionPatterns = (): RegExp[] => [...patternList];
const listIntroRe = new RegExp(LIST_INTRO, 'iu');
const boundVerbRe = new RegExp(`^${BOUND_VERB}$`, 'iu');
const guidanceVerbRe = new RegExp(`^(?:${alt(words(verbsFile.guidanceVerbs))})$`, 'iu');
const plainSpeaker = (p: PersonName): boolean => Boolean(p.title || p.credentials.length || (p.tokens.length >= 2 && genderOfFirstName(p.tokens[0] ?? '')) || (p.tokens.length === 1 && /^\p{Lu}\p{Ll}/u.test(p.tokens[0] ?? '')) || /^\p{Lu}{2,6}$/u.test(p.tokens.join(' ')));

/**
 * Attributions in one sentence, in the order they start. Offsets (`at`) are into the sentence
 * with its garbled quotes repaired (repairPunctuation).
 */
export function findAttributions(raw: string): Attribution[] {
  const text = repairPunctuation(raw);
  const out: Attribution[] = [];
  const can = candidates.scan(text);
  const studyCan: StudyCan = [can[STUDIES]!, can[STUDIES + 1]!, can[STUDIES + 2]!];
  for (const m of matchesWhere(can, AT_ACCORDING, text)) {
    const description = m[4] ? `at ${m[4]}` : m[3];
    out.push(named(parseName(m[1] ?? '', m[2], description), m[0], m.index, 'according-to'));
  }
  for (const m of matchesWhere(can, AT_AFTER, text)) {
    // The cue is the verb and the name: a long description after it is not part of the signal.
    // A role between the verb and the name ('says yoga therapist Jo Park') describes the speaker.
    const at = m.index + m[0].indexOf(m[1] ?? '');
    const role = (m[2] ?? '').trim();
    out.push(named(parseName(m[3] ?? '', m[4], m[5] ?? (role || undefined)), `${m[1]} ${m[2]}${m[3]}${m[4] ?? ''}`, at, 'verb-after-quote'));
  }
  for (const m of matchesWhere(can, AT_BEFORE, text)) {
    // 'Lee found that' only for a name that is plainly a person or institution (not 'the Alternate
    // Healthy Eating Index found that'): a title, credentials, or a given name's gender.
    if (boundVerbRe.test(m[4] ?? '') && !plainSpeaker(parseName(m[1] ?? '', m[2]))) continue;
    if (guidanceVerbRe.test(m[4] ?? '') && !plainSpeaker(parseName(m[1] ?? '', m[2])) && nameKind(parseName(m[1] ?? '')) !== 'publication') continue;
    out.push(named(parseName(m[1] ?? '', m[2], m[3]), m[0], m.index, 'name-then-verb', listIntroRe.test(m[4] ?? '')));
  }
  for (const m of matchesWhere(can, AT_LABEL, text)) out.push(named(parseName(m[1] ?? m[3] ?? '', m[2] ?? m[4]), m[0], m.index, 'speaker-label'));
  for (const m of matchesWhere(can, AT_VAGUE, text)) {
    const subject = (m[1] ?? m[2] ?? '').replace(/\s+/gu, ' ');
    out.push({ kind: 'vague', name: subject.charAt(0).toUpperCase() + subject.slice(1).toLowerCase(), cue: m[0].trim(), at: m.index, pattern: 'vague' });
  }
  for (const s of findStudies(text, studyCan)) out.push({ kind: 'study', study: s.study, cue: s.cue, at: s.at, pattern: s.pattern });
  const group = findGroupAnaphor(text, studyCan);
  if (group) out.push({ kind: 'group', cue: group.cue, at: group.at, pattern: 'group-anaphor', definite: group.definite, it: group.it });
  for (const m of matchesWhere(can, AT_PRONOUN, text)) out.push({ kind: 'pronoun', pronoun: (m[1] ?? m[4] ?? '').toLowerCase(), cue: m[0], at: m.index, pattern: 'pronoun' });
  // Words inside quotation marks are the quoted speaker's, not an attribution of this sentence
  // ('“What HCA said is ...,” says Jo Park': the source is Jo Park).
  const quoted = quotedRanges(text);
  return out.filter((a) => !quoted.some(([s, e]) => a.at > s && a.at < e)).sort((a, b) => a.at - b.at);
}

// [open, close] offsets of each quotation in a sentence (an unclosed one runs to the end).
function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“' || (ch === '"' && opensStraight(text, i))) open = i;
    else if ((ch === '”' || ch === '"') && open >= 0) { out.push([open, i]); open = -1; }
  }
  if (open >= 0) out.push([open, text.length]);
  return out;
}

function named(name: PersonName, cue: string, at: number, pattern: string, listIntro = false): Attribution {
  return { kind: 'named', name, cue: cue.trim().replace(/[\s,:]+$/u, ''), at, pattern, listIntro };
}

/** Does this sentence open a list whose items are the speaker's ("offers these tips:")? */
export function opensList(text: string): boolean {
  return listIntroRe.test(text);
}

/**
 * Where the items of a list lead-in are: 'inline' after a colon in the same sentence ('offers these
 * tips: stay hydrated, ...'), else 'block', the sentences and sections that follow ('Lee offers a
 * few final tips. Just start. ...').
 */
export function listItems(text: string): 'inline' | 'block' | undefined {
  const m = listIntroRe.exec(text);
  if (!m) return undefined;
  return /:\s*\S.{2,}/u.test(text.slice(m.index + m[0].length)) ? 'inline' : 'block';
}
