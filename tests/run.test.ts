// The streaming run (src/run): worker threads, input order, late copies, huge documents.
// Nothing here is timed; speed is measured by `npm run bench`.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedDir } from './helpers/shared.js';
import { readTree, runCli, tempDir } from './helpers/run.js';
import { runPipeline, runStreaming } from '../src/pipeline.js';
import { writeRun, FORMATS } from '../src/write/index.js';
import { WriteSink } from '../src/write/sink.js';
import { windowRanges, HUGE_DOC } from '../src/run/windows.js';
import { LateChanges } from '../src/run/late.js';
import { decodeRecord, recordText, Spill } from '../src/run/spill.js';
import { createProgress } from '../src/run/progress.js';
import { toJson, toJsonPieces } from '../src/write/json.js';
import { ownString } from '../src/strings.js';
import type { Doc, Segment } from '../src/types.js';
import type { SieveDocumentOutput } from '../src/write/output-types.js';

function writeJsonl(records: Record<string, unknown>[]): string {
  const dir = path.join(tempDir(), 'in');
  fs.mkdirSync(dir);
  const file = path.join(dir, 'docs.jsonl');
  fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

/** A subset of the benchmark pages: the first `n` records of each file. */
function benchSubset(n: number): string {
  const records: Record<string, unknown>[] = [];
  for (const f of ['aeb', 'c4', 'trafilatura', 'wcxb']) {
    const lines = fs.readFileSync(path.join(sharedDir, 'bench', `${f}.jsonl`), 'utf8').split('\n').filter(Boolean).slice(0, n);
    for (const l of lines) records.push(JSON.parse(l) as Record<string, unknown>);
  }
  return writeJsonl(records);
}

async function cli(input: string, concurrency: number): Promise<Map<string, string>> {
  const out = tempDir();
  const run = await runCli(['--input', input, '--output', out, '--concurrency', String(concurrency), '--quiet']);
  expect(run.log).toEqual([]);
  expect(run.code).toBe(0);
  return readTree(out);
}

/** A streaming run with worker threads however small the input (the CLI runs small inputs inline). */
async function threaded(input: string, concurrency = 2): Promise<Map<string, string>> {
  const out = tempDir();
  const sink = new WriteSink(out, false);
  const report = await runStreaming({ input, concurrency, formats: FORMATS, sink, minParallelBytes: 0 });
  await sink.finish();
  expect(report.workers).toBe(2);
  expect(report.problems).toEqual([]);
  return readTree(out);
}

/** The same input through the in-memory path (runPipeline + writeRun), which the streaming run must equal. */
async function inMemory(input: string, concurrency = 1): Promise<Map<string, string>> {
  const out = tempDir();
  const sink = new WriteSink(out, false);
  await writeRun(await runPipeline({ input, concurrency, minParallelBytes: 0 }), sink, FORMATS);
  await sink.finish();
  return readTree(out);
}

describe.skipIf(!hasShared)('output does not depend on threads or streaming', () => {
  it('is byte-identical at --concurrency 1 and 2 on benchmark pages, and equal to the in-memory run', async () => {
    const input = benchSubset(6);
    const one = await cli(input, 1);
    expect(one.size).toBeGreaterThan(40);
    expect(await threaded(input, 2)).toEqual(one);
    expect(await inMemory(input, 2)).toEqual(one);
  }, 300_000);
});

describe('streaming order and late copies', () => {
  const sentence = 'Drinking enough water during the day helps the kidneys clear waste from the blood.';
  const filler = (n: number): string =>
    Array.from({ length: n }, (_, i) => `Paragraph ${i} explains how regular walks of twenty minutes can improve sleep quality for adults.`).join('\n');
  const records = [
    // A page of a few prose lines: on a two-line page the furniture model is unreliable.
    { id: 'first', text: `${sentence}\nThe body loses water through breath and sweat every hour.\nMost adults need more fluid on hot days and during exercise.\nThirst is a useful guide for healthy people, though older adults feel it less.` },
    // Large, so that with workers it finishes after the small documents behind it.
    { id: 'big', text: filler(400) },
    { id: 'second', text: `Coffee counts toward daily fluid intake for most people.\n${sentence}` },
    { id: 7, text: `Tea counts toward daily fluid intake for most people too.\n${sentence}`, url: 'https://example.org/tea' },
  ];

  it('writes cleaned.jsonl and the index in input order, and a kept segment lists copies from later documents', async () => {
    const input = writeJsonl(records);
    const files = await threaded(input);
    const lines = (files.get('cleaned.jsonl') ?? '').trim().split('\n').map((l) => JSON.parse(l) as { id: unknown });
    expect(lines.map((l) => l.id)).toEqual(['first', 'big', 'second', 7]);
    const index = JSON.parse(files.get('index.json') ?? '{}') as { documents: { name: string }[] };
    expect(index.documents.map((d) => d.name)).toEqual(['first', 'big', 'second', '7']);
    const first = JSON.parse(files.get('first.json') ?? '{}') as SieveDocumentOutput;
    const kept = first.segments.find((s) => s.text === sentence);
    expect(kept).toMatchObject({ status: 'kept', occurrences: 3 });
    const second = JSON.parse(files.get('second.json') ?? '{}') as SieveDocumentOutput;
    const seven = JSON.parse(files.get('7.json') ?? '{}') as SieveDocumentOutput;
    const copies = [second, seven].map((d) => d.segments.find((s) => s.text === sentence));
    expect(copies.map((c) => c?.duplicateOf)).toEqual([kept?.id, kept?.id]);
    expect(kept?.copies).toEqual(copies.map((c) => c?.id));
    expect(await cli(input, 1)).toEqual(files);
    expect(await inMemory(input)).toEqual(files);
  }, 120_000);

  it('hands dedupe\'s late edits to the document they change, once', () => {
    const doc = (name: string): Doc => ({ name, segments: [] } as unknown as Doc);
    const reason = { stage: 'dedupe' as const, kind: 'contained' as const, rule: 'contained-superseded', score: 1 };
    const late = new LateChanges();
    late.add(doc('a'), []);
    late.add(doc('b'), [{ id: 'a:3', reason, duplicateOf: 'b:0' }]);
    expect(late.take(0)).toEqual({ late: [], edits: [[3, reason, 'b:0']] });
    expect(late.take(0)).toEqual({ late: [], edits: [] });
    expect(() => late.add(doc('c'), [{ id: 'x:1', reason, duplicateOf: 'c:0' }])).toThrow(/unknown segment/u);
  });

  it('remembers late copies as numbers and hands them over once, grouped by kept segment', () => {
    const seg = (id: string, duplicateOf?: string): Segment => ({ id, start: 0, end: 1, text: 'x', status: duplicateOf ? 'removed' : 'kept', ...(duplicateOf ? { duplicateOf } : {}) });
    const doc = (name: string, segments: Segment[]): Doc => ({ name, segments } as unknown as Doc);
    const late = new LateChanges();
    late.add(doc('a/b', [seg('a/b:0'), seg('a/b:1'), seg('a/b:2', 'a/b:0')]), []);
    late.add(doc('c', [seg('c:0', 'a/b:1'), seg('c:1', 'a/b:0')]), []);
    late.add(doc('d', [seg('d:0', 'a/b:1'), seg('d:1', 'c:9')]), []);
    expect(late.take(0)).toEqual({ late: [[1, ['c:0', 'd:0']], [0, ['c:1']]], edits: [] });
    expect(late.take(0)).toEqual({ late: [], edits: [] });
    expect(late.take(1)).toEqual({ late: [[9, ['d:1']]], edits: [] });
    expect(() => late.add(doc('e', [seg('e:0', 'nowhere:1')]), [])).toThrow(/unknown segment/u);
  });
});

describe('a later complete sentence supersedes a cut-off one in a document already written', () => {
  const full = 'Osteoarthritis can affect your vertebrae, when the cartilage between the small joints of the spine wears away over the years.';
  // Truncated by the scraper mid-word: not a quality removal (that takes a mark after a function word), a dedupe fragment.
  const cut = 'Osteoarthritis can affect your vertebrae, when the cartilage between the small joi…';
  const prose = [
    'Back pain in older adults often comes from the joints of the spine rather than the discs.',
    'Gentle stretching in the morning loosens stiff muscles along the lower back.',
    'A physiotherapist can show exercises that strengthen the core without strain.',
  ];
  const records = [
    { id: 'early', text: [prose[0], cut, prose[1]].join('\n') },
    { id: 'middle', text: [prose[2], cut, 'Swimming puts little load on the spine and keeps the back moving.'].join('\n') },
    { id: 'late', text: ['Many people notice the stiffness most after sitting for long hours at a desk.', full].join('\n') },
  ];

  it('removes the fragment and its merged copy in the earlier files, pointing at the complete one, as the in-memory run does', async () => {
    const input = writeJsonl(records);
    const files = await cli(input, 1);
    const read = (name: string): SieveDocumentOutput => JSON.parse(files.get(`${name}.json`) ?? '{}') as SieveDocumentOutput;
    const kept = read('late').segments.find((s) => s.text === full);
    expect(kept).toMatchObject({ status: 'kept' });
    for (const name of ['early', 'middle']) {
      const fragment = read(name).segments.find((s) => s.text === cut);
      expect(fragment).toMatchObject({ status: 'removed', duplicateOf: kept?.id, reason: { rule: 'contained-superseded' } });
      expect(fragment?.copies).toBeUndefined();
    }
    expect(kept?.copies).toEqual(['early:1', 'middle:1']);
    expect(await inMemory(input)).toEqual(files);
  }, 120_000);
});

describe('huge documents', () => {
  it('cuts windows between segments, each at most the window size unless one segment is larger', () => {
    const segs = [[0, 10], [11, 50], [52, 60], [61, 200], [201, 205]].map(([start, end], i) => ({ id: `d:${i}`, start, end, text: '', status: 'kept' }) as Segment);
    expect(windowRanges(segs, 60)).toEqual([[0, 3], [3, 4], [4, 5]]);
    expect(windowRanges([], 60)).toEqual([]);
  });

  it('cleans a generated one-line document larger than the window limit and accounts for every character', async () => {
    // About 1.7 MB here, above HUGE_DOC (so it is cleaned in windows); the 50 MB run is in `npm run bench`.
    const words = ['sleep', 'water', 'the', 'doctor', 'says', 'walking', 'helps', 'and', 'Subscribe', 'now', 'for', 'daily', 'tips'];
    let text = '';
    for (let i = 0; text.length < 1.6 * HUGE_DOC; i++) {
      const n = 6 + (i % 11);
      const sentence = Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
      text += `${sentence[0]?.toUpperCase()}${sentence.slice(1)} ${i % 5 === 0 ? '»' : ''} number ${i}. `;
    }
    const dir = path.join(tempDir(), 'in');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'huge.txt'), text);
    const files = await cli(dir, 2);
    const doc = JSON.parse(files.get('huge.json') ?? '{}') as SieveDocumentOutput;
    expect(doc.document.chars).toBe(text.length);
    let at = 0;
    for (const s of doc.segments) {
      expect(s.start).toBeGreaterThanOrEqual(at);
      if (text.slice(s.start, s.end) !== s.text) throw new Error(`${s.id}: offsets do not point at its text`);
      if (text.slice(at, s.start).trim() !== '') throw new Error(`text before ${s.id} is in no segment`);
      at = s.end;
    }
    expect(text.slice(at).trim()).toBe('');
    expect(doc.segments.some((s) => s.status === 'kept')).toBe(true);
  }, 300_000);
});

