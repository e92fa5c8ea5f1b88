import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, pass1, pass2, runPipeline, STEP_NAMES } from '../src/pipeline.js';
import { runStep, StepError, type Tallies } from '../src/run/steps.js';
import { InlineExecutor, type Executor } from '../src/run/executor.js';
import { createDoc } from '../src/doc.js';
import { makeDoc } from '../src/ingest/doc.js';
import { runIndex } from '../src/write/json.js';
import { projectRoot } from './helpers/shared.js';

const fixtures = path.join(projectRoot, 'fixtures', 'input');

function docOf(text: string, name = 'note') {
  const source = makeDoc({ id: name, rawId: name, path: `input/${name}.txt`, format: 'txt', text });
  return createDoc(source, name, [{ start: 0, end: 5 }, { start: 6, end: text.length }]);
}

describe('the declared pipeline', () => {
  it('lists each step once, pass 1, then the corpus steps, then pass 2', () => {
    expect(pass1.map((s) => s.name)).toEqual(['segment', 'boilerplate', 'quality']);
    expect(corpus.map((s) => s.name)).toEqual(['site-repeats', 'dedupe', 'corpus']);
    expect(pass2.map((s) => s.name)).toEqual(['claims', 'sources', 'topics']);
    expect(new Set(STEP_NAMES).size).toBe(STEP_NAMES.length);
  });
});

describe('the step runner', () => {
  it('counts kept segments in and out and the removals by rule', () => {
    const doc = docOf('Hello there, this is a sentence.');
    const tallies: Tallies = {};
    const drop = { name: 'drop-first', run: (d: typeof doc) => { d.segments[0]!.status = 'removed'; d.segments[0]!.reason = { stage: 'boilerplate', kind: 'nav', rule: 'first-one' }; } };
    runStep(drop, doc, undefined, tallies);
    runStep(drop, doc, undefined, tallies); // already removed: not counted again
    expect(tallies['drop-first']).toMatchObject({ documents: 2, segmentsIn: 3, segmentsOut: 2, removed: { 'first-one': 1 } });
  });

  it('turns an exception into a StepError naming the step and the document', () => {
    const doc = docOf('Hello there, this is a sentence.', 'page-7');
    const boom = { name: 'explode', run: (): void => { throw new Error('no luck\nsecond line'); } };
    expect(() => runStep(boom, doc, undefined, {})).toThrow(StepError);
    expect(() => runStep(boom, doc, undefined, {})).toThrow('step explode failed on page-7: no luck');
  });

  it('reports a document whose step failed as a problem naming the step, and goes on with the others', async () => {
    // An executor of its own (the way a third executor plugs in), handing one document a text that is no string (it has a length, nothing else).
    const broken = (): Executor => {
      const inline = new InlineExecutor();
      return {
        workers: 0,
        run: (kind, input) => {
          if (kind === 'prepare' && (input as { name: string }).name === 'page') {
            const bad = { ...(input as object), source: { ...(input as { source: object }).source, text: { length: 10 } } };
            return inline.run(kind, bad as typeof input);
          }
          return inline.run(kind, input);
        },
        setContext: (ctx) => inline.setContext(ctx),
        close: () => inline.close(),
      };
    };
    const result = await runPipeline({ input: fixtures, concurrency: 1, executor: broken });
    const failed = result.problems.filter((p) => p.severity === 'error');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.message).toMatch(/^cannot process \(step segment failed on page: /u);
    expect(result.docs.map((d) => d.name)).not.toContain('page');
    expect(result.docs.length).toBeGreaterThan(5);
  });

  it('writes counts that add up: every removed segment was removed by exactly one step', async () => {
    const result = await runPipeline({ input: fixtures, concurrency: 1 });
    const index = runIndex(result.docs, result.problems, result.segmentCuts, result.steps);
    expect(index.steps.map((s) => s.name)).toEqual(STEP_NAMES);
    const removed = index.steps.reduce((n, s) => n + Object.values(s.removed).reduce((a, b) => a + b, 0), 0);
    const { boilerplate, quality, dedupe } = index.totals.removed;
    expect(removed).toBe(boilerplate + quality + dedupe);
    expect(index.steps.find((s) => s.name === 'segment')?.segmentsOut).toBe(index.totals.segments);
    expect(index.steps.at(-1)?.segmentsOut).toBe(index.totals.kept);
    for (const s of index.steps) expect(s.documents).toBe(index.totals.documents);
  });
});
