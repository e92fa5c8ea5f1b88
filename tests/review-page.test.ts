// The HTML review pages (--format html), checked in a real browser: headless Chromium from the
// Debian package driven by puppeteer-core. No skipping: if the browser is missing, these fail.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import type { Page } from 'puppeteer-core';
import { runCli, tempDir } from './helpers/run.js';
import { launchChromium, type Launched } from './helpers/browser.js';
import type { SieveDocumentOutput } from '../src/write/output-types.js';
import { documentHtml } from '../src/write/html/document.js';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
const BROWSER_TIMEOUT = 120_000;

let out = '';
let chromium: Launched;
let shots = '';
const cleaned = new Map<string, string>();

beforeAll(async () => {
  out = tempDir('sieve-review-');
  shots = tempDir('sieve-review-shots-');
  const run = await runCli(['--input', 'fixtures/input', '--output', out, '--quiet']);
  expect(run.code).toBe(0);
  const ids = new Map<string, string>();
  for (const f of fs.readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'index.json')) {
    const doc = JSON.parse(fs.readFileSync(path.join(out, f), 'utf8')) as SieveDocumentOutput;
    ids.set(doc.document.id, f.replace(/\.json$/u, ''));
  }
  for (const line of fs.readFileSync(path.join(out, 'cleaned.jsonl'), 'utf8').split('\n').filter(Boolean)) {
    const { id, text } = JSON.parse(line) as { id: string | number; text: string };
    cleaned.set(ids.get(String(id)) ?? String(id), text);
  }
  chromium = await launchChromium();
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await chromium?.close();
});

const json = (name: string): SieveDocumentOutput => JSON.parse(fs.readFileSync(path.join(out, `${name}.json`), 'utf8')) as SieveDocumentOutput;

async function open(name: string, width = 1200): Promise<Page> {
  const page = await chromium.browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.goto(`file://${path.join(out, `${name}.html`)}`);
  return page;
}

/**
 * The text a reader gets by selecting the whole text and copying it. (Blocks far off screen are
 * not laid out, content-visibility: auto, and innerText leaves them out; a selection brings them in,
 * as it does for a reader.)
 */
const visibleText = (page: Page): Promise<string> => page.$eval('#text', (el) => {
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  const copied = selection.toString();
  selection.removeAllRanges();
  return copied;
});

