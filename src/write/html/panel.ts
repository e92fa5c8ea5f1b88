// The document page's side panel: the legend (removals by stage, kind and rule; claims by type),
// the summary, the sources with their credentials and how many claims cite each, the topics with
// their claim counts, and the stages' messages. Also the claim tooltip's text.
import type { ClaimOutput, SieveDocumentOutput, SourceOutput } from '../output-types.js';
import { esc } from './escape.js';
import { STAGE_CLASS } from './style.js';

/** stage -> kind -> rule -> removed segments, in order of first appearance. */
export type Legend = Map<string, Map<string, Map<string, number>>>;

const CLAIM_TYPES = ['fact', 'advice', 'question'] as const;
const SOURCE_FIELDS = new Set(['ref', 'kind', 'name', 'mentions', 'credentials', 'description']);
const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
const count = (n: number): string => `<span class="count">${n}</span>`;
const pct = (part: number, whole: number): string => (whole ? `${Math.round((1000 * part) / whole) / 10}%` : '–');

export function claimTip(c: ClaimOutput, sources: SourceOutput[]): string {
  const lines = [`${c.type} claim${c.hedge ? `, hedged ${c.hedge}` : ', not hedged'}`];
  lines.push(`topics: ${c.topics.length ? c.topics.map((t) => `${t.id} (${t.score})`).join(', ') : 'none'}`);
  const said = c.sources.map((s) => {
    const src = sources.find((x) => x.ref === s.ref);
    return `${src ? src.name : s.ref} (${s.how}${s.cue ? `: “${s.cue}”` : ''})`;
  });
  lines.push(`source: ${said.length ? said.join('; ') : 'none named (the document)'}`);
  if (c.keywords.length) lines.push(`keywords: ${c.keywords.join(', ')}`);
  return lines.join('\n');
}

export function panel(out: SieveDocumentOutput, legend: Legend): string {
  return `<aside id="panel" aria-label="Legend and summary">\n${legendSection(out, legend)}${summarySection(out)}${sourcesSection(out)}${topicsSection(out)}${messagesSection(out)}</aside>\n`;
}

function legendSection(out: SieveDocumentOutput, legend: Legend): string {
  const stages = (['boilerplate', 'quality', 'dedupe'] as const).filter((s) => legend.has(s)).map((stage) => {
    const kinds = [...legend.get(stage)!].map(([kind, rules]) => {
      const items = [...rules].map(([rule, n]) => `<li><code>${esc(rule)}</code>${count(n)}</li>`).join('');
      return `<li>${esc(kind)}${count(sum(rules))}<ul>${items}</ul></li>`;
    }).join('');
    const n = [...legend.get(stage)!.values()].reduce((a, m) => a + sum(m), 0);
    return `<li><span class="sw ${STAGE_CLASS[stage]}"></span>removed by ${stage}${count(n)}<ul>${kinds}</ul></li>`;
  }).join('');
  const types = CLAIM_TYPES.map((t) => [t, out.claims.filter((c) => c.type === t).length] as const).filter(([, n]) => n)
    .map(([t, n]) => `<li><span class="sw ${t}"></span>${t}${count(n)}</li>`).join('');
  const repeated = out.segments.filter((s) => s.status === 'kept' && s.copies?.length).length;
  return '<section aria-labelledby="h-legend"><h2 id="h-legend">Legend</h2>\n'
    + (stages ? `<ul>${stages}</ul>\n` : '<p class="muted">Nothing was removed.</p>\n')
    + (types ? `<h3>Claims</h3><ul>${types}</ul>\n` : '')
    + (repeated ? `<ul><li><span class="n">kept here, copies removed</span>${count(repeated)}</li></ul>\n` : '')
    + '<p class="muted">Removed text is struck through; hover or focus it for its rule, a claim for its topics and source.</p>\n</section>\n';
}

function summarySection(out: SieveDocumentOutput): string {
  const { stats, document: info } = out;
  const keptChars = out.segments.reduce((n, s) => n + (s.status === 'kept' ? s.text.length : 0), 0);
  const row = (label: string, value: string): string => `<tr><th scope="row">${label}</th><td class="num">${value}</td></tr>`;
  return '<section aria-labelledby="h-summary"><h2 id="h-summary">Summary</h2>\n<table><tbody>\n'
    + row('characters', String(info.chars))
    + row('segments', String(stats.segments))
    + row('kept', `${stats.kept} (${pct(stats.kept, stats.segments)})`)
    + row('kept characters', `${keptChars} (${pct(keptChars, info.chars)})`)
    + row('removed by boilerplate', String(stats.removed.boilerplate))
    + row('removed by quality', String(stats.removed.quality))
    + row('removed as duplicates', String(stats.removed.dedupe))
    + row('claims', String(stats.claims))
    + '\n</tbody></table>\n</section>\n';
}

function sourcesSection(out: SieveDocumentOutput): string {
  if (!out.sources.length) return '<section aria-labelledby="h-sources"><h2 id="h-sources">Sources</h2>\n<p class="muted">No source is named.</p>\n</section>\n';
  const items = out.sources.map((s) => {
    const claims = out.claims.filter((c) => c.sources.some((x) => x.ref === s.ref)).length;
    const details: string[] = [];
    if (s.credentials?.length) details.push(`credentials: ${esc(s.credentials.join(', '))}`);
    if (s.description) details.push(esc(s.description));
    // Fields a later schema adds (a role, an organisation) are shown as they come.
    for (const [key, value] of Object.entries(s as unknown as Record<string, unknown>)) {
      if (SOURCE_FIELDS.has(key)) continue;
      if (typeof value === 'string' || typeof value === 'number') details.push(`${esc(key)}: ${esc(String(value))}`);
      else if (Array.isArray(value) && value.length && value.every((v) => typeof v === 'string')) details.push(`${esc(key)}: ${esc(value.join(', '))}`);
    }
    const more = details.length ? `<br><span class="muted">${details.join('<br>')}</span>` : '';
    return `<li>${esc(s.name)} <span class="muted">(${esc(s.kind)})</span>${count(claims)}${more}</li>`;
  }).join('');
  return `<section aria-labelledby="h-sources"><h2 id="h-sources">Sources</h2>\n<p class="muted">With the number of claims each is cited for.</p>\n<ul>${items}</ul>\n</section>\n`;
}

function topicsSection(out: SieveDocumentOutput): string {
  const counts = new Map<string, number>();
  for (const c of out.claims) for (const t of c.topics) counts.set(t.id, (counts.get(t.id) ?? 0) + 1);
  const items = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).map(([id, n]) => `<li>${esc(id)}${count(n)}</li>`).join('');
  return '<section aria-labelledby="h-topics"><h2 id="h-topics">Topics</h2>\n'
    + (items ? `<p class="muted">Claims per topic.</p>\n<ul>${items}</ul>\n` : '<p class="muted">No claim has a topic.</p>\n') + '</section>\n';
}

function messagesSection(out: SieveDocumentOutput): string {
  if (!out.messages.length) return '';
  const items = out.messages.map((m) => `<li><code>${esc(`${m.source}/${m.ruleId}`)}</code> <span class="muted">${m.severity}</span><br>${esc(m.reason)}</li>`).join('');
  return `<section aria-labelledby="h-messages"><h2 id="h-messages">Problems</h2>\n<ul>${items}</ul>\n</section>\n`;
}
