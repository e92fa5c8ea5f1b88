// The project's evaluation must print exactly the figures of the reference scorers in ../shared/tools.
// These tests build synthetic outputs, run the reference scorers on them and compare everything.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBenchSummary, readBenchDocs, readBenchPredictions, scoreBench, toBenchDoc, type BenchDoc } from '../src/eval/bench-score.ts';
import { formatGoldReport, formatGoldSummary, loadGold, scoreGold, type GoldLabel, type GoldSet } from '../src/eval/gold-score.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(projectRoot, '..', 'shared');
const goldDir = path.join(shared, 'gold', 'seed');
const benchDir = path.join(shared, 'bench');
const scoreMjs = path.join(shared, 'tools', 'score.mjs');
const scoreBenchMjs = path.join(shared, 'tools', 'score-bench.mjs');
const haveShared = fs.existsSync(scoreMjs) && fs.existsSync(scoreBenchMjs) && fs.existsSync(goldDir);

/** Runs a reference scorer and returns its stdout. */
function runNode(script: string, args: string[]): string {
  return execFileSync(process.execPath, [script, ...args], { encoding: 'utf8' });
}

/** Deterministic pseudo-random number in [0, 1) for an integer (and a salt). */
function rand(i: number, salt = 0): number {
  let x = (i + 1) * 2654435761 + salt * 40503;
  x = Math.imul(x ^ (x >>> 15), 2246822519);
  x = Math.imul(x ^ (x >>> 13), 3266489917);
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

interface OutSegment {
  id: string;
  start: number;
  end: number;
  text?: string;
  status: 'kept' | 'removed';
  reason?: { stage: string; kind: string; rule: string };
  duplicateOf?: string;
}

const segId = (i: number | string): string => `seed:${i}`;

function labelOf(gold: GoldSet, i: number): GoldLabel {
  const l = gold.labels.find((a) => a.i === i);
  if (!l) throw new Error(`no label ${i}`);
  return l;
}

/** (a) one kept segment per gold segment. */
function keepAll(gold: GoldSet): OutSegment[] {
  return gold.segments.map((s) => ({ id: segId(s.i), start: s.start, end: s.end, text: s.text, status: 'kept' }));
}

/** (b) a pseudo-random third removed, some of them by dedupe (pointing at an earlier segment). */
function removeThird(gold: GoldSet): OutSegment[] {
  return keepAll(gold).map((s, n) => {
    if (rand(n) >= 1 / 3) return s;
    if (n > 0 && rand(n, 1) < 0.4) {
      return { ...s, status: 'removed', reason: { stage: 'dedupe', kind: 'near', rule: 'near-minhash' }, duplicateOf: segId(n - 1) };
    }
    const stage = rand(n, 2) < 0.5 ? 'boilerplate' : 'quality';
    return { ...s, status: 'removed', reason: { stage, kind: stage === 'boilerplate' ? 'ad' : 'garbled', rule: 'test' } };
  });
}

/** Statuses that follow the gold labels (with a few errors), for the claim outputs. */
function byLabel(gold: GoldSet): OutSegment[] {
  return keepAll(gold).map((s, n) => {
    const l = labelOf(gold, gold.segments[n]!.i);
    const keep = (l.label === 'content' && l.dup_of == null) !== rand(n, 3) < 0.1;
    if (keep) return s;
    if (l.dup_of != null) return { ...s, status: 'removed', reason: { stage: 'dedupe', kind: 'exact', rule: 'x' }, duplicateOf: segId(l.dup_of) };
    return { ...s, status: 'removed', reason: { stage: 'boilerplate', kind: l.kind ?? 'other', rule: 'x' } };
  });
}

/** (c) every gold segment cut in two at a space near its middle, some text left uncovered. */
function splitDifferently(gold: GoldSet): OutSegment[] {
  const out: OutSegment[] = [];
  gold.segments.forEach((s, n) => {
    if (n % 9 === 4) return; // uncovered
    const cut = s.text.indexOf(' ', Math.floor(s.text.length / 2));
    const pieces = cut < 0 ? [[0, s.text.length]] : [[0, cut], [cut + 1, s.text.length]];
    pieces.forEach(([a, b], k) => {
      const status = rand(n, 10 + k) < 0.3 ? 'removed' : 'kept';
      const seg: OutSegment = { id: `seed:${n}.${k}`, start: s.start + a!, end: s.start + b!, text: s.text.slice(a, b), status };
      if (status === 'removed') seg.reason = rand(n, 20 + k) < 0.5 ? { stage: 'dedupe', kind: 'contained', rule: 'x' } : { stage: 'quality', kind: 'fragment', rule: 'x' };
      out.push(seg);
    });
  });
  return out;
}

interface OutSource { ref: string; kind: string; name: string }

/** (d) claims on content segments and their parts, with topics and sources, some of them wrong. */
function withClaims(gold: GoldSet): { segments: OutSegment[]; claims: unknown[]; sources: OutSource[] } {
  const sources: OutSource[] = [
    { ref: 's0', kind: 'person', name: 'John Q. Nobody' },
    { ref: 's1', kind: 'url', name: 'https://example.org/' },
  ];
  const refFor = (name: string, kind = 'person'): string => {
    const found = sources.find((s) => s.name === name && s.kind === kind);
    if (found) return found.ref;
    sources.push({ ref: `s${sources.length}`, kind, name });
    return sources.at(-1)!.ref;
  };
  const types = ['fact', 'advice', 'question'];
  const claims: unknown[] = [];
  for (const [n, s] of gold.segments.entries()) {
    const l = labelOf(gold, s.i);
    const spans: { start?: number; end?: number; rec: Record<string, unknown> }[] = [];
    for (const p of l.parts ?? []) {
      const at = s.text.indexOf(p.text);
      spans.push({ start: s.start + at, end: s.start + at + p.text.length, rec: { ...l, ...p } });
    }
    if (!l.parts?.length || rand(n, 30) < 0.3) spans.push({ rec: l as Record<string, unknown> });
    for (const [k, { start, end, rec }] of spans.entries()) {
      const r = rand(n * 7 + k, 31);
      if (!types.includes(String(rec.claim)) && r > 0.15) continue; // a few false claims
      const goldTopics = Array.isArray(rec.topics) ? (rec.topics as string[]) : [];
      const topics: unknown[] = goldTopics.filter((_t, j) => rand(n + j, 32) > 0.2).map((id, j) => (j % 2 ? id : { id, score: 0.5 }));
      if (r < 0.3) topics.push({ id: 'prognosis', score: 0.1 });
      const claimSources: unknown[] = [];
      if (typeof rec.source === 'string' && r < 0.8) {
        const name = r < 0.15 ? 'Wrong Person' : r < 0.25 ? rec.source.toUpperCase() : rec.source;
        claimSources.push({ ref: refFor(name, r < 0.2 ? 'organization' : 'person'), cue: 'says', how: 'explicit' });
      } else if (r < 0.1) claimSources.push({ ref: 's0', cue: 'says', how: 'explicit' });
      else if (r < 0.2) claimSources.push({ ref: 's1', cue: 'see', how: 'explicit' });
      else if (r < 0.25) claimSources.push({ kind: 'publication', name: 'Healthline', cue: 'inline' });
      const type = r > 0.9 ? 'fact' : typeof rec.claim === 'string' && types.includes(rec.claim) ? rec.claim : 'advice';
      const claim: Record<string, unknown> = { id: `seed:c${claims.length}`, segment: segId(s.i), text: '', type, topics, keywords: [], sources: claimSources, occurrences: 1 };
      if (start !== undefined) Object.assign(claim, { start, end });
      claims.push(claim);
      if (r < 0.05) claims.push({ ...claim, id: `seed:c${claims.length}` }); // twice on one gold claim
    }
  }
  claims.push({ id: 'seed:cx', segment: 'seed:nope', type: 'fact', topics: [], sources: [] }); // unknown segment: dropped
  return { segments: byLabel(gold), claims, sources };
}

/** (e) offset errors: wrong text, shifted offsets, no text (not an error), beyond the end. */
function offsetErrors(gold: GoldSet): OutSegment[] {
  const segs = keepAll(gold);
  segs[3] = { ...segs[3]!, text: 'not what the input says' };
  segs[10] = { ...segs[10]!, start: segs[10]!.start + 1 };
  delete segs[11]!.text;
  segs[12] = { ...segs[12]!, status: 'removed', reason: { stage: 'boilerplate', kind: 'nav', rule: 'x' } };
  const last = segs.at(-1)!;
  segs.push({ id: 'seed:extra', start: last.end + 5, end: last.end + 50, text: 'beyond the end', status: 'kept' });
  return segs;
}

/** Odd but parseable outputs: negative or fractional offsets, odd reasons, repeated and numeric ids, sources by id. */
function oddOutput(gold: GoldSet): unknown {
  const segs: Record<string, unknown>[] = keepAll(gold).map((s) => ({ ...s }));
  const seg = (n: number): Record<string, unknown> => segs[n]!;
  Object.assign(seg(0), { start: -5 });
  Object.assign(seg(1), { start: Number(seg(1).start) + 0.5 });
  Object.assign(seg(2), { end: Number(seg(2).end) + 0.7 });
  Object.assign(seg(5), { status: 'removed', reason: null });
  Object.assign(seg(6), { status: 'removed', reason: 'dedupe' });
  Object.assign(seg(7), { id: seg(8).id, status: 'removed', reason: { stage: 'dedupe' } });
  Object.assign(seg(13), { id: 42 });
  Object.assign(seg(14), { status: 'dropped' });
  const claims = [
    { segment: 42, type: 'fact', topics: ['causes', { id: 'causes' }, 7], sources: [{ id: 'h' }] },
    { segment: seg(0).id, start: null, type: 'fact', topics: [], sources: [{}] },
    { segment: seg(1).id, end: Number(seg(1).end) - 3, type: 'advice' },
    { segment: seg(3).id, start: '460', end: '600', type: 'advice', sources: [{ ref: 'unknown', kind: 'person', name: 'Medhat' }] },
    { segment: seg(4).id, start: 'x', type: 'fact' },
  ];
  const sources = [{ id: 'h', kind: 'org', name: 'Healthline' }, { kind: 'person', name: 'Dr. King' }];
  return { segments: segs, claims, sources };
}

describe.skipIf(!haveShared && !process.env.CI)('evaluation matches the reference scorers', () => {
  let tmp = '';
  beforeAll(() => {
    if (!haveShared) throw new Error(`reference data not found at ${shared} (needed in CI)`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-eval-'));
  });
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('gold scorer (score.mjs)', () => {
    const cases: [string, (gold: GoldSet) => unknown][] = [
      ['keep everything', (g) => ({ segments: keepAll(g) })],
      ['remove a third', (g) => ({ segments: removeThird(g) })],
      ['split differently, some uncovered', (g) => ({ segments: splitDifferently(g) })],
      ['claims, topics and sources', (g) => withClaims(g)],
      ['claims on split segments', (g) => ({ ...withClaims(g), segments: splitDifferently(g).map((s) => ({ ...s, id: s.id.replace(/\.0$/, '') })) })],
      ['offset errors', (g) => ({ segments: offsetErrors(g) })],
      ['empty output', () => ({})],
      ['odd but parseable output', (g) => oddOutput(g)],
    ];
    it.each(cases)('%s', (name, build) => {
      const gold = loadGold(goldDir);
      const output = build(gold);
      const file = path.join(tmp, `${name.replace(/\W+/g, '-')}.json`);
      fs.writeFileSync(file, JSON.stringify(output));

      const mine = scoreGold(gold, JSON.parse(fs.readFileSync(file, 'utf8')));
      const refJson = runNode(scoreMjs, [goldDir, file, '--json']).trim();
      expect(JSON.parse(JSON.stringify(mine))).toEqual(JSON.parse(refJson));
      expect(JSON.stringify(mine)).toBe(refJson); // same keys in the same order

      const refText = runNode(scoreMjs, [goldDir, file]);
      expect(formatGoldSummary(mine)).toBe(refText.trimEnd().split('\n').at(-1));
      expect(`${formatGoldReport(mine)}\n`).toBe(refText);
    });

    it('the synthetic outputs exercise every metric', () => {
      const gold = loadGold(goldDir);
      const claims = scoreGold(gold, withClaims(gold));
      expect(claims.claims.pred).toBeGreaterThan(100);
      expect(claims.claims.typeAccuracy).toBeGreaterThan(0.5);
      expect(claims.claims.typeAccuracy).toBeLessThan(1);
      expect(claims.topics.f1).toBeGreaterThan(0.3);
      expect(claims.topics.f1).toBeLessThan(1);
      expect(claims.sources.attributed).toBeGreaterThan(5);
      expect(claims.sources.accuracy).toBeGreaterThan(0);
      expect(claims.sources.accuracy).toBeLessThan(1);
      expect(claims.sources.falseRate).toBeGreaterThan(0);
      expect(scoreGold(gold, { segments: offsetErrors(gold) }).offsetErrors).toBe(3);
      const removed = scoreGold(gold, { segments: removeThird(gold) });
      expect(removed.dedupe.precision).toBeLessThan(1);
      expect(Object.keys(removed.removalRecallByKind).length).toBeGreaterThan(5);
      expect(scoreGold(gold, { segments: splitDifferently(gold) }).uncoveredTokens).toBeGreaterThan(0);
    });
  });

  describe('bench scorer (score-bench.mjs)', () => {
    /** The first n records of a bench file, without reading more of it than needed. */
    function firstRecords(file: string, n: number): string[] {
      const text = fs.readFileSync(path.join(benchDir, file), 'utf8');
      return text.split('\n').filter(Boolean).slice(0, n);
    }

    /** Predictions of many shapes, some ids missing, one id given twice (the later line wins). */
    function predictionLines(docs: BenchDoc[]): string[] {
      const lines: string[] = [];
      docs.forEach((d, n) => {
        const flat = d.text_flat;
        const words = (d.gold ?? flat).split(/\s+/);
        switch (n % 8) {
          case 0: lines.push(JSON.stringify({ id: d.id, text: flat })); break;
          case 1: lines.push(JSON.stringify({ id: d.id, text: flat.slice(0, Math.floor(flat.length / 2)) })); break;
          case 2: lines.push(JSON.stringify({ id: d.id, text: d.gold ?? (d.with ?? []).join('\n') })); break;
          case 3: lines.push(JSON.stringify({ id: d.id, text: '' })); break;
          case 4: break; // missing
          case 5: lines.push(JSON.stringify({ id: d.id, text: words.slice(0, 3).join(' ') })); break;
          case 6: lines.push(JSON.stringify({ id: d.id, text: 'stale' }), JSON.stringify({ id: d.id, text: d.text })); break;
          default: lines.push(JSON.stringify({ id: d.id })); // no text
        }
      });
      return lines;
    }

    function compare(name: string, docLines: string[], predLines: string[]): void {
      const docsFile = path.join(tmp, `${name}.docs.jsonl`);
      const predFile = path.join(tmp, `${name}.pred.jsonl`);
      fs.writeFileSync(docsFile, `${docLines.join('\n')}\n`);
      fs.writeFileSync(predFile, `${predLines.join('\n')}\n`);
      const mine = scoreBench(readBenchDocs(docsFile), readBenchPredictions(predFile));
      const refJson = runNode(scoreBenchMjs, [docsFile, predFile, '--json']).trim();
      expect(JSON.parse(JSON.stringify(mine))).toEqual(JSON.parse(refJson));
      expect(JSON.stringify(mine)).toBe(refJson);
      expect(formatBenchSummary(mine)).toBe(runNode(scoreBenchMjs, [docsFile, predFile]).trimEnd());
    }

    it.each(['aeb', 'trafilatura', 'wcxb'])('%s', (set) => {
      const docLines = firstRecords(`${set}.jsonl`, set === 'aeb' ? 91 : 40);
      const docs = docLines.map((l) => toBenchDoc(JSON.parse(l)));
      compare(set, docLines, predictionLines(docs));
    });

    it('edge cases: empty gold, no snippets at all, numeric ids', () => {
      const docLines = [
        { id: 1, text: 'a', text_flat: 'a', gold: '' },
        { id: 'b', text: 'x', text_flat: 'x', gold: 'one two' },
        { id: 'c', text: 'y', text_flat: 'y', with: [], without: [] },
      ].map((d) => JSON.stringify(d));
      compare('edge', docLines, [JSON.stringify({ id: 1, text: 'something here' }), JSON.stringify({ id: 'b', text: 'One two' })]);
      compare('edge-none', docLines.slice(2), []);
    });
  });
});
