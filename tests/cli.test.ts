import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/shared.js';
import { readTree, runCli, tempDir } from './helpers/run.js';

const fixtures = path.join(projectRoot, 'fixtures', 'input');
const expected = path.join(projectRoot, 'fixtures', 'expected');

function folderWith(files: Record<string, string | Buffer>): string {
  const dir = path.join(tempDir(), 'in');
  fs.mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('golden regression', () => {
  it('reproduces fixtures/expected exactly (run `npm run golden -- --update` after reading the diff)', async () => {
    const run = await runCli(['--input', fixtures, '--output', expected, '--check', '--quiet']);
    expect(run.log.join('\n')).toBe('');
    expect(run.code).toBe(0);
  });

  it('--check prints a readable diff and exits 1 when an expected file changed, and --update makes it match again', async () => {
    const copy = tempDir();
    expect((await runCli(['--input', fixtures, '--output', copy, '--update', '--quiet'])).code).toBe(0);
    const target = path.join(copy, 'repeats.json');
    fs.writeFileSync(target, fs.readFileSync(target, 'utf8').replace('"status": "removed"', '"status": "kept"'));
    fs.writeFileSync(path.join(copy, 'stale.md'), 'from an older run\n');
    const chunks: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => { chunks.push(String(s)); return true; }) as typeof process.stdout.write;
    let check;
    try {
      check = await runCli(['--input', fixtures, '--output', copy, '--check']);
    } finally {
      process.stdout.write = write;
    }
    expect(check.code).toBe(1);
    const diff = chunks.join('');
    expect(diff).toContain('--- expected/repeats.json');
    expect(diff).toMatch(/^-\s+"status": "kept"/mu);
    expect(diff).toMatch(/^\+\s+"status": "removed"/mu);
    expect(diff).toContain('missing from this run: stale.md');
    expect(check.log.join('\n')).toMatch(/2 file\(s\) differ/u);

    expect((await runCli(['--input', fixtures, '--output', copy, '--update', '--quiet'])).code).toBe(0);
    expect(fs.existsSync(path.join(copy, 'stale.md'))).toBe(false);
    expect((await runCli(['--input', fixtures, '--output', copy, '--check', '--quiet'])).code).toBe(0);
  });
});

describe('determinism', () => {
  it('writes byte-identical output at concurrency 1, 2 and 4 and across runs', async () => {
    const [a, b, c, d] = [tempDir(), tempDir(), tempDir(), tempDir()];
    expect((await runCli(['--input', fixtures, '--output', a, '--concurrency', '1', '--quiet'])).code).toBe(0);
    expect((await runCli(['--input', fixtures, '--output', b, '--concurrency', '4', '--quiet'])).code).toBe(0);
    expect((await runCli(['--input', fixtures, '--output', c, '--concurrency', '4', '--quiet'])).code).toBe(0);
    expect((await runCli(['--input', fixtures, '--output', d, '--concurrency', '2', '--quiet'])).code).toBe(0);
    const ta = readTree(a);
    expect(ta.size).toBeGreaterThan(10);
    expect(readTree(b)).toEqual(ta);
    expect(readTree(c)).toEqual(ta);
    expect(readTree(d)).toEqual(ta);
  });
  // With worker threads however small the input, on benchmark pages and a huge one-line page:
  // tests/run.test.ts (the CLI runs inputs under 1 MB inline).

  it('ends with one summary line and prints no progress line when stderr is not a terminal', async () => {
    const run = await runCli(['--input', fixtures, '--output', tempDir()]);
    expect(run.code).toBe(0);
    expect(run.log).toHaveLength(1);
    expect(run.log[0]).toMatch(/^sieve: \d+ documents, [\d.]+ M chars, \d+ segments \(\d+ kept, \d+ removed\), \d+ claims, 0 errors in [\d.]+ s -> /u);
  });
});

