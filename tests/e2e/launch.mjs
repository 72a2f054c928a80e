#!/usr/bin/env node
// `npm start`: builds the Chrome extension and opens Chromium with it loaded, for a person to try.
// Lists: set LISTS_DIR to bundle local list files (e.g. LISTS_DIR=../shared/data/uk-ofsi-consolidated),
// otherwise the build downloads them from the official addresses.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
const extensionDir = resolve(root, '.output/chrome-mv3');
const executablePath =
  process.env.CHROME_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/opt/google/chrome/chrome'].find(existsSync);
if (!executablePath) {
  console.error('No Chromium or Chrome found: install one (apt-get install chromium) or set CHROME_PATH.');
  process.exit(1);
}
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'sanctions-lens-')), {
  executablePath,
  headless: false,
  args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--no-first-run'],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const page = await context.newPage();
await page.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
console.log('Chromium is open with Sanctions Lens loaded; close the window to finish.');
await new Promise((done) => context.on('close', done));
