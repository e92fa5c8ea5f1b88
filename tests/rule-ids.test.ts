// Rule ids are data: every id the output can name (a removal's rule, a message's ruleId, a split
// rule's cut count) is an entry with its reason (`why`) in one of the data files beside the code.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/pipeline.js';
import { documentMarkdown } from '../src/write/markdown.js';
import { createDoc, note } from '../src/doc.js';
import { makeDoc } from '../src/ingest/doc.js';
import { projectRoot } from './helpers/shared.js';

const src = path.join(projectRoot, 'src');

function files(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p.endsWith(path.join('write', 'schema')) || p.endsWith('eval') ? [] : files(p, ext);
    return e.name.endsWith(ext) ? [p] : [];
  });
}

/** Every {id, why} entry in a list in a data file (the taxonomy's topics are not rules). */
function dataRules(): Map<string, { file: string; why: unknown }> {
  const rules = new Map<string, { file: string; why: unknown }>();
  const walk = (x: unknown, file: string, inList: boolean): void => {
    if (Array.isArray(x)) for (const v of x) walk(v, file, true);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (inList && typeof o.id === 'string' && !rules.has(o.id)) rules.set(o.id, { file: path.relative(projectRoot, file), why: o.why });
      for (const v of Object.values(o)) walk(v, file, false);
    }
  };
  for (const file of files(src, '.json')) if (!file.endsWith('taxonomy.json')) walk(JSON.parse(fs.readFileSync(file, 'utf8')), file, false);
  return rules;
}

/** Rule ids written as literals in the code of the steps that remove or note: `rule: '...'` (either side of a ternary) and `note(doc, stage, '...')`. */
function codeRuleIds(): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of ['segment', 'boilerplate', 'quality', 'dedupe', 'sources', 'topics']) {
    for (const file of files(path.join(src, dir), '.ts')) {
      const code = fs.readFileSync(file, 'utf8');
      for (const m of code.matchAll(/\brule: ([^,}\n]+)/gu)) for (const lit of m[1]!.matchAll(/'([a-z0-9-]+)'/gu)) found.set(lit[1]!, path.relative(projectRoot, file));
      for (const m of code.matchAll(/\bnote\(\w+, '[^']+', '([a-z0-9-]+)'/gu)) found.set(m[1]!, path.relative(projectRoot, file));
    }
  }
  return found;
}

describe('rule ids as data', () => {
  const rules = dataRules();

  it('gives every rule entry of the data files a reason', () => {
    for (const [id, { file, why }] of rules) expect(typeof why === 'string' && why.length > 10, `${id} in ${file}`).toBe(true);
  });

  it('has an entry for every rule id the code of the steps names', () => {
    const named = codeRuleIds();
    // The scan must see the ids the review found only in code.
    for (const id of ['furniture-model', 'teaser-run', 'comment-section', 'lead-of-furniture', 'hook-of-cta', 'site-repeat', 'spliced-fragments', 'spliced-mid-phrase', 'inside-machine-run', 'model-fallback', 'unresolved-speaker', 'exact-hash']) {
      expect(named.has(id), id).toBe(true);
    }
    for (const [id, file] of named) expect(rules.has(id), `${id} (${file}) has no entry in a data file`).toBe(true);
  });

  it('has an entry for every rule id in the output of the team fixtures', async () => {
    const result = await runPipeline({ input: path.join(projectRoot, 'fixtures', 'input'), concurrency: 1 });
    const seen = new Set<string>(result.segmentCuts.keys());
    for (const doc of result.docs) {
      for (const s of doc.segments) if (s.reason) seen.add(s.reason.rule);
      for (const m of doc.file.messages) if (m.ruleId) seen.add(m.ruleId);
    }
    expect(seen.size).toBeGreaterThan(10);
    for (const id of seen) expect(rules.has(id), id).toBe(true);
  });
});

describe('the Markdown notes section', () => {
  it('shows what the steps noted on the document, such as a speaker left unresolved', () => {
    const text = 'Sleep helps memory, she said.';
    const doc = createDoc(makeDoc({ id: 'n', rawId: 'n', path: 'input/n.txt', format: 'txt', text }), 'n', [{ start: 0, end: text.length }]);
    note(doc, 'sources', 'unresolved-speaker', 'n:c1: "she" has no named speaker just before it; no source given');
    const md = documentMarkdown(doc);
    expect(md).toContain('## Notes');
    expect(md).toContain('`sources/unresolved-speaker` n:c1: "she" has no named speaker');
  });
});
