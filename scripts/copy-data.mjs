// Part of `npm run build`: tsc copies only the JSON files the code imports; the package ships
// every data file beside the code (rule lists a test reads, the output schemas), so that
// index.json's data hash (src/provenance.ts) is the same from dist/ as from src/.
import fs from 'node:fs';
import path from 'node:path';

const src = new URL('../src/', import.meta.url).pathname;
const dist = new URL('../dist/', import.meta.url).pathname;
const walk = (rel) => fs.readdirSync(path.join(src, rel), { withFileTypes: true }).flatMap((e) => {
  const file = rel ? `${rel}/${e.name}` : e.name;
  if (e.isDirectory()) return file === 'eval' ? [] : walk(file);
  return e.name.endsWith('.json') ? [file] : [];
});
for (const file of walk('')) {
  fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  fs.copyFileSync(path.join(src, file), path.join(dist, file));
}
