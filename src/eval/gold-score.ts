// Scores one sieve output (the JSON of one document) against a labeled gold folder
// (input.txt, segments.jsonl, labels.jsonl; see ../shared/gold/GUIDE.md).
// Same metrics, edge cases and figures as the reference scorer ../shared/tools/score.mjs.
// Everything is compared by character offsets into input.txt, so segmentation may differ.
import { buildUnits, goldClass, type GoldClass, type GoldSet, type GoldUnit } from './gold-data.ts';
import { charMap, fixed3, harmonic, listOrEmpty, member, optMember, prf, type Prf } from './util.ts';

export { loadGold, type GoldLabel, type GoldPart, type GoldSegment, type GoldSet } from './gold-data.ts';

export interface GoldScore {
  doc: string;
  offsetErrors: number;
  uncoveredTokens: number;
  tokens: number;
  keptText: Prf;
  /** kind -> "recall (n tok)", e.g. "0.857 (14 tok)". */
  removalRecallByKind: Record<string, string>;
  dedupe: { goldTokens: number; recall: number; precision: number };
  claims: { gold: number; pred: number; recall: number; precision: number; typeAccuracy: number; f1: number };
  topics: Prf;
  sources: { attributed: number; accuracy: number; unattributed: number; falseRate: number };
  /** The raw counts behind the figures (score.mjs --counts), which gold-pool.ts sums over pages. */
  counts?: GoldCounts;
}

export interface GoldCounts {
  kept: { tp: number; fp: number; fn: number };
  claims: { gold: number; pred: number; matchedGold: number; matchedPred: number; typeOk: number };
  topics: { tp: number; fp: number; fn: number };
  sources: { attributed: number; attrOk: number; unattributed: number; falseAttr: number };
}

// ---------------------------------------------------------------------------------------------
// The output under test

interface PredSegment {
  id: unknown;
  start: unknown;
  end: unknown;
  text: unknown;
  status: unknown;
  stage: unknown;
}

interface PredClaim {
  start: number;
  end: number;
  type: unknown;
  topics: unknown;
  sources: unknown;
}

function readSegments(output: unknown): PredSegment[] {
  return listOrEmpty(member(output, 'segments'), 'output segments').map((s) => ({
    id: member(s, 'id'), start: member(s, 'start'), end: member(s, 'end'), text: member(s, 'text'),
    status: member(s, 'status'), stage: optMember(member(s, 'reason'), 'stage'),
  }));
}

/** Claims on a known segment, spanning their own start/end if given, else their segment's. */
function readClaims(output: unknown, segById: Map<unknown, PredSegment>): PredClaim[] {
  const claims: PredClaim[] = [];
  for (const c of listOrEmpty(member(output, 'claims'), 'output claims')) {
    const s = segById.get(member(c, 'segment'));
    if (!s) continue;
    claims.push({
      start: Number(member(c, 'start') ?? s.start), end: Number(member(c, 'end') ?? s.end),
      type: member(c, 'type'), topics: member(c, 'topics'), sources: member(c, 'sources'),
    });
  }
  return claims;
}

/** Segments whose `text` is given but is not the input's text at their offsets. */
function countOffsetErrors(text: string, segments: readonly PredSegment[]): number {
  // String.prototype.slice coerces odd offsets (missing, negative, fractional) as the reference does.
  return segments.filter((s) => s.text !== undefined && text.slice(s.start as number, s.end as number) !== s.text).length;
}

// ---------------------------------------------------------------------------------------------
// Metrics

/** A token (a run of letters/digits), classed by its first character. */
interface Token {
  at: number;
  unit: GoldUnit | null;
  cls: GoldClass;
  pred: PredSegment | null;
}

const isKept = (t: Token): boolean => t.pred !== null && t.pred.status === 'kept';
const ratio = (part: number, whole: number, ifEmpty: number): number => (whole ? part / whole : ifEmpty);

function removalByKind(noise: readonly Token[]): Record<string, string> {
  const byKind: Record<string, { tokens: number; removed: number }> = {};
  for (const t of noise) {
    const u = t.unit;
    const kind = u?.label === 'garbled' ? 'garbled' : String(u?.kind ?? 'other');
    const k = (byKind[kind] ??= { tokens: 0, removed: 0 });
    k.tokens++;
    if (!isKept(t)) k.removed++;
  }
  const out: Record<string, string> = {};
  for (const [kind, k] of Object.entries(byKind)) out[kind] = `${Number((k.removed / k.tokens).toFixed(3))} (${k.tokens} tok)`;
  return out;
}

