// Topics stage: up to `maxTopics` taxonomy topics per claim, with scores, and keywords.
// The topics come from a learned model (one logistic regression per topic over stems and stem
// pairs, learn.ts) read in the context of the page (context.ts). For the default taxonomy the
// weights are model.json, trained by `npm run train:topics` on labeled claims; any other taxonomy
// (--taxonomy) is fitted at load time from its own descriptions, examples and cue terms against
// general text (fit.ts). A claim no topic reaches gets none: a page outside the taxonomy stays
// untagged rather than wrongly tagged.
import type { ClaimType, Doc } from '../types.js';
import backgroundFile from './background.json' with { type: 'json' };
import { choose, hasEvidence, inContext, type ContextSettings } from './context.js';
import type { CorpusStats } from './corpus.js';
import { cueIndex, featuresOf, type CueIndex } from './features.js';
import { fitFromTaxonomy, taxonomyHash, type Background, type LoadFit } from './fit.js';
import { keywords } from './keywords.js';
import { logits, type LinearTopics } from './learn.js';
import modelFile from './model.json' with { type: 'json' };
import { tokenLogits } from './scores.js';
import type { Taxonomy } from './taxonomy.js';
import { tokens, type Token } from './text.js';

export { corpusStats, CorpusStats, type PackedCorpusStats } from './corpus.js';
export { defaultTaxonomy, readTaxonomy, validateTaxonomy, TaxonomyError, type Taxonomy } from './taxonomy.js';

interface ModelFile extends LinearTopics {
  taxonomy: { id: string; hash: string; topics: string[] };
  context: ContextSettings;
  loadFit: LoadFit;
  loadContext: ContextSettings;
}
const shipped = modelFile as unknown as ModelFile;

export interface TopicModel {
  taxonomy: Taxonomy;
  linear: LinearTopics;
  /** The taxonomy's cue phrases, read as features. */
  cues: CueIndex;
  context: ContextSettings;
  /** 'trained': the shipped weights (the taxonomy they were trained for); 'fitted': from the taxonomy's own text at load. */
  origin: 'trained' | 'fitted';
}

const fitted = new WeakMap<Taxonomy, TopicModel>();

/** The topic model for a taxonomy: the shipped weights when they were trained for it, else fitted from it. */
export function topicModel(taxonomy: Taxonomy): TopicModel {
  const hash = taxonomyHash(taxonomy);
  if (hash === shipped.taxonomy.hash) return { taxonomy, linear: shipped, cues: cueIndex(taxonomy), context: shipped.context, origin: 'trained' };
  let model = fitted.get(taxonomy);
  if (!model) {
    model = { taxonomy, linear: fitFromTaxonomy(taxonomy, backgroundFile as Background, shipped.loadFit), cues: cueIndex(taxonomy), context: shipped.loadContext, origin: 'fitted' };
    fitted.set(taxonomy, model);
  }
  return model;
}

/** Raw scores (logits) per topic for one text on its own, in taxonomy order: those of its features (featuresOf). */
export function topicScores(text: string, model: TopicModel, type?: ClaimType, toks: readonly Token[] = tokens(text)): number[] {
  return tokenLogits(model.linear, toks, model.cues, type);
}

/**
 * The chosen topics of one claim: ids with scores in 0-1, best first. `own` are its own logits,
 * `final` the same read in its page (the same when it is read alone).
 */
export function chooseTopics(own: number[], model: TopicModel, type?: ClaimType, final: number[] = own): { id: string; score: number }[] {
  // An instruction is about what to do: only the action topics (an instruction that fits none of
  // them is better untagged than tagged 'causes' or 'prognosis').
  const actions = type === 'advice' ? model.taxonomy.adviceTopics : undefined;
  const prior = priorOf(model.linear, type);
  const allowed = (k: number): boolean => hasEvidence(own, prior, k, model.context) && (!actions || actions.includes(model.taxonomy.topics[k]?.id ?? ''));
  return choose(final, model.context.threshold, model.taxonomy.scoring.maxTopics, allowed).map((t) => ({ id: model.taxonomy.topics[t.k]?.id ?? '', score: t.score }));
}

// The logits of no words, of a claim type: the same for every claim of that type, so worked out
// once per model and type (they were worked out again for every claim).
const priors = new WeakMap<LinearTopics, Map<ClaimType | undefined, number[]>>();

function priorOf(linear: LinearTopics, type: ClaimType | undefined): number[] {
  let byType = priors.get(linear);
  if (!byType) priors.set(linear, (byType = new Map()));
  let prior = byType.get(type);
  if (!prior) byType.set(type, (prior = logits(linear, featuresOf('', type))));
  return prior;
}

/** Topics of texts read together as one page (each with its claim type), in order. */
export function pageTopics(texts: { text: string; type?: ClaimType; toks?: Token[] }[], model: TopicModel): { id: string; score: number }[][] {
  const own = texts.map((t) => topicScores(t.text, model, t.type, t.toks));
  return inContext(own, model.context).map((z, i) => chooseTopics(own[i]!, model, texts[i]?.type, z));
}

export function topics(doc: Doc, model: TopicModel, corpus: CorpusStats): void {
  const refs = new Map(doc.sources.map((s) => [s.ref, s]));
  // Each claim read once for both the topics and the keywords.
  const toks = doc.claims.map((c) => tokens(c.text));
  const chosen = pageTopics(doc.claims.map((c, i) => ({ text: c.text, type: c.type, toks: toks[i] })), model);
  const none = new Set<string>();
  doc.claims.forEach((claim, i) => {
    claim.topics = chosen[i] ?? [];
    // A speaker's name says who, not what: it is not a keyword of the claim.
    const names = claim.sources.length ? new Set(claim.sources.flatMap((cs) => tokens(refs.get(cs.ref)?.name ?? '').map((t) => t.word))) : none;
    claim.keywords = keywords(claim.text, corpus, names, toks[i]);
  });
}
