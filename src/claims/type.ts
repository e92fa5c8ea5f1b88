// What kind of statement a kept segment is: fact, advice, question, or no claim at all; and how
// hedged it is. Rules only (no model): the vocabularies are data in no-claim.json,
// advice-cues.json and hedge-words.json, each entry with the reason it exists.
import noClaimFile from './no-claim.json' with { type: 'json' };
import adviceFile from './advice-cues.json' with { type: 'json' };
import hedgeFile from './hedge-words.json' with { type: 'json' };
import type { ClaimType } from '../types.js';
import { matchesOf } from '../matches.js';
import { isUsuallyVerb, verbReading } from './verbs.js';
import { repairPunctuation } from '../punctuation.js';
import { Prefilter } from '../prefilter.js';

export interface TypeDecision {
  /** null: the text asserts nothing (heading, fragment, filler). */
  type: ClaimType | null;
  /** The rule that decided: a no-claim rule id, an advice rule id, 'question' or 'statement'. */
  rule: string;
  hedge: number;
}

interface Rule { id: string; regex: RegExp; unlessEarlierSentence?: boolean }

const compile = (rules: { id: string; pattern: string; caseSensitive?: boolean; unlessEarlierSentence?: boolean }[]): Rule[] =>
  rules.map((r) => ({ id: r.id, regex: new RegExp(r.pattern, r.caseSensitive ? 'u' : 'iu'), unlessEarlierSentence: r.unlessEarlierSentence }));
// A sentence end followed by a new sentence inside the text.
const EARLIER_SENTENCE = /\p{Ll}{2}[.!?]\d{0,2}["”’)]?\s+["“]?\p{Lu}/u;
const words = (groups: { words: string[] }[]): Set<string> => new Set(groups.flatMap((g) => g.words));

const shapeRules = compile(noClaimFile.shape);
const fillerRules = compile(noClaimFile.filler);
const advicePatterns = compile(adviceFile.patterns);
const imperatives = words(adviceFile.imperativeVerbs);
const openingAdverbs = words(adviceFile.openingAdverbs);
const nounLike = words(adviceFile.nounLikeVerbs);
const auxiliaries = words(adviceFile.auxiliaries);
const experiencers = words(adviceFile.experiencerVerbs);
const objectStarts = words(adviceFile.objectStarts);
const notInstructions = words(adviceFile.notInstructions);
// One pattern per list, longest alternatives first ('as always' before 'as').
const alternation = (list: Set<string>): string => [...list].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /gu, '\\s+')).join('|');
const leadIn = new RegExp(`^(?:${alternation(words(adviceFile.leadIns))})\\b,?\\s*`, 'iu');
const subordinator = new RegExp(`^(?:${alternation(words(adviceFile.subordinators))})\\b`, 'iu');
const goalIf = new RegExp(`^["“‘']?if you(?:['’]re| are)?\\s+(?:just |really |only )?(?:${alternation(words(adviceFile.goalVerbs))})\\b[^,;]*[,;—–]`, 'iu');
const complementLead = new RegExp(`\\b(?:${alternation(words(adviceFile.complementLeads))})\\s*$`, 'iu');
// The reader as the subject of an action: 'you start by ...', 'you'll apply ...', 'you can even meditate ...'.
// Not after 'so' ('so you can talk to others' is a purpose), nor with a frequency adverb ('you
// typically lie down' describes what is usual).
const READER_ACTS = /(?:^|[,;:—–]\s*(?:and |then |but |or )?|\b(?:then|and|or),?\s+)[Yy]ou(['’]ll| will| can| could| may| might)?\s+(?:(?:also|even|still|just|then|first|always|simply|gently|slowly|carefully)\s+)?(\p{Ll}+)\b(?!['’])/gu;
const hedgeWord = (w: string): string => w.replace(/ /gu, '\\s+');
const hedges = hedgeFile.hedges.flatMap((h) => h.words.map((w) => ({ regex: new RegExp(`\\b${hedgeWord(w)}\\b(?!['’]t)`, 'iu'), weight: h.weight })));

