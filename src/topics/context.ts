// From per-claim topic logits to the topics of a page's claims. A claim's own words are weighed
// together with the page around it: the mean probability of each topic over the page's claims
// (a sentence on a page about fasting is read as being about fasting unless it says otherwise,
// and a page about schools lends no health topic to any of its sentences) and over the claims
// next to it (a quote that runs on). final = own + doc x logit(page mean) + near x logit(neighbours'
// mean); a topic is given when final reaches `threshold` and the claim's own words speak for it
// (`evidence`), at most `maxTopics`, best first.
export interface ContextSettings {
  /** Weight of the page's mean probability of the topic (as a logit). */
  doc: number;
  /** Weight of the mean probability of the topic in the claims just before and after. */
  near: number;
  /** Logit a topic must reach. */
  threshold: number;
  /**
   * How far the claim's own words must lift a topic above its prior (the model's bias for it and the claim's type):
   * a claim with no word that speaks for a topic does not get it because the topic is common in
   * the training pages. A sentence about cars gets no health topic, whatever the page.
   */
  evidence: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const logit = (p: number): number => {
  const q = Math.min(0.99, Math.max(0.01, p));
  return Math.log(q / (1 - q));
};

/** Final logits for every claim of one page, in order; `own[i][k]` is claim i's logit of topic k. */
export function inContext(own: number[][], settings: ContextSettings): number[][] {
  if (!own.length) return [];
  const K = own[0]!.length;
  const probs = own.map((z) => z.map(sigmoid));
  const page = Array.from({ length: K }, (_, k) => probs.reduce((a, p) => a + p[k]!, 0) / probs.length);
  return own.map((z, i) => {
    const around = [probs[i - 1], probs[i + 1]].filter((p) => p !== undefined);
    return z.map((zk, k) => {
      const near = around.length ? around.reduce((a, p) => a + p[k]!, 0) / around.length : page[k]!;
      return zk + settings.doc * logit(page[k]!) + settings.near * logit(near);
    });
  });
}

/** Topic indexes chosen from final logits, best first, with a score in 0-1 (0.5 at the threshold). */
export function choose(final: number[], threshold: number, maxTopics: number, allowed?: (k: number) => boolean): { k: number; score: number }[] {
  // Only the topics that reach the threshold are looked at further (most claims: none of them).
  const reached: { k: number; z: number }[] = [];
  for (let k = 0; k < final.length; k++) {
    const z = final[k]!;
    if (z >= threshold && (!allowed || allowed(k))) reached.push({ k, z });
  }
  return reached
    .sort((a, b) => b.z - a.z || a.k - b.k)
    .slice(0, maxTopics)
    .map((t) => ({ k: t.k, score: Math.min(0.999, Math.round(sigmoid(t.z - threshold) * 1000) / 1000) }));
}


/** Whether claim logits `own` lift topic k at least `evidence` above its prior (the logits of no words, of the claim's type). */
export function hasEvidence(own: number[], prior: number[], k: number, settings: ContextSettings): boolean {
  return (own[k] ?? 0) - (prior[k] ?? 0) >= settings.evidence;
}
