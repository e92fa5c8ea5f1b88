// Topics stage: up to `maxTopics` taxonomy topics per claim, with scores, and keywords.
// A topic's raw score is its cue terms found in the claim (stemmed, phrases in sequence, weighted
// by cue group) plus `similarityWeight` x the TF-IDF cosine between the claim and the topic's
// description and examples. The output score is raw / (raw + 1), so it lies in 0-1.
import type { ClaimType, Doc } from '../types.js';
import type { CorpusStats } from './corpus.js';
import { isStopWord, keywords } from './keywords.js';
import type { Taxonomy } from './taxonomy.js';
import { stems, tokens, type Token } from './text.js';

export { corpusStats, CorpusStats } from './corpus.js';
export { defaultTaxonomy, readTaxonomy, validateTaxonomy, TaxonomyError, type Taxonomy } from './taxonomy.js';

interface Cue { topic: number; stems: string[]; weight: number }
export interface TopicModel {
  taxonomy: Taxonomy;
  /** Cues by their first stem, so a text is matched in one pass over its words. */
  cues: Map<string, Cue[]>;
  /** Per topic: stem -> weight (tf x how few topics use the stem), and the vector's norm. */
  profiles: { weights: Map<string, number>; norm: number }[];
}

export function topicModel(taxonomy: Taxonomy): TopicModel {
  const cues = new Map<string, Cue[]>();
  taxonomy.topics.forEach((t, topic) => {
    for (const group of t.cues) for (const term of group.terms) {
      const s = stems(term);
      const first = s[0];
      if (first !== undefined) cues.set(first, [...(cues.get(first) ?? []), { topic, stems: s, weight: (group.weight ?? 1) * (s.length > 1 ? 1.25 : 1) }]);
    }
  });
  const counts = taxonomy.topics.map((t) => {
    const m = new Map<string, number>();
    for (const tok of tokens([t.description, ...t.examples].join(' '))) {
      if (!isStopWord(tok.word)) m.set(tok.stem, (m.get(tok.stem) ?? 0) + 1);
    }
    return m;
  });
  const topicDf = new Map<string, number>();
  for (const m of counts) for (const s of m.keys()) topicDf.set(s, (topicDf.get(s) ?? 0) + 1);
  const n = taxonomy.topics.length;
  const profiles = counts.map((m) => {
    const weights = new Map<string, number>();
    for (const [s, c] of m) weights.set(s, c * Math.log(1 + n / (topicDf.get(s) ?? 1)));
    return { weights, norm: Math.hypot(...weights.values()) || 1 };
  });
  return { taxonomy, cues, profiles };
}

/** Raw scores per topic for one text, in taxonomy order. */
/** `toks`: the text's tokens, when the caller has them already. */
export function topicScores(text: string, model: TopicModel, corpus: CorpusStats, toks: Token[] = tokens(text)): number[] {
  const seq = toks.map((t) => t.stem);
  const raw = model.taxonomy.topics.map(() => 0);
  // A cue counts at most twice in one text.
  const hits = new Map<Cue, number>();
  seq.forEach((stem, i) => {
    for (const cue of model.cues.get(stem) ?? []) {
      if (cue.stems.every((s, j) => seq[i + j] === s)) hits.set(cue, Math.min(2, (hits.get(cue) ?? 0) + 1));
    }
  });
  for (const [cue, n] of hits) raw[cue.topic] = (raw[cue.topic] ?? 0) + n * cue.weight;
  const vec = new Map<string, number>();
  for (const t of toks) if (!isStopWord(t.word)) vec.set(t.stem, (vec.get(t.stem) ?? 0) + corpus.idf(t.stem));
  const norm = Math.hypot(...vec.values()) || 1;
  const w = model.taxonomy.scoring.similarityWeight;
  model.profiles.forEach((p, i) => {
    let dot = 0;
    for (const [s, v] of vec) dot += v * (p.weights.get(s) ?? 0);
    raw[i] = (raw[i] ?? 0) + (w * dot) / (norm * p.norm);
  });
  return raw;
}

/** The chosen topics of one text: ids with scores in 0-1, best first. */
export function chooseTopics(raw: number[], model: TopicModel, type?: ClaimType): { id: string; score: number }[] {
  const { minScore, relative, maxTopics } = model.taxonomy.scoring;
  let scored = raw.map((r, i) => ({ id: model.taxonomy.topics[i]?.id ?? '', raw: r, i }));
  // An instruction is about what to do: only the action topics (an instruction that fits none of
  // them is better untagged than tagged 'causes' or 'prognosis').
  const actions = model.taxonomy.adviceTopics;
  if (type === 'advice' && actions) scored = scored.filter((t) => actions.includes(t.id));
  const best = Math.max(0, ...scored.map((t) => t.raw));
  return scored
    .filter((t) => t.raw >= minScore && t.raw >= relative * best)
    .sort((a, b) => b.raw - a.raw || a.i - b.i)
    .slice(0, maxTopics)
    .map((t) => ({ id: t.id, score: Math.round((t.raw / (t.raw + 1)) * 1000) / 1000 }));
}

export function topics(doc: Doc, model: TopicModel, corpus: CorpusStats): void {
  const refs = new Map(doc.sources.map((s) => [s.ref, s]));
  for (const claim of doc.claims) {
    const toks = tokens(claim.text); // once for both the topics and the keywords
    claim.topics = chooseTopics(topicScores(claim.text, model, corpus, toks), model, claim.type);
    // A speaker's name says who, not what: it is not a keyword of the claim.
    const names = new Set(claim.sources.flatMap((cs) => tokens(refs.get(cs.ref)?.name ?? '').map((t) => t.word)));
    claim.keywords = keywords(claim.text, corpus, names, toks);
  }
}
