// The dedupe stage's data (rules.json), typed. Every threshold the stage uses comes from here.
import data from './rules.json' with { type: 'json' };

export type DedupeKind = 'exact' | 'near' | 'contained';

export type RuleId =
  | 'exact-hash'
  | 'near-jaccard'
  | 'near-edit'
  | 'near-containment'
  | 'contained-cutoff'
  | 'contained-fragment'
  | 'contained-superseded';

const t = data.thresholds;
const m = data.minhash;
const n = data.normalize;

export const thresholds = {
  minWords: t.minWords.value,
  nearMinWords: t.nearMinWords.value,
  shingleChars: t.shingleChars.value,
  nearJaccard: t.nearJaccard.value,
  containment: t.containment.value,
  containmentMinWords: t.containmentMinWords.value,
  nearContainmentMinRatio: t.nearContainmentMinRatio.value,
  anchorWords: t.anchorWords.value,
  maxBucket: t.maxBucket.value,
} as const;

export const minhash = {
  bins: m.bins.value,
  bands: m.bands.value,
  rows: m.rows.value,
  seed: m.seed.value,
} as const;

if (minhash.bands * minhash.rows !== minhash.bins) {
  throw new Error('src/dedupe/rules.json: bands x rows must equal bins');
}

const charClass = (chars: string): RegExp => new RegExp(`[${chars.replace(/[\\\]^-]/gu, '\\$&')}]`, 'gu');

export const normalizeRules = {
  form: n.form.value as 'NFC' | 'NFD' | 'NFKC' | 'NFKD',
  singleQuotes: charClass(n.singleQuotes.value),
  doubleQuotes: charClass(n.doubleQuotes.value),
  dropApostrophes: n.dropApostrophes.value,
  cutOffMark: new RegExp(n.cutOffMark.value, 'u'),
  notKept: new RegExp(n.keep.value, 'gu'),
} as const;

const label = data.notCompared.speakerLabel;

/** A speaker or field label on its own ('William:'): dedupe leaves it alone (rules.json notCompared). */
export const speakerLabel = { pattern: new RegExp(label.value, 'u'), maxWords: label.maxWords, minCount: label.minCount } as const;

const kinds = new Map(data.rules.map((r) => [r.id, r.kind as DedupeKind]));

/** The kind (exact | near | contained) a rule id reports. */
export function kindOf(rule: RuleId): DedupeKind {
  const kind = kinds.get(rule);
  if (!kind) throw new Error(`src/dedupe/rules.json has no rule ${rule}`);
  return kind;
}
