// Headless Chromium from the Debian package (apt-get install chromium; .ci/run installs it),
// driven by puppeteer-core: nothing is downloaded, no profile is shared (a fresh user-data-dir per
// launch, removed on close), no background network.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const CHROMIUM = process.env.SIEVE_CHROMIUM ?? '/usr/bin/chromium';

export interface Launched {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Launched> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (see .ci/run)`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`],
  });
  return {
    browser,
    async close() {
      await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