describe('spill file', () => {
  it('gives back every record in order, byte for byte', async () => {
    const spill = await Spill.create();
    try {
      const records = [['{"a":1}', '{}', 'plain'], ['{"b":"ü"}', '{"d":"é"}', ''], ['{}', '', 'Grüße 𝄞\n\u0000 line two'], ['{"c":[]}', '{"e":1}', 'x'.repeat(300_000)]];
      for (const [h, c, t] of records) await spill.add(h === '{}' ? Buffer.from(h) : h!, c!, t!);
      await spill.end();
      const back: string[][] = [];
      for await (const r of spill.read()) {
        const { header, changes, text } = decodeRecord(r);
        back.push([header, changes, text]);
        expect(recordText(r)).toBe(text);
      }
      expect(back).toEqual(records);
    } finally {
      await spill.remove();
    }
    expect(fs.existsSync(spill.file)).toBe(false);
  });
});

describe('progress line', () => {
  const fakeTty = (): { stream: NodeJS.WriteStream; written: string[] } => {
    const written: string[] = [];
    const stream = { isTTY: true, columns: 200, write: (s: string) => { written.push(s); return true; } } as unknown as NodeJS.WriteStream;
    return { stream, written };
  };

  it('shows documents, MB, rate and ETA on a terminal, and clears itself before a log line', () => {
    const ci = process.env.CI;
    delete process.env.CI;
    try {
      const { stream, written } = fakeTty();
      const logged: string[] = [];
      const progress = createProgress({ stream, after: 0, every: 0, log: (l) => logged.push(l) });
      progress.phase('cleaning');
      progress.update({ docs: 10, bytes: 2e6, totalBytes: 8e6 });
      expect(written.join('')).toMatch(/sieve: cleaning {2}10 docs {2}2\.0 of 8\.0 MB/u);
      progress.log('sieve: x.txt: invalid UTF-8 at byte 3');
      expect(written.at(-1)).toBe('\r\x1b[K');
      expect(logged).toEqual(['sieve: x.txt: invalid UTF-8 at byte 3']);
    } finally {
      if (ci !== undefined) process.env.CI = ci;
    }
  });

  it('prints nothing in CI, with --quiet, or when stderr is not a terminal', () => {
    const ci = process.env.CI;
    try {
      for (const [env, quiet, tty] of [['true', false, true], [undefined, true, true], [undefined, false, false]] as const) {
        if (env === undefined) delete process.env.CI;
        else process.env.CI = env;
        const { stream, written } = fakeTty();
        (stream as { isTTY: boolean }).isTTY = tty;
        const progress = createProgress({ stream, quiet, after: 0, every: 0, log: () => undefined });
        progress.phase('cleaning');
        progress.update({ docs: 1, bytes: 1 });
        progress.done();
        expect(written).toEqual([]);
      }
    } finally {
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
    }
  });
});

describe('pieces of output', () => {
  it('toJsonPieces joins to exactly toJson', () => {
    const values: object[] = [
      {},
      { a: [] , b: {}, c: undefined, d: () => 1, e: null },
      { schemaVersion: 1, segments: [{ id: 'x:0', text: 'line\nbreak "quoted" ü 𝄞', copies: ['y:1', 'z:2'] }, { id: 'x:1', reason: { stage: 'dedupe' } }], claims: [[1, [2, []]], 'two', 3, null, undefined] },
      { nested: { deep: { list: [1, 2, { three: [] }] } }, empty: '', n: -0.5 },
    ];
    for (const v of values) expect([...toJsonPieces(v)].join('')).toBe(toJson(v));
  });

  it('gives a segment text as a string of its own with the same characters, Latin-1 or not', () => {
    const text = 'Walking after meals helps. Le café’s “menu” 𝄞 est ouvert. '.repeat(100);
    for (const [a, b] of [[27, 60], [0, 26], [27, 57], [60, 63], [5, 5], [0, text.length]] as const) {
      const s = text.slice(a, b);
      expect(ownString(s)).toBe(s);
    }
    expect(ownString('short')).toBe('short');
    expect(ownString('über straße 1½')).toBe('über straße 1½');
  });
});
