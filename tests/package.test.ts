// The packed package, as a user gets it: `npm pack`, installed into an empty folder (no tsx, no
// sources), then the command and a five-line script using the API, each compared with the
// checkout's own output. npm reads the dependencies from its cache when it can (CI's `npm ci` fills it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { projectRoot } from './helpers/shared.js';
import { readTree, runCli, tempDir } from './helpers/run.js';

const fixtures = path.join(projectRoot, 'fixtures', 'input');
const npm = (args: string[], cwd: string): string => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const SCRIPT = `import fs from 'node:fs';
import { clean } from 'sieve';
const records = fs.readFileSync(process.argv[2], 'utf8').trim().split('\\n').map((line) => JSON.parse(line));
const out = []; for await (const doc of clean(records, { concurrency: 2 })) out.push(doc);
process.stdout.write(JSON.stringify(out));
`;

describe('the packed package', () => {
  it('installs into an empty folder and gives the checkout’s output from `npx sieve` and from the API, without tsx', async () => {
    // Its own folders, removed inside the test: an installed node_modules takes the shared afterAll hook past its limit.
    const packs = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-pack-'));
    const user = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-user-'));
    try {
      await check(packs, user);
    } finally {
      for (const dir of [packs, user]) fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

async function check(packs: string, user: string): Promise<void> {
  const tarball = path.join(packs, npm(['pack', '--pack-destination', packs], projectRoot).trim().split('\n').at(-1)!);
  fs.writeFileSync(path.join(user, 'package.json'), JSON.stringify({ name: 'user', private: true, type: 'module' }));
  npm(['install', '--prefer-offline', tarball], user);
  expect(fs.existsSync(path.join(user, 'node_modules', 'tsx'))).toBe(false);
  expect(fs.existsSync(path.join(user, 'node_modules', 'sieve', 'src'))).toBe(false);
  expect(fs.existsSync(path.join(user, 'node_modules', 'sieve', 'dist', 'index.d.ts'))).toBe(true);

  // The command.
  execFileSync('npx', ['--no-install', 'sieve', '--input', fixtures, '--output', path.join(user, 'out'), '--quiet'], { cwd: user, stdio: 'pipe' });
  const mine = tempDir();
  expect((await runCli(['--input', fixtures, '--output', mine, '--quiet'])).code).toBe(0);
  expect(readTree(path.join(user, 'out'))).toEqual(readTree(mine));

  // The API, at concurrency 2: the package's worker threads run its compiled JavaScript.
  const records = fs.readFileSync(path.join(fixtures, 'records.jsonl'), 'utf8');
  fs.writeFileSync(path.join(user, 'records.jsonl'), records);
  fs.writeFileSync(path.join(user, 'script.mjs'), SCRIPT);
  const printed = execFileSync(process.execPath, ['script.mjs', 'records.jsonl'], { cwd: user, encoding: 'utf8' });
  const expected = [];
  for await (const doc of clean(records.trim().split('\n').map((l) => JSON.parse(l) as { text: string }))) expected.push(doc);
  expect(expected.length).toBeGreaterThan(1);
  expect(printed).toBe(JSON.stringify(expected));
}
