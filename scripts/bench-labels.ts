// Segment labels derived from ../shared/bench gold, shared by the training script and the rule
// report: content (1), furniture (0), or unknown (null).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runPipeline } from '../src/pipeline.js';
import { isUnread } from '../src/eval/split.js';
import type { Doc } from '../src/types.js';
export const tokens = (s: string): string[] => (s.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []);
const norm = (s: string): string => s.replace(/\s+/gu, ' ').trim().toLowerCase();

/** aeb/wcxb: content when most of the segment's word trigrams (short: its whole word sequence) are in the gold text. */
export function goldLabeler(gold: string): (seg: string) => 0 | 1 {
  const g = tokens(gold);
  const joined = ` ${g.join(' ')} `;
  const tri = new Set<string>();
  for (let i = 0; i + 2 < g.length; i++) tri.add(`${g[i]} ${g[i + 1]} ${g[i + 2]}`);
  return (seg) => {
    const t = tokens(seg);
    if (t.length < 5) return t.length && joined.includes(` ${t.join(' ')} `) ? 1 : 0;
    let hit = 0;
    for (let i = 0; i + 2 < t.length; i++) if (tri.has(`${t[i]} ${t[i + 1]} ${t[i + 2]}`)) hit++;
    return hit / (t.length - 2) >= 0.5 ? 1 : 0;
  };
}

/** trafilatura: content or furniture when the segment contains, or is contained in, a `with` or `without` snippet. */
export function snippetLabeler(withs: string[], withouts: string[]): (seg: string) => 0 | 1 | null {
  const w = withs.map(norm).filter(Boolean);
  const wo = withouts.map(norm).filter(Boolean);
  return (seg) => {
    const s = norm(seg);
    if (tokens(s).length < 2) return null;
    if (w.some((x) => s.includes(x) || x.includes(s))) return 1;
    if (wo.some((x) => s.includes(x) || x.includes(s))) return 0;
    return null;
  };
}

export interface BenchPage { id: string; url?: string; text: string; text_flat: string; gold?: string; with?: string[]; without?: string[] }

export function labelerFor(d: BenchPage): (seg: string) => 0 | 1 | null {
  return typeof d.gold === 'string' ? goldLabeler(d.gold) : snippetLabeler(d.with ?? [], d.without ?? []);
}

/**
 * Runs the pipeline on the readable pages of a ../shared/bench file (the unread split left out;
 * `keep` narrows them further), with line breaks or `flat`, and with each page's URL, as eval
 * passes it (site repeats count pages per site, not per file). The scripts that read rules'
 * and the model's errors share it.
 */
export async function runReadable(file: string, flat: boolean, keep: (p: BenchPage) => boolean = () => true): Promise<{ docs: Doc[]; byId: Map<string, BenchPage> }> {
  const bench = path.resolve(import.meta.dirname, '..', '..', 'shared', 'bench');
  const pages = fs.readFileSync(path.join(bench, file), 'utf8').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l) as BenchPage).filter((p) => !isUnread(p.id) && keep(p));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-readable-'));
  try {
    const input = path.join(tmp, file);
    fs.writeFileSync(input, pages.map((p) => JSON.stringify({ id: p.id, text: flat ? p.text_flat : p.text, ...(p.url ? { url: p.url } : {}) })).join('\n') + '\n');
    const { docs } = await runPipeline({ input, concurrency: 2 });
    return { docs, byId: new Map(pages.map((p) => [p.id, p])) };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