describe('review pages as files', () => {
  it('writes one page per document and index.html, each valid HTML for html-validate', async () => {
    const pages = fs.readdirSync(out).filter((f) => f.endsWith('.html')).sort();
    expect(pages).toEqual([...cleaned.keys(), 'index'].map((n) => `${n}.html`).sort());
    for (const page of pages) {
      const report = await validator.validateString(fs.readFileSync(path.join(out, page), 'utf8'), page);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${page}:${m.line} ${m.ruleId} ${m.message}`))).toEqual([]);
    }
  }, BROWSER_TIMEOUT);

  it('loads nothing from the network: no external script, style, font or image', () => {
    for (const page of fs.readdirSync(out).filter((f) => f.endsWith('.html'))) {
      const html = fs.readFileSync(path.join(out, page), 'utf8');
      expect(html).not.toMatch(/<(script|link|img|iframe)\b[^>]*\b(src|href)=/u);
      expect(html).not.toMatch(/@import|@font-face|url\(/u);
    }
  });
});

describe('a document page in the browser', () => {
  it('shows exactly the cleaned.jsonl text when "hide removed" is on, for every fixture', async () => {
    for (const [name, text] of cleaned) {
      const page = await open(name);
      const full = await visibleText(page);
      await page.click('#hide');
      expect(await visibleText(page), name).toBe(text);
      if (json(name).stats.removed.boilerplate + json(name).stats.removed.quality + json(name).stats.removed.dedupe) expect(full.length).toBeGreaterThan(text.length);
      await page.click('#hide');
      expect(await visibleText(page)).toBe(full);
      await page.close();
    }
  }, BROWSER_TIMEOUT);

  it('keeps the input\'s line breaks and reading order when nothing is hidden', async () => {
    const page = await open('furniture-lines');
    const input = fs.readFileSync('fixtures/input/furniture-lines.txt', 'utf8');
    expect((await visibleText(page)).trim()).toBe(input.trim());
    await page.close();
  }, BROWSER_TIMEOUT);

  it('tells a removed segment\'s kind and rule on hover and on keyboard focus', async () => {
    const doc = json('furniture-lines');
    const removed = doc.segments.filter((s) => s.status === 'removed');
    const page = await open('furniture-lines');
    const segments = await page.$$('#text del');
    expect(segments.length).toBe(removed.length);
    await segments[2]!.hover();
    expect(await page.$eval('#tip', (t) => (t as HTMLElement).hidden)).toBe(false);
    const tip = await page.$eval('#tip', (t) => t.textContent ?? '');
    expect(tip).toContain(`rule ${removed[2]!.reason!.rule}`);
    expect(tip).toContain(removed[2]!.reason!.kind);
    await page.mouse.move(1, 1);
    expect(await page.$eval('#tip', (t) => (t as HTMLElement).hidden)).toBe(true);
    // By keyboard: Tab past the two switches and the link to the panel lands on the first removed segment.
    await page.focus('#only');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#panel');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('del')?.textContent)).toBe(removed[0]!.text);
    expect(await page.$eval('#tip', (t) => t.textContent ?? '')).toContain(`rule ${removed[0]!.reason!.rule}`);
    await page.keyboard.press('Escape');
    expect(await page.$eval('#tip', (t) => (t as HTMLElement).hidden)).toBe(true);
    await page.screenshot({ path: path.join(shots, 'furniture-lines.png'), fullPage: true });
    expect(fs.readFileSync(path.join(shots, 'furniture-lines.png')).subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  }, BROWSER_TIMEOUT);

  it('tells a claim\'s type, topics, hedge and source on hover', async () => {
    const doc = json('furniture-lines');
    const claim = doc.claims[0]!;
    const page = await open('furniture-lines');
    await page.hover(`#text mark[data-c="0"]`);
    const tip = await page.$eval('#tip', (t) => t.textContent ?? '');
    expect(tip).toContain(`${claim.type} claim`);
    expect(tip).toContain('topics:');
    expect(tip).toContain('source:');
    await page.close();
  }, BROWSER_TIMEOUT);

  it('shows one kind of removal at a time', async () => {
    const doc = json('furniture-lines');
    const page = await open('furniture-lines');
    const option = await page.$eval('#only option:nth-child(2)', (o) => [(o as HTMLOptionElement).value, o.textContent ?? ''] as const);
    await page.select('#only', option[0]);
    const shown = await page.$$eval('#text del', (ds) => ds.filter((d) => (d as HTMLElement).offsetParent !== null).map((d) => d.textContent));
    // The option reads "nav (boilerplate, 8)".
    const [, kind, stage] = /^(.+) \((\w+), \d+\)$/u.exec(option[1]) ?? [];
    expect(shown).toEqual(doc.segments.filter((s) => s.reason?.kind === kind && s.reason?.stage === stage).map((s) => s.text));
    expect(shown.length).toBeGreaterThan(0);
    await page.close();
  }, BROWSER_TIMEOUT);

  it('links a duplicate to the kept copy, in the same page and in another document\'s page', async () => {
    const here = json('repeats');
    const dup = here.segments.find((s) => s.duplicateOf !== undefined)!;
    const page = await open('repeats');
    await page.click(`#text del[data-of="${dup.duplicateOf}"] a`);
    expect(new URL(page.url()).pathname.endsWith('/repeats.html')).toBe(true);
    expect(await page.$eval(':target', (t) => t.textContent)).toBe(here.segments.find((s) => s.id === dup.duplicateOf)!.text);

    const other = json('72').segments.find((s) => s.duplicateOf !== undefined && !s.duplicateOf.startsWith('72:'))!;
    await page.goto(`file://${path.join(out, '72.html')}`);
    await Promise.all([page.waitForNavigation(), page.click(`#text del[data-of="${other.duplicateOf}"] a`)]);
    const [name, index] = other.duplicateOf!.split(':');
    expect(new URL(page.url()).pathname.endsWith(`/${name}.html`)).toBe(true);
    expect(new URL(page.url()).hash).toBe(`#s${index}`);
    expect(await page.$eval(':target', (t) => t.textContent)).toBe(json(name!).segments[Number(index)]!.text);
    await page.close();
  }, BROWSER_TIMEOUT);

  it('fits a narrow window without sideways scrolling', async () => {
    const page = await open('furniture-flat', 360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(shots, 'narrow.png'), fullPage: true });
    await page.close();
    const index = await open('index', 360);
    expect(await index.evaluate(() => document.body.scrollWidth)).toBeLessThanOrEqual(360);
    await index.close();
  }, BROWSER_TIMEOUT);
});

