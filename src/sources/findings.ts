// Does a sentence report a measured result, as the findings of a study told on without a reporting
// verb ('Women with high scores lowered their risk by 11%')? Vocabulary: findings.json.
import findingsFile from './findings.json' with { type: 'json' };
import studiesFile from './studies.json' with { type: 'json' };

const words = (groups: { words: string[] }[]): string[] => groups.flatMap((g) => g.words);
const alt = (list: string[]): string => [...list].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\%]/gu, '\\$&').replace(/ /gu, '\\s+')).join('|');

const outcome = new RegExp(`(?:(?<![\\p{L}])(?:${alt(words(findingsFile.outcomes).filter((w) => w !== '%'))})(?![\\p{L}])|\\d\\s?%)`, 'iu');
// A regular past form stands alone: '-led' in 'creator-led' or 'plant-based' is an adjective.
const past = new RegExp(`(?<![\\p{L}-])(?:${alt(words(findingsFile.pastVerbs))}|\\p{L}{3,}ed)(?![\\p{L}'’-])`, 'iu');

// 'another recent study showed', 'Other studies have found': a sentence that brings in research of
// its own is not the findings of the study before it.
const otherResearch = new RegExp(`(?<![\\p{L}])(?:${alt(words(findingsFile.otherResearch))})\\s+(?:[\\p{L}\\p{N}-]+\\s+){0,3}(?:${alt(words(studiesFile.heads))}|research)(?![\\p{L}])`, 'iu');

/** The sentence holds an outcome word and a verb in the past tense, and brings in no other research. */
export function reportsFinding(text: string): boolean {
  return outcome.test(text) && past.test(text) && !otherResearch.test(text);
}
