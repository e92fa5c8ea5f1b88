// What produced an output, for index.json: sieve's version, a hash of the data files in force
// (rules, settings, models, word lists: every JSON file beside the code but the output schemas),
// a hash of the taxonomy, and the options that can change the output. No paths and no times, and
// not the concurrency: the output is the same at any.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Taxonomy } from './topics/index.js';
import type { Overrides } from './settings.js';
import type { Format } from './write/index.js';
import type { SieveRunIndex } from './write/output-types.js';

const root = path.dirname(fileURLToPath(import.meta.url));
let cached: { version: string; data: string } | undefined;

/** Every data file below src/ (or dist/), sorted by path, as parsed JSON: the same hash from the sources and from the build. */
function dataHash(): string {
  const walk = (rel: string): string[] => fs.readdirSync(path.join(root, rel), { withFileTypes: true }).flatMap((e) => {
    const file = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return file === 'write/schema' || file === 'eval' ? [] : walk(file);
    return e.name.endsWith('.json') ? [file] : [];
  });
  const hash = createHash('sha256');
  for (const file of walk('').sort()) hash.update(`${file}\0${JSON.stringify(JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')))}\0`);
  return hash.digest('hex');
}

function read(): { version: string; data: string } {
  if (!cached) {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, '..', 'package.json'), 'utf8')) as { version: string };
    cached = { version: pkg.version, data: dataHash() };
  }
  return cached;
}

export function producer(taxonomy: Taxonomy, options: { formats: readonly Format[]; settings: Overrides }): SieveRunIndex['producer'] {
  const { version, data } = read();
  return {
    sieve: version,
    data: `sha256:${data}`,
    taxonomy: `sha256:${createHash('sha256').update(JSON.stringify(taxonomy)).digest('hex')}`,
    options: { formats: [...options.formats], settings: options.settings },
  };
}