describe('the run page in the browser', () => {
  it('lists every document with a link to its page, the rules\' removals and the repeated sentences', async () => {
    const index = JSON.parse(fs.readFileSync(path.join(out, 'index.json'), 'utf8')) as { documents: { name: string }[]; stages: Record<string, Record<string, number>> };
    const page = await open('index');
    const links = await page.$$eval('main table a[href$=".html"]', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(index.documents.map((d) => `${d.name}.html`));
    const rules = await page.$$eval('main code', (cs) => cs.map((c) => c.textContent));
    for (const rule of Object.keys(index.stages.boilerplate ?? {})) expect(rules).toContain(rule);
    expect(await page.$$eval('svg.meter', (s) => s.length)).toBeGreaterThan(index.documents.length);
    await Promise.all([page.waitForNavigation(), page.click('a[href^="sun-01.html#"]')]);
    expect(await page.$eval(':target', (t) => t.textContent)).toContain('Broad-spectrum sunscreen');
    await page.close();
  }, BROWSER_TIMEOUT);
});

describe('the side panel', () => {
  it('lists the sources with credentials and claim counts, the topics with counts, and a claim\'s source and hedge on hover', async () => {
    const text = 'Sunburn is a skin injury. Dr. Ana Ruiz, a dermatologist, says aloe may soothe it. Ruiz adds that shade helps most.\nShare this!';
    const at = (s: string): [number, number] => [text.indexOf(s), text.indexOf(s) + s.length];
    const seg = (i: number, s: string, extra: object = {}) => ({ id: `demo:${i}`, start: at(s)[0], end: at(s)[1], text: s, status: 'kept' as const, ...extra });
    const out: SieveDocumentOutput = {
      schemaVersion: 1,
      document: { id: 'demo', path: 'input/demo.txt', format: 'txt', chars: text.length, sha256: '0'.repeat(64) },
      stats: { segments: 4, kept: 3, removed: { boilerplate: 1, quality: 0, dedupe: 0 }, claims: 3 },
      segments: [
        seg(0, 'Sunburn is a skin injury.'),
        seg(1, 'Dr. Ana Ruiz, a dermatologist, says aloe may soothe it.'),
        seg(2, 'Ruiz adds that shade helps most.'),
        seg(3, 'Share this!', { status: 'removed', reason: { stage: 'boilerplate', kind: 'cta', rule: 'cta-share' } }),
      ],
      claims: [
        { id: 'demo:c1', segment: 'demo:0', text: 'Sunburn is a skin injury.', type: 'fact', hedge: 0, topics: [{ id: 'definition', score: 0.9 }], keywords: [], sources: [], occurrences: 1 },
        { id: 'demo:c2', segment: 'demo:1', text: '', type: 'advice', hedge: 0.5, topics: [{ id: 'self-care', score: 0.7 }, { id: 'treatment', score: 0.4 }], keywords: ['aloe'], sources: [{ ref: 's1', cue: 'says', how: 'explicit' }], occurrences: 1 },
        { id: 'demo:c3', segment: 'demo:2', text: '', type: 'fact', hedge: 0, topics: [{ id: 'self-care', score: 0.6 }], keywords: [], sources: [{ ref: 's1', cue: 'Ruiz adds', how: 'inherited' }], occurrences: 1 },
      ],
      sources: [{ ref: 's1', kind: 'person', name: 'Ana Ruiz', credentials: ['M.D.'], description: 'a dermatologist', role: 'dermatologist', mentions: ['demo:1', 'demo:2'] } as SieveDocumentOutput['sources'][number]],
      messages: [],
    };
    const dir = tempDir('sieve-review-panel-');
    const html = [...documentHtml(out, text, 'demo')].join('');
    fs.writeFileSync(path.join(dir, 'demo.html'), html);
    const report = await validator.validateString(html, 'demo.html');
    expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
    const page = await chromium.browser.newPage();
    await page.goto(`file://${path.join(dir, 'demo.html')}`);
    const sources = await page.$eval('#h-sources + p + ul', (ul) => (ul as HTMLElement).innerText);
    expect(sources).toContain('Ana Ruiz (person)');
    expect(sources).toContain('credentials: M.D.');
    expect(sources).toContain('role: dermatologist');
    expect(await page.$eval('#h-sources + p + ul .count', (c) => c.textContent)).toBe('2');
    const topics = await page.$$eval('#h-topics ~ ul li', (lis) => lis.map((li) => (li as HTMLElement).innerText.replace(/\s+/gu, ' ')));
    expect(topics).toEqual(['self-care 2', 'definition 1', 'treatment 1']);
    await page.hover('#text mark[data-c="1"]');
    const tip = await page.$eval('#tip', (t) => t.textContent ?? '');
    expect(tip).toContain('advice claim, hedged 0.5');
    expect(tip).toContain('topics: self-care (0.7), treatment (0.4)');
    expect(tip).toContain('source: Ana Ruiz (explicit: “says”)');
    await page.close();
  }, BROWSER_TIMEOUT);
});

describe('a long page', () => {
  it('is cut into blocks at line breaks, and still shows the input, or with removed text hidden the cleaned text', async () => {
    const input = tempDir('sieve-review-in-');
    const dir = tempDir('sieve-review-out-');
    const parts = ['furniture-lines.txt', 'repeats.txt', 'furniture-flat.txt', 'garbled.txt', 'glued.txt'].map((f) => fs.readFileSync(path.join('fixtures/input', f), 'utf8'));
    // Three rounds: the second and third are removed as duplicates of the first.
    const text = [0, 1, 2].flatMap((round) => parts.map((p, i) => (i === round ? p.replace(/\n/gu, '\n\n') : p))).join('\n\n');
    fs.writeFileSync(path.join(input, 'long.txt'), text);
    expect((await runCli(['--input', input, '--output', dir, '--format', 'html,jsonl', '--quiet'])).code).toBe(0);
    const page = await chromium.browser.newPage();
    await page.goto(`file://${path.join(dir, 'long.html')}`);
    expect(await page.$$eval('#text .p', (ps) => ps.length)).toBeGreaterThan(2);
    expect(await visibleText(page)).toBe(text.trim());
    await page.click('#hide');
    const { text: cleanedLong } = JSON.parse(fs.readFileSync(path.join(dir, 'cleaned.jsonl'), 'utf8')) as { text: string };
    expect(await visibleText(page)).toBe(cleanedLong);
    await page.close();
  }, BROWSER_TIMEOUT);
});

describe('escaping', () => {
  it('shows a page text holding <script> or </style> as text, and stays valid', async () => {
    const input = tempDir('sieve-review-in-');
    const dir = tempDir('sieve-review-out-');
    const text = 'Markup in a dump: <script>window.pwned = 1</script> and </style><b>bold</b> & "quotes" <!-- comment --> stay text.\n'
      + 'A second line with </textarea></main> in it.\r\nA third line after a CR LF, and a bell \u0007 in it.\n';
    fs.writeFileSync(path.join(input, 'markup.txt'), text);
    expect((await runCli(['--input', input, '--output', dir, '--format', 'html,jsonl', '--quiet'])).code).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'markup.html'), 'utf8');
    const report = await validator.validateString(html, 'markup.html');
    expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
    const page = await chromium.browser.newPage();
    await page.goto(`file://${path.join(dir, 'markup.html')}`);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.$$eval('#text b', (b) => b.length)).toBe(0);
    // CR LF reads as a line feed; a control character shows as its Control Pictures sign.
    expect((await visibleText(page)).trim()).toBe(text.trim().replace(/\r\n/gu, '\n').replace('\u0007', '\u2407'));
    await page.close();
  }, BROWSER_TIMEOUT);
});
