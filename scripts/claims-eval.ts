// Scores the claims, sources and topics stages on a gold folder, optionally as if cleaning were
// perfect, and lists what they get wrong. For developing the rules; not part of the pipeline.
//
//   npx tsx scripts/claims-eval.ts ../shared/gold/seed            figures with the pipeline's cleaning
//   npx tsx scripts/claims-eval.ts ../shared/gold/seed --oracle   segments the gold calls furniture or
//                                                                 garbled removed first (what the claims
//                                                                 stages reach once cleaning lands)
//   ... --explain                                                 also list misses and disagreements
//   ... --taxonomy FILE                                           with another taxonomy
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runPipeline } from '../src/pipeline.js';
import { claimStages } from '../src/claims/index.js';
import { defaultTaxonomy, readTaxonomy } from '../src/topics/index.js';
import { documentOutput } from '../src/write/json.js';
import { buildUnits, goldClass, type GoldUnit } from '../src/eval/gold-data.js';
import { loadGold, scoreGold, formatGoldSummary } from '../src/eval/gold-score.js';
import type { Doc } from '../src/types.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { oracle: { type: 'boolean' }, explain: { type: 'boolean' }, taxonomy: { type: 'string' } } });
const dir = positionals[0] ?? '../shared/gold/seed';
const taxonomy = values.taxonomy ? readTaxonomy(values.taxonomy) : defaultTaxonomy;
const gold = loadGold(dir);
const units = buildUnits(gold);
const result = await runPipeline({ input: path.join(dir, 'input.txt'), concurrency: 1, taxonomy });
const doc = result.docs[0];
if (!doc) throw new Error('no document');

// The gold unit that covers most of a span (parts override their segment, as in the scorer).
function unitAt(start: number, end: number): GoldUnit | undefined {
  const votes = new Map<GoldUnit, number>();
  for (let c = start; c < end; c++) {
    let best: GoldUnit | undefined;
    for (const u of units) if (u.start <= c && c < u.end) best = u;
    if (best) votes.set(best, (votes.get(best) ?? 0) + 1);
  }
  return [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

if (values.oracle) {
  for (const s of doc.segments) {
    const u = unitAt(s.start, s.end);
    if (s.status === 'kept' && goldClass(u ?? null) === 'noise') {
      s.status = 'removed';
      s.reason = { stage: u?.label === 'garbled' ? 'quality' : 'boilerplate', kind: String(u?.kind ?? u?.label), rule: 'gold-oracle' };
    }
  }
  doc.claims = [];
  doc.sources = [];
  claimStages([doc] as Doc[], taxonomy);
}

const output = JSON.parse(JSON.stringify(documentOutput(doc))) as ReturnType<typeof documentOutput>;
const score = scoreGold(gold, output, path.basename(path.resolve(dir)));
console.log(JSON.stringify({ claims: score.claims, topics: score.topics, sources: score.sources }));
console.log(formatGoldSummary(score));

if (values.explain) {
  const claimUnits = units.filter((u) => !u.carvedUp && u.label === 'content' && u.dupOf == null && ['fact', 'advice', 'question'].includes(String(u.claim)));
  const textOf = (u: GoldUnit): string => gold.text.slice(u.start, u.end);
  const segById = new Map(output.segments.map((s) => [s.id, s]));
  const refs = new Map(output.sources.map((s) => [s.ref, s]));
  const matched = new Set<GoldUnit>();
  for (const c of output.claims) {
    const s = segById.get(c.segment);
    if (!s) continue;
    let best: GoldUnit | undefined;
    let bo = 0;
    for (const u of claimUnits) {
      const o = Math.max(0, Math.min(s.end, u.end) - Math.max(s.start, u.start));
      if (o > bo) { bo = o; best = u; }
    }
    const who = c.sources.map((x) => `${refs.get(x.ref)?.kind}:${refs.get(x.ref)?.name}`).join(';');
    const topics = c.topics.map((t) => t.id).join(',');
    if (!best || bo < 0.5 * Math.min(s.end - s.start, best.end - best.start)) {
      const u = unitAt(s.start, s.end);
      console.log(`EXTRA  ${c.segment} [gold ${u?.label}/${u?.kind ?? u?.claim}] ${c.type} ${who} :: ${c.text.slice(0, 110)}`);
      continue;
    }
    if (matched.has(best)) continue;
    matched.add(best);
    const gt = ((best.topics as string[] | null) ?? []).join(',');
    if (c.type !== best.claim) console.log(`TYPE   ${c.segment} gold ${best.claim} got ${c.type} :: ${c.text.slice(0, 110)}`);
    if (gt !== topics) console.log(`TOPIC  ${c.segment} gold ${gt} got ${topics} ${JSON.stringify(c.topics.map((t) => t.score))} :: ${c.text.slice(0, 90)}`);
    if ((best.source ?? '') !== '' || who) console.log(`SOURCE ${c.segment} gold "${best.source ?? ''}" got "${who}" :: ${c.text.slice(0, 70)}`);
  }
  for (const u of claimUnits) if (!matched.has(u)) console.log(`MISSED [${u.claim}] ${textOf(u).slice(0, 120)}`);
}