function dedupeScore(scored: readonly Token[]): GoldScore['dedupe'] {
  const dup = scored.filter((t) => t.cls === 'dup');
  const byDedupe = scored.filter((t) => t.pred !== null && t.pred.status === 'removed' && t.pred.stage === 'dedupe');
  return {
    goldTokens: dup.length,
    recall: ratio(dup.filter((t) => !isKept(t)).length, dup.length, 1),
    precision: ratio(byDedupe.filter((t) => t.cls !== 'keep').length, byDedupe.length, 1),
  };
}

const overlap = (a: PredClaim, b: GoldUnit): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

interface ClaimMatch {
  matchedPred: number;
  matchedGold: Set<GoldUnit>;
  /** First predicted claim matched to each gold claim, in prediction order. */
  pairs: [PredClaim, GoldUnit][];
}

/**
 * Each predicted claim goes to the gold claim it overlaps most (first on ties), if the overlap is at
 * least half the shorter of the two. Every such prediction counts for precision; only the first
 * one on a gold claim counts for recall and forms a pair (for type, topics and sources).
 */
function matchClaims(predicted: readonly PredClaim[], goldClaims: readonly GoldUnit[]): ClaimMatch {
  const m: ClaimMatch = { matchedPred: 0, matchedGold: new Set(), pairs: [] };
  for (const c of predicted) {
    let best: GoldUnit | null = null;
    let bestOverlap = 0;
    for (const u of goldClaims) {
      const o = overlap(c, u);
      if (o > bestOverlap) [best, bestOverlap] = [u, o];
    }
    if (!best || !(bestOverlap >= 0.5 * Math.min(c.end - c.start, best.end - best.start))) continue;
    m.matchedPred++;
    if (!m.matchedGold.has(best)) {
      m.matchedGold.add(best);
      m.pairs.push([c, best]);
    }
  }
  return m;
}

function claimCounts(goldClaims: readonly GoldUnit[], predicted: readonly PredClaim[], m: ClaimMatch): GoldCounts['claims'] {
  return { gold: goldClaims.length, pred: predicted.length, matchedGold: m.matchedGold.size, matchedPred: m.matchedPred,
    typeOk: m.pairs.filter(([c, u]) => c.type === u.claim).length };
}

/** Claim figures from counts; `pairs` is the number of matched gold claims (matchedGold). */
export function claimScore(c: GoldCounts['claims']): GoldScore['claims'] {
  const recall = ratio(c.matchedGold, c.gold, 1);
  const precision = ratio(c.matchedPred, c.pred, 1);
  return { gold: c.gold, pred: c.pred, recall, precision,
    typeAccuracy: ratio(c.typeOk, c.matchedGold, 0), f1: harmonic(precision, recall) };
}

/** Micro counts of topic ids over matched pairs; a predicted topic is `{id}` or a bare id. */
function topicCounts(pairs: ClaimMatch['pairs']): GoldCounts['topics'] {
  let tp = 0, fp = 0, fn = 0;
  for (const [c, u] of pairs) {
    const gold = new Set(listOrEmpty(u.topics, 'gold topics'));
    const pred = new Set(listOrEmpty(c.topics, 'claim topics').map((t) => member(t, 'id') ?? t));
    for (const x of pred) gold.has(x) ? tp++ : fp++;
    for (const x of gold) if (!pred.has(x)) fn++;
  }
  return { tp, fp, fn };
}

const NAMED_KINDS: readonly unknown[] = ['person', 'organization', 'publication', 'org'];

/** Lower-cased names of a claim's named sources; a source is resolved by ref (or id) when listed. */
function sourceNames(c: PredClaim, byRef: Map<unknown, unknown>): string[] {
  return listOrEmpty(c.sources, 'claim sources')
    .map((s) => byRef.get(member(s, 'ref') ?? member(s, 'id')) ?? s)
    .filter((s) => NAMED_KINDS.includes(member(s, 'kind')))
    .map((s) => String(member(s, 'name') ?? '').toLowerCase());
}

/** Words of a name that can identify it: letters only, longer than two characters. */
function nameWords(name: string): string[] {
  return name.toLowerCase().replace(/[^\p{L}\s]/gu, ' ').split(/\s+/).filter((w) => w.length > 2 && w !== 'dr' && w !== 'the');
}

