// Run the CLI in-process on a temporary output folder and read what it wrote.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { main } from '../../src/cli.js';

// Temporary folders made by a test file are removed when that file's tests are done.
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export interface CliRun {
  code: number;
  log: string[];
  out: string;
}

export async function runCli(args: string[]): Promise<CliRun> {
  const log: string[] = [];
  const code = await main(args, (line) => log.push(line));
  return { code, log, out: '' };
}

export function tempDir(prefix = 'sieve-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Every file below `dir`, relative path -> content. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else files.set(r, fs.readFileSync(path.join(dir, r), 'utf8'));
    }
  };
  walk('');
  return files;
}
