// How a large document's review page behaves in the browser: a document of about --mb MB (default
// 1) made of ../shared/bench pages one after another (line-broken, as scraped), and the same text
// flattened to one line, each cleaned by the pipeline with --format html, then opened in headless Chromium (Debian's package, driven by
// puppeteer-core, as in the tests). Reports the page's size and element count, how long it takes
// to open (navigation to the first frame after load) and to switch: "hide removed" on and off, one
// kind and back (from the click to the next frame, layout included); medians of a few tries; and
// whether, with removed text hidden, what a reader selects and copies is the cleaned.jsonl text.
// `npm run bench` runs it (its --review MB option, 0 skips); `npm run bench:review [-- --mb N]` alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../tests/helpers/browser.js';
import { runStreaming } from '../src/run/stream.js';
import { WriteSink } from '../src/write/sink.js';

const root = path.resolve(import.meta.dirname, '..');
const benchDir = path.resolve(root, '..', 'shared', 'bench');
const TRIES = 5;

export interface PageBench {
  documentMB: number;
  pageMB: number;
  segments: number;
  elements: number;
  blocks: number;
  renderMs: number;
  openMs: number;
  hideMs: number;
  showMs: number;
  oneKindMs: number;
  allKindsMs: number;
  /** With "hide removed" on, the text a reader selects and copies is the document's cleaned.jsonl text. */
  hiddenEqualsCleaned: boolean;
}

export interface ReviewBench {
  /** The pages as scraped, line breaks kept. */
  lines: PageBench;
  /** The same text on one line (a flattened dump: the page cannot be cut into blocks). */
  flat: PageBench;
}

const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Bench pages in file order, joined by blank lines, until `bytes` (UTF-8) are reached. */
function makeDocument(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (const f of ['wcxb.jsonl', 'aeb.jsonl', 'trafilatura.jsonl']) {
    for (const line of fs.readFileSync(path.join(benchDir, f), 'utf8').split('\n')) {
      if (!line || size >= bytes) continue;
      const { text } = JSON.parse(line) as { text: string };
      parts.push(text);
      size += Buffer.byteLength(text) + 2;
    }
  }
  return parts.join('\n\n');
}

export async function benchReview(work: string, mb = 1): Promise<ReviewBench> {
  const text = makeDocument(mb * 1e6);
  const { browser, close } = await launchChromium();
  try {
    return {
      lines: await benchPage(browser, path.join(work, 'review-lines'), text),
      flat: await benchPage(browser, path.join(work, 'review-flat'), text.replace(/\s*\n\s*/gu, ' ')),
    };
  } finally {
    await close();
  }
}

async function benchPage(browser: Browser, work: string, text: string): Promise<PageBench> {
  const input = path.join(work, 'in');
  const output = path.join(work, 'out');
  fs.mkdirSync(input, { recursive: true });
  fs.writeFileSync(path.join(input, 'large.txt'), text);
  const sink = new WriteSink(output, false);
  const report = await runStreaming({ input, concurrency: 1, formats: ['jsonl', 'html'], sink });
  await sink.finish();
  const file = path.join(output, 'large.html');
  const cleaned = (JSON.parse(fs.readFileSync(path.join(output, 'cleaned.jsonl'), 'utf8')) as { text: string }).text;
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const opens: number[] = [];
  for (let i = 0; i < TRIES; i++) {
    const t0 = performance.now();
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    opens.push(performance.now() - t0);
  }
  // From the click to the next frame, in the page (no protocol round trips in the figure).
  const timeSwitch = (act: string): Promise<number> => page.evaluate((what) => new Promise<number>((resolve) => {
    const t0 = performance.now();
    if (what === 'hide') (document.getElementById('hide') as HTMLInputElement).click();
    else {
      const select = document.getElementById('only') as HTMLSelectElement;
      select.value = what === 'kind' ? (select.options[1]?.value ?? '') : '';
      select.dispatchEvent(new Event('change'));
    }
    void document.body.offsetHeight;
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
  }), act);
  const hide: number[] = [], show: number[] = [], kind: number[] = [], all: number[] = [];
  for (let i = 0; i < TRIES; i++) {
    hide.push(await timeSwitch('hide'));
    show.push(await timeSwitch('hide'));
    kind.push(await timeSwitch('kind'));
    all.push(await timeSwitch('all'));
  }
  await page.click('#hide');
  const copied = await page.$eval('#text', (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  });
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  const blocks = await page.evaluate(() => document.querySelectorAll('#text .p').length);
  await page.close();
  return {
    documentMB: round(Buffer.byteLength(text) / 1e6, 2),
    pageMB: round(fs.statSync(file).size / 1e6, 2),
    segments: report.totals.segments,
    elements,
    blocks,
    renderMs: round(report.timings.render ?? 0),
    openMs: round(median(opens)),
    hideMs: round(median(hide)),
    showMs: round(median(show)),
    oneKindMs: round(median(kind)),
    allKindsMs: round(median(all)),
    hiddenEqualsCleaned: copied === cleaned,
  };
}

export function describeReview(r: ReviewBench): string {
  return (['lines', 'flat'] as const).map((k) => {
    const p = r[k];
    return `review page, ${p.documentMB} MB document ${k === 'lines' ? 'with line breaks' : 'on one line'} (${p.segments} segments; page ${p.pageMB} MB, ${p.elements} elements, ${p.blocks} blocks): `
      + `rendered in ${p.renderMs} ms; opens in ${p.openMs} ms; hide removed ${p.hideMs} ms, show again ${p.showMs} ms, one kind ${p.oneKindMs} ms, all kinds ${p.allKindsMs} ms; `
      + `hidden = cleaned.jsonl: ${p.hiddenEqualsCleaned ? 'yes' : 'NO'}`;
  }).join('\n');
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { mb: { type: 'string' } } });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-bench-review-'));
  benchReview(work, values.mb !== undefined ? Number(values.mb) : 1)
    .then((r) => process.stdout.write(describeReview(r) + '\n'))
    .finally(() => fs.rmSync(work, { recursive: true, force: true }));
}
