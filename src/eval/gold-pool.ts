// Many labeled pages scored at once: the per-page scores and the pooled (micro-averaged) figures,
// as ../shared/tools/score-gold.mjs computes and prints them: the raw counts of all pages are
// summed, then each figure is taken once from the sums.
import { fixed3, harmonic } from './util.ts';
import type { GoldCounts, GoldScore } from './gold-score.ts';

export interface PooledGold {
  pages: number;
  /** Pages of the gold root that had no output. */
  missing: string[];
  keptText: { p: number; r: number; f1: number };
  claims: { gold: number; pred: number; precision: number; recall: number; f1: number; typeAccuracy: number };
  topics: { p: number; r: number; f1: number };
  sources: { attributed: number; accuracy: number; unattributed: number; falseRate: number };
}

export interface GoldRootScore {
  pooled: PooledGold;
  /** One score per page, with its counts, in page-name order. */
  pages: GoldScore[];
}

const div = (a: number, b: number, ifEmpty: number): number => (b ? a / b : ifEmpty);

/** Sums the pages' counts and takes each figure once (pages must have been scored with counts). */
export function poolGold(pages: readonly GoldScore[], missing: readonly string[] = []): GoldRootScore {
  const sum: GoldCounts = {
    kept: { tp: 0, fp: 0, fn: 0 },
    claims: { gold: 0, pred: 0, matchedGold: 0, matchedPred: 0, typeOk: 0 },
    topics: { tp: 0, fp: 0, fn: 0 },
    sources: { attributed: 0, attrOk: 0, unattributed: 0, falseAttr: 0 },
  };
  for (const page of pages) {
    if (!page.counts) throw new Error(`${page.doc}: scored without counts, cannot pool`);
    for (const group of Object.keys(sum) as (keyof GoldCounts)[]) {
      const into = sum[group] as Record<string, number>;
      for (const [k, n] of Object.entries(page.counts[group])) into[k] = (into[k] ?? 0) + n;
    }
  }
  const { kept, claims, topics, sources } = sum;
  const kp = div(kept.tp, kept.tp + kept.fp, 0), kr = div(kept.tp, kept.tp + kept.fn, 1);
  const cp = div(claims.matchedPred, claims.pred, 1), cr = div(claims.matchedGold, claims.gold, 1);
  const tp = div(topics.tp, topics.tp + topics.fp, 0), tr = div(topics.tp, topics.tp + topics.fn, 1);
  return {
    pooled: {
      pages: pages.length,
      missing: [...missing],
      keptText: { p: kp, r: kr, f1: harmonic(kp, kr) },
      claims: { gold: claims.gold, pred: claims.pred, precision: cp, recall: cr, f1: harmonic(cp, cr), typeAccuracy: div(claims.typeOk, claims.matchedGold, 0) },
      topics: { p: tp, r: tr, f1: harmonic(tp, tr) },
      sources: { attributed: sources.attributed, accuracy: div(sources.attrOk, sources.attributed, 1),
        unattributed: sources.unattributed, falseRate: div(sources.falseAttr, sources.unattributed, 0) },
    },
    pages: [...pages],
  };
}

/** score-gold.mjs's table: one line per page, then the pooled line. */
export function formatGoldTable(s: GoldRootScore): string {
  const f = fixed3;
  const lines = ['page                      keptF1  claimF1  type   topicF1  srcAcc (n)    falseSrc'];
  for (const r of s.pages) {
    lines.push(`${r.doc.padEnd(24)}  ${f(r.keptText.f1)}   ${f(r.claims.f1)}    ${f(r.claims.typeAccuracy)}  ${f(r.topics.f1)}    ${f(r.sources.accuracy)} (${String(r.sources.attributed).padStart(3)})  ${f(r.sources.falseRate)}`);
  }
  const p = s.pooled;
  lines.push(`pooled (${p.pages} pages): keptF1=${f(p.keptText.f1)} claimF1=${f(p.claims.f1)} (P ${f(p.claims.precision)} R ${f(p.claims.recall)}) type=${f(p.claims.typeAccuracy)} topicF1=${f(p.topics.f1)} srcAcc=${f(p.sources.accuracy)} (${p.sources.attributed} attributed) falseSrc=${f(p.sources.falseRate)}`);
  return lines.join('\n');
}