// Every rule and hedge runs only where one of its required literals is in the text (one pass of
// prefilter.ts's automaton tells which), and the lists are still read in order, so the rule that
// decides is the same. Most texts hold the literals of none of them; trying each regex (or one
// alternation of a list) at every character was most of the claims stage.
const prefiltered = [shapeRules, fillerRules, advicePatterns, hedges];
const offsets = prefiltered.map((_, i) => prefiltered.slice(0, i).reduce((a, l) => a + l.length, 0));
const [SHAPE, FILLER, ADVICE, HEDGE] = offsets as [number, number, number, number];
const candidates = new Prefilter(prefiltered.flat().map((r) => r.regex));
/** The first of `rules` (in order, starting at `base` in `can`) that matches. */
const firstMatch = (rules: Rule[], base: number, can: Uint8Array, text: string): Rule | undefined => {
  for (let i = 0; i < rules.length; i++) if (can[base + i] && rules[i]!.regex.test(text)) return rules[i];
  return undefined;
};

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const COLON = /[:;]\s+/gu;
const CLAUSE_BREAK = /(?:,|\s?[—–]\s?|\s-\s)/gu;
// A new clause joined by a coordinator ('..., so go with what suits you', '— then return to ...').
const COORDINATED = /(?:[,;]|\s?[—–]\s?)\s*(?:so|then|and then|but)\s+/gu;