function sourceCounts(output: unknown, pairs: ClaimMatch['pairs']): GoldCounts['sources'] {
  const listed = listOrEmpty(member(output, 'sources'), 'output sources');
  const byRef = new Map<unknown, unknown>(listed.map((s) => [member(s, 'ref') ?? member(s, 'id'), s]));
  let attributed = 0, correct = 0, unattributed = 0, falseAttr = 0;
  for (const [c, u] of pairs) {
    const names = sourceNames(c, byRef);
    if (u.source) {
      attributed++;
      const goldWords = nameWords(u.source as string);
      if (names.some((n) => nameWords(n).some((w) => goldWords.includes(w)))) correct++;
    } else {
      unattributed++;
      if (names.length) falseAttr++;
    }
  }
  return { attributed, attrOk: correct, unattributed, falseAttr };
}

export function sourceScore(c: GoldCounts['sources']): GoldScore['sources'] {
  return { attributed: c.attributed, accuracy: ratio(c.attrOk, c.attributed, 1), unattributed: c.unattributed, falseRate: ratio(c.falseAttr, c.unattributed, 0) };
}

// ---------------------------------------------------------------------------------------------

/**
 * Scores a parsed sieve output JSON against a gold set; `name` defaults to the gold folder's name.
 * `withCounts` adds the raw counts, as score.mjs --counts does.
 */
export function scoreGold(gold: GoldSet, output: unknown, name: string = gold.name, withCounts = false): GoldScore {
  const { text } = gold;
  const units = buildUnits(gold);
  const goldAt = charMap(text.length, units.map((u) => ({ start: u.start, end: u.end, value: u })));

  const segments = readSegments(output);
  const segById = new Map<unknown, PredSegment>(segments.map((s) => [s.id, s]));
  const predAt = charMap(text.length, segments.map((s) => ({ start: s.start, end: s.end, value: s })));
  const offsetErrors = countOffsetErrors(text, segments);

  const tokens: Token[] = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => {
    const unit = goldAt[m.index] ?? null;
    return { at: m.index, unit, cls: goldClass(unit), pred: predAt[m.index] ?? null };
  });
  const scored = tokens.filter((t) => t.cls !== null && t.cls !== 'neutral');
  const count = (f: (t: Token) => boolean): number => scored.filter(f).length;
  const kept = {
    tp: count((t) => t.cls === 'keep' && isKept(t)),
    fp: count((t) => t.cls !== 'keep' && isKept(t)),
    fn: count((t) => t.cls === 'keep' && !isKept(t)),
  };

  const goldClaims = units.filter((u) => !u.carvedUp && u.label === 'content' && u.dupOf == null
    && (u.claim === 'fact' || u.claim === 'advice' || u.claim === 'question'));
  const predClaims = readClaims(output, segById);
  const match = matchClaims(predClaims, goldClaims);
  const counts: GoldCounts = { kept, claims: claimCounts(goldClaims, predClaims, match), topics: topicCounts(match.pairs), sources: sourceCounts(output, match.pairs) };

  const score: GoldScore = {
    doc: name,
    offsetErrors,
    uncoveredTokens: tokens.filter((t) => t.pred === null).length,
    tokens: tokens.length,
    keptText: prf(kept.tp, kept.fp, kept.fn),
    removalRecallByKind: removalByKind(scored.filter((t) => t.cls === 'noise')),
    dedupe: dedupeScore(scored),
    claims: claimScore(counts.claims),
    topics: prf(counts.topics.tp, counts.topics.fp, counts.topics.fn),
    sources: sourceScore(counts.sources),
  };
  if (withCounts) score.counts = counts;
  return score;
}

/** The one-line summary score.mjs prints last. */
export function formatGoldSummary(s: GoldScore): string {
  return `${s.doc}: keptF1=${fixed3(s.keptText.f1)} dedupeR=${fixed3(s.dedupe.recall)} claimF1=${fixed3(s.claims.f1)}`
    + ` topicF1=${fixed3(s.topics.f1)} srcAcc=${fixed3(s.sources.accuracy)} falseSrc=${fixed3(s.sources.falseRate)}`
    + ` uncovered=${s.uncoveredTokens}`;
}

/** score.mjs's full human output: the result with non-integers rounded to 3 places, then the summary line. */
export function formatGoldReport(s: GoldScore): string {
  const rounded = JSON.stringify(s, (_k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(3)) : v), 1);
  return `${rounded}\n${formatGoldSummary(s)}`;
}
