// Generates src/write/output-types.ts from the JSON Schemas, so the writer is typed against the
// contract. `npm run schema:types` rewrites it; `--check` (used by the tests) fails if it is stale.
import fs from 'node:fs';
import path from 'node:path';
import { compile } from 'json-schema-to-typescript';

const dir = path.resolve(import.meta.dirname, '..', 'src', 'write');
const target = path.join(dir, 'output-types.ts');

export async function generate(): Promise<string> {
  const parts = ['// Generated from src/write/schema/*.schema.json by `npm run schema:types`. Do not edit.\n'];
  for (const name of ['sieve-output.v1.schema.json', 'sieve-index.v1.schema.json']) {
    const schema = JSON.parse(fs.readFileSync(path.join(dir, 'schema', name), 'utf8'));
    parts.push(await compile(schema, schema.title, { bannerComment: '', additionalProperties: false, unreachableDefinitions: true }));
  }
  return parts.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const text = await generate();
  if (process.argv.includes('--check')) {
    const now = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (now !== text) { console.error('src/write/output-types.ts is stale: run npm run schema:types'); process.exit(1); }
  } else fs.writeFileSync(target, text);
}