/** Decide the claim type of one segment's text. */
export function classify(raw: string): TypeDecision {
  const text = stripListMarker(repairPunctuation(raw).trim());
  const can = candidates.scan(text);
  const hedge = hedgeScore(text, can);
  for (let i = 0; i < shapeRules.length; i++) {
    const r = shapeRules[i]!;
    if (can[SHAPE + i] && r.regex.test(text) && !(r.unlessEarlierSentence && EARLIER_SENTENCE.test(text))) return { type: null, rule: r.id, hedge };
  }
  const tokens = text.match(WORD) ?? [];
  if (isTitle(tokens, /[.?!]["”’)]?$/u.test(text))) return { type: null, rule: 'title-case', hedge };
  if (tokens.length < 3 && !startsWithImperative(text, true)) return { type: null, rule: 'too-short', hedge };
  const filler = firstMatch(fillerRules, FILLER, can, text);
  if (filler) return { type: null, rule: filler.id, hedge };
  if (/\?[\s"”’)]*$/u.test(text)) return { type: 'question', rule: 'question', hedge };
  const advice = adviceRule(text, can);
  if (advice) return { type: 'advice', rule: advice, hedge };
  return { type: 'fact', rule: 'statement', hedge };
}

/** 0 (plain) to 1 (strongly hedged), rounded to 2 decimals. */
export function hedgeScore(text: string, can: Uint8Array = candidates.scan(text)): number {
  let keep = 1;
  for (let i = 0; i < hedges.length; i++) if (can[HEDGE + i] && hedges[i]!.regex.test(text)) keep *= 1 - hedges[i]!.weight;
  return Math.round((1 - keep) * 100) / 100;
}

/** The advice rule that matches, or undefined. */
export function adviceRule(text: string, can: Uint8Array = candidates.scan(text)): string | undefined {
  // Instructions may follow a lead of the sentence: the part after a colon ('Tips: Stay hydrated').
  for (const clause of [text, ...afterColons(text)]) {
    if (startsWithImperative(clause, false)) return 'imperative';
    if (imperativeAfterOpeningClause(clause)) return 'imperative-after-clause';
  }
  for (const m of matchesOf(COORDINATED, text)) {
    if (startsWithImperative(text.slice(m.index + m[0].length), false)) return 'imperative-coordinated';
  }
  if (goalIf.test(text)) return 'reader-goal';
  if (readerActs(text)) return 'reader-acts';
  return firstMatch(advicePatterns, ADVICE, can, text)?.id;
}

// 'You start by saying the phrase', 'Eventually, you'll apply it to ...', 'you can even meditate
// while ...': the reader doing something the text describes step by step. Verbs of what happens to
// the reader ('you may feel', 'you can get') are not actions (experiencerVerbs).
function readerActs(text: string): boolean {
  for (const m of matchesOf(READER_ACTS, text)) {
    const verb = m[2] ?? '';
    // 'you will not ...', 'you may never know': a prediction, not a step to take.
    if (verb === 'not' || verb === 'never' || experiencers.has(verb) || auxiliaries.has(verb)) continue;
    // After a modal the word is a verb whatever its usual reading ('you can stretch').
    const reading = verbReading(verb);
    if (imperatives.has(verb) || reading === 'verb' || (m[1] && reading === 'noun')) return true;
  }
  return false;
}

// "1) ", "2. ", "- ", "• " before a list item are not part of the statement.
function stripListMarker(text: string): string {
  return text.replace(/^(?:\d{1,2}[.)]|[-•*–])\s+/u, '');
}

// A heading or a title of another article: most longer words capitalised ("How Long Do Back
// Muscle Spasms Last?"). Proper names inside a sentence do not reach the ratio; a finished sentence
// full of them still has its verb in lower case ("Who created the Healthy Eating Plate?"), a title
// does not (one without an end mark stays a title: "Squad at the start of the Window").
function isTitle(tokens: string[], finished: boolean): boolean {
  const long = tokens.slice(1).filter((t) => t.length >= 4 && /^\p{L}/u.test(t));
  if (long.length < 2) return tokens.length <= 4 && tokens.length > 0 && tokens.every((t) => /^[\p{Lu}\p{N}]/u.test(t));
  if (long.filter((t) => /^\p{Lu}/u.test(t)).length / long.length < 0.6) return false;
  return !finished || tokens.length < 5 || !tokens.slice(1).some((t) => /^\p{Ll}/u.test(t) && isUsuallyVerb(t));
}

function afterColons(text: string): string[] {
  const out: string[] = [];
  for (const m of matchesOf(COLON, text)) {
    // 'has been shown to help: Activate ...': the list completes the lead, it does not instruct.
    if (complementLead.test(text.slice(0, m.index))) continue;
    out.push(text.slice(m.index + m[0].length));
  }
  return out;
}

/** Does this clause open with an instruction? `alone`: the clause may be the verb and one word. */
function startsWithImperative(clause: string, alone: boolean): boolean {
  const rest = skipLeadIns(clause.replace(/^[\s"“”‘’'(]+/u, ''));
  const toks = openingWords(rest);
  const [first, second] = toks;
  if (!first) return false;
  if (alone && toks.length < 2) return false;
  if (imperatives.has(first)) {
    // 'Be' and 'Do' also open questions and statements ('Do you ...', 'Be it ...').
    if ((first === 'do' || first === 'be') && (second === undefined || /^(?:you|they|it|we|i|not)$/u.test(second))) return false;
    // 'Use of ...', 'Stop signs', a bare verb: not an instruction.
    return second !== undefined && second !== 'of' && !auxiliaries.has(second);
  }
  if (nounLike.has(first)) return second !== undefined && !auxiliaries.has(second) && !/(?:s|ed)$/u.test(second) && toks.length > 2;
  if (second === undefined || toks.length < 3) return false;
  // Any other verb from the lexicon: one whose usual reading is a verb ('Reflect on ...', 'Incorporate
  // grains ...') unless a verb or auxiliary follows ('Help is ...'); one usually read as a noun only
  // before its object ('Check the cable'; not 'Research shows').
  const reading = notInstructions.has(first) ? undefined : verbReading(first);
  if (reading === 'verb') return !auxiliaries.has(second) && second !== 'of' && !/ed$/u.test(second);
  if (reading === 'noun') return objectStarts.has(second);
  return false;
}

/**
 * The clause's words, lower-cased, from the first that is not an opening adverb ('Gently press
 * ...'; the last word is never skipped), and at most three of them: all startsWithImperative
 * reads (the first two, and whether there are fewer than two or three). Read one by one, so a
 * long clause is not split whole to look at its start.
 */
function openingWords(text: string): string[] {
  const words: string[] = [];
  WORD.lastIndex = 0;
  let more = true; // a failed exec starts over from 0: never call it again after one
  const take = (): boolean => {
    const m = more ? WORD.exec(text) : null;
    if (m) words.push(m[0].toLowerCase());
    else more = false;
    return m !== null;
  };
  let from = 0;
  for (let n = 0; n < 3 && take(); n++);
  while (words.length - from > 1 && openingAdverbs.has(words[from]!)) {
    from++;
    if (words.length - from < 3) take();
  }
  WORD.lastIndex = 0;
  return words.slice(from, from + 3);
}

function skipLeadIns(text: string): string {
  let rest = text;
  for (let m = leadIn.exec(rest); m && m[0].length < rest.length; m = leadIn.exec(rest)) rest = rest.slice(m[0].length);
  return rest;
}

// "When using heat, apply it for 20 minutes." / "If rest does not help—or if ...—seek help."
function imperativeAfterOpeningClause(clause: string): boolean {
  const rest = skipLeadIns(clause.trim());
  if (!subordinator.test(rest)) return false;
  for (const m of matchesOf(CLAUSE_BREAK, rest)) {
    if (startsWithImperative(rest.slice(m.index + m[0].length), false)) return true;
  }
  return false;
}
