// `npx tsx scripts/review-screenshot.ts`: docs/review.png, the README's picture of a review page:
// the fixtures cleaned with --format html, one page opened in headless Chromium (Debian's package,
// as in the tests) with the pointer on a duplicate, so its tooltip shows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../src/cli.js';
import { launchChromium } from '../tests/helpers/browser.js';

const root = path.resolve(import.meta.dirname, '..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-shot-'));
try {
  const code = await main(['--input', path.join(root, 'fixtures/input'), '--output', out, '--format', 'html', '--quiet']);
  if (code !== 0) throw new Error(`sieve exited with ${code}`);
  const { browser, close } = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 600 });
    await page.goto(`file://${path.join(out, 'repeats.html')}`);
    await page.hover('#text del.d');
    await page.screenshot({ path: path.join(root, 'docs', 'review.png') });
  } finally {
    await close();
  }
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
