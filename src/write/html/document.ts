// The review page of one document (output/<name>.html), rendered from the same data as its JSON
// (documentOutput) plus the input text for the whitespace between segments. The text comes in
// reading order with its line breaks: kept text plain; removed segments struck through in their
// stage's colour (<del>, a link to the kept copy for a duplicate); claims marked by type. Switching
// "hide removed" on leaves exactly the document's cleaned.jsonl text: the original gaps around
// removed text are hidden, and before each kept segment a joiner holds the separator cleaned.jsonl
// puts there (a line break if the input had one anywhere in between, else a space); where the
// gap already is that separator it is written once, plain.
import type { SieveDocumentOutput, SegmentOutput } from '../output-types.js';
import { attr, esc, scriptJson } from './escape.js';
import { anchor, pageHref, segmentHref } from './links.js';
import { CSS, STAGE_CLASS } from './style.js';
import { SCRIPT } from './script.js';
import { claimTip, panel, type Legend } from './panel.js';
import { separator } from '../cleaned.js';

/** Pieces of about this many characters (a huge document's page is never one string). */
const PIECE = 1 << 16;
/** The text is cut into blocks (laid out only near the screen) of at least this many characters, after a line break. */
const BLOCK = 4096;
/** Text with no line break for this long is cut between any two segments. */
const FLAT_BLOCK = 4 * BLOCK;

/**
 * Writes the text, segment by segment. Each run of removed segments, with the whitespace around
 * and between them, is one wrapper (hidden whole by "hide removed"); whitespace between kept
 * segments that is not what cleaned.jsonl puts there is a gap (hidden), and a joiner (shown only
 * then) carries cleaned.jsonl's separator. The text is cut into blocks (<div class="p">, inline
 * blocks as wide as the text, so they add no line break to the text a reader copies, and with
 * content-visibility: auto, so the browser lays out only those near the screen) just after a line
 * break once a block has BLOCK characters, or between any two segments after FLAT_BLOCK (a
 * flattened dump then shows a line break there).
 */
class TextWriter {
  buf = '';
  private prevEnd = 0;
  private prevKept: boolean | undefined;
  private lastKeptEnd = -1;
  private inRun = false;
  private blockChars = 0;

  constructor(private readonly text: string) {}

  add(s: SegmentOutput, html: string): void {
    const kept = s.status === 'kept';
    const gap = this.text.slice(this.prevEnd, s.start);
    const nl = this.blockChars >= BLOCK ? gap.indexOf('\n') : -1;
    const cut = nl >= 0 ? nl + 1 : this.blockChars >= FLAT_BLOCK ? gap.length : -1;
    const plain = kept && this.prevKept === true && cut < 0 && gap === this.sep(s.start);
    if (plain) this.buf += gap;
    else if (cut >= 0) {
      this.gap(gap.slice(0, cut), this.prevKept === false);
      this.closeRun();
      this.buf += '</div><div class="p">';
      this.blockChars = 0;
      this.gap(gap.slice(cut), !kept);
    } else this.gap(gap, this.prevKept === false || !kept);
    if (kept) {
      this.closeRun();
      if (this.lastKeptEnd >= 0 && !plain) this.buf += `<span class="j">${this.sep(s.start)}</span>`;
      this.lastKeptEnd = s.end;
    } else this.openRun();
    this.buf += html;
    this.blockChars += s.end - this.prevEnd;
    this.prevEnd = s.end;
    this.prevKept = kept;
  }

  take(): string {
    const out = this.buf;
    this.buf = '';
    return out;
  }

  end(): string {
    this.gap(this.text.slice(this.prevEnd), this.prevKept === false);
    this.closeRun();
    return this.take();
  }

  /** cleaned.jsonl's separator before a kept segment starting at `start`. */
  private sep(start: number): string {
    return separator(this.text, this.lastKeptEnd, start);
  }

  /** Whitespace: inside the removed run when next to removed text, else a gap of its own. */
  private gap(ws: string, inRun: boolean): void {
    if (!ws) return;
    if (inRun) {
      this.openRun();
      this.buf += esc(ws);
    } else {
      this.closeRun();
      this.buf += `<span class="g">${esc(ws)}</span>`;
    }
  }

  private openRun(): void {
    if (!this.inRun) this.buf += '<span class="rm">';
    this.inRun = true;
  }

  private closeRun(): void {
    if (this.inRun) this.buf += '</span>';
    this.inRun = false;
  }
}

