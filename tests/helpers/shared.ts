// Where ../shared (labeled data and reference scorers) is, and whether tests that need it run.
// In CI it must be there: a missing folder fails the run instead of skipping silently.
import fs from 'node:fs';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');
export const sharedDir = path.resolve(projectRoot, '..', 'shared');
export const hasShared = fs.existsSync(path.join(sharedDir, 'gold'));

if (!hasShared && process.env.CI) throw new Error(`../shared is missing (${sharedDir}); CI needs it beside the project`);

export function readJsonl<T = Record<string, unknown>>(file: string): T[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}
