// The run's review page (output/index.html): totals; a table of the documents (segments, kept
// share, claims, problems) linking to their pages; what each rule removed across the run, drawn as
// bars in inline SVG; the most repeated sentences across documents; the input problems.
import type { SieveRunIndex } from '../output-types.js';
import { attr, esc } from './escape.js';
import { pageHref, segmentHref } from './links.js';
import { CSS, STAGE_CLASS } from './style.js';
import type { RunReview } from './run-data.js';

const BAR = 160;
const pct = (part: number, whole: number): string => (whole ? `${Math.round((1000 * part) / whole) / 10}%` : '–');
const round = (x: number): number => Math.round(x * 10) / 10;

function bar(part: number, whole: number, cls = ''): string {
  const w = whole ? round((BAR * part) / whole) : 0;
  return `<svg class="meter" width="${BAR}" height="12" viewBox="0 0 ${BAR} 12" preserveAspectRatio="none" aria-hidden="true"><rect class="track" width="${BAR}" height="12"/>`
    + `<rect class="fill${cls ? ` ${cls}` : ''}" width="${w}" height="12"/></svg>`;
}

export function runHtml(index: SieveRunIndex, review: RunReview): string {
  const { totals } = index;
  const removed = totals.removed.boilerplate + totals.removed.quality + totals.removed.dedupe;
  return '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    + '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    + `<title>sieve review: run of ${totals.documents} documents</title>\n<style>\n${CSS}</style>\n</head>\n<body>\n<main>\n`
    + '<h1>sieve review</h1>\n'
    + `<p class="where">${totals.documents} documents, ${totals.chars} characters, ${totals.segments} segments: ${totals.kept} kept (${pct(totals.kept, totals.segments)}), `
    + `${removed} removed; ${totals.claims} claims; ${totals.errors} input errors.</p>\n`
    + documentsSection(index, review) + rulesSection(index) + repeatsSection(index) + problemsSection(index)
    + '</main>\n</body>\n</html>\n';
}

function documentsSection(index: SieveRunIndex, review: RunReview): string {
  if (!index.documents.length) return '<h2>Documents</h2>\n<p class="muted">No document was read.</p>\n';
  const rows = index.documents.map((d, i) => '<tr>'
    + `<td><a href="${attr(pageHref('index', d.name))}">${esc(d.name)}</a></td>`
    + `<td class="num">${d.segments}</td>`
    + `<td class="num">${pct(d.kept, d.segments)} ${bar(d.kept, d.segments)}</td>`
    + `<td class="num">${d.claims}</td>`
    + `<td class="num">${review.messages[i] ?? 0}</td></tr>`).join('\n');
  return '<h2>Documents</h2>\n<p class="muted">Problems: the messages a document\'s stages reported (listed on its page).</p>\n'
    + '<div class="scroll"><table class="docs">\n<thead><tr><th scope="col">document</th><th scope="col" class="num">segments</th><th scope="col" class="num">kept</th>'
    + `<th scope="col" class="num">claims</th><th scope="col" class="num">problems</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table></div>\n`;
}

function rulesSection(index: SieveRunIndex): string {
  const stages = (['boilerplate', 'quality', 'dedupe'] as const);
  const all = stages.flatMap((stage) => Object.entries(index.stages[stage] ?? {}).map(([rule, n]) => ({ stage, rule, n })));
  if (!all.length) return '<h2>Removed, by rule</h2>\n<p class="muted">Nothing was removed.</p>\n';
  const most = Math.max(...all.map((r) => r.n));
  const bodies = stages.map((stage) => {
    const rules = all.filter((r) => r.stage === stage).sort((a, b) => b.n - a.n || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
    if (!rules.length) return '';
    const rows = rules.map((r) => `<tr><td><code>${esc(r.rule)}</code></td><td class="num">${r.n}</td><td>${bar(r.n, most, STAGE_CLASS[stage])}</td></tr>`).join('\n');
    return `<tbody><tr><th scope="rowgroup" colspan="3"><span class="sw ${STAGE_CLASS[stage]}"></span>${stage}</th></tr>\n${rows}\n</tbody>\n`;
  }).join('');
  return '<h2>Removed, by rule</h2>\n<p class="muted">Segments each rule removed across the run; bars to the largest.</p>\n'
    + `<div class="scroll"><table>\n<thead><tr><th scope="col">rule</th><th scope="col" class="num">segments</th><th scope="col">share</th></tr></thead>\n${bodies}</table></div>\n`;
}

function repeatsSection(index: SieveRunIndex): string {
  const { top, sentences, copies } = index.repeated;
  if (!sentences) return '<h2>Most repeated sentences</h2>\n<p class="muted">No sentence was repeated.</p>\n';
  const rows = top.map((r) => `<tr><td class="num">${r.occurrences}</td><td>${esc(r.text)}</td>`
    + `<td><a href="${attr(segmentHref('index', r.id))}">${esc(r.id)}</a></td>`
    + `<td>${esc(r.copiesIn.map((c) => `${c.document} ×${c.copies}`).join(', '))}</td></tr>`).join('\n');
  return '<h2>Most repeated sentences</h2>\n'
    + `<p class="muted">${sentences} kept ${sentences === 1 ? 'sentence has' : 'sentences have'} copies; ${copies} ${copies === 1 ? 'copy was' : 'copies were'} removed.`
    + `${sentences > top.length ? ` The ${top.length} most repeated:` : ''}</p>\n`
    + '<div class="scroll"><table>\n<thead><tr><th scope="col" class="num">×</th><th scope="col">sentence</th><th scope="col">kept</th><th scope="col">copies in</th></tr></thead>\n'
    + `<tbody>\n${rows}\n</tbody>\n</table></div>\n`;
}

function problemsSection(index: SieveRunIndex): string {
  if (!index.problems.length) return '<h2>Problems</h2>\n<p class="muted">Every input was read.</p>\n';
  const items = index.problems.map((p) => `<li><code>${esc(p.path + (p.where ? ` (${p.where})` : ''))}</code> <span class="muted">${esc(p.severity)}</span>: ${esc(p.message)}</li>`).join('\n');
  return `<h2>Problems</h2>\n<ul>\n${items}\n</ul>\n`;
}