export function* documentHtml(out: SieveDocumentOutput, text: string, name: string): Generator<string> {
  const { document: info } = out;
  const legend: Legend = new Map();
  const reasons = new Map<string, number>();
  const kinds = new Map<string, number>();
  const claimsBySegment = new Map<string, number>();
  out.claims.forEach((c, i) => { if (!claimsBySegment.has(c.segment)) claimsBySegment.set(c.segment, i); });
  const copyTips: string[] = [];

  // Classes and tables first: the toolbar's kind list and the legend need the counts.
  for (const s of out.segments) {
    if (!s.reason) continue;
    const { stage, kind, rule } = s.reason;
    const kindKey = `${stage}\u0000${kind}`;
    if (!kinds.has(kindKey)) kinds.set(kindKey, kinds.size);
    const key = `${kindKey}\u0000${rule}`;
    if (!reasons.has(key)) reasons.set(key, reasons.size);
    const byKind = legend.get(stage) ?? new Map<string, Map<string, number>>();
    legend.set(stage, byKind);
    const byRule = byKind.get(kind) ?? new Map<string, number>();
    byKind.set(kind, byRule);
    byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  }

  yield head(info.id, kinds);
  yield header(out, name, kinds, legend);

  yield '<main aria-label="The document\'s text">\n<div id="text"><div class="p">';
  const body = new TextWriter(text);
  for (const s of out.segments) {
    body.add(s, s.status === 'kept' ? keptSegment(s, out, claimsBySegment, copyTips) : removedSegment(s, name, reasons, kinds));
    if (body.buf.length >= PIECE) yield body.take();
  }
  yield body.end() + '</div></div>\n'
    + (out.segments.length ? '' : '<p class="muted">This document has no text.</p>\n') + '</main>\n';
  yield panel(out, legend);
  const data = {
    r: [...reasons.keys()].map((k) => {
      const [stage, kind, rule] = k.split('\u0000');
      return `removed by ${stage}: ${kind}\nrule ${rule}`;
    }),
    c: out.claims.map((c) => claimTip(c, out.sources)),
    n: copyTips,
  };
  yield '</div>\n<div id="tip" class="tip" role="tooltip" hidden></div>\n'
    + `<script type="application/json" id="data">${scriptJson(data)}</script>\n`
    + `<script>${SCRIPT}</script>\n</body>\n</html>\n`;
}

function head(title: string, kinds: Map<string, number>): string {
  // "Show one kind": removed segments of the other kinds are hidden (a rule per kind whose last
  // part is the kind's class, so the browser tests each segment against its own kind's rule only).
  const only = [...kinds.values()].map((k) => `#text[data-only="${k}"] del.k${k}{display:inline}`).join('\n');
  return '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    + '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    + `<title>${esc(title)} · sieve review</title>\n<style>\n${CSS}${only}${only ? '\n' : ''}</style>\n</head>\n<body>\n`;
}

function header(out: SieveDocumentOutput, name: string, kinds: Map<string, number>, legend: Legend): string {
  const { document: info } = out;
  const where = esc(info.path + (info.line !== undefined ? `:${info.line}` : ''));
  const url = info.url ? ` · <a href="${attr(info.url)}" rel="noreferrer">${esc(info.url)}</a>` : '';
  const options = [...kinds].map(([key, k]) => {
    const [stage, kind] = key.split('\u0000') as [string, string];
    const n = [...(legend.get(stage)?.get(kind)?.values() ?? [])].reduce((a, b) => a + b, 0);
    return `<option value="${k}">${esc(`${kind} (${stage}, ${n})`)}</option>`;
  }).join('');
  return `<header>\n<p class="where"><a href="${attr(pageHref(name, 'index'))}">Run index</a></p>\n<h1>${esc(info.id)}</h1>\n`
    + `<p class="where"><code>${where}</code>${url}</p>\n</header>\n`
    + '<div class="bar">\n<label><input type="checkbox" id="hide"> Hide removed text</label>\n'
    + `<label>Show removals: <select id="only"><option value="">all kinds</option>${options}</select></label>\n`
    + '<a href="#panel">Legend and summary</a>\n</div>\n'
    + '<div class="layout">\n';
}

function keptSegment(s: SegmentOutput, out: SieveDocumentOutput, claims: Map<string, number>, copyTips: string[]): string {
  const c = claims.get(s.id);
  const copies = s.copies?.length ? s.copies : undefined;
  if (c === undefined && !copies) return esc(s.text);
  let attrs = '';
  if (copies) {
    copyTips.push(`kept here; ${copies.length + 1} occurrences in the run\ncopies: ${copies.join(', ')}`);
    attrs += ` id="${anchor(s.id)}" data-n="${copyTips.length - 1}"`;
  }
  if (c !== undefined) return `<mark class="${attr(out.claims[c]!.type)}${copies ? ' n' : ''}" data-c="${c}"${attrs} tabindex="0">${esc(s.text)}</mark>`;
  return `<span class="n"${attrs} tabindex="0">${esc(s.text)}</span>`;
}

function removedSegment(s: SegmentOutput, name: string, reasons: Map<string, number>, kinds: Map<string, number>): string {
  const { stage, kind, rule, score } = s.reason!;
  const k = kinds.get(`${stage}\u0000${kind}`)!;
  const r = reasons.get(`${stage}\u0000${kind}\u0000${rule}`)!;
  let attrs = ` class="${STAGE_CLASS[stage]} k${k}" data-r="${r}"`;
  if (score !== undefined) attrs += ` data-s="${score}"`;
  if (s.duplicateOf === undefined) return `<del${attrs} tabindex="0">${esc(s.text)}</del>`;
  return `<del${attrs} data-of="${attr(s.duplicateOf)}"><a href="${attr(segmentHref(name, s.duplicateOf))}">${esc(s.text)}</a></del>`;
}
