import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import outputSchema from '../src/write/schema/sieve-output.v1.schema.json' with { type: 'json' };
import * as api from '../src/index.js';
import { clean, cleanText, createSieve, SieveInputError, type SieveDocumentOutput } from '../src/index.js';
import { projectRoot } from './helpers/shared.js';
import { readTree, runCli, tempDir } from './helpers/run.js';

const validate = new Ajv2020({ allErrors: true }).compile(outputSchema);

const PAGE = 'Home | News\n\nEating oats every morning lowers cholesterol, a review of trials found.\n\nSubscribe to our newsletter!';
const WEATHER = {
  id: 'weather',
  topics: [{ id: 'rainfall', label: 'Rainfall', description: 'rain and storms', cues: ['rain', 'storm', 'flood'], examples: [] }],
};

async function all(it: AsyncIterable<SieveDocumentOutput>): Promise<SieveDocumentOutput[]> {
  const out: SieveDocumentOutput[] = [];
  for await (const o of it) out.push(o);
  return out;
}

describe('the public API', () => {
  it('exports exactly cleanText, clean, createSieve, the input and settings errors and the taxonomy helpers', () => {
    expect(Object.keys(api).sort()).toEqual(['SettingsError', 'SieveInputError', 'TaxonomyError', 'clean', 'cleanText', 'createSieve', 'defaultTaxonomy', 'readTaxonomy']);
  });

  it('cleanText gives the document output the command writes for the same record', async () => {
    const out = await cleanText(PAGE, { id: 'oats' });
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.segments.filter((s) => s.status === 'kept').map((s) => s.text)).toEqual(['Eating oats every morning lowers cholesterol, a review of trials found.']);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'in.jsonl'), JSON.stringify({ id: 'oats', text: PAGE }) + '\n');
    expect((await runCli(['--input', path.join(dir, 'in.jsonl'), '--output', path.join(dir, 'out'), '--quiet'])).code).toBe(0);
    const written = JSON.parse(readTree(path.join(dir, 'out')).get('oats.json')!) as SieveDocumentOutput;
    expect({ ...out, document: { ...out.document, path: 'x' } }).toEqual({ ...written, document: { ...written.document, path: 'x' } });
  });

  it('clean gives outputs in input order from an async iterable and finds duplicates across records', async () => {
    async function* records() {
      yield { id: 'first', text: 'Green tea is rich in antioxidants, researchers say.' };
      yield { id: 'second', text: 'Green tea is rich in antioxidants, researchers say. Coffee is not.', source: 'crawl-2' };
    }
    const out = await all(clean(records()));
    expect(out.map((o) => o.document.id)).toEqual(['first', 'second']);
    const copy = out[1]!.segments[0]!;
    expect(copy.status).toBe('removed');
    expect(copy.duplicateOf).toBe(out[0]!.segments[0]!.id);
  });

  it('gives the same outputs at concurrency 1 and 2', async () => {
    const records = Array.from({ length: 6 }, (_, i) => ({ id: `r${i}`, text: `${PAGE}\n\nRecord ${i} says walking ${i + 2} km a day helps the heart.` }));
    const one = await all(createSieve({ concurrency: 1 }).clean(records));
    const two = await all(createSieve({ concurrency: 2 }).clean(records));
    expect(two).toEqual(one);
  }, 60_000);

  it('keeps settings per instance: two taxonomies in one process tag the same claim differently', async () => {
    const text = 'Heavy rain and storms will cause floods in the valley, forecasters said.';
    const [mine, standard] = await Promise.all([createSieve({ taxonomy: WEATHER }).cleanText(text), createSieve().cleanText(text)]);
    expect(mine.claims[0]?.topics.map((t) => t.id)).toEqual(['rainfall']);
    expect(standard.claims[0]?.topics.map((t) => t.id)).not.toContain('rainfall');
  });

  it('rejects a bad record with an error naming it, and bad settings at once', async () => {
    await expect(all(clean([{ id: 'ok', text: 'Fine.' }, { id: 'bad' } as never]))).rejects.toThrow(new SieveInputError({ path: 'records', where: 'record 2', message: 'record has no "text" string', severity: 'error' }).message);
    expect(() => createSieve({ concurrency: 0 })).toThrow(/"concurrency" must be a whole number from 1 to 64/u);
    expect(() => createSieve({ taxonomy: { topics: [] } as never })).toThrow(/taxonomy option: "topics" must be a non-empty list/u);
  });

  it('ends the run when the reader stops early', async () => {
    const records = Array.from({ length: 40 }, (_, i) => ({ text: `Sentence number ${i} is about sleep and memory.` }));
    const seen: string[] = [];
    for await (const o of clean(records)) {
      seen.push(o.document.id);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(['records-1', 'records-2']);
  });

  it('runs the README example and prints what the README shows', () => {
    const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## As a library'));
    const code = /```js\n([\s\S]*?)```/u.exec(section)?.[1];
    const shown = /prints\n\n```text\n([\s\S]*?)```/u.exec(section)?.[1];
    expect(code && shown).toBeTruthy();
    const dir = tempDir();
    const file = path.join(dir, 'example.mjs');
    fs.writeFileSync(file, code!.replace("from 'sieve'", `from '${pathToFileURL(path.join(projectRoot, 'src', 'index.ts')).href}'`));
    const run = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: projectRoot, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(shown);
  }, 60_000);
});
