// Furniture rules from rules.json: the first rule whose pattern matches a short-enough segment.
import rulesFile from './rules.json' with { type: 'json' };
import { wordCount } from './chars.js';
import { Prefilter } from '../prefilter.js';

export interface FurnitureRule {
  id: string;
  kind: string;
  regex: RegExp;
  maxWords: number;
  minWords: number;
  minTitleShare?: number;
  /** The document languages (ISO 639-1) the rule applies in; every language when absent. */
  langs?: string[];
  /** Only on flattened pages (features.ts isFlat) when true; on every page when absent. */
  flatOnly?: boolean;
}

const DEFAULT_MAX_WORDS = 40;

export const furnitureRules: FurnitureRule[] = rulesFile.rules.map((r) => {
  const rule = r as { id: string; kind: string; pattern: string; flags?: string; maxWords?: number; minWords?: number; minTitleShare?: number; langs?: string[]; flatOnly?: boolean };
  return {
    id: rule.id, kind: rule.kind, regex: new RegExp(rule.pattern, rule.flags ?? 'iu'),
    maxWords: rule.maxWords ?? DEFAULT_MAX_WORDS, minWords: rule.minWords ?? 0, minTitleShare: rule.minTitleShare, langs: rule.langs, flatOnly: rule.flatOnly,
  };
});

// Which rules can match a segment at all, from the literals their patterns require (src/prefilter.ts,
// the same test claims and sources use); made on first use.
let prefilter: Prefilter | undefined;

/** The kinds rules can name, in a stable order (the model uses one feature per kind). */
export const RULE_KINDS = [...new Set(furnitureRules.map((r) => r.kind))].sort();

export { wordCount };

/**
 * Share of the words of four or more letters that start with a capital (Title Case). A word in
 * capitals ('KNOW', 'BREAKING') takes the casing of the words around it: among Title Case
 * words it is headline styling and counts as Title Case; in a sentence whose other words are
 * lower case it is emphasis or an acronym and counts neither way.
 */
export function titleShare(text: string): number {
  const all = text.match(/\p{L}+/gu) ?? [];
  const isCaps = (w: string): boolean => w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
  const others = all.filter((w) => !isCaps(w));
  const capsAsTitle = !others.length || others.filter((w) => /^\p{Lu}/u.test(w)).length / others.length >= 0.5;
  const long = all.filter((w) => w.length >= 4 && (capsAsTitle || !isCaps(w)));
  return long.length ? long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length : 0;
}

/** The first rule matching the segment of a document in `lang` (`flat`: of a flattened page), or null. */
export function matchRule(text: string, words = wordCount(text), lang = 'en', flat = true): FurnitureRule | null {
  return new RuleMatches(text, lang, flat).first(words);
}

// The rules that apply in a language, in order, with their word limits as typed arrays: each
// segment asks twice, and the loop over every rule's fields was a third of the asking.
interface LangRules {
  /** indices into furnitureRules */
  order: Int32Array;
  minWords: Float64Array;
  maxWords: Float64Array;
}
const byPage = new Map<string, LangRules>();
// The last page's rules: every segment of a page asks twice, and building the key was a tenth of the asking.
let last: { lang: string; flat: boolean; rules: LangRules } | undefined;

/** The rules for a page in `lang`, `flat` or with line breaks (flatOnly rules only on flat pages). */
function rulesFor(lang: string, flat: boolean): LangRules {
  if (last && last.lang === lang && last.flat === flat) return last.rules;
  const key = `${lang} ${flat}`;
  let rules = byPage.get(key);
  if (rules) {
    last = { lang, flat, rules };
    return rules;
  }
  const order = furnitureRules.flatMap((r, i) => ((r.langs && !r.langs.includes(lang)) || (r.flatOnly && !flat) ? [] : [i]));
  rules = {
    order: Int32Array.from(order),
    minWords: Float64Array.from(order, (i) => furnitureRules[i]!.minWords),
    maxWords: Float64Array.from(order, (i) => furnitureRules[i]!.maxWords),
  };
  byPage.set(key, rules);
  last = { lang, flat, rules };
  return rules;
}

/**
 * One segment's rule matches, each pattern tested at most once: the model's features and the
 * stage both ask for the first matching rule, with different word counts, and the patterns are
 * most of the cost.
 */
export class RuleMatches {
  private title: number | undefined;
  /**
   * The rules of the page (positions in rulesFor's order) whose patterns can match the text, by
   * the prefilter: about two of the page's rules per segment, so an answer walks these instead of
   * every rule. Made on the first question.
   */
  private candidates: number[] | undefined;
  /** Per candidate: MAY until its pattern is tested, then MATCHED or UNMATCHED. */
  private states: number[] | undefined;

  /** `lang`: the document's language (detectLanguage: 'en' when unsure); `flat`: the page is flattened (isFlat). */
  constructor(private readonly text: string, private readonly lang = 'en', private readonly flat = true) {}

  /** The first rule that matches when the segment has `words` words, or null. */
  first(words: number): FurnitureRule | null {
    const { order, minWords, maxWords } = rulesFor(this.lang, this.flat);
    let candidates = this.candidates;
    let states = this.states;
    if (!candidates || !states) {
      const may = (prefilter ??= new Prefilter(furnitureRules.map((r) => r.regex))).scan(this.text);
      candidates = this.candidates = [];
      states = this.states = [];
      for (let k = 0; k < order.length; k++) {
        if (may[order[k]!] === MAY) {
          candidates.push(k);
          states.push(MAY);
        }
      }
    }
    for (let c = 0; c < candidates.length; c++) {
      const k = candidates[c]!;
      if (words > maxWords[k]! || words < minWords[k]!) continue;
      const rule = furnitureRules[order[k]!]!;
      let s = states[c]!;
      if (s === MAY) states[c] = s = rule.regex.test(this.text) ? MATCHED : UNMATCHED;
      if (s !== MATCHED) continue;
      if (rule.minTitleShare !== undefined && (this.title ??= titleShare(this.text)) < rule.minTitleShare) continue;
      return rule;
    }
    return null;
  }
}

// A candidate's state in RuleMatches; MAY is the prefilter's flag for a pattern that can match.
const MAY = 1;
const MATCHED = 2;
const UNMATCHED = 3;
