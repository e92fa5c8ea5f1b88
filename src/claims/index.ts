// Claims stage: every kept segment that asserts something becomes a claim with a type (fact,
// advice, question) and a hedge score (type.ts). `claimStages` runs the three stages of the
// design in order over a run: corpus statistics first (TF-IDF over all kept segments), then per
// document claims -> sources -> topics.
import type { Doc } from '../types.js';
import { sources } from '../sources/index.js';
import { defaultTaxonomy, corpusStats, topicModel, topics, type Taxonomy } from '../topics/index.js';
import { classify } from './type.js';

export { classify } from './type.js';

/** Claims, sources and topics for every document of a run. */
export function claimStages(docs: Doc[], taxonomy: Taxonomy = defaultTaxonomy): void {
  const corpus = corpusStats(docs);
  const model = topicModel(taxonomy);
  for (const doc of docs) {
    claims(doc);
    sources(doc);
    topics(doc, model, corpus);
  }
}

/** Claims of one document, from its kept segments only; sources and topics are filled later. */
export function claims(doc: Doc): void {
  doc.claims = [];
  for (const segment of doc.segments) {
    if (segment.status !== 'kept') continue;
    const decision = classify(segment.text);
    if (!decision.type) continue;
    doc.claims.push({
      id: `${doc.name}:c${doc.claims.length + 1}`,
      segment: segment.id,
      text: segment.text,
      type: decision.type,
      hedge: decision.hedge,
      topics: [],
      keywords: [],
      sources: [],
      // The JSON writer counts the segment's removed duplicates into this.
      occurrences: 1,
    });
  }
}
