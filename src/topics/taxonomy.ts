// Loading a taxonomy: the default (taxonomy.json beside this file) or a user's file (--taxonomy).
// A bad file is a TaxonomyError with one line naming the file and the problem.
import fs from 'node:fs';
import defaultFile from './taxonomy.json' with { type: 'json' };

export interface CueGroup { terms: string[]; weight?: number; why?: string }
export interface Topic { id: string; label: string; description: string; cues: CueGroup[]; examples: string[] }
export interface Scoring { minScore: number; relative: number; maxTopics: number; similarityWeight: number }
export interface Taxonomy {
  id: string;
  scoring: Scoring;
  topics: Topic[];
  /** Topics an instruction can be about; advice claims get only these. */
  adviceTopics?: string[];
}

export class TaxonomyError extends Error {}

// Function declarations below are hoisted; the default taxonomy is validated at load.
const DEFAULT_SCORING: Scoring = { minScore: 0.6, relative: 0.75, maxTopics: 3, similarityWeight: 3 };

export const defaultTaxonomy: Taxonomy = validate(defaultFile, 'default taxonomy');

export function readTaxonomy(file: string): Taxonomy {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const why = e instanceof SyntaxError ? 'invalid JSON' : `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
    throw new TaxonomyError(`${file}: ${why}`);
  }
  return validate(raw, file);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validate(raw: unknown, where: string): Taxonomy {
  const fail = (why: string): never => { throw new TaxonomyError(`${where}: ${why}`); };
  if (!isObject(raw)) return fail('must be a JSON object with "topics"');
  const topicsRaw = raw.topics;
  if (!Array.isArray(topicsRaw) || !topicsRaw.length) return fail('"topics" must be a non-empty list');
  const ids = new Set<string>();
  const topics = topicsRaw.map((t, i): Topic => {
    if (!isObject(t) || typeof t.id !== 'string' || !t.id) return fail(`topic ${i + 1} needs a string "id"`);
    if (ids.has(t.id)) fail(`topic id "${t.id}" appears twice`);
    ids.add(t.id);
    const cues = Array.isArray(t.cues) ? t.cues.map((c): CueGroup => {
      // A cue group is {terms, weight?, why?}; a bare string is a group of one term.
      if (typeof c === 'string') return { terms: [c] };
      if (!isObject(c) || !Array.isArray(c.terms) || !c.terms.every((x) => typeof x === 'string')) return fail(`topic "${t.id}": each cue must be a string or {"terms": [...]}`);
      if (c.weight !== undefined && (typeof c.weight !== 'number' || c.weight < 0)) fail(`topic "${t.id}": cue weight must be a number >= 0`);
      return { terms: c.terms as string[], ...(typeof c.weight === 'number' ? { weight: c.weight } : {}) };
    }) : [];
    const examples = Array.isArray(t.examples) ? t.examples.filter((x): x is string => typeof x === 'string') : [];
    const description = typeof t.description === 'string' ? t.description : '';
    if (!cues.length && !examples.length && !description) fail(`topic "${t.id}" has no cues, examples or description to match on`);
    return { id: t.id, label: typeof t.label === 'string' ? t.label : t.id, description, cues, examples };
  });
  const scoring = { ...DEFAULT_SCORING };
  if (raw.scoring !== undefined) {
    if (!isObject(raw.scoring)) fail('"scoring" must be an object');
    for (const k of Object.keys(DEFAULT_SCORING) as (keyof Scoring)[]) {
      const v = (raw.scoring as Record<string, unknown>)[k];
      if (v === undefined) continue;
      if (typeof v !== 'number' || v < 0) fail(`"scoring.${k}" must be a number >= 0`);
      scoring[k] = v as number;
    }
  }
  let adviceTopics: string[] | undefined;
  if (raw.adviceTopics !== undefined) {
    if (!Array.isArray(raw.adviceTopics) || !raw.adviceTopics.every((x) => typeof x === 'string' && ids.has(x))) fail('"adviceTopics" must list topic ids');
    adviceTopics = raw.adviceTopics as string[];
  }
  return { id: typeof raw.id === 'string' ? raw.id : 'custom', scoring, topics, ...(adviceTopics ? { adviceTopics } : {}) };
}

/** A taxonomy given as data (the API's `taxonomy` option), checked as a file would be. */
export { validate as validateTaxonomy };
