// Do two bench files label furniture alike? From train:cleaner's --cache (readable pages only),
// the token-weighted content rate of each file's segments per feature bucket, side by side:
//   npx tsx scripts/label-rates.ts CACHE [fileA fileB]
// A bucket where the rates part far (a short line: 0.2 in one, 0.6 in the other) is a labeling
// convention the model cannot learn from both at once.
import fs from 'node:fs';
import v8 from 'node:v8';
import { FEATURE_NAMES } from '../src/boilerplate/features.js';

interface Raw { rows: number[][]; labels: (0 | 1 | null)[]; counts: number[]; file: string; flat: boolean; site: string }
const [cache, a = 'wcxb.jsonl', b = 'wcxb-train.jsonl'] = process.argv.slice(2);
const raw = v8.deserialize(fs.readFileSync(cache!)) as Raw[];
const col = (f: string): number => FEATURE_NAMES.indexOf(f);
const buckets: [string, (r: number[]) => string][] = [
  ['all', () => 'all'],
  ['words', (r) => { const n = Math.expm1(r[col('logWords')]!); return n <= 3 ? '1-3' : n <= 10 ? '4-10' : n <= 30 ? '11-30' : '31+'; }],
  ['endsSentence', (r) => String(r[col('endsSentence')])],
  ['titleRatio>0.6', (r) => String(r[col('titleRatio')]! > 0.6)],
  ['position', (r) => (r[col('position')]! < 0.2 ? 'first fifth' : r[col('position')]! > 0.8 ? 'last fifth' : 'middle')],
  ['repeatedInPage', (r) => String(r[col('repeatedInPage')])],
  ['rule', (r) => FEATURE_NAMES.filter((f, j) => f.startsWith('rule:') && r[j] === 1)[0] ?? 'none'],
];
for (const flat of [false, true]) {
  console.log(`\n${flat ? 'flat' : 'lines'}: content share of labeled tokens (tokens)  ${a} | ${b}`);
  for (const [name, key] of buckets) {
    const stat = new Map<string, number[]>(); // key -> [contentA, allA, contentB, allB]
    for (const p of raw) {
      if (p.flat !== flat || (p.file !== a && p.file !== b)) continue;
      const o = p.file === a ? 0 : 2;
      p.rows.forEach((r, i) => {
        const l = p.labels[i];
        if (l === null || l === undefined) return;
        const k = key(r);
        const s = stat.get(k) ?? [0, 0, 0, 0];
        s[o]! += l * p.counts[i]!; s[o + 1]! += p.counts[i]!;
        stat.set(k, s);
      });
    }
    for (const [k, s] of [...stat.entries()].sort()) {
      const ra = s[1] ? s[0]! / s[1] : NaN, rb = s[3] ? s[2]! / s[3] : NaN;
      console.log(`  ${`${name}=${k}`.padEnd(34)} ${ra.toFixed(3)} (${s[1]}) | ${rb.toFixed(3)} (${s[3]})  diff ${(rb - ra).toFixed(3)}`);
    }
  }
}
const sites = (f: string): Set<string> => new Set(raw.filter((p) => p.file === f).map((p) => p.site));
const sa = sites(a), sb = sites(b);
console.log(`\nsites: ${a} ${sa.size}, ${b} ${sb.size}, shared ${[...sa].filter((s) => sb.has(s)).length}`);
