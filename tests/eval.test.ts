import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { evalBenchSplit, evalGold, evalGoldRoot } from '../src/eval/cli.js';
import { formatGoldTable } from '../src/eval/gold-pool.js';
import type { BenchScore } from '../src/eval/bench-score.js';
import { formatGoldSummary } from '../src/eval/gold-score.js';
import { hasShared, projectRoot, sharedDir } from './helpers/shared.js';
import { tempDir } from './helpers/run.js';
import floors from './eval-floors.json' with { type: 'json' };

const round = (x: number): number => Math.round(x * 1000) / 1000;

describe.skipIf(!hasShared)('evaluation', () => {
  it('gives the same figures as the reference scorer on the same output', async () => {
    const out = tempDir();
    const seed = path.join(sharedDir, 'gold', 'seed');
    const ours = await evalGold(seed, { out });
    const reference = execFileSync(process.execPath, [path.join(sharedDir, 'tools', 'score.mjs'), seed, path.join(out, 'input.json'), '--json'], { encoding: 'utf8' });
    expect(JSON.parse(JSON.stringify(ours))).toEqual(JSON.parse(reference));
    const line = execFileSync(process.execPath, [path.join(sharedDir, 'tools', 'score.mjs'), seed, path.join(out, 'input.json')], { encoding: 'utf8' }).trim().split('\n').at(-1);
    expect(formatGoldSummary(ours)).toBe(line);
  }, 60_000);

  it('scores a folder of gold pages as the reference scorer does, page by page and pooled', async () => {
    const out = tempDir();
    const root = path.join(sharedDir, 'gold');
    const ours = await evalGoldRoot(root, { out });
    const reference = execFileSync(process.execPath, [path.join(sharedDir, 'tools', 'score-gold.mjs'), root, out, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(JSON.stringify(ours))).toEqual(JSON.parse(reference));
    const table = execFileSync(process.execPath, [path.join(sharedDir, 'tools', 'score-gold.mjs'), root, out], { encoding: 'utf8' }).trim();
    expect(formatGoldTable(ours)).toBe(table);
  }, 120_000);

  it('holds the pooled figures over every gold page at or above their floors', async () => {
    const f = floors.goldPooled;
    const { pooled } = await evalGoldRoot(path.join(sharedDir, 'gold'));
    expect(pooled.missing).toEqual([]);
    expect(round(pooled.keptText.f1)).toBeGreaterThanOrEqual(f.keptF1);
    expect(round(pooled.claims.f1)).toBeGreaterThanOrEqual(f.claimF1);
    expect(round(pooled.claims.precision)).toBeGreaterThanOrEqual(f.claimPrecision);
    expect(round(pooled.claims.recall)).toBeGreaterThanOrEqual(f.claimRecall);
    expect(round(pooled.claims.typeAccuracy)).toBeGreaterThanOrEqual(f.typeAccuracy);
    expect(round(pooled.topics.f1)).toBeGreaterThanOrEqual(f.topicF1);
    expect(round(pooled.sources.accuracy)).toBeGreaterThanOrEqual(f.sourceAccuracy);
    expect(pooled.sources.falseRate).toBeLessThanOrEqual(f.maxFalseSourceRate);
  }, 120_000);

  it('holds the gold seed scores at or above their floors', async () => {
    const f = floors.gold.seed;
    const s = await evalGold(path.join(sharedDir, 'gold', 'seed'));
    expect(s.offsetErrors).toBeLessThanOrEqual(f.maxOffsetErrors);
    expect(s.uncoveredTokens).toBeLessThanOrEqual(f.maxUncoveredTokens);
    expect(round(s.keptText.f1)).toBeGreaterThanOrEqual(f.keptF1);
    expect(round(s.dedupe.recall)).toBeGreaterThanOrEqual(f.dedupeRecall);
    expect(round(s.dedupe.precision)).toBeGreaterThanOrEqual(f.dedupePrecision);
    expect(round(s.keptText.r)).toBeGreaterThanOrEqual(f.contentRecall);
    expect(parseFloat(s.removalRecallByKind.garbled ?? '0')).toBeGreaterThanOrEqual(f.garbledRecall);
    for (const [kind, floor] of Object.entries(f.kindRecall)) expect(parseFloat(s.removalRecallByKind[kind] ?? '0'), kind).toBeGreaterThanOrEqual(floor);
    expect(round(s.claims.f1)).toBeGreaterThanOrEqual(f.claimF1);
    expect(round(s.claims.typeAccuracy)).toBeGreaterThanOrEqual(f.typeAccuracy);
    expect(round(s.topics.f1)).toBeGreaterThanOrEqual(f.topicF1);
    expect(round(s.sources.accuracy)).toBeGreaterThanOrEqual(f.sourceAccuracy);
    expect(s.sources.falseRate).toBeLessThanOrEqual(f.maxFalseSourceRate);
  });

  type Floors = { shingleF1?: number; snippetF1?: number; wordF1?: number };
  const holds = (s: BenchScore, m: Floors, what: string): void => {
    expect(s.missing, what).toBe(0);
    if (m.shingleF1 !== undefined) expect(round(s.shingle?.f1 ?? 0), `${what} shingleF1`).toBeGreaterThanOrEqual(m.shingleF1);
    if (m.snippetF1 !== undefined) expect(round(s.snippets?.f1 ?? 0), `${what} snippetF1`).toBeGreaterThanOrEqual(m.snippetF1);
    if (m.wordF1 !== undefined) expect(round(s.wordF1 ?? 0), `${what} wordF1`).toBeGreaterThanOrEqual(m.wordF1);
  };
  for (const [file, modes] of Object.entries(floors.bench)) {
    for (const [mode, metrics] of Object.entries(modes)) {
      it(`holds ${file} (${mode === 'flat' ? 'flattened' : 'with line breaks'}) at or above its floors, on all pages and on the unread split`, async () => {
        const { all, unread } = await evalBenchSplit(path.join(sharedDir, 'bench', file), { flat: mode === 'flat' });
        const { unread: unreadFloors, ...allFloors } = metrics as Floors & { unread: Floors };
        holds(all, allFloors, 'all pages');
        holds(unread, unreadFloors, 'unread split');
      }, 300_000);
    }
  }

  it('is reachable as `npm run eval` with a usage line for a bad target', () => {
    expect(fs.existsSync(path.join(projectRoot, 'src', 'eval', 'cli.ts'))).toBe(true);
    let status = 0;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src', 'eval', 'cli.ts'), 'no-such-thing'], { cwd: projectRoot, stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(2);
  }, 60_000); // a child process compiling through tsx: seconds on a busy machine
});