describe('exit codes and errors', () => {
  it('exits 2 with one line for an unknown option', async () => {
    const run = await runCli(['--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.log).toHaveLength(1);
    expect(run.log[0]).toMatch(/^sieve: .*frobnicate.*\(see --help\)$/u);
  });

  it.each([
    [['--concurrency', '0'], /--concurrency must be a whole number/u],
    [['--concurrency', 'many'], /--concurrency must be a whole number/u],
    [['--format', 'json,xml'], /unknown format "xml"/u],
    [['--check', '--update'], /cannot be used together/u],
  ])('exits 2 for a bad value: %j', async (args, message) => {
    const run = await runCli([...args, '--input', fixtures, '--output', tempDir()]);
    expect(run.code).toBe(2);
    expect(run.log).toHaveLength(1);
    expect(run.log[0]).toMatch(message);
  });

  it('exits 2 naming the config file and the key for a bad config', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ concurrency: -1 }));
    expect((await runCli(['--config', bad])).log[0]).toMatch(/bad\.json: "concurrency" must be a whole number/u);
    fs.writeFileSync(bad, JSON.stringify({ colour: 'blue' }));
    expect((await runCli(['--config', bad])).log[0]).toMatch(/bad\.json: "colour" is not a known setting/u);
    fs.writeFileSync(bad, '{ nope');
    const run = await runCli(['--config', bad]);
    expect(run.code).toBe(2);
    expect(run.log[0]).toMatch(/bad\.json: invalid JSON/u);
  });

  it('reads input, output and formats from a config file, relative to it', async () => {
    const dir = tempDir();
    fs.cpSync(path.join(fixtures, 'repeats.txt'), path.join(dir, 'in', 'repeats.txt'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'sieve.json'), JSON.stringify({ input: 'in', output: 'out', formats: ['jsonl'], concurrency: 2 }));
    expect((await runCli(['--config', path.join(dir, 'sieve.json'), '--quiet'])).code).toBe(0);
    expect([...readTree(path.join(dir, 'out')).keys()]).toEqual(['cleaned.jsonl']);
  });

  it('exits 3 when some inputs fail, writes the others, and names each bad file in one line', async () => {
    const input = folderWith({
      'good.txt': 'Stretch your calves after a run.',
      'bad.bin': Buffer.from([0x41, 0x00, 0x42]),
      'binary.txt': Buffer.from([0x48, 0x69, 0x00, 0x00]),
      'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9]),
      'records.jsonl': '{"id": "a", "text": "Sleep matters."}\n{"id": "b", text}\n{"id": "c"}\n',
    });
    const out = tempDir();
    const run = await runCli(['--input', input, '--output', out]);
    expect(run.code).toBe(3);
    const log = run.log.join('\n');
    expect(log).toMatch(/^sieve: in\/binary\.txt: binary file \(NUL byte at byte 2\)$/mu);
    expect(log).toMatch(/^sieve: in\/latin1\.txt: invalid UTF-8 at byte 3$/mu);
    expect(log).toMatch(/^sieve: in\/records\.jsonl: line 2: invalid JSON/mu);
    expect(log).toMatch(/^sieve: in\/records\.jsonl: line 3: record has no "text" string$/mu);
    expect(log).toMatch(/^sieve: in\/bad\.bin: skipped: unknown extension \.bin$/mu);
    const files = readTree(out);
    expect(files.has('good.json')).toBe(true);
    expect(files.has('a.json')).toBe(true);
    const index = JSON.parse(files.get('index.json') ?? '{}') as { totals: { errors: number } };
    expect(index.totals.errors).toBe(4);
  });

  it('prints no stack trace when run as a command on bad input', () => {
    const input = folderWith({ 'ok.md': '# Title\nBody text.', 'nul.txt': Buffer.from([0, 1, 2]) });
    const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src', 'cli.ts'), '--input', input, '--output', tempDir()], {
      cwd: projectRoot, encoding: 'utf8', env: { ...process.env, CI: 'true' },
    });
    expect(res.status).toBe(3);
    expect(res.stderr).not.toMatch(/^\s+at /mu);
    expect(res.stderr).toMatch(/^sieve: in\/nul\.txt: binary file/mu);
    expect(res.stdout).toBe('');
  }, 60_000); // a child process compiling through tsx: seconds on a busy machine

  it('has generated output types that match the schemas', () => {
    execFileSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts', 'schema-types.ts'), '--check'], { cwd: projectRoot });
  }, 60_000);
});
