// Furniture rules from rules.json: the first rule whose pattern matches a short-enough segment.
import rulesFile from './rules.json' with { type: 'json' };

export interface FurnitureRule {
  id: string;
  kind: string;
  regex: RegExp;
  maxWords: number;
}

const DEFAULT_MAX_WORDS = 40;

export const furnitureRules: FurnitureRule[] = rulesFile.rules.map((r) => {
  const rule = r as { id: string; kind: string; pattern: string; flags?: string; maxWords?: number };
  return { id: rule.id, kind: rule.kind, regex: new RegExp(rule.pattern, rule.flags ?? 'iu'), maxWords: rule.maxWords ?? DEFAULT_MAX_WORDS };
});

/** The kinds rules can name, in a stable order (the model uses one feature per kind). */
export const RULE_KINDS = [...new Set(furnitureRules.map((r) => r.kind))].sort();

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** The first rule matching the segment, or null. */
export function matchRule(text: string, words = wordCount(text)): FurnitureRule | null {
  for (const rule of furnitureRules) if (words <= rule.maxWords && rule.regex.test(text)) return rule;
  return null;
}
