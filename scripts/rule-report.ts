// How right is each removal rule? Runs the pipeline on ../shared/bench pages and the seed, and
// prints per rule how many tokens it removed and what share of them the gold calls content:
//   npm run rules:report [-- --flat] [-- --file wcxb.jsonl]
// A rule with a high content share is removing the article: fix it, or drop it.
// It reads only the readable pages: the unread split (src/eval/split.ts) is left out, so a rule
// is written from pages that the unread split's figures do not include.
import { parseArgs } from 'node:util';
import { labelerFor, runReadable, tokens } from './bench-labels.js';

const { values } = parseArgs({ options: { flat: { type: 'boolean' }, file: { type: 'string', multiple: true }, examples: { type: 'string' } } });
const wanted = values.examples; // a rule id: print the content it removed
const files = values.file ?? ['aeb.jsonl', 'wcxb.jsonl', 'trafilatura.jsonl'];
const stats = new Map<string, { segments: number; tokens: number; content: number; labeled: number; example?: string }>();

for (const file of files) {
  const { docs, byId } = await runReadable(file, values.flat ?? false);
  for (const doc of docs) {
    const label = labelerFor(byId.get(String(doc.source.rawId))!);
    for (const s of doc.segments) {
      if (!s.reason) continue;
      const key = `${s.reason.stage}/${s.reason.rule}`;
      const st = stats.get(key) ?? { segments: 0, tokens: 0, content: 0, labeled: 0 };
      const n = tokens(s.text).length;
      const l = label(s.text);
      st.segments++;
      st.tokens += n;
      if (l !== null) {
        st.labeled += n;
        if (l === 1) {
          st.content += n;
          st.example ??= s.text.slice(0, 100);
          if (wanted === s.reason.rule) console.log(`content removed by ${wanted}: ${s.text}`);
        }
      }
      stats.set(key, st);
    }
  }
}
const rows = [...stats.entries()].sort((a, b) => b[1].content - a[1].content);
console.log(`rule${' '.repeat(36)}segments  tokens  content-share  example of content removed`);
for (const [rule, s] of rows) {
  console.log(`${rule.padEnd(40)}${String(s.segments).padStart(8)}${String(s.tokens).padStart(8)}  ${(s.labeled ? s.content / s.labeled : 0).toFixed(3).padStart(13)}  ${s.example ?? ''}`);
}
