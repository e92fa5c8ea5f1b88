import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOverrides, defaultSettings, resolveSettings, settingNames, SettingsError } from '../src/settings.js';
import { createSieve, SettingsError as Exported } from '../src/index.js';
import { runPipeline } from '../src/pipeline.js';
import { projectRoot } from './helpers/shared.js';
import { readTree, runCli, tempDir } from './helpers/run.js';

const fixtures = path.join(projectRoot, 'fixtures', 'input');
const lines = fs.readFileSync(path.join(fixtures, 'furniture-lines.txt'), 'utf8');
const MODEL_OFF = { 'boilerplate.model': { threshold: 0, thresholdFlat: 0 }, 'boilerplate.pageType': { articleThreshold: 0, flatArticleThreshold: 0 } };

describe('threshold settings', () => {
  it('names every numeric {value, why} entry of the settings files, with its default', () => {
    const names = new Map(settingNames());
    expect(names.get('boilerplate.teasers.minRun')).toBe(defaultSettings['boilerplate.teasers'].minRun.value);
    expect(names.get('quality.splice.recycled')).toBe(defaultSettings['quality.splice'].recycled.value);
    expect(names.get('boilerplate.model.threshold')).toBeTypeOf('number');
    expect(names.size).toBeGreaterThanOrEqual(30);
  });

  it('accepts dotted and nested names alike and resolves them over the defaults', () => {
    const a = checkOverrides({ 'boilerplate.teasers.minRun': 5 }, 'x');
    const b = checkOverrides({ boilerplate: { teasers: { minRun: 5 } } }, 'x');
    expect(a).toEqual(b);
    const s = resolveSettings(a);
    expect(s['boilerplate.teasers'].minRun.value).toBe(5);
    expect(s['boilerplate.teasers'].maxWords).toBe(defaultSettings['boilerplate.teasers'].maxWords);
    expect(defaultSettings['boilerplate.teasers'].minRun.value).not.toBe(5);
    expect(resolveSettings({})).toBe(defaultSettings);
  });

  it('rejects a bad override with one line naming it', () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ 'boilerplate.teasers.minRunz': 2 }, /"boilerplate\.teasers\.minRunz" is not a setting/u],
      [{ 'quality.splice.recycled': 'high' }, /"quality\.splice\.recycled" must be a number, not "high"/u],
      [{ 'quality.splice.recycled': 1.5 }, /must be a share from 0 to 1, not 1\.5/u],
      [{ 'boilerplate.teasers.minRun': 2.5 }, /must be a whole number >= 0, not 2\.5/u],
      [{ 'boilerplate.teasers.minRun': -1 }, /must be a whole number >= 0/u],
    ];
    for (const [input, message] of bad) {
      expect(() => checkOverrides(input, 'where'), JSON.stringify(input)).toThrow(message);
      try {
        checkOverrides(input, 'where');
      } catch (e) {
        expect(e).toBeInstanceOf(SettingsError);
        expect((e as Error).message.startsWith('where: ')).toBe(true);
        expect((e as Error).message).not.toContain('\n');
      }
    }
    expect(() => createSieve({ settings: { nope: 1 } })).toThrow(Exported);
  });

  it('changes the output through the API, inline and in worker threads: with every model threshold at 0 the furniture model removes nothing', async () => {
    const rule = (o: Awaited<ReturnType<ReturnType<typeof createSieve>['cleanText']>>): number => o.segments.filter((s) => s.reason?.rule === 'furniture-model').length;
    const [standard, off] = await Promise.all([createSieve().cleanText(lines), createSieve({ settings: MODEL_OFF }).cleanText(lines)]);
    expect(rule(standard)).toBeGreaterThan(0);
    expect(rule(off)).toBe(0);
    // The overrides travel with each task to the worker threads too.
    expect(await createSieve({ settings: MODEL_OFF, concurrency: 2 }).cleanText(lines)).toEqual(off);
  }, 60_000);

  it('reads overrides from the config file, records them in index.json, and exits 2 on a bad one', async () => {
    const dir = tempDir();
    const config = path.join(dir, 'sieve.json');
    fs.writeFileSync(config, JSON.stringify({ settings: MODEL_OFF }));
    const out = path.join(dir, 'out');
    expect((await runCli(['--config', config, '--input', path.join(fixtures, 'furniture-lines.txt'), '--output', out, '--quiet'])).code).toBe(0);
    const files = readTree(out);
    expect(files.get('furniture-lines.json')).not.toContain('"furniture-model"');
    const index = JSON.parse(files.get('index.json')!) as { producer: { options: { settings: Record<string, number> } } };
    expect(index.producer.options.settings).toEqual({ 'boilerplate.model.threshold': 0, 'boilerplate.model.thresholdFlat': 0, 'boilerplate.pageType.articleThreshold': 0, 'boilerplate.pageType.flatArticleThreshold': 0 });

    fs.writeFileSync(config, JSON.stringify({ settings: { 'dedupe.thresholds.shingleChars': 4 } }));
    const run = await runCli(['--config', config, '--input', fixtures, '--output', out]);
    expect(run.code).toBe(2);
    expect(run.log).toHaveLength(1);
    expect(run.log[0]).toMatch(/sieve\.json: "settings": "dedupe\.thresholds\.shingleChars" is not a setting/u);
  });
});

describe('dedupe thresholds', () => {
  it('decides near duplicates by the run\'s nearJaccard, inline and in the corpus step', async () => {
    const rules = async (settings?: Record<string, number>): Promise<string[]> => {
      const result = await runPipeline({ input: fixtures, concurrency: 1, ...(settings ? { settings } : {}) });
      return result.docs.flatMap((d) => d.segments.flatMap((s) => (s.reason?.stage === 'dedupe' ? [s.reason.rule] : [])));
    };
    expect(await rules()).toContain('near-jaccard');
    expect(await rules(checkOverrides({ 'dedupe.thresholds.nearJaccard': 1 }, 'test'))).not.toContain('near-jaccard');
  });
});

describe('index.json producer', () => {
  it('records the version, hashes of the data and the taxonomy, and the options, without paths or times', async () => {
    const dir = tempDir();
    expect((await runCli(['--input', path.join(fixtures, 'glued.txt'), '--output', dir, '--format', 'json', '--quiet'])).code).toBe(0);
    const { producer } = JSON.parse(readTree(dir).get('index.json')!) as { producer: Record<string, unknown> };
    const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    expect(producer).toEqual({ sieve: pkg.version, data: expect.stringMatching(/^sha256:[0-9a-f]{64}$/u), taxonomy: expect.stringMatching(/^sha256:[0-9a-f]{64}$/u), options: { formats: ['json'], settings: {} } });
    const other = tempDir();
    const taxonomy = path.join(other, 't.json');
    fs.writeFileSync(taxonomy, JSON.stringify({ topics: [{ id: 'x', cues: ['sleep'] }] }));
    expect((await runCli(['--input', path.join(fixtures, 'glued.txt'), '--output', other, '--format', 'json', '--taxonomy', taxonomy, '--quiet'])).code).toBe(0);
    const second = (JSON.parse(readTree(other).get('index.json')!) as { producer: Record<string, unknown> }).producer;
    expect(second.taxonomy).not.toBe(producer.taxonomy);
    expect(second.data).toBe(producer.data);
  });
});
